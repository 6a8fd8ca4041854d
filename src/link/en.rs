//! English clause rules: the subject of a clause is the company that is not
//! the object of a preposition (`Broadcom agreed to buy Veridian`, not `a
//! stake in Veridian`); a possessive owns the figure after it (`Microsoft's
//! revenue`); what stands next to a figure says whether a cue is tied to it
//! (`a $2 billion deal`, `a 25% tariff`, `rose to 4.4%`).

use super::vocab::Cue;
use super::{Ctx, Metric, Sentence};

/// Words after which a company is not the subject of its clause.
const PREPOSITIONS: &[&str] = &[
    "of",
    "to",
    "from",
    "with",
    "by",
    "for",
    "against",
    "than",
    "in",
    "on",
    "into",
    "over",
    "at",
    "versus",
    "vs.",
    "like",
    "including",
    "as",
    "about",
    "behind",
    "per",
    "buy",
    "acquire",
    "acquired",
    "acquiring",
    "bought",
    "backed",
    "led",
    "pay",
    "paid",
    "let",
    "allow",
    "allowed",
    "asked",
    "told",
];

/// News agencies and data providers: cited as sources, never the subject of a figure.
const SOURCES: &[&str] = &[
    "Reuters",
    "Bloomberg",
    "Bloomberg News",
    "Dow Jones",
    "FactSet",
    "LSEG",
    "Refinitiv",
    "Nikkei",
    "Kyodo",
    "CNBC",
    "Financial Times",
    "The Wall Street Journal",
    "Wall Street Journal",
    "PitchBook",
];

pub(super) fn is_source(name: &str) -> bool {
    SOURCES.contains(&name)
}

/// The 40 bytes before `at` (fewer at the start of the text), without the
/// trailing space, lowercased: what the look-behind rules read.
fn tail_lower(text: &str, at: usize) -> String {
    let from = crate::text::around::floor_boundary(text, at.saturating_sub(40));
    text[from..at].trim_end().to_ascii_lowercase()
}

/// The word just before byte `at`, lowercased.
fn word_before(text: &str, at: usize) -> String {
    let from = crate::text::around::floor_boundary(text, at.saturating_sub(60));
    let head = text[from..at].trim_end();
    let w = head
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("");
    w.to_ascii_lowercase()
}

/// `Shares of Nvidia`, `stock of Apple`: the company owns the figure although a
/// preposition stands before it.
fn shares_of(text: &str, at: usize) -> bool {
    let head = tail_lower(text, at);
    head.ends_with("shares of")
        || head.ends_with("stock of")
        || head.ends_with("revenue at")
        || head.ends_with("sales at")
}

/// The company fact `c` can be the subject of its clause.
fn is_subject(ctx: &Ctx, c: usize) -> bool {
    let f = &ctx.facts[c];
    if super::name_of(f).is_some_and(is_source) {
        return false;
    }
    let start = ctx.at[c].start;
    let w = word_before(ctx.text, start);
    let w = w.trim_end_matches(',');
    // `let Nvidia and Advanced Micro Devices resume`: the second of a pair
    // stands where the first does.
    if matches!(w, "and" | "or") && c > 0 && ctx.facts[c - 1].kind == crate::fact::Kind::Company {
        let between = &ctx.text[ctx.at[c - 1].end..start];
        if matches!(between.trim(), "and" | "or" | ", and" | ", or") {
            return is_subject(ctx, c - 1);
        }
    }
    shares_of(ctx.text, start) || !PREPOSITIONS.contains(&w)
}

/// Between a company and a figure, a sign that the figure is another noun's:
/// a possessive that is not the company's own (`Japan's Nikkei`, not `the
/// company's`), a relative clause on another noun (`the Chinese market, which
/// he has valued at`), a new sentence the splitter missed.
fn others_figure(between: &str) -> bool {
    const OWN: &[&str] = &[
        "company",
        "firm",
        "group",
        "chipmaker",
        "maker",
        "startup",
        "bank",
        "lender",
        "its",
        "it",
    ];
    let possessive = between
        .match_indices("'s ")
        .chain(between.match_indices("’s "))
        .any(|(j, _)| {
            let word = between[..j]
                .rsplit(' ')
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            j > 0 && !OWN.contains(&word.as_str())
        });
    let relative = [", which", ", whose"]
        .iter()
        .any(|w| between.find(w).is_some_and(|j| j > 0));
    // A full stop the sentence splitter let through: a lowercase word, `. `, a capital.
    let stop = between.match_indices(". ").any(|(j, _)| {
        between[..j]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_lowercase())
            && between[j + 2..]
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase())
    });
    possessive || relative || stop
}

/// `Intel Corp, whose shares`, `Nvidia, which`: the clause after the name is about it.
fn relative(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    rest.starts_with(", whose") || rest.starts_with(", which")
}

/// `1,085 pence per Veridian share`, `$25 a share`: a price per share follows.
pub(super) fn per_share_after(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    let Some(r) = rest.strip_prefix(" per ") else {
        return false;
    };
    r.split_whitespace()
        .take(3)
        .any(|w| w.trim_end_matches([',', '.']) == "share")
}

/// `Microsoft's`, `Microsoft’s`: the company owns what follows.
fn possessive(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    rest.starts_with("'s") || rest.starts_with("’s") || rest.starts_with("' ")
}

/// The company a sentence is about: its first company that is not the object
/// of a preposition.
pub(super) fn topic(ctx: &Ctx, s: &Sentence) -> Option<usize> {
    ctx.companies(s).find(|&c| is_subject(ctx, c))
}

/// Whose figure fact `i` is, as far as its own sentence says: `Some(company)`,
/// `Some(None)` when the sentence rules a company out, `None` when it names no
/// subject (an earlier sentence may then give it).
pub(super) fn subject(ctx: &Ctx, s: &Sentence, i: usize, metric: Metric) -> Option<Option<usize>> {
    if metric == Metric::Rate {
        return Some(None);
    }
    let start = ctx.at[i].start;
    let from = super::window_start(ctx, s, i, false);
    let before: Vec<usize> = ctx
        .companies(s)
        .filter(|&c| ctx.at[c].end <= start)
        .collect();
    if let Some(&c) = before
        .iter()
        .rev()
        .find(|&&c| ctx.at[c].start >= from && possessive(ctx.text, ctx.at[c].end))
    {
        if !super::name_of(&ctx.facts[c]).is_some_and(is_source) {
            return Some(Some(c));
        }
    }
    match metric {
        Metric::Valuation | Metric::SharePrice => {
            // `1,085 pence per Veridian share`: the company named in the price.
            let end = ctx.at[i].end;
            if let Some(c) = ctx.companies(s).find(|&c| {
                ctx.at[c].start > end
                    && ctx.at[c].start <= end + 6
                    && ctx.text[end..ctx.at[c].start].contains("per")
            }) {
                return Some(Some(c));
            }
            // The company valued or priced: the nearest one named before the figure.
            let near = before
                .iter()
                .rev()
                .copied()
                .find(|&c| !super::name_of(&ctx.facts[c]).is_some_and(is_source));
            if near.is_some() {
                return Some(near);
            }
        }
        Metric::DealValue | Metric::Investment => {
            let t = topic(ctx, s).filter(|&c| ctx.at[c].end <= start);
            if t.is_some() {
                return Some(t);
            }
        }
        _ => {
            // Nearest subject in the figure's own clause, else the sentence's
            // subject unless a new clause with a subject of its own began.
            if let Some(&c) = before
                .iter()
                .rev()
                .find(|&&c| relative(ctx.text, ctx.at[c].end))
            {
                let tail = &ctx.text[ctx.at[c].end..start];
                if !tail.contains(';') && !before.iter().any(|&o| ctx.at[o].start > ctx.at[c].end) {
                    return Some(Some(c));
                }
            }
            // The first subject of the figure's own clause (`…, and Oracle Corp
            // rose 4.1%`; `Broadcom agreed to pay Veridian a fee of $1.1 billion`).
            let local = before
                .iter()
                .copied()
                .find(|&c| ctx.at[c].start >= from && is_subject(ctx, c));
            if let Some(c) = local {
                let tail = &ctx.text[ctx.at[c].end..start];
                if others_figure(tail) {
                    return Some(None);
                }
                return Some(local);
            }
            // Someone else's figure: `the Nasdaq Composite's 10% rise`.
            let window = &ctx.text[from..start];
            let broken = window.contains(';')
                || others_figure(window)
                || s.hits.iter().any(|h| {
                    h.start >= from && h.end <= start && h.has(|c| matches!(c, Cue::Break))
                });
            if broken {
                return Some(None);
            }
            // The sentence's subject owns a result, a share or a move of its
            // own; an unexplained percentage (`a premium of 47.3%`) stays unlinked.
            if ctx.facts[i].kind == crate::fact::Kind::Percent && metric == Metric::Other {
                return Some(None);
            }
            let t = topic(ctx, s).filter(|&c| ctx.at[c].end <= start);
            if t.is_some() {
                return Some(t);
            }
        }
    }
    if ctx.companies(s).next().is_none() {
        None
    } else {
        Some(None)
    }
}

/// The sentence continues an earlier one's subject: it says `The company`,
/// `It`, `its`, `the software maker` before the figure, or opens with the
/// metric itself (`Revenue rose 12%`). The second flag says a pronoun stands
/// for the company.
pub(super) fn carries(ctx: &Ctx, s: &Sentence, i: usize) -> (bool, bool) {
    if s.heading || ctx.companies(s).any(|c| ctx.at[c].start < ctx.at[i].start) {
        return (false, false);
    }
    let opening = ctx.text[s.start..].trim_start_matches(['"', '“', ' ']);
    let at = ctx.text.len() - opening.len();
    let pronoun = s
        .hits
        .iter()
        .any(|h| h.end <= ctx.at[i].start && h.has(|c| matches!(c, Cue::Carry)));
    let metric_first = s
        .hits
        .iter()
        .any(|h| h.start == at && h.has(|c| matches!(c, Cue::Money(_))));
    (pronoun || metric_first, pronoun)
}

/// What may stand between a figure and the cue it is tied to: nothing, or up to
/// two plain words (`$76.4 billion in revenue`, `a $2 billion all-cash deal`).
pub(super) fn tight_gap(gap: &str) -> bool {
    if gap.trim().is_empty() {
        return true;
    }
    if !gap.starts_with(' ') || gap.len() > 24 {
        return false;
    }
    let words: Vec<&str> = gap.split_whitespace().collect();
    words.len() <= 2
        && words
            .iter()
            .all(|w| w.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
        && !words.iter().any(|w| {
            matches!(
                *w,
                "and" | "or" | "from" | "to" | "than" | "after" | "before" | "while"
            )
        })
}

/// `rose to 4.4%`, `held at 4.5%`, `up to 25%`: the figure is a level.
pub(super) fn is_level(text: &str, start: usize) -> bool {
    let head = tail_lower(text, start);
    head.ends_with(" to") || head.ends_with(" at")
}

/// `15% of its revenue`, `a 10% stake`: a part of a whole.
pub(super) fn share_of(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    rest.starts_with(" of ") && !rest.starts_with(" of the vote")
}

/// A date after a comparison word is the base, not the period: `from a year
/// earlier`, `compared with the first quarter`, `since 2020`.
pub(super) fn is_base_date(text: &str, start: usize) -> bool {
    let head = tail_lower(text, start);
    [
        "from", "since", "with", "than", "versus", "vs.", "than in", "over", "to",
    ]
    .iter()
    .any(|w| head.ends_with(&format!(" {w}")))
}

/// `$76.4 billion in the quarter ended June 30`, `for fiscal 2025`: the date
/// after the figure is its period.
pub(super) fn period_after(text: &str, fact_end: usize, date_start: usize) -> bool {
    let gap = &text[fact_end..date_start];
    matches!(
        gap,
        " in "
            | " in the "
            | " for "
            | " for the "
            | " during "
            | " during the "
            | " in its "
            | " for its "
    )
}
