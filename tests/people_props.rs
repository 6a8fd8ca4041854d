//! Person and company extraction never panics and reports valid offsets on
//! arbitrary text: CJK, kana, katakana with `・`, titles, honorifics, legal
//! suffixes, full-width forms and ASCII mixed at random.

use newsfacts::{analyze, Article, Kind, Resources};
use proptest::prelude::*;
use std::sync::LazyLock;

static RES: LazyLock<Resources> = LazyLock::new(Resources::default);

fn pieces() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "ベサント",
        "財務長官",
        "・",
        "トランプ",
        "大統領",
        "氏",
        "さん",
        "の",
        "会長兼",
        "CEO",
        "(CEO)",
        "橋本英二",
        "習近平",
        "主席",
        "USTR",
        "代表",
        "株式会社",
        "(株)",
        "ホールディングス",
        "グループ",
        "社",
        "企業",
        "メタ",
        "メタル",
        "クアルコム",
        "自動車",
        "銀行",
        "日本",
        "Mr ",
        "Dr. ",
        "President ",
        "Scott Bessent",
        "Bessent",
        "'s",
        " said ",
        "Inc.",
        " Corp",
        " Co Ltd",
        " PLC",
        "Shares of ",
        " (NASDAQ: QCOM)",
        "Apple",
        "Meta",
        ", ",
        "。",
        "、",
        "\n",
        " ",
        "Ｍｒ",
        "（株）",
        "ＣＥＯ",
        "１２",
        "￥",
        "$",
        "€",
        "漢",
        "ー",
        "ｱ",
        "\u{3000}",
        "é",
        "🙂",
        "O'",
        "Jr.",
        "兼",
        "米",
        "英",
    ]);
    prop::collection::vec(
        prop_oneof![
            atoms.prop_map(String::from),
            any::<char>().prop_map(|c| c.to_string())
        ],
        0..40,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn person_company_offsets_are_valid(text in pieces()) {
        let article = Article { id: "p".into(), text: text.clone(), ..Default::default() };
        let a = analyze(&article, &RES);
        let chars: Vec<char> = text.chars().collect();
        for f in a.facts.iter().filter(|f| matches!(f.kind, Kind::Person | Kind::Company)) {
            prop_assert!(f.start < f.end && f.end <= chars.len());
            let got: String = chars[f.start..f.end].iter().collect();
            prop_assert_eq!(&got, &f.text);
        }
    }

    #[test]
    fn person_company_any_string(text in "\\PC{0,200}") {
        let article = Article { id: "p".into(), text: text.clone(), ..Default::default() };
        let a = analyze(&article, &RES);
        let chars: Vec<char> = text.chars().collect();
        for f in &a.facts {
            prop_assert!(f.end <= chars.len());
            let got: String = chars[f.start..f.end].iter().collect();
            prop_assert_eq!(&got, &f.text);
        }
    }
}
