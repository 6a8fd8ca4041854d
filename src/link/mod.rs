//! Linked facts: whose figure a money or percent fact is (`subject`), what it
//! measures (`metric`), which period it covers (`period`), which way a
//! percentage moved (`change`), and the deals an article reports (`Event`s).
//!
//! Everything here is read off the facts the extractors already found and the
//! clause around them; nothing is extracted anew. The rules work sentence by
//! sentence over the original text: cue words (vocab.rs) say what a figure
//! measures and which deal a sentence reports; the language files (ja.rs, en.rs)
//! say which company a clause is about (Japanese particles, English subjects and
//! possessives); events.rs builds deals from those and merges the mentions of one
//! deal. Whenever the rules are not sure, a field stays null: a wrong link costs
//! an analyst more than a missing one.

mod en;
mod events;
mod ja;
pub mod vocab;

pub use events::{Event, EventRecord};

use crate::analyze::Section;
use crate::article::Lang;
use crate::fact::{Fact, Granularity, Kind, Value};
use serde::Serialize;
use std::ops::Range;
use vocab::{Cue, Hit};

/// What a money or percent figure measures (LINKS.md's fixed vocabulary).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    Revenue,
    OperatingProfit,
    NetProfit,
    Profit,
    Loss,
    DealValue,
    Investment,
    Valuation,
    MarketCap,
    SharePrice,
    Dividend,
    Cost,
    Growth,
    Share,
    Rate,
    Margin,
    Other,
}

impl Metric {
    pub const ALL: [Metric; 17] = [
        Metric::Revenue,
        Metric::OperatingProfit,
        Metric::NetProfit,
        Metric::Profit,
        Metric::Loss,
        Metric::DealValue,
        Metric::Investment,
        Metric::Valuation,
        Metric::MarketCap,
        Metric::SharePrice,
        Metric::Dividend,
        Metric::Cost,
        Metric::Growth,
        Metric::Share,
        Metric::Rate,
        Metric::Margin,
        Metric::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Metric::Revenue => "revenue",
            Metric::OperatingProfit => "operating_profit",
            Metric::NetProfit => "net_profit",
            Metric::Profit => "profit",
            Metric::Loss => "loss",
            Metric::DealValue => "deal_value",
            Metric::Investment => "investment",
            Metric::Valuation => "valuation",
            Metric::MarketCap => "market_cap",
            Metric::SharePrice => "share_price",
            Metric::Dividend => "dividend",
            Metric::Cost => "cost",
            Metric::Growth => "growth",
            Metric::Share => "share",
            Metric::Rate => "rate",
            Metric::Margin => "margin",
            Metric::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.as_str() == s)
    }

    /// Results a company reports for a period: these take a period and may take
    /// the subject of an earlier sentence.
    fn is_result(self) -> bool {
        matches!(
            self,
            Metric::Revenue
                | Metric::OperatingProfit
                | Metric::NetProfit
                | Metric::Profit
                | Metric::Loss
                | Metric::Dividend
                | Metric::Cost
                | Metric::Growth
                | Metric::Margin
        )
    }

    /// The price or size of a deal: whose it is follows the deal's roles.
    fn is_deal(self) -> bool {
        matches!(
            self,
            Metric::DealValue | Metric::Investment | Metric::Valuation | Metric::SharePrice
        )
    }
}

/// Which way a percentage moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    Increase,
    Decrease,
}

impl Change {
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Increase => "increase",
            Change::Decrease => "decrease",
        }
    }
}

/// The kind of deal an event is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EventType {
    Acquisition,
    Merger,
    Investment,
    Divestiture,
    Ipo,
}

impl EventType {
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Acquisition => "acquisition",
            EventType::Merger => "merger",
            EventType::Investment => "investment",
            EventType::Divestiture => "divestiture",
            EventType::Ipo => "ipo",
        }
    }
}

/// How far a deal has got.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Completed,
    Agreed,
    Proposed,
    Talks,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Completed => "completed",
            Status::Agreed => "agreed",
            Status::Proposed => "proposed",
            Status::Talks => "talks",
        }
    }
}

/// The link of one money or percent fact. Subject and period are indexes of
/// facts of the same article (their ids are `<doc_id>#<index>`), with the name
/// and ISO form copied so that a row can be written from the fact alone.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub subject: Option<usize>,
    pub subject_name: Option<String>,
    pub metric: Metric,
    pub period: Option<usize>,
    pub period_iso: Option<String>,
    pub change: Option<Change>,
}

/// Where a fact sits in the article text: byte offsets of the fact and of its
/// sentence (the analysis knows them; the facts carry code points).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placement {
    pub start: usize,
    pub end: usize,
    pub sentence: (usize, usize),
}

/// The name a company or person fact stands for: its canonical name, else as written.
pub fn name_of(f: &Fact) -> Option<&str> {
    match &f.value {
        Value::Company(c) => Some(c.canonical.as_deref().unwrap_or(&c.name)),
        Value::Person(p) => Some(p.canonical.as_deref().unwrap_or(&p.name)),
        _ => None,
    }
}

/// One sentence that holds facts, with the cues found in it.
pub(crate) struct Sentence {
    pub start: usize,
    pub end: usize,
    pub section: usize,
    /// Indexes of its facts (consecutive in the article).
    pub facts: Range<usize>,
    pub hits: Vec<Hit>,
    /// The sentence is a section's heading (a teaser's title).
    pub heading: bool,
    /// The company the sentence is about, when it names one as its subject.
    pub topic: Option<usize>,
}

/// Everything the rules look at.
pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub lang: Lang,
    pub facts: &'a [Fact],
    pub at: &'a [Placement],
}

impl Ctx<'_> {
    pub fn kind(&self, i: usize) -> Kind {
        self.facts[i].kind
    }

    /// Company facts of a sentence, in order.
    pub fn companies<'s>(&'s self, s: &'s Sentence) -> impl Iterator<Item = usize> + 's {
        s.facts
            .clone()
            .filter(move |&i| self.facts[i].kind == Kind::Company)
    }
}

/// Link the money and percent facts of one article (setting `Fact::link`) and
/// return the deals it reports. `at[i]` places `facts[i]` in `text`.
pub fn link(
    text: &str,
    lang: Lang,
    sections: &[Section],
    facts: &mut [Fact],
    at: &[Placement],
) -> Vec<Event> {
    if !facts
        .iter()
        .any(|f| matches!(f.kind, Kind::Money | Kind::Percent | Kind::Company))
    {
        return Vec::new();
    }
    let ctx = Ctx {
        text,
        lang,
        facts,
        at,
    };
    let sentences = sentences(&ctx, sections);
    let events = events::find(&ctx, &sentences);
    let links = attribute(&ctx, &sentences, &events);
    for (i, l) in links {
        facts[i].link = Some(l);
    }
    events
}

/// The sentences that hold facts, with their cues (scanned only where a money,
/// percent or company fact needs them) and their topics.
fn sentences(ctx: &Ctx, sections: &[Section]) -> Vec<Sentence> {
    let mut out: Vec<Sentence> = Vec::new();
    for (i, f) in ctx.facts.iter().enumerate() {
        let (ss, se) = ctx.at[i].sentence;
        match out.last_mut() {
            Some(s) if (s.start, s.end) == (ss, se) => s.facts.end = i + 1,
            _ => {
                let heading = sections.get(f.section).is_some_and(|sec| {
                    !sec.heading.is_empty() && sec.heading.contains(&*f.sentence)
                });
                out.push(Sentence {
                    start: ss,
                    end: se,
                    section: f.section,
                    facts: i..i + 1,
                    hits: Vec::new(),
                    heading,
                    topic: None,
                })
            }
        }
    }
    for s in &mut out {
        if s.facts
            .clone()
            .any(|i| matches!(ctx.kind(i), Kind::Money | Kind::Percent | Kind::Company))
        {
            s.hits = vocab::scan(ctx.lang, ctx.text, s.start, s.end);
        }
    }
    for s in &mut out {
        s.topic = match ctx.lang {
            Lang::Ja => ja::topic(ctx, s),
            Lang::En => en::topic(ctx, s),
        };
    }
    out
}

/// The link of every money and percent fact.
fn attribute(ctx: &Ctx, sentences: &[Sentence], events: &[Event]) -> Vec<(usize, Link)> {
    let mut out = Vec::new();
    for (k, s) in sentences.iter().enumerate() {
        for i in s.facts.clone() {
            let kind = ctx.kind(i);
            if !matches!(kind, Kind::Money | Kind::Percent) {
                continue;
            }
            let (metric, change) = match kind {
                Kind::Money => (money_metric(ctx, s, i), None),
                _ => percent_metric(ctx, s, i),
            };
            let subject = subject(ctx, sentences, k, i, metric, events);
            let period = period(ctx, sentences, k, i, metric);
            out.push((
                i,
                Link {
                    subject,
                    subject_name: subject
                        .and_then(|j| name_of(&ctx.facts[j]))
                        .map(str::to_string),
                    metric,
                    period,
                    period_iso: period.and_then(|j| match &ctx.facts[j].value {
                        Value::Date(d) => d.iso.clone(),
                        _ => None,
                    }),
                    change,
                },
            ));
        }
    }
    out
}

/// Where the clause of fact `i` starts: after the previous money or percent
/// fact of the same sentence (`売上高は3兆円、営業利益は…`), else the sentence start.
fn window_start(ctx: &Ctx, s: &Sentence, i: usize, same_kind: bool) -> usize {
    s.facts
        .clone()
        .filter(|&j| j < i)
        .filter(|&j| {
            let k = ctx.kind(j);
            if same_kind {
                k == ctx.kind(i)
            } else {
                matches!(k, Kind::Money | Kind::Percent)
            }
        })
        .map(|j| ctx.at[j].end)
        .max()
        .unwrap_or(s.start)
}

/// The cue that follows fact `i` tightly (`24億ドルで買収`, `$2 billion deal`,
/// `11%減`), with what may stand between them.
fn tight_after<'h>(
    ctx: &Ctx,
    s: &'h Sentence,
    i: usize,
    want: impl Fn(&Cue) -> bool,
) -> Option<&'h Hit> {
    let end = ctx.at[i].end;
    s.hits
        .iter()
        .filter(|h| h.start >= end && h.has(&want))
        .find(|h| {
            let gap = &ctx.text[end..h.start];
            match ctx.lang {
                Lang::Ja => ja::tight_gap(gap),
                Lang::En => en::tight_gap(gap),
            }
        })
}

/// The cue nearest before fact `i` within `[from, start of i)`; among cues that
/// end at the same place, the longest (営業利益 over 利益).
fn last_before<'h>(
    ctx: &Ctx,
    s: &'h Sentence,
    i: usize,
    from: usize,
    want: impl Fn(&Cue) -> bool,
) -> Option<&'h Hit> {
    let start = ctx.at[i].start;
    s.hits
        .iter()
        .filter(|h| h.start >= from && h.end <= start && h.has(&want))
        .max_by_key(|h| (h.end, h.end - h.start))
}

fn money_cue(c: &Cue) -> bool {
    matches!(c, Cue::Money(_))
}

fn money_of(h: &Hit) -> Option<Metric> {
    h.cues.iter().find_map(|c| match c {
        Cue::Money(m) => Some(*m),
        _ => None,
    })
}

fn money_metric(ctx: &Ctx, s: &Sentence, i: usize) -> Metric {
    if let Value::Money(m) = &ctx.facts[i].value {
        if let Some(per) = &m.per {
            let from = window_start(ctx, s, i, false);
            let eps = last_before(ctx, s, i, from, |c| *c == Cue::Money(Metric::Other));
            return if per == "share" && eps.is_none() {
                Metric::SharePrice
            } else {
                Metric::Other
            };
        }
    }
    if let Some(m) = tight_after(ctx, s, i, money_cue).and_then(money_of) {
        return m;
    }
    let from = window_start(ctx, s, i, true);
    if let Some(m) = last_before(ctx, s, i, from, money_cue).and_then(money_of) {
        return m;
    }
    Metric::Other
}

fn percent_class(h: &Hit) -> Option<Metric> {
    h.cues.iter().find_map(|c| match c {
        Cue::Percent(m) => Some(*m),
        Cue::Change(_) => Some(Metric::Growth),
        _ => None,
    })
}

fn change_of(h: &Hit) -> Option<Change> {
    h.cues.iter().find_map(|c| match c {
        Cue::Change(ch) => Some(*ch),
        _ => None,
    })
}

/// What a percentage measures, and for growth which way it went.
fn percent_metric(ctx: &Ctx, s: &Sentence, i: usize) -> (Metric, Option<Change>) {
    let value = match &ctx.facts[i].value {
        Value::Percent(p) => p.value,
        _ => 0.0,
    };
    let signed = |ch: Option<Change>| {
        ch.or(if value < 0.0 {
            Some(Change::Decrease)
        } else {
            None
        })
    };
    let is_pct = |c: &Cue| matches!(c, Cue::Percent(_) | Cue::Change(_));
    let from = window_start(ctx, s, i, true);
    // A level reached (`rose to 4.4%`, `3%に上昇`) is not a change of the figure.
    let level = match ctx.lang {
        Lang::Ja => ja::is_level(ctx.text, ctx.at[i].end),
        Lang::En => en::is_level(ctx.text, ctx.at[i].start),
    };
    if let Some(h) = tight_after(ctx, s, i, is_pct) {
        let m = percent_class(h).unwrap_or(Metric::Other);
        if m != Metric::Growth {
            return (m, None);
        }
        if !level {
            return (Metric::Growth, signed(change_of(h)));
        }
    }
    if ctx.lang == Lang::En && en::share_of(ctx.text, ctx.at[i].end) {
        return (Metric::Share, None);
    }
    let before = last_before(ctx, s, i, from, |c| {
        matches!(c, Cue::Percent(_)) || (!level && matches!(c, Cue::Change(_)))
    });
    match before.and_then(percent_class) {
        Some(Metric::Growth) => {
            // The nearest change word names the direction (`前年比11%減` has it after).
            let ch = before.and_then(change_of).or_else(|| {
                last_before(ctx, s, i, from, |c| matches!(c, Cue::Change(_))).and_then(change_of)
            });
            (Metric::Growth, signed(ch))
        }
        Some(m) => (m, None),
        None if ctx.lang == Lang::Ja
            && ja::part_of_whole(ctx.text, ctx.at[i].start, ctx.at[i].end) =>
        {
            (Metric::Share, None)
        }
        None if value < 0.0 => (Metric::Growth, Some(Change::Decrease)),
        None => (Metric::Other, None),
    }
}

/// Whose figure it is.
fn subject(
    ctx: &Ctx,
    sentences: &[Sentence],
    k: usize,
    i: usize,
    metric: Metric,
    events: &[Event],
) -> Option<usize> {
    let s = &sentences[k];
    // A deal's figures follow the deal's roles.
    if metric.is_deal() {
        if let Some(e) = events
            .iter()
            .find(|e| e.amount == Some(i) || e.mentions.contains(&k))
        {
            let who = match metric {
                Metric::Valuation | Metric::SharePrice => e.target,
                _ => match e.kind {
                    EventType::Divestiture => e.acquirer.or(e.seller),
                    EventType::Investment if e.amount == Some(i) && e.round => e.target,
                    _ => e.acquirer,
                },
            };
            if who.is_some() {
                return who;
            }
        }
    }
    let own = match ctx.lang {
        Lang::Ja => ja::subject(ctx, s, i, metric),
        Lang::En => en::subject(ctx, s, i, metric),
    };
    match own {
        Some(found) => found,
        // The sentence names no subject of its own but hands over from an earlier
        // one (`同社は`, `The company`, or starts with the metric: `売上高は…`).
        None if metric.is_result() || metric == Metric::Other && ctx.kind(i) == Kind::Money => {
            let carries = match ctx.lang {
                Lang::Ja => ja::carries(ctx, s),
                Lang::En => en::carries(ctx, s),
            };
            if !carries {
                return None;
            }
            sentences[..k]
                .iter()
                .rev()
                .take_while(|p| p.section == s.section)
                .take(3)
                .find_map(|p| p.topic)
        }
        None => None,
    }
}

/// Dates that can be a figure's period: a year, fiscal year, half, quarter or
/// month (a day is when something happened, not what a figure covers).
fn period_like(f: &Fact) -> bool {
    match &f.value {
        Value::Date(d) => {
            d.iso.is_some()
                && matches!(
                    d.granularity,
                    Granularity::Year
                        | Granularity::FiscalYear
                        | Granularity::FiscalQuarter
                        | Granularity::Quarter
                        | Granularity::Half
                        | Granularity::Month
                        | Granularity::Range
                )
        }
        _ => false,
    }
}

/// Which period the figure covers: a period-like date of its own clause that is
/// not a comparison base (`前年比`, `from a year earlier`), else one set up in an
/// earlier sentence of the paragraph (`2026年3月期の連結決算は…`).
fn period(ctx: &Ctx, sentences: &[Sentence], k: usize, i: usize, metric: Metric) -> Option<usize> {
    if !(metric.is_result() || metric == Metric::Rate || metric == Metric::Other) {
        return None;
    }
    let s = &sentences[k];
    let is_base = |d: usize| match ctx.lang {
        Lang::Ja => ja::is_base_date(ctx.text, ctx.at[d].end),
        Lang::En => en::is_base_date(ctx.text, ctx.at[d].start),
    };
    let from = window_start(ctx, s, i, false);
    let before = s
        .facts
        .clone()
        .filter(|&d| d < i && period_like(&ctx.facts[d]) && !is_base(d))
        .rfind(|&d| ctx.at[d].start >= from || ctx.lang == Lang::Ja);
    if before.is_some() {
        return before;
    }
    if ctx.lang == Lang::En {
        if let Some(d) = s.facts.clone().find(|&d| {
            d > i
                && period_like(&ctx.facts[d])
                && en::period_after(ctx.text, ctx.at[i].end, ctx.at[d].start)
        }) {
            return Some(d);
        }
    }
    if !metric.is_result() {
        return None;
    }
    // A sentence with a date of its own that is not a period says nothing of one.
    if s.facts
        .clone()
        .any(|d| ctx.kind(d) == Kind::Date && !is_base(d))
    {
        return None;
    }
    sentences[..k]
        .iter()
        .rev()
        .take_while(|p| p.section == s.section)
        .take(3)
        .find_map(|p| {
            p.facts
                .clone()
                .rev()
                .find(|&d| period_like(&ctx.facts[d]) && !is_base(d))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metric_words_round_trip() {
        for m in Metric::ALL {
            assert_eq!(Metric::parse(m.as_str()), Some(m));
        }
    }
}
