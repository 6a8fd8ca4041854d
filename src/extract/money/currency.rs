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

/// One currency with every surface name that means it.
pub struct Currency {
    /// ISO 4217 code.
    pub code: &'static str,
    /// The symbol used in displays (`$ € £ ¥`); None: the code follows the number.
    pub display_symbol: Option<&'static str>,
    /// Japanese names written after a number (`ドル`, `米ドル`).
    pub ja: &'static [&'static str],
    /// English names written after a number, lower case, singular and plural.
    pub en: &'static [&'static str],
}

/// The table (at least the 25 currencies financial news quotes most).
pub static CURRENCIES: &[Currency] = &[
    Currency {
        code: "USD",
        display_symbol: Some("$"),
        ja: &["米ドル", "USドル", "アメリカドル", "ドル"],
        en: &[
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
    },
    Currency {
        code: "EUR",
        display_symbol: Some("€"),
        ja: &["ユーロ"],
        en: &["euros", "euro"],
    },
    Currency {
        code: "GBP",
        display_symbol: Some("£"),
        ja: &["英ポンド", "ポンド"],
        en: &[
            "pounds sterling",
            "pound sterling",
            "british pounds",
            "british pound",
            "uk pounds",
            "sterling",
            "pounds",
            "pound",
        ],
    },
    Currency {
        code: "JPY",
        display_symbol: Some("¥"),
        ja: &["日本円", "円"],
        en: &["japanese yen", "yen"],
    },
    Currency {
        code: "CNY",
        display_symbol: None,
        ja: &["人民元", "中国元", "元"],
        en: &["chinese yuan", "yuan", "renminbi", "rmb"],
    },
    Currency {
        code: "KRW",
        display_symbol: None,
        ja: &["韓国ウォン", "ウォン"],
        en: &["south korean won", "korean won", "won"],
    },
    Currency {
        code: "INR",
        display_symbol: None,
        ja: &["インドルピー", "ルピー"],
        en: &["indian rupees", "indian rupee", "rupees", "rupee"],
    },
    Currency {
        code: "CAD",
        display_symbol: None,
        ja: &["カナダドル", "加ドル"],
        en: &["canadian dollars", "canadian dollar"],
    },
    Currency {
        code: "AUD",
        display_symbol: None,
        ja: &["オーストラリアドル", "豪ドル"],
        en: &["australian dollars", "australian dollar", "aussie dollars"],
    },
    Currency {
        code: "NZD",
        display_symbol: None,
        ja: &["ニュージーランドドル", "NZドル"],
        en: &["new zealand dollars", "new zealand dollar"],
    },
    Currency {
        code: "HKD",
        display_symbol: None,
        ja: &["香港ドル"],
        en: &["hong kong dollars", "hong kong dollar"],
    },
    Currency {
        code: "SGD",
        display_symbol: None,
        ja: &["シンガポールドル"],
        en: &["singapore dollars", "singapore dollar"],
    },
    Currency {
        code: "TWD",
        display_symbol: None,
        ja: &["ニュー台湾ドル", "新台湾ドル", "台湾ドル"],
        en: &[
            "new taiwan dollars",
            "new taiwan dollar",
            "taiwan dollars",
            "taiwan dollar",
            "taiwanese dollars",
        ],
    },
    Currency {
        code: "CHF",
        display_symbol: None,
        ja: &["スイス・フラン", "スイスフラン", "フラン"],
        en: &["swiss francs", "swiss franc", "francs", "franc"],
    },
    Currency {
        code: "SEK",
        display_symbol: None,
        ja: &["スウェーデン・クローナ", "スウェーデンクローナ", "クローナ"],
        en: &[
            "swedish kronor",
            "swedish krona",
            "kronor",
            "krona",
            "swedish crowns",
        ],
    },
    Currency {
        code: "NOK",
        display_symbol: None,
        ja: &["ノルウェー・クローネ", "ノルウェークローネ", "クローネ"],
        en: &[
            "norwegian kroner",
            "norwegian krone",
            "norwegian crowns",
            "kroner",
            "krone",
        ],
    },
    Currency {
        code: "DKK",
        display_symbol: None,
        ja: &["デンマーク・クローネ", "デンマーククローネ"],
        en: &["danish kroner", "danish krone", "danish crowns"],
    },
    Currency {
        code: "CZK",
        display_symbol: None,
        ja: &["チェコ・コルナ", "チェココルナ", "コルナ"],
        en: &["czech koruna", "czech korunas", "czech crowns", "koruna"],
    },
    Currency {
        code: "PLN",
        display_symbol: None,
        ja: &["ズロチ"],
        en: &[
            "polish zlotys",
            "polish zloty",
            "zlotys",
            "zloty",
            "zlotych",
        ],
    },
    Currency {
        code: "HUF",
        display_symbol: None,
        ja: &["フォリント"],
        en: &["hungarian forints", "hungarian forint", "forints", "forint"],
    },
    Currency {
        code: "RUB",
        display_symbol: None,
        ja: &["ルーブル", "ルーブリ"],
        en: &[
            "russian roubles",
            "russian rubles",
            "roubles",
            "rubles",
            "rouble",
            "ruble",
        ],
    },
    Currency {
        code: "TRY",
        display_symbol: None,
        ja: &["トルコ・リラ", "トルコリラ", "リラ"],
        en: &["turkish lira", "turkish liras", "lira", "liras"],
    },
    Currency {
        code: "BRL",
        display_symbol: None,
        ja: &["ブラジル・レアル", "ブラジルレアル", "レアル"],
        en: &["brazilian reais", "brazilian real", "reais"],
    },
    Currency {
        code: "MXN",
        display_symbol: None,
        ja: &["メキシコ・ペソ", "メキシコペソ", "ペソ"],
        en: &["mexican pesos", "mexican peso", "pesos", "peso"],
    },
    Currency {
        code: "PHP",
        display_symbol: None,
        ja: &["フィリピン・ペソ", "フィリピンペソ"],
        en: &["philippine pesos", "philippine peso"],
    },
    Currency {
        code: "ARS",
        display_symbol: None,
        ja: &["アルゼンチン・ペソ", "アルゼンチンペソ"],
        en: &["argentine pesos", "argentinian pesos", "argentine peso"],
    },
    Currency {
        code: "CLP",
        display_symbol: None,
        ja: &["チリ・ペソ", "チリペソ"],
        en: &["chilean pesos", "chilean peso"],
    },
    Currency {
        code: "ZAR",
        display_symbol: None,
        ja: &[
            "南アフリカ・ランド",
            "南アフリカランド",
            "南アランド",
            "ランド",
        ],
        en: &["south african rand", "rand"],
    },
    Currency {
        code: "IDR",
        display_symbol: None,
        ja: &["ルピア"],
        en: &["indonesian rupiah", "rupiah"],
    },
    Currency {
        code: "MYR",
        display_symbol: None,
        ja: &["リンギット", "リンギ"],
        en: &["malaysian ringgit", "ringgit"],
    },
    Currency {
        code: "THB",
        display_symbol: None,
        ja: &["バーツ"],
        en: &["thai baht", "baht"],
    },
    Currency {
        code: "VND",
        display_symbol: None,
        ja: &["ベトナム・ドン", "ベトナムドン"],
        en: &["vietnamese dong", "dong"],
    },
    Currency {
        code: "PKR",
        display_symbol: None,
        ja: &["パキスタン・ルピー", "パキスタンルピー"],
        en: &["pakistani rupees", "pakistani rupee"],
    },
    Currency {
        code: "LKR",
        display_symbol: None,
        ja: &["スリランカ・ルピー", "スリランカルピー"],
        en: &["sri lankan rupees", "sri lankan rupee"],
    },
    Currency {
        code: "SAR",
        display_symbol: None,
        ja: &["サウジアラビア・リヤル", "リヤル", "リアル"],
        en: &["saudi riyals", "saudi riyal", "riyals", "riyal"],
    },
    Currency {
        code: "QAR",
        display_symbol: None,
        ja: &["カタール・リヤル"],
        en: &["qatari riyals", "qatari riyal"],
    },
    Currency {
        code: "AED",
        display_symbol: None,
        ja: &["UAEディルハム", "ディルハム"],
        en: &["uae dirhams", "emirati dirhams", "dirhams", "dirham"],
    },
    Currency {
        code: "ILS",
        display_symbol: None,
        ja: &["新シェケル", "シェケル"],
        en: &["israeli shekels", "new shekels", "shekels", "shekel"],
    },
    Currency {
        code: "KWD",
        display_symbol: None,
        ja: &["クウェート・ディナール"],
        en: &["kuwaiti dinars", "kuwaiti dinar"],
    },
    Currency {
        code: "EGP",
        display_symbol: None,
        ja: &["エジプト・ポンド", "エジプトポンド"],
        en: &["egyptian pounds", "egyptian pound"],
    },
    Currency {
        code: "NGN",
        display_symbol: None,
        ja: &["ナイラ"],
        en: &["nigerian naira", "naira"],
    },
    Currency {
        code: "UAH",
        display_symbol: None,
        ja: &["フリブナ"],
        en: &["ukrainian hryvnias", "hryvnias", "hryvnia"],
    },
    Currency {
        code: "PAB",
        display_symbol: None,
        ja: &["パナマ・バルボア", "パナマバルボア", "バルボア"],
        en: &["panamanian balboa", "balboas", "balboa"],
    },
    Currency {
        code: "XOF",
        display_symbol: None,
        ja: &["CFAフラン"],
        en: &["cfa francs", "cfa franc"],
    },
    Currency {
        code: "FIM",
        display_symbol: None,
        ja: &["マルッカ"],
        en: &["finnish markka", "finnish markkaa", "markkaa", "markka"],
    },
    Currency {
        code: "ESP",
        display_symbol: None,
        ja: &["ペセタ"],
        en: &["spanish pesetas", "pesetas", "peseta"],
    },
    Currency {
        code: "NLG",
        display_symbol: None,
        ja: &["ギルダー"],
        en: &["dutch guilders", "guilders", "guilder"],
    },
    Currency {
        code: "BTC",
        display_symbol: None,
        ja: &["ビットコイン"],
        en: &["bitcoins", "bitcoin"],
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
        if c.en.contains(&n) {
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
    let n: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    for c in CURRENCIES {
        if c.ja.contains(&n.as_str()) {
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
            .flat_map(|c| c.en.iter().copied())
            .chain(MINOR_EN.iter().map(|m| m.0)),
    )
}

/// Every Japanese currency name and minor unit, as one alternation.
pub fn ja_names_pattern() -> String {
    alternation(
        CURRENCIES
            .iter()
            .flat_map(|c| c.ja.iter().copied())
            .chain(MINOR_JA.iter().map(|m| m.0)),
    )
}

/// The last word of every English currency name and minor unit, lower case
/// (`dollars`, `sterling`, `cents`): the cue words of the names (a name's words
/// may be spaced any way, so its last word is the part always written as is).
pub fn en_name_words() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = CURRENCIES
        .iter()
        .flat_map(|c| c.en.iter().copied())
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
        .flat_map(|c| c.ja.iter().copied())
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
            assert!(!c.ja.is_empty() && !c.en.is_empty(), "{}", c.code);
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
