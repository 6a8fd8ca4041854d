//! Property tests for percent extraction: on arbitrary text mixing kana, kanji,
//! digits, full-width forms, signs and unit words, analysis never panics and every
//! percent fact's text is exactly the original's code points `[start, end)`, with
//! a finite value and a range that runs upwards.

use newsfacts::fact::{PercentUnit, Qualifier};
use newsfacts::{analyze, Article, Kind, Resources, Value};
use proptest::prelude::*;

/// Pieces percent rules react to, and pieces that break them up.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[0-9０-９]{1,4}",
        1 => "[一二三四五六七八九十百千〇零]{1,3}",
        2 => prop::sample::select(vec![
            "%", "％", "パーセント", "パ ー セ ン ト", "ポイント", "割", "分", "厘", "半", "点", "・", ".", "．",
            ",", "，", "、", "~", "〜", "～", "-", "−", "－", "–", "+", "▲", "△", "約", "以上", "以下", "未満",
            "超", "弱", "強", "まで", "までの", "最大", "最低でも", "程度", "前後", "台", "割れ", "引き", "の",
            " percent", " per cent", "pc", " pct", " percentage points", " points", " basis points", "bp",
            "pp", "%pt", "about ", "more than ", "nearly ", "up to ", " or more", "between ", " and ", " to ",
            "minus ", "twenty-five", "half a", " ", "\n", "\u{3000}", "$", "¥", "€", "円", "ドル", "日経平均",
            "http://x.jp/?q=", "%20", "数", "ﾟ", "🙂", "\u{FEFF}",
        ])
        .prop_map(str::to_string),
        1 => "\\PC{0,3}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    #[test]
    fn percent_facts_are_exact_substrings(s in text()) {
        let article = Article { id: "p".into(), text: s.clone(), ..Default::default() };
        let analysis = analyze(&article, &Resources::default());
        let chars: Vec<char> = s.chars().collect();
        for f in analysis.facts.iter().filter(|f| f.kind == Kind::Percent) {
            prop_assert!(f.start < f.end && f.end <= chars.len(), "bad offsets {f:?}");
            let span: String = chars[f.start..f.end].iter().collect();
            prop_assert_eq!(&span, &f.text);
            let Value::Percent(p) = &f.value else {
                return Err(TestCaseError::fail(format!("not a percent value: {f:?}")));
            };
            prop_assert!(p.value.is_finite());
            prop_assert!(!p.display.is_empty());
            match p.value_max {
                Some(m) => {
                    prop_assert!(m.is_finite() && m > p.value);
                    prop_assert_eq!(p.qualifier, Qualifier::Range);
                }
                None => prop_assert!(p.qualifier != Qualifier::Range),
            }
            let suffix_ok = match p.unit {
                PercentUnit::Percent => p.display.contains('%'),
                PercentUnit::Point => p.display.contains("pt"),
            };
            prop_assert!(suffix_ok, "display {} does not show the unit", p.display);
        }
    }

    #[test]
    fn percent_never_panics_on_any_text(s in "\\PC{0,80}") {
        let article = Article { id: "p".into(), text: s, ..Default::default() };
        let _ = analyze(&article, &Resources::default());
    }
}
