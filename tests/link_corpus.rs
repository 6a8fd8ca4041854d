//! The linking corpora (src/link/ja.corpus, src/link/en.corpus): every case is
//! analysed as one article and each expected figure must carry exactly the
//! subject, metric, period and change written, each expected event exactly its
//! type, status, buyer, target and amount; `no events` means none may be found.

use newsfacts::export::row::event_rows;
use newsfacts::link::Link;
use newsfacts::{analyze, Article, Kind, Resources};

fn dash(s: &str) -> Option<&str> {
    let s = s.trim();
    (s != "-").then_some(s)
}

fn check(corpus: &str, name: &str) -> Vec<String> {
    let res = Resources::default();
    let mut failures = Vec::new();
    let mut cases = 0;
    let mut current: Option<(String, newsfacts::Analysis, Vec<bool>)> = None;
    for (n, line) in corpus.lines().enumerate() {
        let line = line.trim_end();
        let at = format!("{name}:{}", n + 1);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(text) = line.strip_prefix("> ") {
            let article = Article {
                id: "case".into(),
                text: text.into(),
                ..Default::default()
            };
            let a = analyze(&article, &res);
            let used = vec![false; a.facts.len()];
            current = Some((text.to_string(), a, used));
            cases += 1;
            continue;
        }
        let Some((text, a, used)) = current.as_mut() else {
            failures.push(format!("{at}: expectation before any case"));
            continue;
        };
        if line == "no events" {
            if !a.events.is_empty() {
                failures.push(format!(
                    "{at}: {text:?}: expected no events, got {}",
                    a.events.len()
                ));
            }
        } else if let Some(rest) = line.strip_prefix("event ") {
            let (head, amount) = match rest.split_once(" -> ") {
                Some((h, t)) => (h, t),
                None => {
                    failures.push(format!("{at}: malformed event line"));
                    continue;
                }
            };
            let mut hw = head.splitn(3, ' ');
            let (kind, status, acquirer) = (
                hw.next().unwrap_or(""),
                hw.next().unwrap_or(""),
                hw.next().unwrap_or(""),
            );
            // Target then amount: the amount is the last figure text; targets are known names.
            let found = event_rows(a).find(|r| {
                r.kind == kind
                    && r.status == dash(status)
                    && r.acquirer == dash(acquirer)
                    && r.target.is_some_and(|t| amount.starts_with(t))
            });
            match found {
                None => failures.push(format!("{at}: {text:?}: no event {rest:?}")),
                Some(r) => {
                    let target = r.target.unwrap_or("");
                    let want_amount = dash(amount[target.len()..].trim());
                    let got_amount = r.amount_id.as_ref().and_then(|id| {
                        let i: usize = id.rsplit('#').next()?.parse().ok()?;
                        Some(a.facts[i].text.as_str())
                    });
                    if want_amount != got_amount {
                        failures.push(format!(
                            "{at}: event amount: want {want_amount:?}, got {got_amount:?}"
                        ));
                    }
                }
            }
        } else if let Some((figure, want)) = line.split_once(" => ") {
            let figure = figure.trim();
            let hit = a.facts.iter().enumerate().position(|(i, f)| {
                !used[i] && f.text == figure && matches!(f.kind, Kind::Money | Kind::Percent)
            });
            let Some(i) = hit else {
                failures.push(format!(
                    "{at}: {text:?}: no money or percent fact {figure:?}"
                ));
                continue;
            };
            used[i] = true;
            let parts: Vec<&str> = want.split('|').collect();
            if parts.len() != 4 {
                failures.push(format!("{at}: expected subject | metric | period | change"));
                continue;
            }
            let l: Option<&Link> = a.facts[i].link.as_ref();
            let got = (
                l.and_then(|l| l.subject_name.as_deref()),
                l.map(|l| l.metric.as_str()),
                l.and_then(|l| l.period_iso.as_deref()),
                l.and_then(|l| l.change.map(|c| c.as_str())),
            );
            let wanted = (
                dash(parts[0]),
                dash(parts[1]),
                dash(parts[2]),
                dash(parts[3]),
            );
            if got != wanted {
                failures.push(format!("{at}: {figure}: want {wanted:?}, got {got:?}"));
            }
        } else {
            failures.push(format!("{at}: unreadable line {line:?}"));
        }
    }
    assert!(cases >= 10, "{name}: only {cases} cases");
    failures
}

#[test]
fn japanese_linking_corpus() {
    let failures = check(include_str!("../src/link/ja.corpus"), "ja.corpus");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn english_linking_corpus() {
    let failures = check(include_str!("../src/link/en.corpus"), "en.corpus");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
