//! What the date rules of one article read besides the text: the reference date
//! the article's relative and year-less dates are resolved against, and the
//! article's fiscal-year mentions. Carried by the article's `Doc`, so nothing
//! outlives the article and nothing is shared between threads.

use crate::extract::{Doc, RefSource};
use chrono::NaiveDate;
use std::cell::{Cell, OnceCell};
use std::sync::LazyLock;

/// A reference date and where it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reference {
    /// The day.
    pub day: NaiveDate,
    /// Where it came from (`year_source`).
    pub source: RefSource,
}

/// The date rules' view of one article.
#[derive(Clone, Debug, Default)]
pub struct DateContext {
    /// The reference date in force, if any.
    reference: Option<Reference>,
    /// Whether a production asked for the reference date since this was last
    /// cleared: a line whose productions never asked reads the same whatever the
    /// reference, so the pass that finds the first written date need not run it
    /// again.
    asked: Cell<bool>,
    /// The article's fiscal-year mentions (match end, year), in text order, found
    /// on first use.
    fiscal_mentions: OnceCell<Vec<(usize, i32)>>,
}

impl DateContext {
    /// The context of an article read against `reference`.
    pub fn new(reference: Option<Reference>) -> DateContext {
        DateContext {
            reference,
            ..DateContext::default()
        }
    }

    /// The same article read against another reference date (the fiscal-year
    /// mentions found so far are kept).
    pub(crate) fn with_reference(&self, reference: Option<Reference>) -> DateContext {
        DateContext {
            reference,
            asked: Cell::new(false),
            fiscal_mentions: self.fiscal_mentions.clone(),
        }
    }

    /// Whether a production asked for the reference date since the last call.
    pub(crate) fn take_asked(&self) -> bool {
        self.asked.replace(false)
    }
}

/// The reference date in force for `doc`, if any (noting that it was asked for).
pub(super) fn reference(doc: &Doc) -> Option<Reference> {
    doc.dates.asked.set(true);
    doc.dates.reference
}

static FY_CONTEXT: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)(?:fiscal(?:\s+year)?\s+(?P<a>\d{4})|FY\s?'?(?P<b>\d{4}|\d{2})(?-u:\b)|(?-i:(?P<c>\d{4}|\d{2})年(?:度|\d{1,2}月期)))",
    )
    .unwrap_or_else(|e| panic!("date fiscal context: {e}"))
});

/// The fiscal year in force at `pos`: the last fiscal-year mention before it.
pub(super) fn context_fiscal_year(doc: &Doc, pos: usize) -> Option<i32> {
    // Found once per article, so each lookup is a binary search rather than a
    // scan of all the text before `pos`.
    let mentions = doc.dates.fiscal_mentions.get_or_init(|| {
        FY_CONTEXT
            .captures_iter(doc.text)
            .filter_map(|c| {
                let end = c.get(0)?.end();
                let y = c
                    .name("a")
                    .or_else(|| c.name("b"))
                    .or_else(|| c.name("c"))
                    .and_then(|m| m.as_str().parse::<i32>().ok())?;
                Some((end, if y < 100 { 2000 + y } else { y }))
            })
            .collect()
    });
    let n = mentions.partition_point(|&(end, _)| end <= pos);
    n.checked_sub(1)
        .and_then(|k| mentions.get(k))
        .map(|&(_, y)| y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_fiscal_context_pattern() {
        assert!(FY_CONTEXT.is_match("FY2025"));
        assert!(FY_CONTEXT.is_match("2026年3月期"));
    }
}
