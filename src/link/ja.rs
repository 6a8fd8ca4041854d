//! Japanese clause rules: the case particle after a company says its role
//! (`Xは`/`Xが`/`X、` the subject, `Xを` the object, `Xに` the one invested in,
//! `Xの売上高` the owner of the figure), and what stands next to a figure says
//! whether a cue is tied to it (`24億ドルで買収`, `11%減`).

use super::vocab::Cue;
use super::{Ctx, Metric, Sentence};
use crate::fact::Kind;

/// What follows a company name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    /// は, が, も, 、 — the subject or topic.
    Topic,
    /// を — the object (what is bought).
    Object,
    /// に, へ — the one invested in, or the buyer in a sale (`Cに売却`).
    Dative,
    /// の — owner of what follows.
    Genitive,
    /// と, から, より, など, a reporting source, anything else.
    Other,
}

/// The text after a company name with what belongs to the name skipped: a
/// bracketed code or note (`トヨタ自動車(7203)は`) and the word for its shares
/// (`北斗株を`).
fn after_name(text: &str, end: usize) -> &str {
    let mut rest = &text[end..];
    for (open, close) in [('(', ')'), ('（', '）')] {
        if let Some(r) = rest.strip_prefix(open) {
            if let Some(j) = r.find(close) {
                if j <= 40 {
                    rest = &r[j + close.len_utf8()..];
                }
            }
        }
    }
    for suffix in ["株式", "株", "側", "社"] {
        if let Some(r) = rest.strip_prefix(suffix) {
            // 株式会社 is part of a name; 株を, 株は are its shares.
            if !r.starts_with("会社") {
                rest = r;
                break;
            }
        }
    }
    rest
}

/// The role of the company fact ending at byte `end`.
pub(super) fn role(text: &str, end: usize) -> Role {
    let rest = after_name(text, end);
    // A source is not a subject: `ロイター通信によると`, `日経が報じた`.
    // An analyst's firm is quoted, not reported on: `SMBC日興証券のアナリストは`.
    if ["の調べ", "の調査", "の試算", "の集計"]
        .iter()
        .any(|w| rest.starts_with(w))
        || rest.starts_with('の')
            && rest
                .char_indices()
                .take_while(|(j, _)| *j < 30)
                .any(|(j, _)| {
                    ["アナリスト", "エコノミスト", "ストラテジスト", "チーフ"]
                        .iter()
                        .any(|w| rest[j..].starts_with(w))
                })
    {
        return Role::Other;
    }
    if rest.starts_with("によると")
        || rest.starts_with("によれば")
        || rest.starts_with("が報じ")
        || rest.starts_with("は報じ")
        || rest.starts_with("などが")
        || rest.starts_with("など")
    {
        return Role::Other;
    }
    let c = rest.chars().next();
    match c {
        Some('は' | 'が' | 'も' | '、' | ',' | '，') => Role::Topic,
        Some('を') => Role::Object,
        Some('に' | 'へ') => {
            if rest.starts_with("には") {
                Role::Topic
            } else {
                Role::Dative
            }
        }
        Some('の') => Role::Genitive,
        Some(_) if rest.starts_with("では") || rest.starts_with("でも") => Role::Topic,
        _ => Role::Other,
    }
}

/// The company a sentence is about: the first one marked as subject, or one
/// that heads the subject phrase (`トヨタ自動車の2025年4〜6月期決算は`).
pub(super) fn topic(ctx: &Ctx, s: &Sentence) -> Option<usize> {
    let mut first = true;
    for c in ctx.companies(s) {
        if in_brackets(ctx.text, s.start, ctx.at[c].start) {
            continue;
        }
        match role(ctx.text, ctx.at[c].end) {
            Role::Topic => return Some(c),
            Role::Genitive if first && heads_subject(ctx, s, c) => return Some(c),
            _ => {}
        }
        first = false;
    }
    None
}

/// Byte `at` lies inside brackets opened since `from` (`世界販売台数(ダイハツ工業、
/// 日野自動車を含む)は`): a name there is an aside, not the subject.
pub(super) fn in_brackets(text: &str, from: usize, at: usize) -> bool {
    let head = &text[from..at];
    let opens = head.matches(['(', '（', '「']).count();
    let closes = head.matches([')', '）', '」']).count();
    opens > closes
}

/// `トヨタ株は…2,592円`: a yen figure in a sentence about a company's shares.
pub(super) fn shares_subject(ctx: &Ctx, s: &Sentence, i: usize) -> bool {
    ctx.companies(s).any(|c| {
        ctx.at[c].end <= ctx.at[i].start && {
            let rest = &ctx.text[ctx.at[c].end..];
            rest.starts_with("株は") || rest.starts_with("株が") || rest.starts_with("の株価")
        }
    })
}

/// A `Xの…は` phrase with no other company, object or clause break before the
/// は or が: X owns the subject of the sentence.
fn heads_subject(ctx: &Ctx, s: &Sentence, c: usize) -> bool {
    let from = ctx.at[c].end;
    let rest = &ctx.text[from..s.end];
    let Some(j) = rest.find(['は', 'が']) else {
        return false;
    };
    let phrase = &rest[..j];
    // `SMBC日興証券の杉本浩一シニアアナリストは`: a person of the firm speaks.
    let person_inside = s.facts.clone().any(|o| {
        ctx.kind(o) == Kind::Person && ctx.at[o].start >= from && ctx.at[o].start < from + j
    });
    !person_inside
        && !phrase.contains(['を', '、', '「', 'と'])
        && phrase.chars().count() <= 24
        && !s.facts.clone().any(|o| {
            o != c
                && ctx.kind(o) == Kind::Company
                && ctx.at[o].start >= from
                && ctx.at[o].start < from + j
        })
}

/// A company tied to the figure by a cue right after it: `トヨタの売上高`.
fn owns_cue(ctx: &Ctx, s: &Sentence, c: usize) -> bool {
    let end = ctx.at[c].end;
    let rest = after_name(ctx.text, end);
    let Some(r) = rest.strip_prefix('の') else {
        return false;
    };
    let at = ctx.text.len() - r.len();
    s.hits.iter().any(|h| {
        h.start == at
            && h.end - h.start > 3
            && h.has(|c| matches!(c, Cue::Money(_) | Cue::Percent(_)))
    })
}

/// Whose figure fact `i` is, as far as its own sentence says: `Some(company)`,
/// `Some(None)` when the sentence rules a company out, `None` when it names no
/// subject (an earlier sentence may then give it).
pub(super) fn subject(ctx: &Ctx, s: &Sentence, i: usize, metric: Metric) -> Option<Option<usize>> {
    if metric == Metric::Rate {
        return Some(None);
    }
    let start = ctx.at[i].start;
    let before: Vec<usize> = ctx
        .companies(s)
        .filter(|&c| ctx.at[c].end <= start)
        .collect();
    match metric {
        Metric::Valuation | Metric::SharePrice => {
            // The company valued, or whose shares are priced: the object of the
            // deal (`北斗株を1株2,600円で`), else the owner (`北斗の株価`).
            let obj = ctx
                .companies(s)
                .find(|&c| role(ctx.text, ctx.at[c].end) == Role::Object);
            if obj.is_some() {
                return Some(obj);
            }
            let owner = before.iter().rev().copied().find(|&c| owns_cue(ctx, s, c));
            if owner.is_some() {
                return Some(owner);
            }
        }
        _ => {
            let owner = before.iter().rev().copied().find(|&c| owns_cue(ctx, s, c));
            if owner.is_some() && !metric.is_deal() {
                return Some(owner);
            }
        }
    }
    let topic = before.iter().rev().copied().find(|&c| {
        !in_brackets(ctx.text, s.start, ctx.at[c].start)
            && (role(ctx.text, ctx.at[c].end) == Role::Topic || Some(c) == s.topic)
    });
    if topic.is_some() {
        return Some(topic);
    }
    if before.is_empty() && !ctx.companies(s).any(|_| true) {
        return None;
    }
    Some(None)
}

/// The sentence continues an earlier one's subject: it opens with 同社, 同事業
/// (a division's figure is its parent's) or with the metric itself (`売上高は`).
/// The second flag says an anaphor (同社) stands for the company.
pub(super) fn carries(ctx: &Ctx, s: &Sentence, i: usize) -> (bool, bool) {
    let start = ctx.at[i].start;
    if s.heading || ctx.companies(s).any(|c| ctx.at[c].start < start) {
        return (false, false);
    }
    let pronoun = s
        .hits
        .iter()
        .any(|h| h.end <= start && h.has(|c| matches!(c, Cue::Carry)));
    // The clause's subject, if marked before the figure, must be the metric
    // itself (`連結売上高は`, `純利益見通しも`); a sentence with no marked subject
    // (`さらに…約110億ドルの設備投資を行う`) continues the one before.
    let head = &ctx.text[s.start..start];
    let marked = head
        .char_indices()
        .find(|&(_, c)| matches!(c, 'は' | 'が' | 'も'))
        .map(|(j, _)| s.start + j);
    let metric_subject = match marked {
        None => true,
        Some(at) => s.hits.iter().any(|h| {
            h.end <= at
                && at - h.end <= 12
                && h.has(|c| matches!(c, Cue::Money(_) | Cue::Percent(_) | Cue::Carry))
        }),
    };
    (pronoun || metric_subject, pronoun)
}

/// What may stand between a figure and the cue it is tied to.
pub(super) fn tight_gap(gap: &str) -> bool {
    matches!(
        gap,
        "" | "の"
            | "で"
            | "での"
            | "を"
            | "に"
            | "と"
            | "規模の"
            | "相当の"
            | "程度の"
            | "前後の"
            | "強の"
            | "弱の"
            | "余りの"
            | "もの"
    )
}

/// `3%に上昇`, `0.5%に引き上げ`, `2%となった`: the figure is a level reached.
pub(super) fn is_level(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    rest.starts_with('に') && !rest.starts_with("にのぼ")
        || rest.starts_with("と") && !rest.starts_with("との")
        || rest.starts_with("まで")
}

/// `採掘の約70%、加工の90%以上を担い`: a part of a whole, with no other cue.
pub(super) fn part_of_whole(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].strip_suffix('約').unwrap_or(&text[..start]);
    before.ends_with('の') && text[end..].starts_with(['、', 'を', 'が'])
}

/// A date followed by a comparison word is the base, not the period (`前年比`
/// is not a date; `2024年比`, `3月から` are).
pub(super) fn is_base_date(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    [
        "比",
        "から",
        "より",
        "以来",
        "と比べ",
        "に比べ",
        "同期比",
        "末比",
    ]
    .iter()
    .any(|w| rest.starts_with(w))
}
