//! Deals as records: a sentence with a deal word (買収, TOB, 出資, acquire,
//! stake, IPO) and a company becomes a mention whose roles come from the
//! companies around the word; mentions of one deal (same type, same target or
//! buyer) become one event, the fullest mention filled in from the others.

use super::vocab::Cue;
use super::{
    en, ja, money_metric, name_of, percent_metric, Ctx, EventType, Metric, Sentence, Status,
};
use crate::article::Lang;
use crate::fact::{Fact, Granularity, Kind, Value};
use std::sync::Arc;

/// One deal an article reports. Roles are indexes of the article's facts.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// The `kind` field (see the module doc).
    pub kind: EventType,
    /// The `status` field (see the module doc).
    pub status: Option<Status>,
    /// The `acquirer` field (see the module doc).
    pub acquirer: Option<usize>,
    /// The `target` field (see the module doc).
    pub target: Option<usize>,
    /// The `seller` field (see the module doc).
    pub seller: Option<usize>,
    /// The `amount` field (see the module doc).
    pub amount: Option<usize>,
    /// The `stake` field (see the module doc).
    pub stake: Option<usize>,
    /// The `date` field (see the module doc).
    pub date: Option<usize>,
    /// Section and sentence of the mention the event was built from.
    pub section: usize,
    /// The `sentence` field (see the module doc).
    pub sentence: Arc<str>,
    /// The `rule` field (see the module doc).
    pub rule: &'static str,
    /// A funding round: its amount belongs to the company raising it (`target`).
    pub round: bool,
    /// Indexes (in the article's sentence order) of the sentences that mention it.
    pub(crate) mentions: Vec<usize>,
    heading: bool,
}

impl Event {
    /// Every role that names a fact, by its index among the article's facts.
    pub fn roles_mut(&mut self) -> [&mut Option<usize>; 6] {
        [
            &mut self.acquirer,
            &mut self.target,
            &mut self.seller,
            &mut self.amount,
            &mut self.stake,
            &mut self.date,
        ]
    }
}

impl Event {
    fn filled(&self) -> usize {
        [
            self.acquirer,
            self.target,
            self.seller,
            self.amount,
            self.stake,
            self.date,
        ]
        .iter()
        .filter(|r| r.is_some())
        .count()
            + usize::from(self.status.is_some())
    }
}

fn rule_name(lang: Lang, kind: EventType) -> &'static str {
    match (lang, kind) {
        (Lang::Ja, EventType::Acquisition) => "event.ja.acquisition",
        (Lang::Ja, EventType::Merger) => "event.ja.merger",
        (Lang::Ja, EventType::Investment) => "event.ja.investment",
        (Lang::Ja, EventType::Divestiture) => "event.ja.divestiture",
        (Lang::Ja, EventType::Ipo) => "event.ja.ipo",
        (Lang::En, EventType::Acquisition) => "event.en.acquisition",
        (Lang::En, EventType::Merger) => "event.en.merger",
        (Lang::En, EventType::Investment) => "event.en.investment",
        (Lang::En, EventType::Divestiture) => "event.en.divestiture",
        (Lang::En, EventType::Ipo) => "event.en.ipo",
    }
}

/// The events of an article, in order of their first mention.
pub(super) fn find(ctx: &Ctx, sentences: &[Sentence]) -> Vec<Event> {
    let mut events: Vec<Event> = Vec::new();
    for (k, s) in sentences.iter().enumerate() {
        let Some(m) = mention(ctx, s, k) else {
            follow_up(ctx, s, k, &mut events);
            continue;
        };
        let same = events.iter().position(|e| same_deal(ctx.facts, e, &m));
        match same {
            Some(j) => merge(&mut events[j], m),
            None => events.push(m),
        }
    }
    events
}

/// Two mentions are one deal: same type, and the same target, or the same buyer
/// where a target is missing.
fn same_deal(facts: &[Fact], a: &Event, b: &Event) -> bool {
    let name = |r: Option<usize>| r.and_then(|i| name_of(&facts[i]));
    if a.kind != b.kind {
        return false;
    }
    match (name(a.target), name(b.target)) {
        (Some(x), Some(y)) => x == y,
        _ => name(a.acquirer).is_some() && name(a.acquirer) == name(b.acquirer),
    }
}

/// Merge mention `m` into event `e`: the fuller one (a body sentence over a
/// teaser's title when equally full) gives the record, the other fills its
/// empty roles.
fn merge(e: &mut Event, mut m: Event) {
    let mut mentions = std::mem::take(&mut e.mentions);
    mentions.append(&mut m.mentions);
    let m_better = (m.filled(), !m.heading) > (e.filled(), !e.heading);
    let (mut base, other) = if m_better {
        (m, e.clone())
    } else {
        (e.clone(), m)
    };
    base.status = base.status.or(other.status);
    base.acquirer = base.acquirer.or(other.acquirer);
    base.target = base.target.or(other.target);
    base.seller = base.seller.or(other.seller);
    base.amount = base.amount.or(other.amount);
    base.stake = base.stake.or(other.stake);
    base.date = base.date.or(other.date);
    base.round |= other.round;
    mentions.sort_unstable();
    base.mentions = mentions;
    *e = base;
}

/// A sentence without a company that prices the last deal of its section
/// (`The deal values Veridian at …`, `買付価格は1株2,600円`): a mention of it.
fn follow_up(ctx: &Ctx, s: &Sentence, k: usize, events: &mut [Event]) {
    if ctx.companies(s).next().is_some() {
        return;
    }
    let Some(e) = events.last_mut() else {
        return;
    };
    let Some(&last) = e.mentions.last() else {
        return;
    };
    if e.section != s.section && last + 3 < k {
        return;
    }
    let priced: Vec<(usize, Metric)> = s
        .facts
        .clone()
        .filter(|&i| ctx.kind(i) == Kind::Money)
        .map(|i| (i, money_metric(ctx, s, i)))
        .filter(|(_, m)| m.is_deal())
        .collect();
    if priced.is_empty() {
        return;
    }
    e.mentions.push(k);
    if e.amount.is_none() {
        e.amount = priced
            .iter()
            .find(|(_, m)| matches!(m, Metric::DealValue | Metric::Investment))
            .map(|(i, _)| *i);
    }
}

/// The deal a sentence reports, if it names one with a company in a role.
fn mention(ctx: &Ctx, s: &Sentence, k: usize) -> Option<Event> {
    ctx.companies(s).next()?;
    let trigger = s.hits.iter().find_map(|h| {
        h.cues.iter().find_map(|c| match c {
            Cue::Deal(t) => Some((h, *t)),
            _ => None,
        })
    })?;
    let (hit, kind) = trigger;
    let mut e = Event {
        kind,
        status: None,
        acquirer: None,
        target: None,
        seller: None,
        amount: None,
        stake: None,
        date: None,
        section: s.section,
        sentence: ctx.facts[s.facts.start].sentence.clone(),
        rule: rule_name(ctx.lang, kind),
        round: false,
        mentions: vec![k],
        heading: s.heading,
    };
    match ctx.lang {
        Lang::Ja => ja_roles(ctx, s, hit.start, &mut e),
        Lang::En => en_roles(ctx, s, hit.start, hit.end, &mut e),
    }
    e.status = status(ctx, s, hit.start);
    e.amount = s.facts.clone().find(|&i| {
        ctx.kind(i) == Kind::Money
            && matches!(
                money_metric(ctx, s, i),
                Metric::DealValue | Metric::Investment
            )
    });
    e.stake = s
        .facts
        .clone()
        .find(|&i| ctx.kind(i) == Kind::Percent && percent_metric(ctx, s, i).0 == Metric::Share);
    e.date = s.facts.clone().find(|&i| deal_date(ctx, i));
    // A deal needs the company it is about; a purchase of shares in the market
    // (`investors bought Nvidia`) names neither buyer nor price.
    let enough = match kind {
        EventType::Merger => e.acquirer.is_some() && e.target.is_some(),
        EventType::Ipo => e.target.is_some(),
        _ => {
            e.target.is_some() && (e.acquirer.is_some() || e.amount.is_some() || e.seller.is_some())
        }
    };
    enough.then_some(e)
}

/// A date of the deal itself: not the expected completion (`2026年第1四半期完了見込み`,
/// `expected to close in the first quarter`), not a comparison base.
fn deal_date(ctx: &Ctx, i: usize) -> bool {
    let Value::Date(d) = &ctx.facts[i].value else {
        return false;
    };
    if d.iso.is_none() || d.granularity == Granularity::Range {
        return false;
    }
    let (start, end) = (ctx.at[i].start, ctx.at[i].end);
    match ctx.lang {
        Lang::Ja => {
            let rest: String = ctx.text[end..].chars().take(8).collect();
            !(rest.contains("完了")
                || rest.contains("まで")
                || rest.contains("めど")
                || ja::is_base_date(ctx.text, end))
        }
        Lang::En => {
            let from = crate::text::around::floor_boundary(ctx.text, start.saturating_sub(40));
            let head = ctx.text[from..start].to_ascii_lowercase();
            !(head.contains("close")
                || head.contains("complet")
                || head.contains("expected")
                || head.ends_with("by ")
                || en::is_base_date(ctx.text, start))
        }
    }
}

/// How far the deal has got: in Japanese the status word nearest the end of the
/// sentence (the verb comes last), in English the one nearest the deal word.
fn status(ctx: &Ctx, s: &Sentence, at: usize) -> Option<Status> {
    let of = |h: &super::vocab::Hit| {
        h.cues.iter().find_map(|c| match c {
            Cue::Status(st) => Some(*st),
            _ => None,
        })
    };
    match ctx.lang {
        Lang::Ja => s.hits.iter().rev().find_map(of),
        Lang::En => s
            .hits
            .iter()
            .filter_map(|h| of(h).map(|st| (h.start.abs_diff(at), st)))
            .min_by_key(|(d, _)| *d)
            .map(|(_, st)| st),
    }
}

/// Japanese roles from the particles: `XはYを…買収` (X buys Y), `XがYに出資`
/// (X invests in Y), `XはYをZに売却` (X sells Y to Z), `XとYが経営統合`.
fn ja_roles(ctx: &Ctx, s: &Sentence, at: usize, e: &mut Event) {
    let comps: Vec<(usize, ja::Role)> = ctx
        .companies(s)
        .map(|c| (c, ja::role(ctx.text, ctx.at[c].end)))
        .collect();
    let before = |r: ja::Role| {
        comps
            .iter()
            .find(|(c, role)| *role == r && ctx.at[*c].end <= at)
            .map(|(c, _)| *c)
    };
    let topic = before(ja::Role::Topic).or(s.topic.filter(|&t| ctx.at[t].end <= at));
    match e.kind {
        EventType::Acquisition => {
            // `Yを買収`, `YにTOB`, `USスチール買収`, `豊田自動織機の非公開化に向けたTOB`.
            let named_before_word = comps.iter().map(|(c, _)| *c).find(|&c| ctx.at[c].end == at);
            let owner = comps
                .iter()
                .find(|(c, r)| {
                    *r == ja::Role::Genitive && ctx.at[*c].end <= at && Some(*c) != topic
                })
                .map(|(c, _)| *c);
            e.target = before(ja::Role::Object)
                .or(before(ja::Role::Dative))
                .or(named_before_word)
                .or(owner)
                .filter(|&t| Some(t) != topic);
            e.acquirer = topic.filter(|&t| Some(t) != e.target);
        }
        EventType::Investment => {
            e.target = before(ja::Role::Dative).or(before(ja::Role::Object));
            e.acquirer = topic.filter(|&t| Some(t) != e.target);
        }
        EventType::Divestiture => {
            e.seller = topic;
            e.target = before(ja::Role::Object);
            e.acquirer = before(ja::Role::Dative);
        }
        EventType::Merger => {
            // `XとYが経営統合`: X is followed by と, Y is the subject.
            let with = comps
                .iter()
                .find(|(c, _)| ctx.text[ctx.at[*c].end..].starts_with('と') && ctx.at[*c].end <= at)
                .map(|(c, _)| *c);
            e.acquirer = with.or(topic);
            e.target = comps
                .iter()
                .map(|(c, _)| *c)
                .find(|&c| Some(c) != e.acquirer && ctx.at[c].end <= at);
        }
        EventType::Ipo => e.target = topic,
    }
}

/// English roles from word order: `X agreed to acquire Y`, `Y was acquired by X`,
/// `X's acquisition of Y`, `X invested … in Y`, `Y raised … in a round led by
/// Z`, `X will sell Y to Z`, `X and Y agreed to merge`.
fn en_roles(ctx: &Ctx, s: &Sentence, at: usize, end: usize, e: &mut Event) {
    let comps: Vec<usize> = ctx
        .companies(s)
        .filter(|&c| !name_of(&ctx.facts[c]).is_some_and(en::is_source))
        .collect();
    let after_word = |w: &str| {
        let lower = ctx.text[end..s.end].to_ascii_lowercase();
        lower.find(w).and_then(|j| {
            let from = end + j + w.len();
            comps
                .iter()
                .copied()
                .find(|&c| ctx.at[c].start >= from && ctx.at[c].start <= from + 4)
        })
    };
    let subject = en_topic_before(ctx, s, at);
    // The object after the deal word; a possessive there (`the acquisition
    // would be Broadcom's largest`) is not it.
    let first_after = comps.iter().copied().find(|&c| {
        ctx.at[c].start >= end
            && ctx.at[c].start <= end + 60
            && !ctx.text[ctx.at[c].end..].starts_with("'s")
            && !ctx.text[ctx.at[c].end..].starts_with("’s")
    });
    let passive = ctx.text[end..].starts_with(" by ");
    let lower = ctx.text[s.start..s.end].to_ascii_lowercase();
    match e.kind {
        EventType::Acquisition => {
            if passive {
                e.acquirer = first_after;
                e.target = subject;
            } else {
                e.acquirer = subject;
                e.target = first_after.filter(|&c| Some(c) != subject);
                if let Some(by) = after_word(" by ") {
                    if e.acquirer.is_none() {
                        e.acquirer = Some(by);
                    }
                }
            }
        }
        EventType::Investment => {
            if lower.contains("round")
                || lower.contains("raised")
                || lower.contains("raises")
                || lower.contains("funding")
            {
                e.round = true;
                e.target = subject;
                e.acquirer = after_word("led by ").filter(|&c| Some(c) != subject);
            } else {
                e.acquirer = subject;
                e.target = after_word(" in ")
                    .or(first_after)
                    .filter(|&c| Some(c) != subject);
            }
        }
        EventType::Divestiture => {
            e.seller = subject;
            e.acquirer = after_word(" to ").filter(|&c| Some(c) != subject);
            e.target = first_after.filter(|&c| Some(c) != subject && Some(c) != e.acquirer);
        }
        EventType::Merger => {
            e.acquirer = subject;
            e.target = comps.iter().copied().find(|&c| Some(c) != subject);
        }
        EventType::Ipo => e.target = subject.or(first_after),
    }
}

/// The subject company before the deal word: a possessive (`Broadcom's
/// acquisition`) or the sentence's subject.
fn en_topic_before(ctx: &Ctx, s: &Sentence, at: usize) -> Option<usize> {
    let t = en::topic(ctx, s).filter(|&c| ctx.at[c].end <= at);
    t.or_else(|| {
        ctx.companies(s)
            .filter(|&c| ctx.at[c].end <= at)
            .find(|&c| {
                ctx.text[ctx.at[c].end..].starts_with("'s")
                    || ctx.text[ctx.at[c].end..].starts_with("’s")
            })
    })
}
