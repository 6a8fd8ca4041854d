//! Property test for the date extractor: on arbitrary strings (CJK, digits, date
//! words, separators, full-width forms) extraction never panics and every fact's
//! text is exactly the original code points between its offsets.

use newsfacts::{analyze, Article, Kind, Resources};
use proptest::prelude::*;

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("2025年".to_string()),
        Just("6月".to_string()),
        Just("9日".to_string()),
        Just("令和元年".to_string()),
        Just("第1四半期".to_string()),
        Just("年度".to_string()),
        Just("月期".to_string()),
        Just("〜".to_string()),
        Just("～".to_string()),
        Just("２０２５".to_string()),
        Just("１２".to_string()),
        Just("（月）".to_string()),
        Just("昨年".to_string()),
        Just("来週の金曜日".to_string()),
        Just("日間".to_string()),
        Just("June ".to_string()),
        Just("May ".to_string()),
        Just("Q1 ".to_string()),
        Just("FY".to_string()),
        Just("fiscal ".to_string()),
        Just("the 1990s".to_string()),
        Just(" ago".to_string()),
        Just("weeks from ".to_string()),
        Just("nineteen eighty six".to_string()),
        Just("/".to_string()),
        Just("-".to_string()),
        Just(".".to_string()),
        Just("$".to_string()),
        Just("¥".to_string()),
        Just("\n".to_string()),
        "[0-9]{1,8}",
        "[a-zA-Z ,]{0,6}",
        "\\PC{0,4}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn date_offsets_valid(parts in prop::collection::vec(piece(), 0..14), with_ref in any::<bool>()) {
        let text: String = parts.concat();
        let res = Resources {
            ref_date: if with_ref { chrono::NaiveDate::from_ymd_opt(2025, 6, 9) } else { None },
            ..Default::default()
        };
        let article = Article { id: "p".into(), text: text.clone(), ..Default::default() };
        let out = analyze(&article, &res);
        let chars: Vec<char> = text.chars().collect();
        for f in out.facts.iter().filter(|f| f.kind == Kind::Date) {
            prop_assert!(f.start < f.end && f.end <= chars.len());
            let slice: String = chars[f.start..f.end].iter().collect();
            prop_assert_eq!(&slice, &f.text);
        }
    }
}
