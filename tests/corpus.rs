//! Runs the corpus files beside each extractor (`src/extract/<kind>/*.corpus`).
//!
//! One example a line: `<display>\t<input>` must yield exactly one fact of the
//! kind, over the whole input (or over the part marked `⟦…⟧`), with that display;
//! `-\t<input>` must yield no fact of the kind. `+<display>\t<input>` is for rules
//! that need several mentions (coreference, repeats): the marked part must be one
//! fact with that display, and other facts of the kind may stand elsewhere. A
//! third field, `\t<rule>`, also requires the fact to come from that rule. `#`
//! lines are comments; `↵` in an input is a line break; `@ref-date YYYY-MM-DD`
//! and `@ref-date none` set the reference date for the lines after it. Every
//! failure of a file is reported together.

use newsfacts::{analyze, Article, Kind, Resources};
use std::path::Path;

struct Example {
    line: usize,
    expected: Option<String>,
    /// `+` lines: other facts of the kind may stand outside the marked part.
    among: bool,
    rule: Option<String>,
    text: String,
    span: Option<(usize, usize)>,
    ref_date: Option<chrono::NaiveDate>,
}

fn parse_corpus(body: &str) -> Result<Vec<Example>, String> {
    let mut out = Vec::new();
    let mut ref_date = None;
    for (i, raw) in body.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(d) = line.strip_prefix("@ref-date ") {
            ref_date = match d.trim() {
                "none" => None,
                d => Some(
                    chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
                        .map_err(|e| format!("line {}: {e}", i + 1))?,
                ),
            };
            continue;
        }
        let Some((expected, rest)) = line.split_once('\t') else {
            return Err(format!("line {}: no tab between display and input", i + 1));
        };
        let (input, rule) = match rest.split_once('\t') {
            Some((input, rule)) => (input, Some(rule.trim().to_string())),
            None => (rest, None),
        };
        let (expected, among) = match expected.strip_prefix('+') {
            Some(d) => (d, true),
            None => (expected, false),
        };
        if among && !input.contains('⟦') {
            return Err(format!("line {}: a `+` line must mark its span", i + 1));
        }
        // `↵` stands for a line break (a corpus example is one line of the file).
        let input = input.replace('↵', "\n");
        let (text, span) = match (input.find('⟦'), input.find('⟧')) {
            (Some(a), Some(b)) if a < b => {
                let text = input.replace(['⟦', '⟧'], "");
                let s = input[..a].chars().count();
                let e = s + input[a + '⟦'.len_utf8()..b].chars().count();
                (text, Some((s, e)))
            }
            _ => (input.to_string(), None),
        };
        out.push(Example {
            line: i + 1,
            expected: (expected != "-").then(|| expected.to_string()),
            among,
            rule,
            text,
            span,
            ref_date,
        });
    }
    Ok(out)
}

fn run_kind(kind: Kind) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src/extract")
        .join(kind.as_str());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "corpus"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    assert!(!files.is_empty(), "no corpus files in {}", dir.display());
    let mut failures = Vec::new();
    let mut count = 0;
    let mut res = Resources {
        gazetteer: newsfacts::gazetteer::Gazetteer::builtin(),
        ref_date: None,
    };
    for file in &files {
        let body = std::fs::read_to_string(file).expect("corpus file is readable");
        let examples = parse_corpus(&body).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let negatives = examples.iter().filter(|e| e.expected.is_none()).count();
        let (min_lines, min_negatives) = minimum_size(kind, examples.len());
        assert!(
            examples.len() >= min_lines && negatives >= min_negatives,
            "{}: {} examples ({negatives} negatives); the corpus must keep at least {min_lines} ({min_negatives} negatives)",
            file.display(),
            examples.len()
        );
        for ex in examples {
            count += 1;
            res.ref_date = ex.ref_date;
            let article = Article {
                id: "corpus".into(),
                text: ex.text.clone(),
                ..Default::default()
            };
            let got: Vec<_> = analyze(&article, &res)
                .facts
                .into_iter()
                .filter(|f| f.kind == kind)
                .collect();
            let shown: Vec<String> = got
                .iter()
                .map(|f| format!("{:?}={} ({})", f.text, f.value.display(), f.rule))
                .collect();
            let where_ = format!("{}:{}: {:?}", file.display(), ex.line, ex.text);
            match &ex.expected {
                None if !got.is_empty() => {
                    failures.push(format!("{where_}: expected nothing, got {shown:?}"))
                }
                None => {}
                Some(display) => {
                    let (s, e) = ex.span.unwrap_or((0, ex.text.chars().count()));
                    // Without `+`, the fact must be the only one of its kind.
                    let only = ex.among || got.len() == 1;
                    let at: Vec<_> = got
                        .iter()
                        .filter(|f| only && f.start == s && f.end == e)
                        .collect();
                    let ok = at.len() == 1
                        && at[0].value.display() == display
                        && ex.rule.as_deref().is_none_or(|r| r == at[0].rule);
                    if !ok {
                        let want: String = ex.text.chars().skip(s).take(e - s).collect();
                        let rule = ex.rule.as_deref().unwrap_or("any rule");
                        failures.push(format!(
                            "{where_}: expected one {want:?}={display} ({rule}), got {shown:?}"
                        ));
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} {} corpus examples failed:\n{}",
        failures.len(),
        kind.as_str(),
        failures.join("\n")
    );
}

/// The least a corpus file may hold, per language: (examples, negatives).
fn minimum_size(kind: Kind, examples: usize) -> (usize, usize) {
    match kind {
        Kind::Money => (150, 20),
        Kind::Percent => (80, 20),
        Kind::Date => (150, 20),
        // People and companies: at least a quarter negatives.
        Kind::Person | Kind::Company => (120, examples / 4),
    }
}

#[test]
fn corpus_money() {
    run_kind(Kind::Money);
}

#[test]
fn corpus_percent() {
    run_kind(Kind::Percent);
}

#[test]
fn corpus_date() {
    run_kind(Kind::Date);
}

#[test]
fn corpus_person() {
    run_kind(Kind::Person);
}

#[test]
fn corpus_company() {
    run_kind(Kind::Company);
}
