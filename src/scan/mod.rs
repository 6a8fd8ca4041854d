//! Scanning an article once for what several extractors look for.
//!
//! A rule set may gate its lines on cue words (`%`, `ドル`, `pct`...): a line that
//! holds none of them cannot hold a match, so its rules are not run there. Such
//! cue lists are compiled here, once per distinct list, whichever rule sets name
//! them: money's English and Japanese rules gate on the same currency words and
//! so share one automaton. An article is then searched for each distinct list
//! once, as a whole, and the lines holding a cue are remembered for the article
//! ([`crate::extract::Doc::cue_lines`]), instead of every rule set testing every
//! line on its own.
//!
//! The search over the whole text finds exactly the lines a search of each line
//! would: no cue may contain a line break (checked when the list is compiled), so
//! a cue found in the text lies within one line, and the first cue found from the
//! start of a line that holds one ends within that line.

use aho_corasick::{AhoCorasick, Input};
use std::sync::{Arc, LazyLock, Mutex};

/// A compiled cue list, matched ASCII-case-insensitively. Lists with the same
/// words (in any order) share one `Cues` and one `id`.
pub struct Cues {
    /// Index of this list among all compiled lists (the key of the per-article
    /// cache of cue lines).
    id: usize,
    ac: Arc<AhoCorasick>,
}

/// Every distinct cue list compiled so far: its words (sorted, deduplicated) and
/// automaton. The index in this list is the `Cues::id`.
static COMPILED: LazyLock<Mutex<Vec<CompiledList>>> = LazyLock::new(|| Mutex::new(Vec::new()));

/// A cue list's words (sorted, deduplicated) and its automaton.
type CompiledList = (Vec<Vec<u8>>, Arc<AhoCorasick>);

/// Byte ranges of lines (without their `\n`).
pub type Lines = std::rc::Rc<[(usize, usize)]>;

impl Cues {
    /// Compile `cues`, or reuse the automaton of an earlier identical list.
    /// Cue lists are part of the program, so a bad one is a bug: it panics at
    /// start-up (a cue with a line break could never be found within a line).
    pub fn new<I, S>(cues: I) -> Cues
    where
        I: IntoIterator<Item = S>,
        S: AsRef<[u8]>,
    {
        let mut words: Vec<Vec<u8>> = cues.into_iter().map(|c| c.as_ref().to_vec()).collect();
        words.sort();
        words.dedup();
        if let Some(w) = words.iter().find(|w| w.contains(&b'\n')) {
            panic!(
                "cue {:?}: a cue must lie within one line",
                String::from_utf8_lossy(w)
            );
        }
        let mut compiled = COMPILED.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(id) = compiled.iter().position(|(w, _)| *w == words) {
            let ac = Arc::clone(&compiled[id].1);
            return Cues { id, ac };
        }
        let ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&words)
            .unwrap_or_else(|e| panic!("cues: {e}"));
        let ac = Arc::new(ac);
        compiled.push((words, Arc::clone(&ac)));
        Cues {
            id: compiled.len() - 1,
            ac,
        }
    }

    /// The list's index among all compiled lists (lists with the same words
    /// share it).
    pub fn id(&self) -> usize {
        self.id
    }

    /// Whether `hay` holds any of the cues.
    pub fn is_match(&self, hay: &str) -> bool {
        self.ac.is_match(hay)
    }

    /// The lines of `text` (byte ranges, without their `\n`) that hold a cue, in
    /// text order: one search of the text, skipping to the next line after each
    /// line found.
    pub fn lines(&self, text: &str) -> Vec<(usize, usize)> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        // `at` is always the start of a line.
        let mut at = 0;
        while at < bytes.len() {
            let Some(m) = self.ac.find(Input::new(bytes).span(at..bytes.len())) else {
                break;
            };
            let start = bytes
                .get(at..m.start())
                .and_then(|b| memchr::memrchr(b'\n', b))
                .map_or(at, |p| at + p + 1);
            let end = bytes
                .get(m.end()..)
                .and_then(|b| memchr::memchr(b'\n', b))
                .map_or(bytes.len(), |p| m.end() + p);
            out.push((start, end));
            at = end + 1;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines holding a cue, found one line at a time (what `lines` replaces).
    fn line_by_line(cues: &Cues, text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = 0;
        while start < text.len() {
            let end = text[start..].find('\n').map_or(text.len(), |p| start + p);
            if cues.is_match(&text[start..end]) {
                out.push((start, end));
            }
            start = end + 1;
        }
        out
    }

    #[test]
    fn lines_are_the_lines_holding_a_cue() {
        let cues = Cues::new(["%", "pct", "パーセント", "ドル"]);
        let text = "no cue here\nup 5%\n\n3 PCT and 4%\nplain\n５パーセント\nlast ドル";
        let found = cues.lines(text);
        assert_eq!(
            found.iter().map(|&(s, e)| &text[s..e]).collect::<Vec<_>>(),
            vec!["up 5%", "3 PCT and 4%", "５パーセント", "last ドル"]
        );
        assert_eq!(found, line_by_line(&cues, text));
    }

    #[test]
    fn lines_match_line_by_line_search_on_edges() {
        let cues = Cues::new(["ab", "b", "%"]);
        for text in [
            "",
            "\n",
            "%",
            "\n\n%\n",
            "a\nb",
            "xa\nbx\nab",
            "%%%\n%",
            "no\nnone\n",
        ] {
            assert_eq!(cues.lines(text), line_by_line(&cues, text), "{text:?}");
        }
    }

    #[test]
    fn identical_lists_share_one_automaton() {
        let a = Cues::new(["zz-cue-1", "zz-cue-2"]);
        let b = Cues::new(["zz-cue-2", "zz-cue-1", "zz-cue-1"]);
        let c = Cues::new(["zz-cue-3"]);
        assert_eq!(a.id(), b.id());
        assert_ne!(a.id(), c.id());
        assert!(Arc::ptr_eq(&a.ac, &b.ac));
    }

    #[test]
    #[should_panic(expected = "within one line")]
    fn a_cue_with_a_line_break_is_refused() {
        Cues::new(["a\nb"]);
    }
}
