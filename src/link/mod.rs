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

pub use events::Event;

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
    /// `revenue`.
    Revenue,
    /// `operating_profit`.
    OperatingProfit,
    /// `net_profit`.
    NetProfit,
    /// `profit`.
    Profit,
    /// `loss`.
    Loss,
    /// `deal_value`.
    DealValue,
    /// `investment`.
    Investment,
    /// `valuation`.
    Valuation,
    /// `market_cap`.
    MarketCap,
    /// `share_price`.
    SharePrice,
    /// `dividend`.
    Dividend,
    /// `cost`.
    Cost,
    /// `growth`.
    Growth,
    /// `share`.
    Share,
    /// `rate`.
    Rate,
    /// `margin`.
    Margin,
    /// `other`.
    Other,
}

impl Metric {
    /// The `ALL` field (see the module doc).
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

    /// `as_str` (see the module doc).
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

    /// `parse` (see the module doc).
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
    /// `increase`.
    Increase,
    /// `decrease`.
    Decrease,
}

impl Change {
    /// `as_str` (see the module doc).
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
    /// `acquisition`.
    Acquisition,
    /// `merger`.
    Merger,
    /// `investment`.
    Investment,
    /// `divestiture`.
    Divestiture,
    /// `ipo`.
    Ipo,
}

impl EventType {
    /// `as_str` (see the module doc).
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
    /// `completed`.
    Completed,
    /// `agreed`.
    Agreed,
    /// `proposed`.
    Proposed,
    /// `talks`.
    Talks,
}

impl Status {
    /// `as_str` (see the module doc).
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
    /// Index of the subject's fact in the article.
    pub subject: Option<usize>,
    /// Its id (`<doc_id>#<n>`).
    pub subject_id: Option<String>,
    /// Its canonical name (as written when it has none).
    pub subject_name: Option<String>,
    /// The `metric` field (see the module doc).
    pub metric: Metric,
    /// Index of the period's date fact in the article.
    pub period: Option<usize>,
    /// Its id (`<doc_id>#<n>`).
    pub period_id: Option<String>,
    /// Its `iso`.
    pub period_iso: Option<String>,
    /// The `change` field (see the module doc).
    pub change: Option<Change>,
}

impl Link {
    /// Point subject and period at the facts' places after a renumbering
    /// (`to(i)`: where fact `i` is now, None when it is gone) and write their
    /// ids again; a subject or period whose fact is gone becomes null, name
    /// and ISO form with it, so an id always names a fact that is written.
    pub fn renumber(&mut self, doc_id: &str, to: impl Fn(usize) -> Option<usize>) {
        self.subject = self.subject.and_then(&to);
        if self.subject.is_none() {
            self.subject_name = None;
        }
        self.subject_id = self.subject.map(|j| fact_id(doc_id, j));
        self.period = self.period.and_then(&to);
        if self.period.is_none() {
            self.period_iso = None;
        }
        self.period_id = self.period.map(|j| fact_id(doc_id, j));
    }
}

/// The id of fact `n` of article `doc_id`: `<doc_id>#<n>`.
pub fn fact_id(doc_id: &str, n: usize) -> String {
    crate::export::row::fact_id(doc_id, n)
}

/// Keep only the facts `keep` marks (`--kinds`): links and events follow the
/// facts to their new places, and a role or subject whose fact is gone becomes
/// null, so ids always name facts that are written.
pub fn keep(doc_id: &str, facts: &mut Vec<Fact>, events: &mut [Event], keep: &[bool]) {
    let mut place = Vec::with_capacity(keep.len());
    let mut n = 0;
    for &k in keep {
        place.push(k.then_some(n));
        n += usize::from(k);
    }
    let moved = |r: Option<usize>| r.and_then(|i| place.get(i).copied().flatten());
    let mut i = 0;
    facts.retain(|_| {
        i += 1;
        keep.get(i - 1).copied().unwrap_or(false)
    });
    for l in facts.iter_mut().filter_map(|f| f.link.as_mut()) {
        l.renumber(doc_id, |i| moved(Some(i)));
    }
    for e in events.iter_mut() {
        for r in e.roles_mut() {
            *r = moved(*r);
        }
    }
}

/// Where a fact sits in the article text: byte offsets of the fact and of its
/// sentence (the analysis knows them; the facts carry code points).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placement {
    /// The `start` field (see the module doc).
    pub start: usize,
    /// The `end` field (see the module doc).
    pub end: usize,
    /// The `sentence` field (see the module doc).
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
    doc_id: &str,
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
    for (i, mut l) in links {
        l.renumber(doc_id, Some);
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
                    // A heading is a line; a very long one is a paragraph
                    // taken as a title, not worth a scan per sentence.
                    !sec.heading.is_empty()
                        && sec.heading.len() <= 2000
                        && sec.heading.contains(&*f.sentence)
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
    // A sentence's topic, or the subject it took over from an earlier sentence:
    // `同社は…。純利益見通しも…` hands the company on twice.
    let mut topics: Vec<Option<usize>> = sentences.iter().map(|s| s.topic).collect();
    let article_topic = main_company(ctx, sentences);
    let dominates = article_topic_dominates(ctx, sentences, article_topic);
    // The event each sentence mentions, and the event each amount prices.
    let mut by_sentence: Vec<Option<usize>> = vec![None; sentences.len()];
    let mut by_amount = std::collections::HashMap::new();
    for (n, e) in events.iter().enumerate() {
        for &k in &e.mentions {
            if let Some(slot) = by_sentence.get_mut(k) {
                slot.get_or_insert(n);
            }
        }
        if let Some(a) = e.amount {
            by_amount.entry(a).or_insert(n);
        }
    }
    let deals = Deals {
        events,
        by_sentence,
        by_amount,
    };
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
            let (subject, carried) = subject(
                ctx,
                sentences,
                &topics,
                (article_topic, dominates),
                k,
                i,
                metric,
                &deals,
            );
            if carried && topics[k].is_none() {
                topics[k] = subject;
            }
            let period = period(ctx, sentences, k, i, metric);
            out.push((
                i,
                Link {
                    subject,
                    subject_id: None,
                    subject_name: subject
                        .and_then(|j| name_of(&ctx.facts[j]))
                        .map(str::to_string),
                    metric,
                    period,
                    period_id: None,
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

/// The company most sentences are about (the first of equals): whom 同社 and
/// `the company` stand for when the paragraph names no one.
fn main_company(ctx: &Ctx, sentences: &[Sentence]) -> Option<usize> {
    let mut counts: Vec<(&str, usize, usize)> = Vec::new();
    for t in sentences.iter().filter_map(|s| s.topic) {
        let Some(name) = name_of(&ctx.facts[t]) else {
            continue;
        };
        match counts.iter_mut().find(|(n, _, _)| *n == name) {
            Some(c) => c.1 += 1,
            None => counts.push((name, 1, t)),
        }
    }
    let best = counts.iter().map(|c| c.1).max()?;
    counts.iter().find(|c| c.1 == best).map(|c| c.2)
}

/// The main company is the topic of at least half the sentences that have one:
/// an article about one company, whose unnamed figures are its own.
fn article_topic_dominates(ctx: &Ctx, sentences: &[Sentence], main: Option<usize>) -> bool {
    let Some(name) = main.and_then(|m| name_of(&ctx.facts[m])) else {
        return false;
    };
    let topics: Vec<&str> = sentences
        .iter()
        .filter_map(|s| s.topic)
        .filter_map(|t| name_of(&ctx.facts[t]))
        .collect();
    let same = topics.iter().filter(|t| **t == name).count();
    same * 2 >= topics.len()
}

/// Where the clause of fact `i` starts: after the previous money or percent
/// fact of the same sentence (`売上高は3兆円、営業利益は…`), else the sentence start.
pub(crate) fn window_start(ctx: &Ctx, s: &Sentence, i: usize, same_kind: bool) -> usize {
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

/// The byte where what follows fact `i` begins, past a bracketed conversion or
/// note (`約141億ドル(約2兆円)で買収`, `£11.2 billion ($14.7 billion) in cash`).
fn after_brackets(ctx: &Ctx, i: usize) -> usize {
    let end = ctx.at[i].end;
    let rest = &ctx.text[end..];
    let lead = rest.len() - rest.trim_start_matches(' ').len();
    let r = &rest[lead..];
    for (open, close) in [('(', ')'), ('（', '）')] {
        if let Some(inner) = r.strip_prefix(open) {
            if let Some(j) = inner.find(close) {
                if j <= 60 {
                    return end + lead + open.len_utf8() + j + close.len_utf8();
                }
            }
        }
    }
    end
}

/// The cue that follows fact `i` tightly (`24億ドルで買収`, `$2 billion deal`,
/// `11%減`), with what may stand between them.
fn tight_after<'h>(
    ctx: &Ctx,
    s: &'h Sentence,
    i: usize,
    want: impl Fn(&Cue) -> bool,
) -> Option<&'h Hit> {
    let ends = [ctx.at[i].end, after_brackets(ctx, i)];
    s.hits.iter().filter(|h| h.has(&want)).find(|h| {
        ends.iter().any(|&end| {
            h.start >= end && {
                // A figure inside brackets reads on after the closing bracket.
                let gap = ctx.text[end..h.start].trim_start_matches([')', '）']);
                match ctx.lang {
                    // `約141億ドルでのUSスチール買収`: the deal word after the name it is about.
                    Lang::Ja => {
                        ja::tight_gap(gap)
                            || ctx.companies(s).any(|c| {
                                ctx.at[c].end == h.start
                                    && ctx.at[c].start >= end
                                    && ja::tight_gap(&ctx.text[end..ctx.at[c].start])
                            })
                    }
                    Lang::En => en::tight_gap(gap),
                }
            }
        })
    })
}

/// The cue nearest before fact `i` within `[from, start of i)`; among cues that
/// end at the same place, the longest (営業利益 over 利益).
fn last_before<'h>(
    ctx: &Ctx,
    s: &'h Sentence,
    i: usize,
    from: usize,
    want: impl Fn(&Hit) -> bool,
) -> Option<&'h Hit> {
    let start = ctx.at[i].start;
    s.hits
        .iter()
        .filter(|h| h.start >= from && h.end <= start && want(h))
        .max_by_key(|h| (h.end, h.end - h.start))
}

/// `per share`, `a share`, `1株当たり`: the unit of a per-share figure, which
/// says nothing of the figures around it.
fn is_unit(ctx: &Ctx, h: &Hit) -> bool {
    let w = &ctx.text[h.start..h.end];
    w.eq_ignore_ascii_case("per share") || w.eq_ignore_ascii_case("a share") || w.starts_with("1株")
}

fn money_of(h: &Hit) -> Option<Metric> {
    h.cues.iter().find_map(|c| match c {
        Cue::Money(m) => Some(*m),
        _ => None,
    })
}

/// The metric of the nearest earlier fact of the same kind in the sentence (a
/// list or a revision: `3兆8,000億円から3兆2,000億円`, `to 15% from 39%`),
/// counting only figures that are, like `i`, per unit or not.
fn previous_metric(
    ctx: &Ctx,
    s: &Sentence,
    i: usize,
    done: &dyn Fn(usize) -> Metric,
) -> Option<Metric> {
    let per = |j: usize| matches!(&ctx.facts[j].value, Value::Money(m) if m.per.is_some());
    let earlier = || {
        s.facts
            .clone()
            .filter(|&j| j < i && ctx.kind(j) == ctx.kind(i))
    };
    earlier()
        .rfind(|&j| per(j) == per(i))
        .or_else(|| earlier().next_back())
        .map(done)
}

pub(crate) fn money_metric(ctx: &Ctx, s: &Sentence, i: usize) -> Metric {
    money_metric_of(ctx, s, i, true)
}

/// The metric of a money fact; `inherit`: may take the previous figure's (one
/// step only, so a sentence of many figures costs linear time).
fn money_metric_of(ctx: &Ctx, s: &Sentence, i: usize, inherit: bool) -> Metric {
    let start = ctx.at[i].start;
    let per_share = match &ctx.facts[i].value {
        Value::Money(m) => match m.per.as_deref() {
            Some("share") => true,
            Some(_) => return Metric::Other,
            None => ctx.lang == Lang::En && en::per_share_after(ctx.text, ctx.at[i].end),
        },
        _ => false,
    };
    if per_share {
        // A dividend or earnings per share, else a price per share.
        let cue = s
            .hits
            .iter()
            .filter(|h| h.end <= start && !is_unit(ctx, h))
            .filter_map(money_of)
            .rfind(|m| {
                matches!(
                    m,
                    Metric::Dividend
                        | Metric::Profit
                        | Metric::NetProfit
                        | Metric::OperatingProfit
                        | Metric::Other
                        | Metric::SharePrice
                )
            });
        return match cue {
            Some(Metric::Dividend) => Metric::Dividend,
            Some(Metric::SharePrice) | None => Metric::SharePrice,
            Some(Metric::Other) if !eps_before(ctx, s, i) => Metric::SharePrice,
            Some(_) => Metric::Other,
        };
    }
    if let Some(m) = tight_after(ctx, s, i, |c| matches!(c, Cue::Money(_))).and_then(money_of) {
        return m;
    }
    let from = window_start(ctx, s, i, true);
    if let Some(h) = last_before(ctx, s, i, from, |h| {
        money_of(h).is_some() && !is_unit(ctx, h)
    }) {
        let m = money_of(h).unwrap_or(Metric::Other);
        // 総額 is a deal's total only where a deal is spoken of.
        let deal_spoken = s.hits.iter().any(|h| h.has(|c| matches!(c, Cue::Deal(_))));
        if &ctx.text[h.start..h.end] == "総額" && !deal_spoken {
            return Metric::Other;
        }
        return m;
    }
    if let Some(m) = inherit
        .then(|| previous_metric(ctx, s, i, &|j| money_metric_of(ctx, s, j, false)))
        .flatten()
    {
        return m;
    }
    if ctx.lang == Lang::Ja && ja::shares_subject(ctx, s, i) {
        return Metric::SharePrice;
    }
    Metric::Other
}

/// `earnings of $3.37 a share`, `1株当たり利益`: an EPS, not a share price.
fn eps_before(ctx: &Ctx, s: &Sentence, i: usize) -> bool {
    s.hits.iter().any(|h| {
        h.end <= ctx.at[i].start && {
            let w = ctx.text[h.start..h.end].to_ascii_lowercase();
            w.contains("利益") || w == "eps" || w.starts_with("earnings")
        }
    })
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
pub(crate) fn percent_metric(ctx: &Ctx, s: &Sentence, i: usize) -> (Metric, Option<Change>) {
    percent_metric_of(ctx, s, i, true)
}

/// The metric of a percent fact; `inherit` as for [`money_metric_of`].
fn percent_metric_of(ctx: &Ctx, s: &Sentence, i: usize, inherit: bool) -> (Metric, Option<Change>) {
    let value = match &ctx.facts[i].value {
        Value::Percent(p) => p.value,
        _ => 0.0,
    };
    let from = window_start(ctx, s, i, true);
    // A level reached (`rose to 4.4%`, `3%に上昇`) is not a change of the figure.
    let level = match ctx.lang {
        Lang::Ja => ja::is_level(ctx.text, ctx.at[i].end),
        Lang::En => en::is_level(ctx.text, ctx.at[i].start),
    };
    // One-character Japanese change words (増, 減, 高, 安) count only right after
    // the figure: elsewhere they are parts of other words (最高, 増税).
    let long = |h: &Hit| ctx.lang == Lang::En || h.end - h.start > 3;
    let change_near = || {
        last_before(ctx, s, i, from, |h| long(h) && change_of(h).is_some())
            .and_then(change_of)
            .or(if value < 0.0 {
                Some(Change::Decrease)
            } else {
                None
            })
    };
    let tight = tight_after(ctx, s, i, |c| matches!(c, Cue::Percent(_) | Cue::Change(_)));
    let metric = if let Some(h) = tight
        .filter(|h| !(level && percent_class(h) == Some(Metric::Growth) && change_of(h).is_some()))
    {
        percent_class(h)
    } else if ctx.lang == Lang::En && en::share_of(ctx.text, ctx.at[i].end) {
        Some(Metric::Share)
    } else {
        None
    };
    let metric = metric.or_else(|| {
        last_before(ctx, s, i, from, |h| {
            long(h)
                && h.has(|c| matches!(c, Cue::Percent(_)) || !level && matches!(c, Cue::Change(_)))
        })
        .and_then(percent_class)
    });
    let metric = metric.or_else(|| {
        // A level with no cue of its own in its clause: what the sentence is
        // about (`10年債利回りは前日比0.040%高い2.020%`).
        last_before(ctx, s, i, s.start, |h| {
            long(h)
                && h.has(|c| {
                    matches!(
                        c,
                        Cue::Percent(Metric::Rate | Metric::Share | Metric::Margin)
                    )
                })
        })
        .and_then(percent_class)
        .filter(|_| level || ctx.lang == Lang::Ja)
    });
    let metric = metric
        .or_else(|| {
            inherit
                .then(|| previous_metric(ctx, s, i, &|j| percent_metric_of(ctx, s, j, false).0))
                .flatten()
        })
        .or_else(|| {
            (ctx.lang == Lang::Ja && ja::part_of_whole(ctx.text, ctx.at[i].start, ctx.at[i].end))
                .then_some(Metric::Share)
        });
    match metric {
        Some(Metric::Growth) => {
            let ch = tight
                .and_then(change_of)
                .filter(|_| !level)
                .or_else(change_near);
            (Metric::Growth, ch)
        }
        Some(m) => (m, None),
        None if value < 0.0 => (Metric::Growth, Some(Change::Decrease)),
        None => (Metric::Other, None),
    }
}

/// An article's events, indexed by the sentences that mention them and the
/// amounts that price them.
struct Deals<'e> {
    events: &'e [Event],
    by_sentence: Vec<Option<usize>>,
    by_amount: std::collections::HashMap<usize, usize>,
}

/// Whose figure it is, and whether it was taken over from an earlier sentence.
/// `main`: the article's main company, and whether it dominates the article.
#[allow(clippy::too_many_arguments)]
fn subject(
    ctx: &Ctx,
    sentences: &[Sentence],
    topics: &[Option<usize>],
    main: (Option<usize>, bool),
    k: usize,
    i: usize,
    metric: Metric,
    deals: &Deals,
) -> (Option<usize>, bool) {
    let s = &sentences[k];
    let (article_topic, dominates) = main;
    // A deal's figures follow the deal's roles.
    if metric.is_deal() {
        let n = deals.by_amount.get(&i).copied().or(deals.by_sentence[k]);
        if let Some(e) = n.and_then(|n| deals.events.get(n)) {
            let who = match metric {
                Metric::Valuation | Metric::SharePrice => e.target,
                _ => match e.kind {
                    EventType::Divestiture => e.acquirer.or(e.seller),
                    EventType::Investment if e.round => e.target,
                    _ => e.acquirer,
                },
            };
            if who.is_some() {
                return (who, false);
            }
        }
    }
    let own = match ctx.lang {
        Lang::Ja => ja::subject(ctx, s, i, metric),
        Lang::En => en::subject(ctx, s, i, metric),
    };
    match own {
        Some(found) => (found, false),
        // The sentence names no subject of its own but hands over from an earlier
        // one (`同社は`, `The company`, or starts with the metric: `売上高は…`).
        None if ctx.kind(i) == Kind::Money || metric.is_result() => {
            let (carries, pronoun) = match ctx.lang {
                Lang::Ja => ja::carries(ctx, s, i),
                Lang::En => en::carries(ctx, s, i),
            };
            if !carries {
                return (None, false);
            }
            let near = (0..k)
                .rev()
                .take_while(|&p| sentences[p].section == s.section)
                .take(3)
                .find_map(|p| topics[p]);
            // 同社 and `the company` name the article's company when the
            // paragraph has none.
            let found = near.or(if pronoun || dominates {
                article_topic
            } else {
                None
            });
            (found, found.is_some())
        }
        None => (None, false),
    }
}

/// Dates that can be a figure's period: a year, fiscal year, half, quarter or
/// month (a day is when something happened, not what a figure covers).
fn period_like(f: &Fact) -> bool {
    match &f.value {
        Value::Date(d) => {
            d.iso.as_deref().is_some_and(|iso| !iso.contains('W'))
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

/// A reporting period set up for the sentences after it: a fiscal year, a
/// quarter or a half.
fn reporting_period(f: &Fact) -> bool {
    period_like(f)
        && matches!(
            &f.value,
            Value::Date(d) if matches!(
                d.granularity,
                Granularity::FiscalYear
                    | Granularity::FiscalQuarter
                    | Granularity::Quarter
                    | Granularity::Half
                    | Granularity::Range
            )
        )
}

/// Which period the figure covers: a period-like date of its own clause that is
/// not a comparison base (`前年比`, `from a year earlier`), else a reporting
/// period set up in an earlier sentence of the paragraph (`2026年3月期の連結決算は…`).
fn period(ctx: &Ctx, sentences: &[Sentence], k: usize, i: usize, metric: Metric) -> Option<usize> {
    if !metric.is_result() {
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
    // A sentence with a date of its own that is not a period says nothing of one;
    // a percentage takes a period over only when it is a result's change
    // (`Net income climbed 24%`), not a share move.
    if s.facts
        .clone()
        .any(|d| ctx.kind(d) == Kind::Date && !is_base(d))
    {
        return None;
    }
    if ctx.kind(i) == Kind::Percent
        && !s
            .hits
            .iter()
            .any(|h| h.end <= ctx.at[i].start && money_of(h).is_some_and(Metric::is_result))
    {
        return None;
    }
    (0..k)
        .rev()
        .take_while(|&p| sentences[p].section == s.section)
        .take(3)
        .find_map(|p| {
            // A fiscal period over the same months written as a range
            // (`2026年3月期第1四半期(4〜6月)`): the fiscal one.
            let p = &sentences[p];
            let found = |range: bool| {
                p.facts.clone().rev().find(|&d| {
                    reporting_period(&ctx.facts[d])
                        && !is_base(d)
                        && range == matches!(&ctx.facts[d].value, Value::Date(v) if v.granularity == Granularity::Range)
                })
            };
            found(false).or_else(|| found(true))
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
