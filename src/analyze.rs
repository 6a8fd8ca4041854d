//! One article, start to finish: fold the text, split sections, run every
//! extractor, resolve overlaps, attach each fact to its section and sentence, and
//! convert offsets to code points of the original text (once, in two passes).

use crate::article::{Article, Lang};
use crate::extract::{self, Doc, RefSource};
use crate::fact::{Fact, Kind};
use crate::gazetteer::Gazetteer;
use crate::link::{self, Event, Placement};
use crate::section::{split_sections, SectionKind};
use crate::text::offsets::{bytes_to_chars, chars_to_bytes};
use crate::text::sentence::{sentence_at, split_sentences};
use crate::text::Normalized;
use chrono::NaiveDate;
use serde::Serialize;
use std::sync::Arc;

/// What every article of a run shares: the gazetteer and the `--ref-date`.
#[derive(Debug, Default)]
pub struct Resources {
    pub gazetteer: Gazetteer,
    pub ref_date: Option<NaiveDate>,
}

/// A section, offsets in code points of the original text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Section {
    pub section: usize,
    pub kind: SectionKind,
    pub heading: String,
    pub start: usize,
    pub end: usize,
    pub chars: usize,
    pub facts: usize,
}

/// The result of analysing one article.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub doc_id: String,
    pub source: String,
    pub encoding: &'static str,
    pub lang: Lang,
    pub title: Option<String>,
    pub date: Option<NaiveDate>,
    pub bytes: usize,
    /// Length of the text in code points.
    pub chars: usize,
    pub sections: Vec<Section>,
    pub facts: Vec<Fact>,
    /// The deals the article reports (crate::link), roles indexing `facts`.
    pub events: Vec<Event>,
    /// Facts found on lines that belong to no section (marker lines), left out.
    pub outside_sections: usize,
}

impl Analysis {
    pub fn facts_of(&self, kind: Kind) -> impl Iterator<Item = &Fact> {
        self.facts.iter().filter(move |f| f.kind == kind)
    }
}

/// Analyse one article.
pub fn analyze(article: &Article, res: &Resources) -> Analysis {
    let norm = Normalized::new(&article.text);
    let folded = norm.text.as_str();
    let lang = article.lang.unwrap_or_else(|| Lang::detect(folded));
    let ref_date = match (article.date, res.ref_date) {
        (Some(d), _) => Some((d, RefSource::ArticleDate)),
        (None, Some(d)) => Some((d, RefSource::RefDate)),
        (None, None) => None,
    };
    let doc = Doc::new(folded, lang, ref_date, &res.gazetteer);
    let cands = extract::resolve_overlaps(extract::candidates(&doc));
    let spans = split_sections(folded, article.markdown, article.title.is_some());
    let sentences = split_sentences(folded);

    // Attach each candidate to the section that holds it and its sentence.
    let mut placed = Vec::with_capacity(cands.len());
    let mut outside = 0;
    for c in cands {
        let i = spans.partition_point(|s| s.end <= c.start);
        match spans.get(i) {
            Some(s) if s.start <= c.start && c.end <= s.end => {
                let (ss, se) = sentence_at(&sentences, c.start).unwrap_or((c.start, c.end));
                let sentence = (ss.min(c.start), se.max(c.end));
                placed.push((i, c, sentence));
            }
            _ => outside += 1,
        }
    }

    // Every byte offset we report, converted in one pass each way.
    let mut offsets = Vec::with_capacity(placed.len() * 4 + spans.len() * 4);
    for (_, c, (ss, se)) in &placed {
        offsets.extend([c.start, c.end, *ss, *se]);
    }
    for s in &spans {
        offsets.extend([s.start, s.end, s.heading.0, s.heading.1]);
    }
    let chars = bytes_to_chars(folded, &offsets);
    let orig = chars_to_bytes(&article.text, &chars);
    let text = |k: usize| &article.text[orig[k]..orig[k + 1]];

    let mut sections: Vec<Section> = spans
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let k = placed.len() * 4 + i * 4;
            Section {
                section: i,
                kind: s.kind,
                heading: text(k + 2).to_string(),
                start: chars[k],
                end: chars[k + 1],
                chars: chars[k + 1] - chars[k],
                facts: 0,
            }
        })
        .collect();
    // Facts of one sentence come one after another; they share its text.
    let mut facts: Vec<Fact> = Vec::with_capacity(placed.len());
    let mut last_sentence: Option<(usize, usize, Arc<str>)> = None;
    let mut placements = Vec::with_capacity(placed.len());
    for (n, (section, c, _)) in placed.into_iter().enumerate() {
        let k = n * 4;
        sections[section].facts += 1;
        let span = (orig[k + 2], orig[k + 3]);
        placements.push(Placement {
            start: orig[k],
            end: orig[k + 1],
            sentence: span,
        });
        let sentence = match &last_sentence {
            Some((start, end, shared)) if (*start, *end) == span => shared.clone(),
            _ => {
                let shared: Arc<str> = text(k + 2).into();
                last_sentence = Some((span.0, span.1, shared.clone()));
                shared
            }
        };
        facts.push(Fact {
            section,
            kind: c.kind(),
            text: text(k).to_string(),
            start: chars[k],
            end: chars[k + 1],
            sentence,
            value: c.value,
            rule: c.rule,
            link: None,
        });
    }
    let events = link::link(&article.text, lang, &sections, &mut facts, &placements);

    Analysis {
        doc_id: article.id.clone(),
        source: article.source.clone(),
        encoding: article.encoding,
        lang,
        title: article.title.clone(),
        date: article.date,
        bytes: article.text.len(),
        chars: folded.chars().count(),
        sections,
        facts,
        events,
        outside_sections: outside,
    }
}

/// The facts of `text` analysed as one article with the built-in resources
/// (for unit tests of the extractors).
#[cfg(test)]
pub(crate) fn facts_of_text(text: &str) -> Vec<Fact> {
    let article = Article {
        id: "t".into(),
        text: text.into(),
        ..Default::default()
    };
    analyze(&article, &Resources::default()).facts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_of_one_sentence_share_it() {
        let facts =
            facts_of_text("Apple paid $2.4 billion on June 9, 2025. Sony rose 5% in 2024.\n");
        let first: Vec<&Fact> = facts.iter().filter(|f| f.start < 40).collect();
        let second: Vec<&Fact> = facts.iter().filter(|f| f.start > 40).collect();
        assert!(first.len() >= 2 && second.len() >= 2, "{facts:?}");
        for group in [&first, &second] {
            for f in group.iter() {
                assert!(Arc::ptr_eq(&f.sentence, &group[0].sentence));
                assert!(f.sentence.contains(&f.text));
            }
        }
        assert_eq!(
            &*first[0].sentence,
            "Apple paid $2.4 billion on June 9, 2025."
        );
        assert_eq!(&*second[0].sentence, "Sony rose 5% in 2024.");
    }
}
