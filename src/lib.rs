//! newsfacts: dates, money amounts, percentages, people and companies from
//! Japanese and English news articles, normalised, as CSV and JSON.
//!
//! The library prints nothing: problems come back as values
//! ([`input::Problem`], [`Error`]); the `newsfacts` binary shows them.
//!
//! ```
//! use newsfacts::{analyze, Article, Resources};
//!
//! let article = Article {
//!     id: "a1".into(),
//!     text: "クアルコムは英アルファウェーブを約２４億ドルで買収する。".into(),
//!     ..Default::default()
//! };
//! let res = Resources::default();
//! let analysis = analyze(&article, &res);
//! let money = analysis.facts.iter().find(|f| f.kind == newsfacts::Kind::Money);
//! # let _ = money;
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod analyze;
pub mod article;
pub mod error;
pub mod eval;
pub mod export;
#[doc(hidden)]
pub mod extract;
pub mod extractor;
pub mod fact;
pub mod gazetteer;
pub mod input;
pub mod lang;
pub mod link;
pub mod outdir;
pub mod pipeline;
#[doc(hidden)]
pub mod rule;
#[doc(hidden)]
pub mod scan;
pub mod section;
#[doc(hidden)]
pub mod text;

pub use analyze::{analyze, Analysis, Resources, Section};
pub use article::{Article, Lang};
pub use error::{Error, Result};
pub use extractor::{Extractor, Options};
pub use fact::{Candidate, Fact, Kind, Value};
