//! Library-level checks over every sample article in input/: offsets index the
//! original text, sections tile without overlap, every fact sits in its section,
//! and the seed splits into exactly its 12 sections.

use newsfacts::input::{collect_sources, Item, Reader};
use newsfacts::section::SectionKind;
use newsfacts::{analyze, Resources};
use std::path::{Path, PathBuf};

fn sample_articles() -> Vec<newsfacts::Article> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("input");
    let (sources, _) = collect_sources(&[root]);
    Reader::new(sources)
        .filter_map(|i| match i {
            Item::Article(a) => Some(*a),
            _ => None,
        })
        .collect()
}

fn chars(s: &str, start: usize, end: usize) -> String {
    s.chars().skip(start).take(end - start).collect()
}

#[test]
fn pipeline_offsets_sections_and_sentences_are_consistent() {
    let res = Resources::default();
    let articles = sample_articles();
    assert!(!articles.is_empty());
    for a in &articles {
        let an = analyze(a, &res);
        let mut prev_end = 0;
        for (i, s) in an.sections.iter().enumerate() {
            assert_eq!(s.section, i);
            assert!(
                s.start >= prev_end && s.start <= s.end,
                "{}: sections overlap",
                a.id
            );
            assert_eq!(s.chars, s.end - s.start);
            prev_end = s.end;
            let body = chars(&a.text, s.start, s.end);
            assert!(
                body.starts_with(s.heading.trim_start_matches('#').trim())
                    || s.kind == SectionKind::Body
            );
        }
        for f in &an.facts {
            assert_eq!(
                chars(&a.text, f.start, f.end),
                f.text,
                "{}: offsets of {:?}",
                a.id,
                f.text
            );
            let s = &an.sections[f.section];
            assert!(
                s.start <= f.start && f.end <= s.end,
                "{}: {:?} outside its section",
                a.id,
                f.text
            );
            assert!(
                f.sentence.contains(&f.text),
                "{}: sentence {:?} lacks {:?}",
                a.id,
                f.sentence,
                f.text
            );
            assert_eq!(f.value.kind(), f.kind);
        }
    }
}

#[test]
fn seed_splits_into_title_nine_headings_two_teasers() {
    let path: PathBuf =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("input/ja/ja-us-china-london-talks.txt");
    let article = newsfacts::Article {
        id: "seed".into(),
        text: std::fs::read_to_string(path).unwrap(),
        ..Default::default()
    };
    let an = analyze(&article, &Resources::default());
    let kinds: Vec<SectionKind> = an.sections.iter().map(|s| s.kind).collect();
    let mut want = vec![SectionKind::Title];
    want.extend([SectionKind::Heading; 9]);
    want.extend([SectionKind::Related; 2]);
    assert_eq!(kinds, want);
    let headings: Vec<&str> = an.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(
        headings[1],
        "ロンドンで始まった米中第2次貿易協議、その舞台裏"
    );
    assert_eq!(headings[9], "まとめ:ロンドン発、世界経済の行方は?");
    assert_eq!(
        headings[10],
        "クアルコム、英アルファウェーブを約24億ドルで買収合意 AI・データセンター覇権へ本格始動"
    );
    // The marker line もっと見る belongs to no section.
    let marker = article.text.find("もっと見る").unwrap();
    let marker_chars = article.text[..marker].chars().count();
    assert!(an
        .sections
        .iter()
        .all(|s| marker_chars < s.start || marker_chars >= s.end));
}

#[test]
fn crlf_text_keeps_its_line_ends_and_offsets() {
    let text = "円安進む\r\n\r\n日経平均は約３％上昇し、トヨタ自動車の株価は２０２５年６月９日に最高値を付けた。\r\n";
    let article = newsfacts::Article {
        id: "crlf".into(),
        text: text.into(),
        ..Default::default()
    };
    let an = analyze(&article, &Resources::default());
    assert_eq!(an.sections.len(), 2);
    assert_eq!(an.sections[0].heading, "円安進む");
    assert_eq!(an.sections[1].start, 8, "4 title chars, CR, LF, CR, LF");
    let percent = an
        .facts
        .iter()
        .find(|f| f.kind == newsfacts::Kind::Percent)
        .expect("percent found");
    assert_eq!(percent.text, "約３％");
    assert_eq!(chars(text, percent.start, percent.end), "約３％");
    let date = an
        .facts
        .iter()
        .find(|f| f.kind == newsfacts::Kind::Date)
        .expect("date found");
    assert_eq!(date.text, "２０２５年６月９日");
    assert_eq!(
        &*percent.sentence,
        "日経平均は約３％上昇し、トヨタ自動車の株価は２０２５年６月９日に最高値を付けた。"
    );
}

#[test]
fn date_en_bare_quarter_in_fiscal_article_is_fiscal() {
    let text = "Microsoft reported fiscal fourth-quarter results for fiscal 2025. Spending rose from the third quarter.";
    let article = newsfacts::Article {
        id: "fy".into(),
        text: text.into(),
        date: chrono::NaiveDate::from_ymd_opt(2025, 7, 30),
        ..Default::default()
    };
    let an = analyze(&article, &Resources::default());
    let dates: Vec<(String, String)> = an
        .facts_of(newsfacts::Kind::Date)
        .map(|f| (f.text.clone(), f.value.display().to_string()))
        .collect();
    assert_eq!(
        dates,
        vec![
            ("fiscal fourth-quarter".to_string(), "FY2025-Q4".to_string()),
            ("fiscal 2025".to_string(), "FY2025".to_string()),
            ("third quarter".to_string(), "FY2025-Q3".to_string()),
        ]
    );
}

/// Every article says where it came from: the file, and `:line` for JSONL;
/// a JSONL line may carry its own `newsfacts_source` (a distributed job passing
/// the original `path:line`).
#[test]
fn articles_carry_their_source() {
    let dir = tempfile::tempdir().unwrap();
    let dump = dir.path().join("part-000.jsonl");
    std::fs::write(
        &dump,
        concat!(
            "{\"id\": \"a\", \"text\": \"Sony rose 5%.\"}\n",
            "\n",
            "{\"id\": \"b\", \"text\": \"Sony fell 2%.\", \"newsfacts_source\": \"s3://bucket/day1.jsonl:42\"}\n",
        ),
    )
    .unwrap();
    let txt = dir.path().join("note.txt");
    std::fs::write(&txt, "Sony rose 5%.\n").unwrap();
    let (sources, _) = collect_sources(&[dump.clone(), txt.clone()]);
    let articles: Vec<newsfacts::Article> = Reader::new(sources)
        .filter_map(|i| match i {
            Item::Article(a) => Some(*a),
            _ => None,
        })
        .collect();
    let got: Vec<(&str, &str)> = articles
        .iter()
        .map(|a| (a.id.as_str(), a.source.as_str()))
        .collect();
    let d = dump.display().to_string();
    assert_eq!(
        got,
        [
            ("a", format!("{d}:1").as_str()),
            ("b", "s3://bucket/day1.jsonl:42"),
            ("note", txt.display().to_string().as_str()),
        ]
    );
    let res = Resources::default();
    for a in &articles {
        assert_eq!(analyze(a, &res).source, a.source);
    }
}
