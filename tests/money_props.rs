//! Property test of the money extractor: on arbitrary text (CJK, digits, currency
//! signs, full-width forms, qualifier words) analysis never panics and every money
//! fact's text is exactly the original code points `start..end`.

use newsfacts::{analyze, Article, Kind, Resources, Value};
use proptest::prelude::*;

/// Pieces that money rules react to, mixed with noise.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("約".to_string()),
        Just("億".to_string()),
        Just("万".to_string()),
        Just("兆".to_string()),
        Just("ドル".to_string()),
        Just("円".to_string()),
        Just("元".to_string()),
        Just("ユーロ".to_string()),
        Just("超".to_string()),
        Just("銭".to_string()),
        Just("と".to_string()),
        Just("〜".to_string()),
        Just("～".to_string()),
        Just("から".to_string()),
        Just("１株当たり".to_string()),
        Just("二十四".to_string()),
        Just("$".to_string()),
        Just("＄".to_string()),
        Just("€".to_string()),
        Just("£".to_string()),
        Just("¥".to_string()),
        Just("￥".to_string()),
        Just("\\".to_string()),
        Just("C$".to_string()),
        Just("US $".to_string()),
        Just(" billion".to_string()),
        Just("bn".to_string()),
        Just(" dollars".to_string()),
        Just(" cents".to_string()),
        Just(" pence".to_string()),
        Just(" and ".to_string()),
        Just(" to ".to_string()),
        Just("between ".to_string()),
        Just("more than ".to_string()),
        Just(" a share".to_string()),
        Just("USD".to_string()),
        Just("MUSD".to_string()),
        Just("Rs ".to_string()),
        Just("=".to_string()),
        Just("＝".to_string()),
        Just("+".to_string()),
        Just("-".to_string()),
        Just(",".to_string()),
        Just(".".to_string()),
        Just(" ".to_string()),
        Just("\u{3000}".to_string()),
        Just("\n".to_string()),
        "[0-9]{1,4}",
        "[０-９]{1,3}",
        "[一二三四五六七八九十百千]{1,3}",
        "\\PC{1,3}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..24).prop_map(|v| v.concat())
}

fn check(s: &str) {
    let article = Article {
        id: "p".into(),
        text: s.to_string(),
        ..Default::default()
    };
    let analysis = analyze(&article, &Resources::default());
    let chars: Vec<char> = s.chars().collect();
    for f in analysis.facts.iter().filter(|f| f.kind == Kind::Money) {
        assert!(f.start < f.end && f.end <= chars.len(), "{f:?}");
        let slice: String = chars[f.start..f.end].iter().collect();
        assert_eq!(slice, f.text, "in {s:?}");
        let Value::Money(m) = &f.value else {
            panic!("money fact without a money value")
        };
        // Negative exactly when the span opens with a minus sign (`▲3億円`, `-$5`).
        let lower = f.text.to_lowercase();
        let signed = ["▲", "△", "-", "−", "－", "マイナス", "minus ", "negative "]
            .iter()
            .any(|p| lower.starts_with(p));
        assert!(m.amount.is_finite(), "{m:?}");
        assert_eq!(m.amount < 0.0, signed, "{m:?} in {s:?}");
        assert_eq!(m.display.starts_with('-'), signed, "{m:?}");
        assert!(
            m.amount_max.is_none_or(|x| x.is_finite() && x > m.amount),
            "{m:?}"
        );
        assert!(!m.display.is_empty());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn money_props_spans_match_original(s in text()) {
        check(&s);
    }

    #[test]
    fn money_props_arbitrary_unicode(s in "\\PC{0,80}") {
        check(&s);
    }
}

#[test]
fn money_props_known_tricky_inputs() {
    for s in [
        "",
        "$",
        "¥",
        "億ドル",
        "1,",
        "$1,28",
        "9999999999999999999999999999999999999999兆円",
        "一万億万億円",
        "$1e999 billion",
        "２４億ドル～３億ドル",
        "1ドル=",
        "=1ドル",
        "C $",
        "Rs.",
    ] {
        check(s);
    }
}
