//! The currency table: ISO 4217 code, symbol, and the names news writes in
//! Japanese and English, each name with the factor that turns it into major
//! units (`cents` → 0.01 USD, `銭` → 0.01 JPY).
//!
//! Decisions kept here, in one place:
//! - `$` alone is USD (the extractor re-reads it as CAD/AUD/... when the article
//!   wrote `C$`, `A$`, ... before it); `¥` is JPY; `£` and `pound` are GBP.
//! - Names shared by several currencies take the one financial news means most
//!   often: `franc(s)`/`フラン` → CHF, `peso(s)`/`ペソ` → MXN, `rupee(s)`/`ルピー` → INR,
//!   `dinar(s)` → KWD only when written `Kuwaiti dinar`.
//! - Obsolete currencies still quoted in archives keep their former ISO codes
//!   (FIM, ESP, NLG); bitcoin, which has no ISO code, is `BTC`.

use crate::article::Lang;

/// One currency with every surface name that means it.
pub struct Currency {
    /// ISO 4217 code.
    pub code: &'static str,
    /// The symbol used in displays (`$ € £ ¥`); None: the code follows the number.
    pub display_symbol: Option<&'static str>,
    /// The names written after a number, by language: Japanese (`ドル`,
    /// `米ドル`); English, lower case, singular and plural. A language is one
    /// more entry in each currency.
    pub names: &'static [(Lang, &'static [&'static str])],
}

impl Currency {
    /// The names of the currency in `lang` (none when the table has none).
    pub fn names(&self, lang: Lang) -> &'static [&'static str] {
        self.names
            .iter()
            .find(|(l, _)| *l == lang)
            .map_or(&[], |(_, names)| names)
    }
}

/// The table (at least the 25 currencies financial news quotes most).
pub static CURRENCIES: &[Currency] = &[
    Currency {
        code: "USD",
        display_symbol: Some("$"),
        names: &[
            (Lang::Ja, &["米ドル", "USドル", "アメリカドル", "ドル"]),
            (
                Lang::En,
                &[
                    "us dollars",
                    "us dollar",
                    "u.s. dollars",
                    "u.s. dollar",
                    "american dollars",
                    "american dollar",
                    "dollars",
                    "dollar",
                    "greenbacks",
                ],
            ),
        ],
    },
    Currency {
        code: "EUR",
        display_symbol: Some("€"),
        names: &[(Lang::Ja, &["ユーロ"]), (Lang::En, &["euros", "euro"])],
    },
    Currency {
        code: "GBP",
        display_symbol: Some("£"),
        names: &[
            (Lang::Ja, &["英ポンド", "ポンド"]),
            (
                Lang::En,
                &[
                    "pounds sterling",
                    "pound sterling",
                    "british pounds",
                    "british pound",
                    "uk pounds",
                    "sterling",
                    "pounds",
                    "pound",
                ],
            ),
        ],
    },
    Currency {
        code: "JPY",
        display_symbol: Some("¥"),
        names: &[
            (Lang::Ja, &["日本円", "円"]),
            (Lang::En, &["japanese yen", "yen"]),
        ],
    },
    Currency {
        code: "CNY",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["人民元", "中国元", "元"]),
            (Lang::En, &["chinese yuan", "yuan", "renminbi", "rmb"]),
        ],
    },
    Currency {
        code: "KRW",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["韓国ウォン", "ウォン"]),
            (Lang::En, &["south korean won", "korean won", "won"]),
        ],
    },
    Currency {
        code: "INR",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["インドルピー", "ルピー"]),
            (
                Lang::En,
                &["indian rupees", "indian rupee", "rupees", "rupee"],
            ),
        ],
    },
    Currency {
        code: "CAD",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["カナダドル", "加ドル"]),
            (Lang::En, &["canadian dollars", "canadian dollar"]),
        ],
    },
    Currency {
        code: "AUD",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["オーストラリアドル", "豪ドル"]),
            (
                Lang::En,
                &["australian dollars", "australian dollar", "aussie dollars"],
            ),
        ],
    },
    Currency {
        code: "NZD",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["ニュージーランドドル", "NZドル"]),
            (Lang::En, &["new zealand dollars", "new zealand dollar"]),
        ],
    },
    Currency {
        code: "HKD",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["香港ドル"]),
            (Lang::En, &["hong kong dollars", "hong kong dollar"]),
        ],
    },
    Currency {
        code: "SGD",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["シンガポールドル"]),
            (Lang::En, &["singapore dollars", "singapore dollar"]),
        ],
    },
    Currency {
        code: "TWD",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["ニュー台湾ドル", "新台湾ドル", "台湾ドル"]),
            (
                Lang::En,
                &[
                    "new taiwan dollars",
                    "new taiwan dollar",
                    "taiwan dollars",
                    "taiwan dollar",
                    "taiwanese dollars",
                ],
            ),
        ],
    },
    Currency {
        code: "CHF",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["スイス・フラン", "スイスフラン", "フラン"]),
            (
                Lang::En,
                &["swiss francs", "swiss franc", "francs", "franc"],
            ),
        ],
    },
    Currency {
        code: "SEK",
        display_symbol: None,
        names: &[
            (
                Lang::Ja,
                &["スウェーデン・クローナ", "スウェーデンクローナ", "クローナ"],
            ),
            (
                Lang::En,
                &[
                    "swedish kronor",
                    "swedish krona",
                    "kronor",
                    "krona",
                    "swedish crowns",
                ],
            ),
        ],
    },
    Currency {
        code: "NOK",
        display_symbol: None,
        names: &[
            (
                Lang::Ja,
                &["ノルウェー・クローネ", "ノルウェークローネ", "クローネ"],
            ),
            (
                Lang::En,
                &[
                    "norwegian kroner",
                    "norwegian krone",
                    "norwegian crowns",
                    "kroner",
                    "krone",
                ],
            ),
        ],
    },
    Currency {
        code: "DKK",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["デンマーク・クローネ", "デンマーククローネ"]),
            (
                Lang::En,
                &["danish kroner", "danish krone", "danish crowns"],
            ),
        ],
    },
    Currency {
        code: "CZK",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["チェコ・コルナ", "チェココルナ", "コルナ"]),
            (
                Lang::En,
                &["czech koruna", "czech korunas", "czech crowns", "koruna"],
            ),
        ],
    },
    Currency {
        code: "PLN",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["ズロチ"]),
            (
                Lang::En,
                &[
                    "polish zlotys",
                    "polish zloty",
                    "zlotys",
                    "zloty",
                    "zlotych",
                ],
            ),
        ],
    },
    Currency {
        code: "HUF",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["フォリント"]),
            (
                Lang::En,
                &["hungarian forints", "hungarian forint", "forints", "forint"],
            ),
        ],
    },
    Currency {
        code: "RUB",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["ルーブル", "ルーブリ"]),
            (
                Lang::En,
                &[
                    "russian roubles",
                    "russian rubles",
                    "roubles",
                    "rubles",
                    "rouble",
                    "ruble",
                ],
            ),
        ],
    },
    Currency {
        code: "TRY",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["トルコ・リラ", "トルコリラ", "リラ"]),
            (
                Lang::En,
                &["turkish lira", "turkish liras", "lira", "liras"],
            ),
        ],
    },
    Currency {
        code: "BRL",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["ブラジル・レアル", "ブラジルレアル", "レアル"]),
            (Lang::En, &["brazilian reais", "brazilian real", "reais"]),
        ],
    },
    Currency {
        code: "MXN",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["メキシコ・ペソ", "メキシコペソ", "ペソ"]),
            (
                Lang::En,
                &["mexican pesos", "mexican peso", "pesos", "peso"],
            ),
        ],
    },
    Currency {
        code: "PHP",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["フィリピン・ペソ", "フィリピンペソ"]),
            (Lang::En, &["philippine pesos", "philippine peso"]),
        ],
    },
    Currency {
        code: "ARS",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["アルゼンチン・ペソ", "アルゼンチンペソ"]),
            (
                Lang::En,
                &["argentine pesos", "argentinian pesos", "argentine peso"],
            ),
        ],
    },
    Currency {
        code: "CLP",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["チリ・ペソ", "チリペソ"]),
            (Lang::En, &["chilean pesos", "chilean peso"]),
        ],
    },
    Currency {
        code: "ZAR",
        display_symbol: None,
        names: &[
            (
                Lang::Ja,
                &[
                    "南アフリカ・ランド",
                    "南アフリカランド",
                    "南アランド",
                    "ランド",
                ],
            ),
            (Lang::En, &["south african rand", "rand"]),
        ],
    },
    Currency {
        code: "IDR",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["ルピア"]),
            (Lang::En, &["indonesian rupiah", "rupiah"]),
        ],
    },
    Currency {
        code: "MYR",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["リンギット", "リンギ"]),
            (Lang::En, &["malaysian ringgit", "ringgit"]),
        ],
    },
    Currency {
        code: "THB",
        display_symbol: None,
        names: &[(Lang::Ja, &["バーツ"]), (Lang::En, &["thai baht", "baht"])],
    },
    Currency {
        code: "VND",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["ベトナム・ドン", "ベトナムドン"]),
            (Lang::En, &["vietnamese dong", "dong"]),
        ],
    },
    Currency {
        code: "PKR",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["パキスタン・ルピー", "パキスタンルピー"]),
            (Lang::En, &["pakistani rupees", "pakistani rupee"]),
        ],
    },
    Currency {
        code: "LKR",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["スリランカ・ルピー", "スリランカルピー"]),
            (Lang::En, &["sri lankan rupees", "sri lankan rupee"]),
        ],
    },
    Currency {
        code: "SAR",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["サウジアラビア・リヤル", "リヤル", "リアル"]),
            (
                Lang::En,
                &["saudi riyals", "saudi riyal", "riyals", "riyal"],
            ),
        ],
    },
    Currency {
        code: "QAR",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["カタール・リヤル"]),
            (Lang::En, &["qatari riyals", "qatari riyal"]),
        ],
    },
    Currency {
        code: "AED",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["UAEディルハム", "ディルハム"]),
            (
                Lang::En,
                &["uae dirhams", "emirati dirhams", "dirhams", "dirham"],
            ),
        ],
    },
    Currency {
        code: "ILS",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["新シェケル", "シェケル"]),
            (
                Lang::En,
                &["israeli shekels", "new shekels", "shekels", "shekel"],
            ),
        ],
    },
    Currency {
        code: "KWD",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["クウェート・ディナール"]),
            (Lang::En, &["kuwaiti dinars", "kuwaiti dinar"]),
        ],
    },
    Currency {
        code: "EGP",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["エジプト・ポンド", "エジプトポンド"]),
            (Lang::En, &["egyptian pounds", "egyptian pound"]),
        ],
    },
    Currency {
        code: "NGN",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["ナイラ"]),
            (Lang::En, &["nigerian naira", "naira"]),
        ],
    },
    Currency {
        code: "UAH",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["フリブナ"]),
            (Lang::En, &["ukrainian hryvnias", "hryvnias", "hryvnia"]),
        ],
    },
    Currency {
        code: "PAB",
        display_symbol: None,
        names: &[
            (
                Lang::Ja,
                &["パナマ・バルボア", "パナマバルボア", "バルボア"],
            ),
            (Lang::En, &["panamanian balboa", "balboas", "balboa"]),
        ],
    },
    Currency {
        code: "XOF",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["CFAフラン"]),
            (Lang::En, &["cfa francs", "cfa franc"]),
        ],
    },
    Currency {
        code: "FIM",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["マルッカ"]),
            (
                Lang::En,
                &["finnish markka", "finnish markkaa", "markkaa", "markka"],
            ),
        ],
    },
    Currency {
        code: "ESP",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["ペセタ"]),
            (Lang::En, &["spanish pesetas", "pesetas", "peseta"]),
        ],
    },
    Currency {
        code: "NLG",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["ギルダー"]),
            (Lang::En, &["dutch guilders", "guilders", "guilder"]),
        ],
    },
    Currency {
        code: "BTC",
        display_symbol: None,
        names: &[
            (Lang::Ja, &["ビットコイン"]),
            (Lang::En, &["bitcoins", "bitcoin"]),
        ],
    },
];

/// Minor units: name, currency, factor to major units.
pub static MINOR_EN: &[(&str, &str, f64)] = &[
    ("euro cents", "EUR", 0.01),
    ("euro cent", "EUR", 0.01),
    ("cents", "USD", 0.01),
    ("cent", "USD", 0.01),
    ("pence", "GBP", 0.01),
    ("pennies", "GBP", 0.01),
    ("penny", "GBP", 0.01),
];

/// Japanese minor units written alone after a number (`50セント`).
pub static MINOR_JA: &[(&str, &str, f64)] = &[
    ("ユーロセント", "EUR", 0.01),
    ("セント", "USD", 0.01),
    ("ペンス", "GBP", 0.01),
];

/// ISO codes accepted before or after a number. Upper case only: a few codes are
/// English words (`ALL`, `COP`, `PHP`, `TOP`) and stay out of this list.
pub static CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "CNH", "RMB", "KRW", "INR", "CAD", "AUD", "NZD", "HKD",
    "SGD", "TWD", "CHF", "SEK", "NOK", "DKK", "CZK", "PLN", "HUF", "RUB", "TRY", "BRL", "MXN",
    "ZAR", "IDR", "MYR", "THB", "VND", "PKR", "LKR", "SAR", "QAR", "AED", "ILS", "KWD", "EGP",
    "NGN", "UAH", "CLP", "ARS", "BTC",
];

/// Codes that take an `M` for millions (`MUSD`, `120 MEUR`); not `ARS` (`MARS`).
pub static M_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "AUD", "CAD", "CHF", "SEK", "NOK", "DKK", "NZD", "HKD",
    "SGD",
];

/// Codes also accepted in lower case (they are not English words).
pub static LOWER_CODES: &[&str] = &[
    "usd", "eur", "gbp", "jpy", "cny", "rmb", "krw", "inr", "cad", "aud", "nzd", "hkd", "sgd",
    "chf",
];

/// Currency symbols written before (or, continental style, after) a number.
pub static SYMBOLS: &[(&str, &str)] = &[
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₩", "KRW"),
    ("₽", "RUB"),
    ("₺", "TRY"),
    ("₪", "ILS"),
    ("₫", "VND"),
    ("₱", "PHP"),
    ("₦", "NGN"),
    ("₡", "CRC"),
    ("₾", "GEL"),
    ("₭", "LAK"),
    ("₴", "UAH"),
    ("₿", "BTC"),
    ("฿", "THB"),
    ("ரூ", "LKR"),
];

/// Letters written before `$` (case-insensitive; `A`, `C`, `S`, `R` only in upper case
/// and without a space, since `a $5 fee` is the article).
pub static DOLLAR_PREFIXES: &[(&str, &str)] = &[
    ("us", "USD"),
    ("u.s.", "USD"),
    ("u.s", "USD"),
    ("usd", "USD"),
    ("c", "CAD"),
    ("ca", "CAD"),
    ("cad", "CAD"),
    ("can", "CAD"),
    ("a", "AUD"),
    ("au", "AUD"),
    ("aud", "AUD"),
    ("nz", "NZD"),
    ("nzd", "NZD"),
    ("hk", "HKD"),
    ("hkd", "HKD"),
    ("s", "SGD"),
    ("sg", "SGD"),
    ("sgd", "SGD"),
    ("nt", "TWD"),
    ("twd", "TWD"),
    ("mex", "MXN"),
    ("mx", "MXN"),
    ("mxn", "MXN"),
    ("r", "BRL"),
    ("z", "ZWL"),
];

/// Other written prefixes: `Rs 500 crore`, `RM500`, `SFr 10`.
pub static WORD_PREFIXES: &[(&str, &str)] = &[
    ("rs.", "INR"),
    ("rs", "INR"),
    ("rp.", "IDR"),
    ("rp", "IDR"),
    ("rm", "MYR"),
    ("sfr.", "CHF"),
    ("sfr", "CHF"),
];

fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    out
}

/// An English currency name (any case, any spacing) → (code, factor).
pub fn en_name(s: &str) -> Option<(&'static str, f64)> {
    let n = norm(s);
    let n = n.trim_start_matches("the ");
    for c in CURRENCIES {
        if c.names(Lang::En).contains(&n) {
            return Some((c.code, 1.0));
        }
    }
    MINOR_EN
        .iter()
        .find(|(m, _, _)| *m == n)
        .map(|&(_, c, f)| (c, f))
}

/// A Japanese currency name → (code, factor).
pub fn ja_name(s: &str) -> Option<(&'static str, f64)> {
    let spaced: String;
    let n = if s.contains(char::is_whitespace) {
        spaced = s.chars().filter(|c| !c.is_whitespace()).collect();
        spaced.as_str()
    } else {
        s
    };
    for c in CURRENCIES {
        if c.names(Lang::Ja).contains(&n) {
            return Some((c.code, 1.0));
        }
    }
    MINOR_JA
        .iter()
        .find(|(m, _, _)| *m == n)
        .map(|&(_, c, f)| (c, f))
}

/// A written prefix or suffix: a symbol (`€`), a code (`USD`, `usd`), `M` + code
/// (`MUSD`, a million), a dollar with its letters (`C$`, `hk $`, `usd$`) or a word
/// prefix (`Rs`). Returns (code, multiplier).
pub fn marker(s: &str) -> Option<(&'static str, f64)> {
    let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some(&(_, code)) = SYMBOLS.iter().find(|(sym, _)| *sym == t) {
        return Some((code, 1.0));
    }
    if t == "\\" {
        return Some(("JPY", 1.0));
    }
    if let Some(letters) = t.strip_suffix('$') {
        let l = letters.to_ascii_lowercase();
        return DOLLAR_PREFIXES
            .iter()
            .find(|(p, _)| *p == l)
            .map(|&(_, c)| (c, 1.0));
    }
    if CODES.contains(&t.as_str()) || LOWER_CODES.contains(&t.as_str()) {
        return canon_code(&t.to_ascii_uppercase()).map(|c| (c, 1.0));
    }
    if let Some(rest) = t.strip_prefix('M') {
        if M_CODES.contains(&rest) {
            return canon_code(rest).map(|c| (c, 1e6));
        }
    }
    let l = t.to_ascii_lowercase();
    WORD_PREFIXES
        .iter()
        .find(|(p, _)| *p == l)
        .map(|&(_, c)| (c, 1.0))
}

/// A known code in upper case → its static ISO form (`RMB`, `CNH` → `CNY`).
fn canon_code(up: &str) -> Option<&'static str> {
    if up == "RMB" || up == "CNH" {
        return Some("CNY");
    }
    CODES.iter().find(|c| **c == up).copied()
}

/// The display symbol of a code, if it has one (`$ € £ ¥`).
pub fn display_symbol(code: &str) -> Option<&'static str> {
    CURRENCIES
        .iter()
        .find(|c| c.code == code)
        .and_then(|c| c.display_symbol)
}

/// A regex alternation of `names` (longest first), spaces as `[ \t]+`, `.` escaped.
pub fn alternation<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let mut v: Vec<&str> = names.collect();
    v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    v.dedup();
    let parts: Vec<String> = v
        .iter()
        .map(|n| regex::escape(n).replace(' ', r"[ \t]+"))
        .collect();
    format!("(?:{})", parts.join("|"))
}

/// Every English currency name and minor unit, as one alternation (lower case).
pub fn en_names_pattern() -> String {
    alternation(
        CURRENCIES
            .iter()
            .flat_map(|c| c.names(Lang::En).iter().copied())
            .chain(MINOR_EN.iter().map(|m| m.0)),
    )
}

/// Every Japanese currency name and minor unit, as one alternation.
pub fn ja_names_pattern() -> String {
    alternation(
        CURRENCIES
            .iter()
            .flat_map(|c| c.names(Lang::Ja).iter().copied())
            .chain(MINOR_JA.iter().map(|m| m.0)),
    )
}

/// The last word of every English currency name and minor unit, lower case
/// (`dollars`, `sterling`, `cents`): the cue words of the names (a name's words
/// may be spaced any way, so its last word is the part always written as is).
pub fn en_name_words() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = CURRENCIES
        .iter()
        .flat_map(|c| c.names(Lang::En).iter().copied())
        .chain(MINOR_EN.iter().map(|m| m.0))
        .filter_map(|n| n.split_whitespace().last())
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Every Japanese currency name and minor unit (`ドル`, `米ドル`, `セント`).
pub fn ja_names() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = CURRENCIES
        .iter()
        .flat_map(|c| c.names(Lang::Ja).iter().copied())
        .chain(MINOR_JA.iter().map(|m| m.0))
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_table_has_enough_currencies() {
        let iso: Vec<_> = CURRENCIES
            .iter()
            .filter(|c| !["FIM", "ESP", "NLG", "BTC"].contains(&c.code))
            .collect();
        assert!(iso.len() >= 25);
        for c in CURRENCIES {
            assert!(
                !c.names(Lang::Ja).is_empty() && !c.names(Lang::En).is_empty(),
                "{}",
                c.code
            );
        }
    }

    #[test]
    fn money_lookup_names_and_markers() {
        assert_eq!(en_name("US  Dollars"), Some(("USD", 1.0)));
        assert_eq!(en_name("pence"), Some(("GBP", 0.01)));
        assert_eq!(ja_name("香港ドル"), Some(("HKD", 1.0)));
        assert_eq!(ja_name("セント"), Some(("USD", 0.01)));
        assert_eq!(marker("C $"), Some(("CAD", 1.0)));
        assert_eq!(marker("hk $"), Some(("HKD", 1.0)));
        assert_eq!(marker("MUSD"), Some(("USD", 1e6)));
        assert_eq!(marker("rmb"), Some(("CNY", 1.0)));
        assert_eq!(marker("Rs."), Some(("INR", 1.0)));
        assert_eq!(marker("€"), Some(("EUR", 1.0)));
        assert_eq!(marker("ALL"), None);
    }
}
