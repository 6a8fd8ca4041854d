//! English number words: the words below a hundred, the words that multiply
//! them (`hundred`, `thousand`) and the scale words of amounts (`million`,
//! `bn`, `lakh`). `text::numbers` builds its number-word pattern and reads
//! matched words back from these tables, so a word and its value are written
//! once.

/// Number words below a hundred with their values, in the order the pattern
/// tries them: a word before any longer word it begins (`seven` before
/// `seventeen`), so that the pattern's alternation reads as it always has.
pub const UNIT_WORDS: &[(&str, u32)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Articles read as one before a multiplier (`a hundred`, `an eighth` is not
/// a number word): the parser accepts them, the pattern does not.
pub const ONE_ARTICLES: &[&str] = &["a", "an"];

/// Words that multiply what is before them in a number written in words.
pub const MULTIPLIERS: &[(&str, u32)] = &[("hundred", 100), ("thousand", 1000)];

/// Scale words after an amount's number (`2.4 billion`, `$5bn`, `Rs 3 crore`),
/// lower case, without a final full stop, with the multiplier they stand for.
pub const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("k", 1e3),
    ("lakh", 1e5),
    ("lakhs", 1e5),
    ("lac", 1e5),
    ("million", 1e6),
    ("millions", 1e6),
    ("m", 1e6),
    ("mn", 1e6),
    ("mln", 1e6),
    ("mm", 1e6),
    ("mil", 1e6),
    ("crore", 1e7),
    ("crores", 1e7),
    ("cr", 1e7),
    ("billion", 1e9),
    ("billions", 1e9),
    ("b", 1e9),
    ("bn", 1e9),
    ("bln", 1e9),
    ("bil", 1e9),
    ("trillion", 1e12),
    ("trillions", 1e12),
    ("t", 1e12),
    ("tn", 1e12),
    ("trn", 1e12),
    ("tril", 1e12),
];
