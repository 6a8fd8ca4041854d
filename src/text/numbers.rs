//! Numbers as news writes them: `2.4`, `1,280`, `二十四`, `24億5000万`, `2,422億4,300万`,
//! `1万億`, `three`, `twenty-five`, and the scale words `billion`/`bn`/`m`/`crore`.
//! Every extractor parses amounts through here so that `２４億` means the same
//! thing to money, percent and dates. Input is the width-folded text.

/// Regex fragment (a literal, for `concat!`): the whole part of an Arabic
/// number, thousands commas optional (`1280`, `1,280`). Every rule's Arabic
/// number is built on it, here.
macro_rules! arabic_whole {
    () => {
        r"[0-9](?:[0-9]|,[0-9]{3})*"
    };
}

/// Regex fragment: an Arabic number with optional thousands commas and decimals.
pub const ARABIC: &str = concat!(arabic_whole!(), r"(?:\.[0-9]+)?");

/// Regex fragment: an Arabic number as English news writes a rate, also with
/// a leading point (`.5%`).
pub const ARABIC_OR_POINT: &str = concat!("(?:", arabic_whole!(), r"(?:\.[0-9]+)?|\.[0-9]+)");

/// Regex fragment: an Arabic number as Japanese text writes it, its decimal
/// point also `・` (`4・9%` = 4.9%), or with a leading point (`.5%`).
pub const ARABIC_JA_OR_POINT: &str =
    concat!("(?:", arabic_whole!(), r"(?:[.・･][0-9]+)?|\.[0-9]+)");

/// Regex fragment: an Arabic number whose commas group by three or, Indian
/// style, by two (`12,34,567.89`).
pub const ARABIC_INDIAN: &str = r"[0-9](?:[0-9]|,[0-9]{3}|,[0-9]{2})*(?:\.[0-9]+)?";

/// Regex fragment: one group of a Japanese number: Arabic (with 十百千 after
/// it: `7百`) or kanji digits.
pub const JA_GROUP: &str = concat!(
    "(?:",
    arabic_whole!(),
    r"(?:\.[0-9]+)?[十百千]?|[〇零一二三四五六七八九十百千]+)"
);

/// Regex fragment: a Japanese number, Arabic or kanji digits with 十百千 and the
/// magnitudes 万億兆 in any mix (`24億5000万`, `二十四億`, `1万億`, `3.5兆`).
pub const JA_NUMBER: &str = concat!(
    "(?:(?:",
    arabic_whole!(),
    r"(?:\.[0-9]+)?|[〇零一二三四五六七八九十百千]+)[万億兆]*)+"
);

/// A kanji numeral as the rules' patterns write them: `〇零一二三四五六七八九`
/// and `十百千` (not the magnitudes `万億兆`).
pub fn is_kanji_numeral(c: char) -> bool {
    matches!(
        c,
        '〇' | '零'
            | '一'
            | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
    )
}

/// A magnitude of a Japanese number: `万億兆`.
pub fn is_magnitude(c: char) -> bool {
    matches!(c, '万' | '億' | '兆')
}

/// The maximal runs of characters for which `part` holds in
/// `text[start..end]`, as byte ranges, in text order: the numerals of a line,
/// each scanned once, which the hand-written matchers of the money and
/// percent rules take as their anchors. Characters of two or four bytes in
/// UTF-8 (Latin letters with marks, emoji) are never part of a run.
pub fn numeral_runs(
    text: &str,
    start: usize,
    end: usize,
    part: impl Fn(char) -> bool,
) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let end = end.min(bytes.len());
    let mut out = Vec::new();
    let mut run: Option<usize> = None;
    let mut i = start;
    while i < end {
        let b = bytes[i];
        // Decode by hand: most characters of a line are ASCII or kana.
        let (c, len) = match b {
            0..=0x7F => (b as char, 1),
            0xE0..=0xEF if i + 2 < end => {
                let cp = (u32::from(b & 0x0F) << 12)
                    | (u32::from(bytes[i + 1] & 0x3F) << 6)
                    | u32::from(bytes[i + 2] & 0x3F);
                (char::from_u32(cp).unwrap_or('\u{FFFD}'), 3)
            }
            0xC0..=0xDF => ('\u{FFFD}', 2),
            0xF0..=0xF7 => ('\u{FFFD}', 4),
            _ => ('\u{FFFD}', 1),
        };
        if part(c) {
            run.get_or_insert(i);
        } else if let Some(s) = run.take() {
            out.push((s, i));
        }
        i += len;
    }
    if let Some(s) = run {
        out.push((s, end));
    }
    out
}

/// Whether all of `s` is one Japanese number as the money rules' pattern
/// reads it, spaces aside (`JA_GROUP`, then `[万億兆]{1,2}` and an optional
/// group, any number of times): `24億5000万`, `2,422億4,300万`, `1万億`,
/// `二十四億`, `3.5兆`, `7百`. Not `1,00万` (a comma groups three digits),
/// `5十二`, `億5`.
pub fn is_ja_money_number(s: &str) -> bool {
    let Some(mut i) = group_len(s) else {
        return false;
    };
    while i < s.len() {
        let magnitudes: usize = s[i..]
            .chars()
            .take_while(|&c| is_magnitude(c))
            .map(char::len_utf8)
            .sum();
        if magnitudes == 0 {
            // A group right after a group: the first would have taken it,
            // or it cannot follow (`5十二`).
            return false;
        }
        i += magnitudes;
        if i < s.len() {
            match group_len(&s[i..]) {
                Some(n) => i += n,
                None => return false,
            }
        }
    }
    true
}

/// The length of the `JA_GROUP` at the start of `s`, read greedily (an
/// Arabic run with grouping commas, decimals and one `十百千`, or a kanji run).
fn group_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if b.first().is_some_and(u8::is_ascii_digit) {
        let mut i = arabic_whole_len(b);
        if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i += 1;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
        }
        if let Some(c) = s[i..].chars().next() {
            if matches!(c, '十' | '百' | '千') {
                i += c.len_utf8();
            }
        }
        return Some(i);
    }
    let n: usize = s
        .chars()
        .take_while(|&c| is_kanji_numeral(c))
        .map(char::len_utf8)
        .sum();
    (n > 0).then_some(n)
}

/// The length of `[0-9](?:[0-9]|,[0-9]{3})*` at the start of `b` (at least
/// one digit must be there).
pub fn arabic_whole_len(b: &[u8]) -> usize {
    let mut i = 1;
    loop {
        if b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        } else if b.get(i) == Some(&b',')
            && b.get(i + 1..i + 4)
                .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
        {
            i += 4;
        } else {
            return i;
        }
    }
}

/// Parse an Arabic number: `1,280`, `2.4`, `-3`, `+18.96`. Commas are dropped.
pub fn parse_decimal(s: &str) -> Option<f64> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    let cleaned: String = s.chars().filter(|&c| c != ',').collect();
    if !cleaned
        .trim_start_matches(['+', '-'])
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || c == '.')
    {
        return None;
    }
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// The value of a kanji digit (`〇`–`九`, `零`, and the formal `壱弐参`).
pub fn kanji_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' | '壱' => 1,
        '二' | '弐' => 2,
        '三' | '参' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn small_unit(c: char) -> Option<f64> {
    Some(match c {
        '十' => 10.0,
        '百' => 100.0,
        '千' => 1000.0,
        _ => return None,
    })
}

/// The value of a Japanese magnitude character.
pub fn big_unit(c: char) -> Option<f64> {
    Some(match c {
        '万' => 1e4,
        '億' => 1e8,
        '兆' => 1e12,
        '京' => 1e16,
        _ => return None,
    })
}

/// Parse a Japanese number mixing Arabic and kanji digits with 十百千万億兆:
/// `24億5000万` → 2.45e9, `二十四億` → 2.4e9, `2,422億4,300万` → 2.422430e11,
/// `1万億` → 1e12, `百` → 100, `二〇二五` → 2025, `5千` → 5000.
/// Returns None for text with anything else in it, or with no digit at all.
pub fn parse_ja_number(s: &str) -> Option<f64> {
    let mut total = 0.0f64; // completed 万/億/兆 groups
    let mut section = 0.0f64; // below the next big unit
    let mut digit: Option<f64> = None; // the pending number
    let mut seen_any = false;
    let mut chars = s.trim().chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            let mut run = String::new();
            run.push(c);
            while let Some(&n) = chars.peek() {
                if n.is_ascii_digit() || n == ',' || n == '.' {
                    run.push(n);
                    chars.next();
                } else {
                    break;
                }
            }
            if digit.is_some() {
                return None;
            }
            digit = Some(parse_decimal(&run)?);
            seen_any = true;
        } else if let Some(d) = kanji_digit(c) {
            // Consecutive kanji digits are positional (二〇二五 = 2025).
            digit = Some(digit.map_or(d as f64, |p| p * 10.0 + d as f64));
            seen_any = true;
        } else if let Some(u) = small_unit(c) {
            section += digit.take().unwrap_or(1.0) * u;
            seen_any = true;
        } else if let Some(u) = big_unit(c) {
            let group = section + digit.take().unwrap_or(0.0);
            if group == 0.0 {
                if total == 0.0 {
                    return None;
                }
                // 万億: a magnitude applied to the magnitude before it.
                total *= u;
            } else {
                total += group * u;
            }
            section = 0.0;
        } else {
            return None;
        }
    }
    if !seen_any {
        return None;
    }
    Some(total + section + digit.unwrap_or(0.0))
}

/// The multiplier of an English scale word or abbreviation, case-insensitive:
/// thousand/k → 1e3, million/m/mn/mln/mm → 1e6, billion/bn/bln/b → 1e9,
/// trillion/tn/trn/t → 1e12, lakh → 1e5, crore → 1e7.
pub fn en_scale(word: &str) -> Option<f64> {
    let w = word.trim().trim_end_matches('.').to_ascii_lowercase();
    Some(match w.as_str() {
        "hundred" => 1e2,
        "thousand" | "k" => 1e3,
        "lakh" | "lakhs" | "lac" => 1e5,
        "million" | "millions" | "m" | "mn" | "mln" | "mm" | "mil" => 1e6,
        "crore" | "crores" | "cr" => 1e7,
        "billion" | "billions" | "b" | "bn" | "bln" | "bil" => 1e9,
        "trillion" | "trillions" | "t" | "tn" | "trn" | "tril" => 1e12,
        _ => return None,
    })
}

/// One English number word below a hundred (`a` and `an` are one), lower case.
pub fn en_unit_word(w: &str) -> Option<f64> {
    Some(match w {
        "zero" => 0.0,
        "a" | "an" | "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

/// Regex fragment (case-insensitive use): English number words up to the thousands.
pub const EN_NUMBER_WORDS: &str = r"(?:(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)(?:[- ](?:and )?(?:one|two|three|four|five|six|seven|eight|nine|hundred|thousand|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety))*)";

/// Parse English number words: `three` → 3, `twenty-five` → 25,
/// `one hundred and five` → 105, `two thousand` → 2000, `a hundred` → 100.
pub fn parse_en_words(s: &str) -> Option<f64> {
    let lower = s.trim().to_ascii_lowercase();
    let mut total = 0.0;
    let mut current = 0.0;
    let mut any = false;
    for w in lower
        .split([' ', '-'])
        .filter(|w| !w.is_empty() && *w != "and")
    {
        if let Some(v) = en_unit_word(w) {
            current += v;
            any = true;
        } else if w == "hundred" {
            current = current.max(1.0) * 100.0;
            any = true;
        } else if w == "thousand" {
            total += current.max(1.0) * 1000.0;
            current = 0.0;
            any = true;
        } else {
            return None;
        }
    }
    any.then_some(total + current)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each fragment reads the whole of what it is for, and no more.
    #[test]
    fn arabic_fragments() {
        let whole = |fragment: &str, s: &str| {
            regex::Regex::new(&format!("^(?:{fragment})$"))
                .unwrap()
                .is_match(s)
        };
        for s in ["5", "1,280", "2.4", "12,345.67"] {
            assert!(whole(ARABIC, s), "{s}");
        }
        assert!(!whole(ARABIC, "12,34"));
        assert!(whole(ARABIC_OR_POINT, ".5") && !whole(ARABIC, ".5"));
        assert!(whole(ARABIC_JA_OR_POINT, "4・9") && !whole(ARABIC_OR_POINT, "4・9"));
        assert!(whole(ARABIC_INDIAN, "12,34,567.89"));
        assert!(whole(JA_GROUP, "7百") && whole(JA_GROUP, "二十四"));
        assert!(whole(JA_NUMBER, "2,422億4,300万") && whole(JA_NUMBER, "3.5兆"));
    }

    /// The hand-written reading of a money number agrees with the pattern.
    #[test]
    fn ja_money_number_as_the_pattern_reads_it() {
        let re =
            regex::Regex::new(&format!("^(?:{JA_GROUP}(?:[万億兆]{{1,2}}{JA_GROUP}?)*)$")).unwrap();
        let parts = [
            "1", "0", "2", ",", ",000", ".", ".5", "十", "百", "千", "二", "〇", "万", "億", "兆",
            "七",
        ];
        // Every string of up to four parts.
        let mut all = vec![String::new()];
        for _ in 0..4 {
            let next: Vec<String> = all
                .iter()
                .flat_map(|s| parts.iter().map(move |p| format!("{s}{p}")))
                .collect();
            all.extend(next);
            all.sort();
            all.dedup();
        }
        for s in &all {
            assert_eq!(is_ja_money_number(s), re.is_match(s), "{s:?}");
        }
    }

    #[test]
    fn runs_of_numerals() {
        let text = "約24億ドル、二十円と3.5%";
        let runs = numeral_runs(text, 0, text.len(), |c| {
            c.is_ascii_digit() || c == '.' || is_kanji_numeral(c) || is_magnitude(c)
        });
        let got: Vec<&str> = runs.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(got, vec!["24億", "二十", "3.5"]);
    }

    #[test]
    fn decimals() {
        assert_eq!(parse_decimal("1,280"), Some(1280.0));
        assert_eq!(parse_decimal("2.4"), Some(2.4));
        assert_eq!(parse_decimal("+18.96"), Some(18.96));
        assert_eq!(parse_decimal("-3"), Some(-3.0));
        assert_eq!(parse_decimal("abc"), None);
        assert_eq!(parse_decimal(""), None);
    }

    #[test]
    fn japanese_numbers() {
        assert_eq!(parse_ja_number("24億"), Some(2.4e9));
        assert_eq!(parse_ja_number("24億5000万"), Some(2.45e9));
        assert_eq!(parse_ja_number("二十四億"), Some(2.4e9));
        assert_eq!(parse_ja_number("2,422億4,300万"), Some(242_243_000_000.0));
        assert_eq!(parse_ja_number("1兆2000億"), Some(1.2e12));
        assert_eq!(parse_ja_number("1万億"), Some(1e12));
        assert_eq!(parse_ja_number("百"), Some(100.0));
        assert_eq!(parse_ja_number("二〇二五"), Some(2025.0));
        assert_eq!(parse_ja_number("5千"), Some(5000.0));
        assert_eq!(
            parse_ja_number("四十九兆九千五百九十二億"),
            Some(49_959_200_000_000.0)
        );
        assert_eq!(parse_ja_number("3.5兆"), Some(3.5e12));
        assert_eq!(parse_ja_number("億"), None);
        assert_eq!(parse_ja_number("ドル"), None);
    }

    #[test]
    fn english_scales_and_words() {
        assert_eq!(en_scale("bn"), Some(1e9));
        assert_eq!(en_scale("Billion"), Some(1e9));
        assert_eq!(en_scale("crore"), Some(1e7));
        assert_eq!(en_scale("lakh"), Some(1e5));
        assert_eq!(parse_en_words("three"), Some(3.0));
        assert_eq!(parse_en_words("twenty-five"), Some(25.0));
        assert_eq!(parse_en_words("one hundred and five"), Some(105.0));
        assert_eq!(parse_en_words("two thousand"), Some(2000.0));
        assert_eq!(parse_en_words("apple"), None);
    }
}
