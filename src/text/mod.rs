//! The text layer: a width-folded view of an article with offsets that still index
//! the original, a sentence splitter, number parsing shared by every extractor, and
//! offset conversion (folded bytes → original code points) done once per article.

pub mod around;
pub mod latin;
pub mod normalize;
pub mod numbers;
pub mod offsets;
pub mod sentence;

pub use normalize::{fold_char, Normalized};
