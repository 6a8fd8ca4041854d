//! The gazetteer: built-in data, user files (`--gazetteer`) that extend and
//! override it, malformed lines reported with their line numbers.

use newsfacts::gazetteer::Gazetteer;
use newsfacts::{analyze, Article, Kind, Resources};
use std::io::Write;

fn facts(res: &Resources, text: &str, kind: Kind) -> Vec<(String, String)> {
    let a = Article {
        id: "g".into(),
        text: text.into(),
        ..Default::default()
    };
    analyze(&a, res)
        .facts
        .into_iter()
        .filter(|f| f.kind == kind)
        .map(|f| (f.text, f.value.display().to_string()))
        .collect()
}

#[test]
fn gazetteer_builtin_is_shared_and_cheap() {
    let a = Gazetteer::builtin();
    let b = Gazetteer::builtin();
    assert!(std::ptr::eq(a.entries().as_ptr(), b.entries().as_ptr()));
    assert!(
        Gazetteer::builtin_errors().is_empty(),
        "{:?}",
        Gazetteer::builtin_errors()
    );
}

#[test]
fn gazetteer_cross_language_canonical() {
    let res = Resources::default();
    let ja = facts(&res, "クアルコムは発表した。", Kind::Company);
    let en = facts(&res, "Qualcomm Inc. said on Monday.", Kind::Company);
    assert_eq!(ja, vec![("クアルコム".into(), "Qualcomm".into())]);
    assert_eq!(en, vec![("Qualcomm Inc.".into(), "Qualcomm".into())]);
    let p = facts(&res, "ベサント氏が語った。", Kind::Person);
    assert_eq!(p, vec![("ベサント".into(), "Scott Bessent".into())]);
}

#[test]
fn gazetteer_user_file_extends_and_overrides() {
    let mut f = tempfile::NamedTempFile::new().unwrap();
    writeln!(f, "# my list").unwrap();
    writeln!(f, "company\tZentrix Holdings\tゼントリクス|Zentrix").unwrap();
    writeln!(f, "company\tQualcomm Technologies\tクアルコム").unwrap();
    writeln!(f, "this line is broken").unwrap();
    writeln!(f, "person\tKen Kitano\t北野健一|?北野").unwrap();
    writeln!(f, "animal\tCat\tネコ").unwrap();
    let mut g = Gazetteer::builtin();
    let errors = g.add_file(f.path()).unwrap();
    assert_eq!(errors.len(), 2, "{errors:?}");
    let path = f.path().display().to_string();
    assert!(
        errors[0].starts_with(&format!("{path}:4: ")),
        "{}",
        errors[0]
    );
    assert!(
        errors[1].starts_with(&format!("{path}:6: ")),
        "{}",
        errors[1]
    );

    let res = Resources {
        gazetteer: g,
        ref_date: None,
    };
    assert_eq!(
        facts(&res, "ゼントリクスが上場した。", Kind::Company),
        vec![("ゼントリクス".into(), "Zentrix Holdings".into())]
    );
    assert_eq!(
        facts(&res, "クアルコムが発表した。", Kind::Company),
        vec![("クアルコム".into(), "Qualcomm Technologies".into())]
    );
    assert_eq!(
        facts(&res, "北野健一氏が語った。", Kind::Person),
        vec![("北野健一".into(), "Ken Kitano".into())]
    );
    // The built-in list is untouched by another run's user file.
    let plain = Resources::default();
    assert_eq!(
        facts(&plain, "クアルコムが発表した。", Kind::Company),
        vec![("クアルコム".into(), "Qualcomm".into())]
    );
}

#[test]
fn gazetteer_unreadable_file_is_an_error() {
    let mut g = Gazetteer::builtin();
    assert!(g
        .add_file(std::path::Path::new("/nonexistent/none.tsv"))
        .is_err());
}

#[test]
fn gazetteer_ambiguous_alias_policy() {
    let res = Resources::default();
    // No context: an ordinary word.
    assert!(facts(&res, "The apple and the Meta tag.", Kind::Company).is_empty());
    // A company cue nearby.
    assert_eq!(
        facts(&res, "Meta shares rose 3%.", Kind::Company),
        vec![("Meta".into(), "Meta Platforms".into())]
    );
    // The full name earlier in the article.
    let got = facts(
        &res,
        "Meta Platforms Inc. reported results. Later, Meta hired.",
        Kind::Company,
    );
    assert_eq!(got.len(), 2, "{got:?}");
    // Katakana: not inside a longer katakana word.
    assert!(facts(
        &res,
        "メタバースの出資が増えた。メタルの価格。",
        Kind::Company
    )
    .is_empty());
}

#[test]
fn gazetteer_fiscal_year_end_builtin_and_user_file() {
    let builtin = Gazetteer::builtin();
    assert_eq!(builtin.fy_end_month("Microsoft"), Some(6));
    assert_eq!(builtin.fy_end_month_of("マイクロソフト"), Some(6));
    assert_eq!(builtin.fy_end_month_of("トヨタ自動車"), Some(3));
    let text = "米エヌビディアの2~4月期";
    let s = text.find("エヌビディア").unwrap();
    assert_eq!(
        builtin.fy_end_month_at(text, s, s + "エヌビディア".len()),
        Some(1)
    );

    let mut f = tempfile::NamedTempFile::new().unwrap();
    // Only the fiscal-year end changes; a new company brings its own.
    writeln!(f, "company\tToyota Motor\t\t12").unwrap();
    writeln!(f, "company\tZentrix Holdings\tゼントリクス\t9").unwrap();
    writeln!(f, "company\tOld Style\tOld Style Co").unwrap();
    writeln!(f, "company\tBroken Year\tBroken Co\t0").unwrap();
    let mut g = Gazetteer::builtin();
    let errors = g.add_file(f.path()).unwrap();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains(":4: "), "{}", errors[0]);
    assert_eq!(g.fy_end_month("Toyota Motor"), Some(12));
    assert_eq!(g.fy_end_month_of("トヨタ自動車"), Some(12));
    assert_eq!(g.fy_end_month_of("ゼントリクス"), Some(9));
    assert_eq!(g.fy_end_month("Old Style"), None);
    let res = Resources {
        gazetteer: g,
        ref_date: None,
    };
    assert_eq!(
        facts(&res, "トヨタ自動車が発表した。", Kind::Company),
        vec![("トヨタ自動車".into(), "Toyota Motor".into())]
    );
    assert_eq!(Gazetteer::builtin().fy_end_month("Toyota Motor"), Some(3));
}

#[test]
fn gazetteer_press_abbreviations_and_longest_entity() {
    let res = Resources::default();
    let co = |t: &str| facts(&res, t, Kind::Company);
    let one = |name: &str, canonical: &str| vec![(name.to_string(), canonical.to_string())];
    assert_eq!(
        co("住友不が反発した。"),
        one("住友不", "Sumitomo Realty & Development")
    );
    assert_eq!(
        co("三菱ケミが続落した。"),
        one("三菱ケミ", "Mitsubishi Chemical Group")
    );
    assert_eq!(
        co("セブン&アイが発表した。"),
        one("セブン&アイ", "Seven & i Holdings")
    );
    assert_eq!(
        co("三菱UFJが発表した。"),
        one("三菱UFJ", "Mitsubishi UFJ Financial Group")
    );
    // A research arm is a company of its own, not its parent.
    assert_eq!(
        co("第一生命経済研究所の試算では"),
        one("第一生命経済研究所", "Dai-ichi Life Research Institute")
    );
    assert_eq!(co("関電工が受注した。"), one("関電工", "Kandenko"));
    // An abbreviation does not cut a longer kanji name: 関西電 (Kansai Electric
    // Power) is not in 関西電気保安協会, a safety association.
    assert_eq!(co("関西電気保安協会が点検した。"), vec![]);
    assert_eq!(co("関電が続伸した。"), one("関電", "Kansai Electric Power"));
    // A foundation is not the company whose name it contains.
    assert_eq!(co("トヨタ財団が助成した。"), vec![]);
    assert_eq!(co("The Ford Foundation said."), vec![]);
    let gz = Gazetteer::builtin();
    let t = "トヨタ財団とトヨタ自動車";
    assert_eq!(gz.organisations(t), vec![(0, "トヨタ財団".len())]);
    // Legal-suffix variants of one company.
    for t in [
        "Ford Motor Co said.",
        "Ford Motor Co. said.",
        "Ford Motor Company said.",
    ] {
        let got = co(t);
        assert_eq!(got.len(), 1, "{t}: {got:?}");
        assert_eq!(got[0].1, "Ford Motor", "{t}");
        assert!(t.starts_with(&got[0].0), "{t}: {got:?}");
    }
}
