//! person facts: rules per language, corpus files beside them.

use crate::extract::Doc;
use crate::fact::Candidate;

/// Push every person candidate found in `doc`.
pub fn extract(_doc: &Doc, _out: &mut Vec<Candidate>) {}
