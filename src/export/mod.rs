//! Writers for every output file. Each writes one article at a time, in input
//! order, so nothing but the current chunk is held in memory.

#[allow(missing_docs)]
pub mod csv;
#[allow(missing_docs)]
pub mod json;
pub mod sink;
pub mod summary;

pub use self::csv::{FactsCsv, SectionsCsv};
pub use self::json::{ArticlesJson, FactsJsonl};
pub use self::summary::Summary;
