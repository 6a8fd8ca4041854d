//! percent facts: `70%`, `約70%`, `90%以上`, `3〜5%`, `4・9%`, `3割8分7厘`,
//! `二十五パーセント`, `0.5ポイント`, `12 per cent`, `37pc`, `more than 10%`,
//! `1.5 percentage points`, `25 basis points`.
//!
//! Rules per language live in `ja.rs` and `en.rs`, each with a corpus beside it.
//! Each set runs with a hand-written matcher beside its rules (`decide`,
//! `crate::rule::RuleSet::run_with`): from each numeral of a line followed by
//! a unit it finds the match of the common form (`percent.ja.n_unit`,
//! `percent.en.n_unit` in digits) that the regex would find and hands it to
//! the rule's own production, so the fact and its `rule` are the same; what it
//! cannot settle in a line (a number in words, a range, `まで`, an odd numeral)
//! it leaves to the regexes there. A new form is a new rule as before; if it is
//! in one of these sets, its matcher must leave the lines that may hold it to
//! the regex (or find it too): the test beside each matcher compares both
//! paths on every corpus line and on made-up lines.
//! This file holds what both share: number parsing, qualifiers, the display
//! string, and the boundary checks that keep `%20` in a URL or the `5` of `v1.5%`
//! from becoming facts.
//!
//! Decisions the corpora document:
//! - `ポイント`, `percentage points`, `% points`, `pp` are unit `point`
//!   (percentage points). A bare `points`/`ポイント` is only taken when it can be
//!   a percentage point: at most 100, not after an index name (`日経平均`, `Dow`),
//!   not in sports or loyalty-point wording. Basis points convert to points
//!   (`25bp` → 0.25pt), so one unit serves every rate change.
//! - `割` is tenths (`3割` = 30%, `3割8分7厘` = 38.7%); `5割引` is a 50% discount,
//!   a percentage like `50%引き`, so `5割` is a fact (the span leaves out `引`).
//! - Fractions (`100分の1`, `百分の2`, `3分の1`) and multiples (`5倍`) are not
//!   percentages; nor is a bare `percent`/`%` with no number (no value to give).
//! - `X% to Y%` after a verb of change or `from` (`rose 0.3% to 3.2%`) and
//!   `8%から10%` are two values, not a range.
//! - A plain form both languages' rules find (`70%`, `3-5%`) is emitted by the
//!   rule of the article's language only, so it is proposed once.

mod en;
mod ja;

use crate::article::Lang;
use crate::extract::{Doc, Finder};
use crate::fact::{Candidate, Kind, Percent, PercentUnit, Qualifier, Value};
use crate::text::around::char_before;

/// Percentages: each language's rule set is a finder of its own, run in turn.
pub struct PercentFinder;

impl Finder for PercentFinder {
    fn kind(&self) -> Kind {
        Kind::Percent
    }

    fn find(&self, doc: &Doc, out: &mut Vec<Candidate>) {
        ja::RULES.run_with(doc, out, ja::decide);
        en::RULES.run_with(doc, out, en::decide);
    }
}

/// Round away binary noise (`5.6 * 10` → 56, `38 + 0.7` → 38.7).
fn clean(x: f64) -> f64 {
    let r = (x * 1e9).round() / 1e9;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// A value for display: up to four decimals, thousands grouped (`1,111`, `0.125`).
fn show_number(x: f64) -> String {
    crate::fact::grouped_number(x, 4)
}

/// Build the value: `70%`, `90%+`, `<5%`, `3–5%`, `0.5pt`.
fn make(
    value: f64,
    value_max: Option<f64>,
    unit: PercentUnit,
    qualifier: Qualifier,
) -> Option<Value> {
    let value = clean(value);
    if !value.is_finite() {
        return None;
    }
    let value_max = match value_max {
        Some(m) => {
            let m = clean(m);
            // A range runs upwards (`3〜5%`); anything else is not a range.
            if !m.is_finite() || m <= value {
                return None;
            }
            Some(m)
        }
        None => None,
    };
    let suffix = match unit {
        PercentUnit::Percent => "%",
        PercentUnit::Point => "pt",
    };
    let (qualifier, shown) = match value_max {
        Some(m) => (
            Qualifier::Range,
            format!("{}–{}{suffix}", show_number(value), show_number(m)),
        ),
        None => (
            qualifier,
            qualifier.decorate(format!("{}{suffix}", show_number(value))),
        ),
    };
    Some(Value::Percent(Percent {
        value,
        value_max,
        unit,
        qualifier,
        display: shown,
    }))
}

/// The qualifier of a prefix and a suffix together: a bound (`以上`, `or more`)
/// outranks `approx` (`約30%以上` is at least 30%).
fn combine(prefix: Qualifier, suffix: Qualifier) -> Qualifier {
    match (prefix, suffix) {
        (p, Qualifier::Exact) => p,
        (_, Qualifier::Approx) if prefix != Qualifier::Exact => prefix,
        (_, s) => s,
    }
}

/// The text of the same line before byte offset `at`, at most `max` bytes of it.
/// Only the `max` bytes are looked at, so the cost does not grow with the line.
fn line_before(text: &str, at: usize, max: usize) -> &str {
    let Some(head) = text.get(..at) else {
        return "";
    };
    let mut from = head.len().saturating_sub(max);
    while !head.is_char_boundary(from) {
        from += 1;
    }
    let head = &head[from..];
    match head.rfind('\n') {
        Some(p) => &head[p + 1..],
        None => head,
    }
}

/// The text of the same line after byte offset `at`, at most `max` bytes of it.
fn line_after(text: &str, at: usize, max: usize) -> &str {
    let Some(tail) = text.get(at..) else {
        return "";
    };
    let mut to = tail.len().min(max);
    while !tail.is_char_boundary(to) {
        to -= 1;
    }
    let tail = &tail[..to];
    match tail.find('\n') {
        Some(p) => &tail[..p],
        None => tail,
    }
}

/// May a number start at byte `start`? Not inside a word, a longer number
/// (`1,5%`, `v1.5%`) or a URL escape (`%2050%`); after an acronym it may (`ROE8%`).
fn number_may_start_after(text: &str, start: usize) -> bool {
    let Some(prev) = char_before(text, start) else {
        return true;
    };
    if prev.is_ascii_uppercase() {
        // `ROE8%`, `GDP2%` as Japanese text writes them; not `%2D9114%` (a URL escape).
        let run = text
            .get(..start)
            .unwrap_or("")
            .trim_end_matches(|c: char| c.is_ascii_uppercase());
        return !run.ends_with(|c: char| {
            c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '%' | '/' | '-')
        });
    }
    if prev.is_ascii_alphanumeric()
        || matches!(prev, '_' | '.' | '%' | '/' | '\\' | '#' | '@' | '=' | '&')
    {
        return false;
    }
    if prev == ',' {
        // `1,5%`: a decimal comma or a list without spaces; ambiguous, so nothing.
        let before = char_before(text, start - 1);
        return !before.is_some_and(|c| c.is_ascii_digit());
    }
    true
}

/// Is byte offset `start` inside a URL? Looks back over the ASCII run it sits in.
fn in_url(text: &str, start: usize) -> bool {
    let head = line_before(text, start, 400);
    let run_start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_ascii_graphic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let run = &head[run_start..];
    run.contains("://") || run.to_ascii_lowercase().contains("www.")
}

/// A `%` right before two hex digits is a URL escape (`%20`, `%2F`), not a percent.
fn url_escape_after(text: &str, end: usize) -> bool {
    let Some(tail) = text.get(end..) else {
        return false;
    };
    let mut it = tail.chars();
    matches!((it.next(), it.next()), (Some(a), Some(b)) if a.is_ascii_hexdigit() && b.is_ascii_hexdigit())
}

/// Checks shared by every rule on a candidate's whole match: it must not sit in a
/// URL, and a trailing `%` must not be a URL escape.
fn outside_urls(text: &str, start: usize, end: usize) -> bool {
    if in_url(text, start) {
        return false;
    }
    !(text.get(..end).is_some_and(|h| h.ends_with('%')) && url_escape_after(text, end))
}

/// Which language's rules own a plain, shared form such as `70%` or `3-5%`:
/// both find it, and only the rule of the article's language proposes it.
fn owns_plain_form(doc: &Doc, lang: Lang) -> bool {
    doc.lang == lang
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::fact::Fact;

    /// Percent facts of `text` (article language detected).
    pub(super) fn facts(text: &str) -> Vec<Fact> {
        let article = Article {
            id: "t".into(),
            text: text.into(),
            ..Default::default()
        };
        let res = crate::Resources::default();
        crate::analyze(&article, &res)
            .facts
            .into_iter()
            .filter(|f| f.kind == crate::Kind::Percent)
            .collect()
    }

    /// The one percent fact of `text`: (span text, value, value_max, unit, qualifier, display).
    pub(super) fn one(text: &str) -> (String, f64, Option<f64>, PercentUnit, Qualifier, String) {
        let got = facts(text);
        assert_eq!(got.len(), 1, "{text:?}: {got:?}");
        let f = &got[0];
        let Value::Percent(p) = &f.value else {
            panic!("not a percent: {f:?}");
        };
        (
            f.text.clone(),
            p.value,
            p.value_max,
            p.unit,
            p.qualifier,
            p.display.clone(),
        )
    }

    #[test]
    fn percent_display_forms() {
        let shown = |v, m, u, q| make(v, m, u, q).map(|v| v.display().to_string());
        use PercentUnit::*;
        use Qualifier::*;
        assert_eq!(shown(70.0, None, Percent, Approx).as_deref(), Some("70%"));
        assert_eq!(shown(90.0, None, Percent, AtLeast).as_deref(), Some("90%+"));
        assert_eq!(shown(5.0, None, Percent, Under).as_deref(), Some("<5%"));
        assert_eq!(
            shown(3.0, Some(5.0), Percent, Exact).as_deref(),
            Some("3–5%")
        );
        assert_eq!(shown(0.5, None, Point, Exact).as_deref(), Some("0.5pt"));
        assert_eq!(
            shown(1111.0, None, Percent, Exact).as_deref(),
            Some("1,111%")
        );
        assert_eq!(shown(0.125, None, Point, Exact).as_deref(), Some("0.125pt"));
        assert_eq!(shown(-3.0, None, Percent, Exact).as_deref(), Some("-3%"));
        assert_eq!(shown(5.0, Some(3.0), Percent, Exact), None);
    }

    #[test]
    fn percent_clean_rounds_noise() {
        assert_eq!(clean(5.6 * 10.0), 56.0);
        assert_eq!(clean(30.0 + 8.0 + 0.7), 38.7);
        assert_eq!(clean(-0.0), 0.0);
    }

    #[test]
    fn percent_combine_qualifiers() {
        use Qualifier::*;
        assert_eq!(combine(Approx, AtLeast), AtLeast);
        assert_eq!(combine(AtMost, Approx), AtMost);
        assert_eq!(combine(Exact, Approx), Approx);
        assert_eq!(combine(Over, Exact), Over);
    }

    /// Every positive corpus example holds a cue of its language's rules (or
    /// of the other language's, for the shared plain forms) once width-folded,
    /// so the gate on cues keeps it.
    #[test]
    fn percent_cues_cover_corpora() {
        let en = crate::scan::Cues::new(en::cues());
        let ja = crate::scan::Cues::new(ja::cues());
        let corpora = [include_str!("ja.corpus"), include_str!("en.corpus")];
        for line in corpora.iter().flat_map(|c| c.lines()) {
            let Some((display, input)) = line.split_once('\t') else {
                continue;
            };
            if line.starts_with('#') || display == "-" {
                continue;
            }
            let input = input.replace(['⟦', '⟧'], "");
            let folded = crate::text::Normalized::new(&input).text;
            assert!(
                en.is_match(&folded) || ja.is_match(&folded),
                "no cue in {input:?}"
            );
        }
    }

    #[test]
    fn percent_boundaries() {
        assert!(!number_may_start_after("v1.5", 3));
        assert!(number_may_start_after("ROE8", 3));
        assert!(!number_may_start_after("%2D9114", 3));
        assert!(!number_may_start_after("x-A5", 3));
        assert!(!number_may_start_after("1,5", 2));
        assert!(number_may_start_after("a, 5", 3));
        assert!(in_url("see https://x.com/?q=30", 21));
        let t = "https://x.com 見て。売上は30";
        assert!(!in_url(t, t.find("30").unwrap_or(0)));
        assert!(url_escape_after("30%25", 3));
        assert!(!url_escape_after("50%OFF", 3));
    }
}
