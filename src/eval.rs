//! Scoring against gold annotations: `newsfacts eval` and the gold tests.
//!
//! A gold file is JSON Lines (docs/SPEC.md, "Gold files"). Fact lines give a
//! fact by document (file stem), kind, span and value, optionally with the
//! `link` expected for a money or percent fact; `"kind": "event"` lines give
//! the deals of a document. Predictions are matched to gold facts of the same
//! document and kind by overlapping `[start, end)` ranges, one to one, the
//! largest overlaps first; optional gold facts are neither required nor
//! penalised. Per kind and language this gives precision, recall, F1, the rate
//! of exact spans and the accuracy of values among matches; for links the
//! accuracy of subject, metric, period and change among matched facts, the
//! precision of non-null subjects and their coverage; for events, F1 (an event
//! matches one of the same type with the same target, or the same acquirer
//! where no target is given) and the accuracy of roles among matches.

use crate::analyze::Analysis;
use crate::article::Lang;
use crate::export::row::{event_rows, EventRow};
use crate::fact::{Fact, Kind, Value};
use crate::link;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Why a gold file could not be used.
#[derive(Debug)]
pub struct GoldError {
    /// The `line` field (see the module doc).
    pub line: usize,
    /// The `reason` field (see the module doc).
    pub reason: String,
}

impl std::fmt::Display for GoldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

impl std::error::Error for GoldError {}

/// The link expected for a money or percent fact. Subject is the company's
/// canonical name (as written when it has none); period is the date's `iso`.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct GoldLink {
    #[serde(default)]
    /// The `subject` field (see the module doc).
    pub subject: Option<String>,
    /// The `metric` field (see the module doc).
    pub metric: String,
    #[serde(default)]
    /// The `period` field (see the module doc).
    pub period: Option<String>,
    #[serde(default)]
    /// The `change` field (see the module doc).
    pub change: Option<String>,
}

/// One gold fact.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldFact {
    /// The `doc` field (see the module doc).
    pub doc: String,
    /// The `kind` field (see the module doc).
    pub kind: String,
    /// The `text` field (see the module doc).
    pub text: String,
    /// The `start` field (see the module doc).
    pub start: usize,
    /// The `end` field (see the module doc).
    pub end: usize,
    #[serde(default)]
    /// The `value` field (see the module doc).
    pub value: serde_json::Value,
    #[serde(default)]
    /// The `optional` field (see the module doc).
    pub optional: bool,
    #[serde(default)]
    /// The `link` field (see the module doc).
    pub link: Option<GoldLink>,
}

/// One gold event (names as for subjects; amount, currency, stake, date as values).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct GoldEvent {
    /// The `doc` field (see the module doc).
    pub doc: String,
    #[serde(rename = "type")]
    /// The `kind` field (see the module doc).
    pub kind: String,
    #[serde(default)]
    /// The `status` field (see the module doc).
    pub status: Option<String>,
    #[serde(default)]
    /// The `acquirer` field (see the module doc).
    pub acquirer: Option<String>,
    #[serde(default)]
    /// The `target` field (see the module doc).
    pub target: Option<String>,
    #[serde(default)]
    /// The `seller` field (see the module doc).
    pub seller: Option<String>,
    #[serde(default)]
    /// The `amount` field (see the module doc).
    pub amount: Option<f64>,
    #[serde(default)]
    /// The `currency` field (see the module doc).
    pub currency: Option<String>,
    #[serde(default)]
    /// The `stake` field (see the module doc).
    pub stake: Option<f64>,
    #[serde(default)]
    /// The `date` field (see the module doc).
    pub date: Option<String>,
}

/// A gold file's facts and events.
#[derive(Clone, Debug, Default)]
pub struct Gold {
    /// The `facts` field (see the module doc).
    pub facts: Vec<GoldFact>,
    /// The `events` field (see the module doc).
    pub events: Vec<GoldEvent>,
}

impl Gold {
    /// Parse a gold file (JSON Lines; blank lines skipped).
    pub fn parse(text: &str) -> Result<Gold, GoldError> {
        let mut gold = Gold::default();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let err = |e: serde_json::Error| GoldError {
                line: n + 1,
                reason: e.to_string(),
            };
            let v: serde_json::Value = serde_json::from_str(line).map_err(err)?;
            if v.get("kind").and_then(|k| k.as_str()) == Some("event") {
                let mut v = v;
                if let Some(o) = v.as_object_mut() {
                    o.remove("kind");
                }
                gold.events.push(serde_json::from_value(v).map_err(err)?);
            } else {
                let f: GoldFact = serde_json::from_value(v).map_err(err)?;
                if Kind::parse(&f.kind).is_none() {
                    return Err(GoldError {
                        line: n + 1,
                        reason: format!("unknown kind {:?}", f.kind),
                    });
                }
                gold.facts.push(f);
            }
        }
        Ok(gold)
    }

    /// Add another gold file. A fact line that repeats a fact already held (same
    /// document, kind and span) only adds its `link`: links may live in a file
    /// of their own beside the facts' gold.
    pub fn extend(&mut self, other: Gold) {
        for f in other.facts {
            let held = self.facts.iter_mut().find(|g| {
                (g.doc.as_str(), g.kind.as_str(), g.start, g.end)
                    == (f.doc.as_str(), f.kind.as_str(), f.start, f.end)
            });
            match held {
                Some(g) => {
                    if f.link.is_some() {
                        g.link = f.link;
                    }
                }
                None => self.facts.push(f),
            }
        }
        self.events.extend(other.events);
    }

    /// The documents the gold speaks of.
    pub fn docs(&self) -> BTreeSet<&str> {
        self.facts
            .iter()
            .map(|f| f.doc.as_str())
            .chain(self.events.iter().map(|e| e.doc.as_str()))
            .collect()
    }
}

/// The gold's name for an analysed article: the last component of its doc_id
/// (`ja/ja-toyota-q1-earnings` → `ja-toyota-q1-earnings`).
pub fn doc_name(doc_id: &str) -> &str {
    doc_id.rsplit('/').next().unwrap_or(doc_id)
}

/// Scores of one kind in one language.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct KindScore {
    /// The `kind` field (see the module doc).
    pub kind: String,
    /// The `lang` field (see the module doc).
    pub lang: String,
    /// The `tp` field (see the module doc).
    pub tp: usize,
    /// The `fp` field (see the module doc).
    pub fp: usize,
    #[serde(rename = "fn")]
    /// The `fn_` field (see the module doc).
    pub fn_: usize,
    /// The `precision` field (see the module doc).
    pub precision: f64,
    /// The `recall` field (see the module doc).
    pub recall: f64,
    /// The `f1` field (see the module doc).
    pub f1: f64,
    /// Share of matches whose span is exactly the gold span.
    pub exact: f64,
    /// Share of matches with the gold value (money: amount and currency; percent:
    /// value and unit; date: iso; person: title); None when no value is compared.
    pub value: Option<f64>,
}

/// Scores of links in one language, over gold facts that carry a link and were
/// matched by a predicted fact.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct LinkScore {
    /// The `lang` field (see the module doc).
    pub lang: String,
    /// The `matched` field (see the module doc).
    pub matched: usize,
    /// The `subject` field (see the module doc).
    pub subject: f64,
    /// The `metric` field (see the module doc).
    pub metric: f64,
    /// The `period` field (see the module doc).
    pub period: f64,
    /// Among percent facts.
    pub change: Option<f64>,
    /// Non-null predicted subjects that are right, over non-null predicted subjects.
    pub subject_precision: f64,
    /// Gold non-null subjects found (right), over gold non-null subjects.
    pub subject_coverage: f64,
}

/// Scores of events in one language.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct EventScore {
    /// The `lang` field (see the module doc).
    pub lang: String,
    /// The `tp` field (see the module doc).
    pub tp: usize,
    /// The `fp` field (see the module doc).
    pub fp: usize,
    #[serde(rename = "fn")]
    /// The `fn_` field (see the module doc).
    pub fn_: usize,
    /// The `precision` field (see the module doc).
    pub precision: f64,
    /// The `recall` field (see the module doc).
    pub recall: f64,
    /// The `f1` field (see the module doc).
    pub f1: f64,
    /// Roles (status, acquirer, target, seller, amount, stake, date) right among matches.
    pub roles: Option<f64>,
}

/// Everything `newsfacts eval` reports.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Report {
    /// Per kind and language, then per kind over all languages (`lang` = `all`).
    pub kinds: Vec<KindScore>,
    /// The `links` field (see the module doc).
    pub links: Vec<LinkScore>,
    /// The `events` field (see the module doc).
    pub events: Vec<EventScore>,
    /// What went wrong, one line each (`MISS`, `FP`, `VALUE`, `LINK`, `EVENT`).
    pub details: Vec<String>,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Does a predicted value agree with the gold value? None when the kind (or a
/// gold fact without the field) has nothing to compare.
fn value_ok(kind: Kind, gold: &serde_json::Value, f: &Fact) -> Option<bool> {
    let num = |k: &str| gold.get(k).and_then(|v| v.as_f64());
    let s = |k: &str| gold.get(k).and_then(|v| v.as_str());
    match (&f.value, kind) {
        (Value::Money(m), Kind::Money) => {
            let a = num("amount")?;
            Some(
                (a - m.amount).abs() <= 1e-6 * a.abs().max(1.0)
                    && s("currency") == Some(&m.currency),
            )
        }
        (Value::Percent(p), Kind::Percent) => {
            let a = num("value")?;
            Some((a - p.value).abs() < 1e-9 && s("unit").unwrap_or("percent") == p.unit.as_str())
        }
        (Value::Date(d), Kind::Date) => {
            let iso = s("iso")?;
            Some(d.iso.as_deref() == Some(iso))
        }
        (Value::Person(p), Kind::Person) => {
            let t = s("title").filter(|t| !t.is_empty())?;
            Some(p.title.as_deref() == Some(t))
        }
        _ => None,
    }
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Pairs (gold index, prediction index), one to one, largest overlap first
/// (ties: later gold, then later prediction, first — as the reference scorer).
fn match_spans(gold: &[(usize, usize)], pred: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        for (j, p) in pred.iter().enumerate() {
            let ov = overlap(*g, *p);
            if ov > 0 {
                pairs.push((ov, i, j));
            }
        }
    }
    pairs.sort_unstable_by(|a, b| b.cmp(a));
    let (mut ug, mut up) = (BTreeSet::new(), BTreeSet::new());
    let mut out = Vec::new();
    for (_, i, j) in pairs {
        if ug.contains(&i) || up.contains(&j) {
            continue;
        }
        ug.insert(i);
        up.insert(j);
        out.push((i, j));
    }
    out
}

#[derive(Default)]
struct Tally {
    tp: usize,
    fp: usize,
    fn_: usize,
    exact: usize,
    vok: usize,
    vn: usize,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
        self.exact += o.exact;
        self.vok += o.vok;
        self.vn += o.vn;
    }

    fn score(&self, kind: &str, lang: &str) -> KindScore {
        let p = ratio(self.tp, self.tp + self.fp);
        let r = ratio(self.tp, self.tp + self.fn_);
        KindScore {
            kind: kind.into(),
            lang: lang.into(),
            tp: self.tp,
            fp: self.fp,
            fn_: self.fn_,
            precision: p,
            recall: r,
            f1: f1(p, r),
            exact: ratio(self.exact, self.tp),
            value: (self.vn > 0).then(|| ratio(self.vok, self.vn)),
        }
    }
}

#[derive(Default)]
struct LinkTally {
    matched: usize,
    subject: usize,
    metric: usize,
    period: usize,
    change: usize,
    change_n: usize,
    pred_subjects: usize,
    pred_subjects_right: usize,
    gold_subjects: usize,
    gold_subjects_found: usize,
}

#[derive(Default)]
struct EventTally {
    tp: usize,
    fp: usize,
    fn_: usize,
    roles: usize,
    roles_right: usize,
}

/// Score analysed articles against a gold file. Only the documents the gold
/// names are scored; `analyses` may hold others.
pub fn score(gold: &Gold, analyses: &[Analysis]) -> Report {
    let docs = gold.docs();
    let mut by_doc: BTreeMap<&str, &Analysis> = BTreeMap::new();
    for a in analyses {
        let name = doc_name(&a.doc_id);
        if docs.contains(name) {
            by_doc.insert(name, a);
        }
    }
    let mut report = Report::default();
    let mut kinds: BTreeMap<(Kind, Lang), Tally> = BTreeMap::new();
    let mut links: BTreeMap<Lang, LinkTally> = BTreeMap::new();
    let mut events: BTreeMap<Lang, EventTally> = BTreeMap::new();
    for doc in &docs {
        let Some(a) = by_doc.get(doc) else {
            report
                .details
                .push(format!("MISSING {doc}: not among the inputs"));
            continue;
        };
        for kind in Kind::ALL {
            let g: Vec<&GoldFact> = gold
                .facts
                .iter()
                .filter(|f| f.doc == *doc && f.kind == kind.as_str())
                .collect();
            let p: Vec<(usize, &Fact)> = a
                .facts
                .iter()
                .enumerate()
                .filter(|(_, f)| f.kind == kind)
                .collect();
            let pairs = match_spans(
                &g.iter().map(|f| (f.start, f.end)).collect::<Vec<_>>(),
                &p.iter().map(|(_, f)| (f.start, f.end)).collect::<Vec<_>>(),
            );
            let t = kinds.entry((kind, a.lang)).or_default();
            let (mut ug, mut up) = (BTreeSet::new(), BTreeSet::new());
            for &(i, j) in &pairs {
                ug.insert(i);
                up.insert(j);
                let (gf, (_, pf)) = (g[i], p[j]);
                if gf.optional {
                    continue;
                }
                t.tp += 1;
                t.exact += usize::from((gf.start, gf.end) == (pf.start, pf.end));
                if let Some(ok) = value_ok(kind, &gf.value, pf) {
                    t.vn += 1;
                    t.vok += usize::from(ok);
                    if !ok {
                        report.details.push(format!(
                            "VALUE {doc} {} {:?}: gold {} got {}",
                            kind.as_str(),
                            gf.text,
                            gf.value,
                            pf.value.display()
                        ));
                    }
                }
                if let Some(gl) = &gf.link {
                    let lt = links.entry(a.lang).or_default();
                    link_tally(lt, gl, pf, &mut report.details, doc);
                }
            }
            for (i, gf) in g.iter().enumerate() {
                if !ug.contains(&i) && !gf.optional {
                    t.fn_ += 1;
                    report
                        .details
                        .push(format!("MISS {doc} {} {:?}", kind.as_str(), gf.text));
                }
            }
            for (j, (_, pf)) in p.iter().enumerate() {
                if !up.contains(&j) {
                    t.fp += 1;
                    report
                        .details
                        .push(format!("FP {doc} {} {:?}", kind.as_str(), pf.text));
                }
            }
        }
        // A gold without event lines does not annotate events: none are scored.
        if gold.events.is_empty() {
            continue;
        }
        let et = events.entry(a.lang).or_default();
        let ge: Vec<&GoldEvent> = gold.events.iter().filter(|e| e.doc == *doc).collect();
        event_tally(et, &ge, a, &mut report.details, doc);
    }
    for kind in Kind::ALL {
        let mut all = Tally::default();
        for lang in [Lang::Ja, Lang::En] {
            if let Some(t) = kinds.get(&(kind, lang)) {
                report.kinds.push(t.score(kind.as_str(), lang.as_str()));
                all.add(t);
            }
        }
        report.kinds.push(all.score(kind.as_str(), "all"));
    }
    for (lang, t) in &links {
        report.links.push(LinkScore {
            lang: lang.as_str().into(),
            matched: t.matched,
            subject: ratio(t.subject, t.matched),
            metric: ratio(t.metric, t.matched),
            period: ratio(t.period, t.matched),
            change: (t.change_n > 0).then(|| ratio(t.change, t.change_n)),
            subject_precision: ratio(t.pred_subjects_right, t.pred_subjects),
            subject_coverage: ratio(t.gold_subjects_found, t.gold_subjects),
        });
    }
    for (lang, t) in &events {
        let p = ratio(t.tp, t.tp + t.fp);
        let r = ratio(t.tp, t.tp + t.fn_);
        report.events.push(EventScore {
            lang: lang.as_str().into(),
            tp: t.tp,
            fp: t.fp,
            fn_: t.fn_,
            precision: p,
            recall: r,
            f1: f1(p, r),
            roles: (t.roles > 0).then(|| ratio(t.roles_right, t.roles)),
        });
    }
    report
}

fn link_tally(t: &mut LinkTally, gl: &GoldLink, pf: &Fact, details: &mut Vec<String>, doc: &str) {
    t.matched += 1;
    let pl = pf.link.as_ref();
    let subject = pl.and_then(|l| l.subject_name.as_deref());
    let metric = pl.map(|l| l.metric.as_str());
    let period = pl.and_then(|l| l.period_iso.as_deref());
    let change = pl.and_then(|l| l.change.map(|c| c.as_str()));
    let s_ok = same_opt(subject, gl.subject.as_deref());
    let m_ok = metric == Some(gl.metric.as_str());
    let p_ok = period == gl.period.as_deref();
    t.subject += usize::from(s_ok);
    t.metric += usize::from(m_ok);
    t.period += usize::from(p_ok);
    if pf.kind == Kind::Percent {
        t.change_n += 1;
        t.change += usize::from(change == gl.change.as_deref());
    }
    if subject.is_some() {
        t.pred_subjects += 1;
        t.pred_subjects_right += usize::from(s_ok);
    }
    if gl.subject.is_some() {
        t.gold_subjects += 1;
        t.gold_subjects_found += usize::from(s_ok);
    }
    if !(s_ok && m_ok && p_ok) {
        details.push(format!(
            "LINK {doc} {:?}: gold {:?}/{}/{:?} got {:?}/{}/{:?}",
            pf.text,
            gl.subject,
            gl.metric,
            gl.period,
            subject,
            metric.unwrap_or("-"),
            period
        ));
    }
}

/// A name folded for comparison: lowercase, punctuation to spaces, legal
/// suffixes dropped (`Veridian Networks PLC` → `veridian networks`).
fn fold_name(s: &str) -> String {
    const SUFFIXES: &[&str] = &[
        "inc", "corp", "co", "ltd", "plc", "llc", "group", "holdings", "a/s", "ag", "sa", "nv",
    ];
    let lower: String = s
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| SUFFIXES.contains(w) || w.len() == 1)
    {
        words.pop();
    }
    words.join(" ")
}

/// Two names of one company: equal once folded, or one the other's first words
/// (`Veridian` and `Veridian Networks`, as an article shortens a name after its
/// first mention).
pub fn same_company(a: &str, b: &str) -> bool {
    let (a, b) = (fold_name(a), fold_name(b));
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    !short.is_empty() && (long == short || long.starts_with(&format!("{short} ")))
}

fn same_opt(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => same_company(x, y),
        (None, None) => true,
        _ => false,
    }
}

fn same_name(a: Option<&str>, b: Option<&str>) -> bool {
    a.is_some() && same_opt(a, b)
}

fn event_tally(
    t: &mut EventTally,
    gold: &[&GoldEvent],
    a: &Analysis,
    details: &mut Vec<String>,
    doc: &str,
) {
    let pred: Vec<EventRow> = event_rows(a).collect();
    let mut used = vec![false; pred.len()];
    for g in gold {
        let found = pred.iter().enumerate().find(|(j, p)| {
            !used[*j]
                && p.kind == g.kind
                && (same_name(p.target, g.target.as_deref())
                    || g.target.is_none()
                        && p.target.is_none()
                        && same_name(p.acquirer, g.acquirer.as_deref()))
        });
        let Some((j, p)) = found else {
            t.fn_ += 1;
            details.push(format!(
                "EVENT-MISS {doc} {} {:?} -> {:?}",
                g.kind, g.acquirer, g.target
            ));
            continue;
        };
        used[j] = true;
        t.tp += 1;
        let amount_ok = match (g.amount, p.amount) {
            (Some(x), Some(y)) => {
                (x - y).abs() <= 1e-6 * x.abs().max(1.0) && g.currency.as_deref() == p.currency
            }
            (None, None) => true,
            _ => false,
        };
        let stake_ok = match (g.stake, p.stake) {
            (Some(x), Some(y)) => (x - y).abs() < 1e-9,
            (None, None) => true,
            _ => false,
        };
        let checks = [
            ("status", g.status.as_deref() == p.status),
            ("acquirer", same_opt(g.acquirer.as_deref(), p.acquirer)),
            ("target", same_opt(g.target.as_deref(), p.target)),
            ("seller", same_opt(g.seller.as_deref(), p.seller)),
            ("amount", amount_ok),
            ("stake", stake_ok),
            ("date", g.date.as_deref() == p.date),
        ];
        for (role, ok) in checks {
            t.roles += 1;
            t.roles_right += usize::from(ok);
            if !ok {
                details.push(format!(
                    "EVENT-ROLE {doc} {} {:?}: {role} wrong",
                    g.kind, g.target
                ));
            }
        }
    }
    for (j, p) in pred.iter().enumerate() {
        if !used[j] {
            t.fp += 1;
            details.push(format!(
                "EVENT-FP {doc} {} {:?} -> {:?}",
                p.kind, p.acquirer, p.target
            ));
        }
    }
}

/// A floor `--min NAME=VALUE`: NAME is a kind (`money`: F1 over all languages),
/// a kind in a language (`money.ja`), `events` (F1), or a link score
/// (`subject`, `metric`, `period`, `subject_precision`, `subject_coverage`),
/// each optionally `.ja` / `.en`.
pub fn check_floor(report: &Report, name: &str, floor: f64) -> Result<f64, String> {
    let (what, lang) = match name.split_once('.') {
        Some((w, l)) => (w, l),
        None => (name, "all"),
    };
    let got = if let Some(k) = Kind::parse(what) {
        report
            .kinds
            .iter()
            .find(|s| s.kind == k.as_str() && s.lang == lang)
            .map(|s| s.f1)
    } else if what == "events" {
        let rows: Vec<&EventScore> = report
            .events
            .iter()
            .filter(|e| lang == "all" || e.lang == lang)
            .collect();
        let (tp, fp, fn_) = rows
            .iter()
            .fold((0, 0, 0), |a, e| (a.0 + e.tp, a.1 + e.fp, a.2 + e.fn_));
        (!rows.is_empty()).then(|| f1(ratio(tp, tp + fp), ratio(tp, tp + fn_)))
    } else {
        let rows: Vec<&LinkScore> = report
            .links
            .iter()
            .filter(|l| lang == "all" || l.lang == lang)
            .collect();
        let pick = |l: &LinkScore| -> Option<f64> {
            Some(match what {
                "subject" => l.subject,
                "metric" => l.metric,
                "period" => l.period,
                "subject_precision" => l.subject_precision,
                "subject_coverage" => l.subject_coverage,
                _ => return None,
            })
        };
        if rows.is_empty() || rows.iter().any(|l| pick(l).is_none()) {
            None
        } else {
            // The lowest language is what the floor holds.
            rows.iter().filter_map(|l| pick(l)).reduce(f64::min)
        }
    };
    let got = got.ok_or_else(|| format!("{name}: nothing scored under that name"))?;
    if got + 1e-12 < floor {
        Err(format!("{name} {got:.3} < {floor}"))
    } else {
        Ok(got)
    }
}

/// The report as text: a table of kinds, one of links, one of events.
pub fn render(report: &Report, verbose: bool) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let opt = |x: Option<f64>| x.map_or("     -".to_string(), |v| format!("{v:6.3}"));
    let _ = writeln!(
        s,
        "{:8} {:4} {:>4} {:>4} {:>4} {:>6} {:>6} {:>6} {:>6} {:>6}",
        "kind", "lang", "tp", "fp", "fn", "P", "R", "F1", "exact", "value"
    );
    for k in &report.kinds {
        let _ = writeln!(
            s,
            "{:8} {:4} {:4} {:4} {:4} {:6.3} {:6.3} {:6.3} {:6.3} {}",
            k.kind,
            k.lang,
            k.tp,
            k.fp,
            k.fn_,
            k.precision,
            k.recall,
            k.f1,
            k.exact,
            opt(k.value)
        );
    }
    if !report.links.is_empty() {
        let _ = writeln!(
            s,
            "\n{:8} {:4} {:>5} {:>7} {:>6} {:>6} {:>6} {:>7} {:>8}",
            "links", "lang", "n", "subject", "metric", "period", "change", "subj_P", "subj_cov"
        );
        for l in &report.links {
            let _ = writeln!(
                s,
                "{:8} {:4} {:5} {:7.3} {:6.3} {:6.3} {} {:7.3} {:8.3}",
                "",
                l.lang,
                l.matched,
                l.subject,
                l.metric,
                l.period,
                opt(l.change),
                l.subject_precision,
                l.subject_coverage
            );
        }
    }
    if report.events.iter().any(|e| e.tp + e.fp + e.fn_ > 0) {
        let _ = writeln!(
            s,
            "\n{:8} {:4} {:>4} {:>4} {:>4} {:>6} {:>6} {:>6} {:>6}",
            "events", "lang", "tp", "fp", "fn", "P", "R", "F1", "roles"
        );
        for e in &report.events {
            let _ = writeln!(
                s,
                "{:8} {:4} {:4} {:4} {:4} {:6.3} {:6.3} {:6.3} {}",
                "",
                e.lang,
                e.tp,
                e.fp,
                e.fn_,
                e.precision,
                e.recall,
                e.f1,
                opt(e.roles)
            );
        }
    }
    if verbose {
        for d in &report.details {
            let _ = writeln!(s, "{d}");
        }
    }
    s
}

/// Read and analyse every article under `paths` (files, folders, JSONL) with
/// the built-in resources, in input order; inputs that could not be read are
/// returned as problems.
pub fn analyse(paths: &[std::path::PathBuf]) -> (Vec<Analysis>, Vec<crate::input::Problem>) {
    use crate::input::{collect_sources, Item, Reader};
    let res = crate::analyze::Resources::default();
    let (sources, _) = collect_sources(paths);
    let mut analyses = Vec::new();
    let mut problems = Vec::new();
    for item in Reader::new(sources) {
        match item {
            Item::Article(a) => analyses.push(crate::analyze::analyze(&a, &res)),
            Item::Skipped(p) => problems.push(p),
            Item::Warning(_) => {}
        }
    }
    (analyses, problems)
}

/// The metric words links may carry (for validating gold files).
pub fn is_metric(word: &str) -> bool {
    link::Metric::parse(word).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn company_names_compare_folded() {
        assert!(same_company("Veridian", "Veridian Networks PLC"));
        assert!(same_company("Novo Nordisk A", "Novo Nordisk"));
        assert!(same_company("Broadcom Inc.", "Broadcom"));
        assert!(!same_company("Meta Platforms", "Metaplanet"));
        assert!(!same_company("Intel", "Intelligent Cloud"));
    }

    #[test]
    fn largest_overlap_wins_one_to_one() {
        let pairs = match_spans(&[(0, 10), (12, 20)], &[(0, 4), (2, 10), (15, 16)]);
        assert_eq!(pairs, vec![(0, 1), (1, 2)]);
    }

    #[test]
    fn parses_facts_links_and_events() {
        let g = Gold::parse(concat!(
            r#"{"doc":"d","kind":"money","text":"$1B","start":0,"end":3,"value":{"amount":1e9,"currency":"USD"},"optional":false,"link":{"subject":"Apple","metric":"revenue","period":"2025"}}"#,
            "\n\n",
            r#"{"doc":"d","kind":"event","type":"acquisition","acquirer":"Apple","target":"Beats"}"#,
            "\n"
        ))
        .unwrap();
        assert_eq!(g.facts.len(), 1);
        assert_eq!(g.facts[0].link.as_ref().unwrap().metric, "revenue");
        assert_eq!(g.events[0].target.as_deref(), Some("Beats"));
        assert!(Gold::parse(
            "{\"doc\":\"d\",\"kind\":\"thing\",\"text\":\"\",\"start\":0,\"end\":0}"
        )
        .is_err());
    }
}
