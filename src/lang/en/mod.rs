//! English vocabulary: qualifier words of amounts, honorifics, the
//! abbreviations whose full stop ends no sentence, the markers of a
//! related-articles block; number words (`numbers`) and linking cue words
//! (`link`).

pub mod link;
pub mod numbers;

use super::Place::{After, Before};
use super::{q, QualifierWord, BOTH, MONEY, PERCENT};
use crate::fact::Qualifier::{Approx, AtLeast, AtMost, Over, Under};

/// Qualifier words of amounts (`about $5`, `more than 10%`, `$10B+`,
/// `90% or more`). A plus sign after the number (`$10B+`, `90%+`,
/// `$13 billion-plus`) is `over`, as `more than` and `over` are, and as the
/// display writes `over` back (`$10B+`); `or more`, `or higher`, `and up`
/// include the number: `at_least`.
pub const QUALIFIERS: &[QualifierWord] = &[
    // Approximately.
    q("about", Approx, Before, BOTH),
    q("around", Approx, Before, BOTH),
    q("roughly", Approx, Before, BOTH),
    q("approximately", Approx, Before, BOTH),
    q("approx", Approx, Before, MONEY),
    q("approx.", Approx, Before, BOTH),
    q("some", Approx, Before, BOTH),
    q("an estimated", Approx, Before, BOTH),
    q("estimated", Approx, Before, MONEY),
    q("circa", Approx, Before, PERCENT),
    q("an approximate", Approx, Before, PERCENT),
    q("or so", Approx, After, MONEY),
    // Less than.
    q("nearly", Under, Before, BOTH),
    q("almost", Under, Before, BOTH),
    q("less than", Under, Before, BOTH),
    q("under", Under, Before, BOTH),
    q("below", Under, Before, BOTH),
    q("close to", Under, Before, BOTH),
    q("just under", Under, Before, MONEY),
    q("just below", Under, Before, MONEY),
    q("just shy of", Under, Before, MONEY),
    q("slightly less than", Under, Before, MONEY),
    q("a little under", Under, Before, MONEY),
    q("well under", Under, Before, MONEY),
    q("well below", Under, Before, MONEY),
    q("fewer than", Under, Before, PERCENT),
    q("lower than", Under, Before, PERCENT),
    q("shy of", Under, Before, PERCENT),
    q("not quite", Under, Before, PERCENT),
    // More than.
    q("more than", Over, Before, BOTH),
    q("over", Over, Before, BOTH),
    q("above", Over, Before, BOTH),
    q("upwards of", Over, Before, BOTH),
    q("in excess of", Over, Before, BOTH),
    q("north of", Over, Before, BOTH),
    q("just over", Over, Before, MONEY),
    q("just above", Over, Before, MONEY),
    q("slightly more than", Over, Before, MONEY),
    q("a little over", Over, Before, MONEY),
    q("well over", Over, Before, MONEY),
    q("well above", Over, Before, MONEY),
    q("greater than", Over, Before, PERCENT),
    q("higher than", Over, Before, PERCENT),
    q("exceeding", Over, Before, PERCENT),
    q("+", Over, After, BOTH),
    q("plus", Over, After, MONEY),
    q("-plus", Over, After, MONEY),
    // At least.
    q("at least", AtLeast, Before, BOTH),
    q("no less than", AtLeast, Before, BOTH),
    q("not less than", AtLeast, Before, BOTH),
    q("a minimum of", AtLeast, Before, BOTH),
    q("minimum of", AtLeast, Before, PERCENT),
    q("or more", AtLeast, After, BOTH),
    q("or higher", AtLeast, After, BOTH),
    q("or above", AtLeast, After, BOTH),
    q("or greater", AtLeast, After, PERCENT),
    q("or over", AtLeast, After, PERCENT),
    q("and above", AtLeast, After, PERCENT),
    q("and over", AtLeast, After, PERCENT),
    q("and up", AtLeast, After, PERCENT),
    q("and higher", AtLeast, After, PERCENT),
    // At most.
    q("at most", AtMost, Before, BOTH),
    q("up to", AtMost, Before, BOTH),
    q("as much as", AtMost, Before, BOTH),
    q("as high as", AtMost, Before, BOTH),
    q("no more than", AtMost, Before, BOTH),
    q("not more than", AtMost, Before, BOTH),
    q("a maximum of", AtMost, Before, BOTH),
    q("maximum of", AtMost, Before, PERCENT),
    q("as many as", AtMost, Before, PERCENT),
    q("as large as", AtMost, Before, PERCENT),
    q("or less", AtMost, After, BOTH),
    q("or lower", AtMost, After, BOTH),
    q("or below", AtMost, After, PERCENT),
    q("or fewer", AtMost, After, PERCENT),
    q("or under", AtMost, After, PERCENT),
    q("and below", AtMost, After, PERCENT),
    q("and under", AtMost, After, PERCENT),
    q("and lower", AtMost, After, PERCENT),
];

/// Words that may stand before a qualifier of a percentage without changing
/// it (`just over 5%`, `far less than 1%`).
pub const QUALIFIER_MODIFIERS: &[&str] = &["just", "well", "slightly", "a little", "far", "much"];

/// Honorifics before a name: they vouch for a name but are not titles (SPEC).
pub const HONORIFICS: &[&str] = &[
    "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dr", "Dr.", "Sir", "Dame", "Mx",
];

/// Characters that end a sentence wherever they stand (the full stop ends one
/// unless it belongs to a number, an abbreviation or an initial).
pub const SENTENCE_ENDERS: &[char] = &['!', '?'];

/// Abbreviations (lower case, without their last full stop) whose full stop
/// ends no sentence: `Mr.`, `Inc.`, `U.S.`, `Jan.`.
pub const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "inc", "corp", "co", "ltd", "llc",
    "plc", "bros", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "no", "nos", "vs", "etc", "gov", "sen", "rep", "gen", "lt", "col", "capt", "sgt", "rev",
    "hon", "dept", "est", "approx", "fig", "vol", "op", "al", "e.g", "i.e", "u.s", "u.k", "u.n",
    "e.u", "a.m", "p.m",
];

/// A line that is one of these (lower case, trimmed) starts the block of
/// links to related articles at the end of a page.
pub const RELATED_MARKERS: &[&str] = &[
    "related",
    "related articles",
    "related stories",
    "related news",
    "related coverage",
    "read more",
    "see also",
    "more stories",
    "you may also like",
    "more on this story",
];

/// A short line starting so (`More from Reuters`) starts that block too.
pub const RELATED_MARKER_PREFIX: &str = "more from ";
