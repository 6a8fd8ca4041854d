//! Checks the built-in gazetteer lists (`src/gazetteer/data/*.tsv`): the line
//! format, byte-order sorting by canonical name, that every alias belongs to
//! exactly one entry, the minimum sizes, valid fiscal-year ends, and a few
//! entries the seed articles need.

use std::collections::HashMap;

const COMPANIES: &str = include_str!("../src/gazetteer/data/companies.tsv");
const PEOPLE: &str = include_str!("../src/gazetteer/data/people.tsv");
const ORGANISATIONS: &str = include_str!("../src/gazetteer/data/organisations.tsv");

/// One parsed line: (line number, kind, canonical, aliases as written).
type Line<'a> = (usize, &'a str, &'a str, Vec<&'a str>);

/// The fiscal-year-end field of each line that has one: (line number, field).
fn fiscal_fields(text: &str) -> Vec<(usize, &str)> {
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| line.split('\t').nth(3).map(|f| (i + 1, f)))
        .collect()
}

/// The fiscal-year-end month of a company, as the file gives it.
fn fiscal_end(canonical: &str) -> Option<u8> {
    COMPANIES.lines().find_map(|line| {
        let fields: Vec<&str> = line.split('\t').collect();
        (fields.get(1) == Some(&canonical)).then(|| fields.get(3).and_then(|f| f.parse().ok()))?
    })
}

fn lines(text: &str) -> Vec<Line<'_>> {
    text.lines()
        .enumerate()
        .map(|(i, line)| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert!(
                (3..=4).contains(&fields.len()),
                "line {}: expected 3 fields, or 4 with a fiscal-year end: {line:?}",
                i + 1
            );
            {
                // An empty alias field: the canonical name is the only form.
                let aliases = match fields[2] {
                    "" => Vec::new(),
                    f => f.split('|').collect(),
                };
                (i + 1, fields[0], fields[1], aliases)
            }
        })
        .collect()
}

/// The matching key of a name: `?` (context-only marker) stripped, lowercased.
fn key(name: &str) -> String {
    name.trim_start_matches('?').to_lowercase()
}

fn both() -> Vec<(&'static str, Vec<Line<'static>>)> {
    vec![
        ("company", lines(COMPANIES)),
        ("person", lines(PEOPLE)),
        ("organisation", lines(ORGANISATIONS)),
    ]
}

fn aliases_of<'a>(entries: &'a [Line<'a>], canonical: &str) -> &'a [&'a str] {
    entries
        .iter()
        .find(|e| e.2 == canonical)
        .map(|e| e.3.as_slice())
        .unwrap_or_else(|| panic!("no entry {canonical:?}"))
}

#[test]
fn gazetteer_data_fields() {
    for text in [COMPANIES, PEOPLE, ORGANISATIONS] {
        assert!(!text.contains('\r'), "line endings must be LF");
        assert!(text.ends_with('\n'), "file must end with a newline");
    }
    for (kind, entries) in both() {
        for (n, k, canonical, aliases) in &entries {
            assert_eq!(*k, kind, "line {n}: kind {k:?} in the {kind} file");
            assert!(!canonical.is_empty(), "line {n}: empty canonical");
            assert_eq!(canonical.trim(), *canonical, "line {n}: padded canonical");
            for a in aliases {
                assert!(!key(a).is_empty(), "line {n}: empty alias in {canonical:?}");
                assert_eq!(a.trim(), *a, "line {n}: padded alias {a:?}");
                assert!(
                    !a.trim_start_matches('?').contains('?') && !a.starts_with("??"),
                    "line {n}: `?` only as a single leading marker: {a:?}"
                );
            }
        }
    }
}

#[test]
fn gazetteer_data_fiscal_year_ends() {
    assert!(
        fiscal_fields(PEOPLE).is_empty() && fiscal_fields(ORGANISATIONS).is_empty(),
        "only companies have a fiscal year"
    );
    let fields = fiscal_fields(COMPANIES);
    for (n, f) in &fields {
        let month: u8 = f
            .parse()
            .unwrap_or_else(|_| panic!("line {n}: fiscal-year end {f:?} is not a number"));
        assert!((1..=12).contains(&month), "line {n}: month {month}");
        assert_eq!(
            f.len(),
            month.to_string().len(),
            "line {n}: write {month}, not {f:?}"
        );
    }
    assert!(fields.len() >= 500, "{} fiscal-year ends", fields.len());
    for (canonical, month) in [
        ("Microsoft", 6),
        ("Nvidia", 1),
        ("Apple", 9),
        ("Walmart", 1),
        ("Toyota Motor", 3),
        ("SoftBank Group", 3),
        ("Seven & i Holdings", 2),
        ("Fast Retailing", 8),
        ("Canon", 12),
        ("Oracle", 5),
        ("Nike", 5),
        ("Broadcom", 10),
        ("Royal Bank of Canada", 10),
        ("BHP Group", 6),
        ("Sekisui House", 1),
        ("AutoZone", 8),
    ] {
        assert_eq!(fiscal_end(canonical), Some(month), "{canonical}");
    }
}

#[test]
fn gazetteer_data_sorted() {
    for (kind, entries) in both() {
        for pair in entries.windows(2) {
            assert!(
                pair[0].2.as_bytes() < pair[1].2.as_bytes(),
                "{kind} line {}: {:?} must sort after {:?} (no duplicates)",
                pair[1].0,
                pair[1].2,
                pair[0].2
            );
        }
    }
}

#[test]
fn gazetteer_data_aliases_unique() {
    // Across the files: a name must resolve to one entry only.
    let mut owner: HashMap<String, (&str, &str)> = HashMap::new();
    let all = both();
    for (kind, entries) in &all {
        for (_, _, canonical, _) in entries {
            if let Some(prev) = owner.insert(key(canonical), (kind, canonical)) {
                panic!("canonical {canonical:?} also names {prev:?}");
            }
        }
    }
    let mut seen: HashMap<String, &str> = HashMap::new();
    for (_, entries) in &all {
        for (n, _, canonical, aliases) in entries {
            for a in aliases {
                let k = key(a);
                if let Some((_, other)) = owner.get(&k) {
                    assert_eq!(
                        other, canonical,
                        "line {n}: alias {a:?} of {canonical:?} is the canonical {other:?}"
                    );
                }
                if let Some(prev) = seen.insert(k, canonical) {
                    panic!("line {n}: alias {a:?} of {canonical:?} already belongs to {prev:?}");
                }
            }
        }
    }
}

#[test]
fn gazetteer_data_sizes() {
    let all = both();
    assert!(all[0].1.len() >= 3000, "{} companies", all[0].1.len());
    assert!(all[2].1.len() >= 30, "{} organisations", all[2].1.len());
    assert!(all[1].1.len() >= 300, "{} people", all[1].1.len());
}

#[test]
fn gazetteer_data_spot_checks() {
    let all = both();
    let (companies, people) = (&all[0].1, &all[1].1);
    for (canonical, alias) in [
        ("Qualcomm", "クアルコム"),
        ("Qualcomm", "Qualcomm Inc."),
        ("Meta Platforms", "?メタ"),
        ("Meta Platforms", "?Meta"),
        ("Alphawave IP Group", "アルファウェーブ"),
        ("Scale AI", "スケールAI"),
        ("Nvidia", "エヌビディア"),
        ("Toyota Motor", "トヨタ自動車"),
        ("Nippon Steel", "日本製鉄"),
        ("Nippon Steel", "日鉄"),
        ("SoftBank Group", "ソフトバンクグループ"),
    ] {
        assert!(
            aliases_of(companies, canonical).contains(&alias),
            "{canonical} lacks {alias}"
        );
    }
    for (canonical, alias) in [
        ("Scott Bessent", "ベサント"),
        ("He Lifeng", "何立峰"),
        ("Xi Jinping", "習近平"),
        ("Donald Trump", "トランプ"),
        ("Howard Lutnick", "ラトニック"),
        ("Jamieson Greer", "グリア"),
        ("Shigeru Ishiba", "石破茂"),
        ("Masayoshi Son", "孫正義"),
    ] {
        assert!(
            aliases_of(people, canonical).contains(&alias),
            "{canonical} lacks {alias}"
        );
    }
}

#[test]
fn gazetteer_data_no_bare_ambiguous_words() {
    // Ordinary words and common abbreviations (currency codes, economic terms)
    // count only with context: as aliases they must carry the `?` marker, and an
    // entry whose canonical name is such a word must list it as `?Canonical`.
    let words = [
        "apple",
        "meta",
        "amazon",
        "shell",
        "target",
        "visa",
        "oracle",
        "alphabet",
        "gap",
        "block",
        "square",
        "snap",
        "total",
        "orange",
        "sharp",
        "disco",
        "zoom",
        "nok",
        "pmi",
        "mbs",
        "boe",
        "ford",
        "merck",
        "lilly",
        "recruit",
        "ball",
        "carnival",
        "tapestry",
        "wise",
        "stripe",
        "circle",
        "ripple",
        "tether",
        "chime",
        "plaid",
        "affirm",
        "discord",
        "flutter",
        "pandora",
        "honor",
        "suez",
        "kraken",
        "sequoia",
        "fortress",
        "bridgewater",
        "santos",
        "ストライプ",
        "サークル",
        "ライオン",
        "カバー",
        "フリー",
        "メタ",
        "シャープ",
        "ビザ",
        "ターゲット",
    ];
    for (_, entries) in both() {
        for (n, _, canonical, aliases) in &entries {
            for a in aliases {
                assert!(
                    !words.contains(&a.to_lowercase().as_str()),
                    "line {n}: {a:?} of {canonical:?} needs `?`"
                );
            }
            if words.contains(&canonical.to_lowercase().as_str()) {
                let marked = format!("?{canonical}");
                assert!(
                    aliases.contains(&marked.as_str()),
                    "line {n}: ambiguous canonical {canonical:?} needs the alias {marked:?}"
                );
            }
        }
    }
}
