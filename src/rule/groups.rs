//! The capture groups a rule's production reads, whether the rule's regex
//! found them (`regex::Captures`) or a hand-written matcher did (`Spans`).
//!
//! A rule set may decide its common forms by hand (`RuleSet::run_with`): the
//! matcher finds the match the regex would find and names its groups as the
//! pattern does, and the rule's one production turns either into a value. So
//! the value, the checks on the context and the rule name cannot differ
//! between the two paths; only how the match was found does.

/// One matched group: its text and where it starts in the haystack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece<'h> {
    text: &'h str,
    start: usize,
}

impl<'h> Piece<'h> {
    pub fn as_str(&self) -> &'h str {
        self.text
    }

    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// The groups of one match, by name, and the whole match (`get(0)`).
pub trait Groups<'h> {
    /// Group `i`; only the whole match (0) is asked for by productions.
    fn get(&self, i: usize) -> Option<Piece<'h>>;
    /// The group named `name`, if it took part in the match.
    fn name(&self, name: &str) -> Option<Piece<'h>>;
}

impl<'h> Groups<'h> for regex::Captures<'h> {
    fn get(&self, i: usize) -> Option<Piece<'h>> {
        regex::Captures::get(self, i).map(|m| Piece {
            text: m.as_str(),
            start: m.start(),
        })
    }

    fn name(&self, name: &str) -> Option<Piece<'h>> {
        regex::Captures::name(self, name).map(|m| Piece {
            text: m.as_str(),
            start: m.start(),
        })
    }
}

/// The most groups a hand-written match names.
const MAX_GROUPS: usize = 16;

/// The groups of a match found by hand: the whole match and each named group
/// that took part, as byte ranges of the haystack. No allocation.
#[derive(Clone, Copy, Debug)]
pub struct Spans<'h> {
    hay: &'h str,
    whole: (usize, usize),
    groups: [(&'static str, usize, usize); MAX_GROUPS],
    len: usize,
}

impl<'h> Spans<'h> {
    /// A match of `hay[start..end]` with no named group yet.
    pub fn new(hay: &'h str, start: usize, end: usize) -> Spans<'h> {
        Spans {
            hay,
            whole: (start, end),
            groups: [("", 0, 0); MAX_GROUPS],
            len: 0,
        }
    }

    /// Name `hay[start..end]` as group `name` (a group set twice keeps the
    /// first range; past `MAX_GROUPS` groups, a bug, it panics).
    pub fn set(&mut self, name: &'static str, start: usize, end: usize) -> &mut Self {
        assert!(
            self.len < MAX_GROUPS,
            "too many groups for a hand-written match"
        );
        self.groups[self.len] = (name, start, end);
        self.len += 1;
        self
    }

    fn piece(&self, start: usize, end: usize) -> Option<Piece<'h>> {
        self.hay.get(start..end).map(|text| Piece { text, start })
    }
}

impl<'h> Groups<'h> for Spans<'h> {
    fn get(&self, i: usize) -> Option<Piece<'h>> {
        if i != 0 {
            return None;
        }
        self.piece(self.whole.0, self.whole.1)
    }

    fn name(&self, name: &str) -> Option<Piece<'h>> {
        let &(_, s, e) = self.groups[..self.len].iter().find(|g| g.0 == name)?;
        self.piece(s, e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_read_as_captures_do() {
        let hay = "約24億ドルで";
        let re = regex::Regex::new(r"(?P<span>(?P<q>約)?(?P<n1>[0-9]+億)(?P<unit>ドル))").unwrap();
        let caps = re.captures(hay).unwrap();
        let mut spans = Spans::new(hay, 0, "約24億ドル".len());
        spans
            .set("span", 0, "約24億ドル".len())
            .set("q", 0, "約".len())
            .set("n1", "約".len(), "約24億".len())
            .set("unit", "約24億".len(), "約24億ドル".len());
        for name in ["span", "q", "n1", "unit", "qs"] {
            assert_eq!(Groups::name(&caps, name), spans.name(name), "{name}");
        }
        assert_eq!(Groups::get(&caps, 0), spans.get(0));
        assert_eq!(spans.name("n1").map(|p| (p.start(), p.end())), Some((3, 8)));
    }
}
