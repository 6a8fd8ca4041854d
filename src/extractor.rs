//! The entry point for programs that embed newsfacts: build an [`Extractor`]
//! once (it compiles the gazetteer), then call [`Extractor::extract`] on as
//! many articles as you like, from as many threads as you like.
//!
//! ```
//! use newsfacts::{Article, Extractor, Kind, Options};
//!
//! let extractor = Extractor::new(Options::default())?;
//! let article = Article::new("a1", "Qualcomm agreed to buy Alphawave for $2.4 billion.");
//! let analysis = extractor.extract(&article);
//! let money = analysis.facts.iter().find(|f| f.kind == Kind::Money).unwrap();
//! assert_eq!(money.text, "$2.4 billion");
//! assert_eq!(money.value.display(), "$2.4B");
//! # Ok::<(), newsfacts::Error>(())
//! ```

use crate::analyze::{analyze, Analysis, Resources};
use crate::article::Article;
use crate::error::Result;
use crate::fact::Kind;
use chrono::NaiveDate;
use std::path::PathBuf;

/// What an [`Extractor`] is built with.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The reference date for year-less and relative dates of articles that
    /// have no date of their own.
    pub ref_date: Option<NaiveDate>,
    /// User gazetteer files (`kind<TAB>canonical<TAB>alias|alias…`), in order of
    /// precedence (later wins).
    pub gazetteers: Vec<PathBuf>,
    /// Keep only facts of these kinds (all when None).
    pub kinds: Option<Vec<Kind>>,
}

/// Extracts facts from articles. Cheap to share between threads.
#[derive(Debug)]
pub struct Extractor {
    resources: Resources,
    kinds: Option<Vec<Kind>>,
    /// Malformed gazetteer lines met while building (the lines were left out).
    problems: Vec<crate::input::Problem>,
}

impl Extractor {
    /// Build an extractor: read and compile the gazetteers. Fails only on a
    /// gazetteer file that cannot be used at all ([`crate::Error::Gazetteer`]).
    pub fn new(options: Options) -> Result<Extractor> {
        let cfg = crate::pipeline::Config {
            ref_date: options.ref_date,
            gazetteers: options.gazetteers,
            ..Default::default()
        };
        let (resources, problems) = crate::pipeline::resources(&cfg)?;
        Ok(Extractor {
            resources,
            kinds: options.kinds,
            problems,
        })
    }

    /// Malformed gazetteer lines that were left out, one problem each.
    pub fn problems(&self) -> &[crate::input::Problem] {
        &self.problems
    }

    /// The shared resources (gazetteer, reference date).
    pub fn resources(&self) -> &Resources {
        &self.resources
    }

    /// Analyse one article: its sections and facts.
    pub fn extract(&self, article: &Article) -> Analysis {
        let mut an = analyze(article, &self.resources);
        if let Some(kinds) = &self.kinds {
            keep_kinds(&mut an, kinds);
        }
        an
    }
}

/// Keep only the facts of `kinds`; the sections' fact counts follow.
pub(crate) fn keep_kinds(an: &mut Analysis, kinds: &[Kind]) {
    // Links and events follow the facts to their new places.
    let keep: Vec<bool> = an.facts.iter().map(|f| kinds.contains(&f.kind)).collect();
    crate::link::keep(&an.doc_id, &mut an.facts, &mut an.events, &keep);
    for s in an.sections.iter_mut() {
        s.facts = 0;
    }
    for f in &an.facts {
        if let Some(s) = an.sections.get_mut(f.section) {
            s.facts += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_filter_facts_and_section_counts() {
        let ex = Extractor::new(Options {
            kinds: Some(vec![Kind::Percent]),
            ..Default::default()
        })
        .unwrap();
        let an = ex.extract(&Article::new("x", "Sony rose 5% to $3 billion in 2025."));
        assert_eq!(an.facts.len(), 1);
        assert_eq!(an.facts[0].text, "5%");
        assert_eq!(an.sections.iter().map(|s| s.facts).sum::<usize>(), 1);
    }
}
