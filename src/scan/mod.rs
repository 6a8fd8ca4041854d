//! Scanning an article once for what several extractors look for.
//!
//! A rule set may gate its lines on cues (`%`, `ドル`, `pct`...): a line that holds
//! none of them cannot hold a fact of the set, so its rules are not run there.
//! Cue lists are compiled here, once per distinct list, whichever rule sets name
//! them, and an article is searched for each list once, as a whole; the lines
//! holding a cue are remembered for the article
//! ([`crate::extract::Doc::cue_lines`]).
//!
//! A cue is a word plus what must stand around it ([`Cue`]): the exact case
//! (`USD` the code, not `usd` inside `thousand`), no ASCII letter before it
//! (`cents` but not `percent`), no ASCII word character after it (`pp` but not
//! `support`), a numeral before it (`3割` but not `役割`, `24億ドル` but not
//! `ドル相場`). Such a condition must follow from the set's patterns: every
//! match a set's productions can accept must contain one occurrence of one of the
//! set's cues that meets its condition. A rule file states its cues beside its
//! patterns and says why each condition holds; the corpus tests check that every
//! corpus line still yields its fact through the gate. The conditions keep out
//! most lines that hold a cue word by chance (`years` held `rs`, `country` held
//! `try`), whose `RegexSet` scan found nothing.
//!
//! An article is searched once for the cues of every list ([`all_lines`]: one
//! automaton over all lists' words); `Cues::lines` searches for one list.
//!
//! The search over the whole text finds exactly the lines a search of each line
//! would: no cue may contain a line break (checked when the list is compiled), so
//! a cue found in the text lies within one line, and a condition looks at most at
//! the characters next to the cue on the same line (a line break is neither a
//! letter, a word character nor a numeral). Once a line holds a cue, the search
//! goes on from the next line.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Input};
use std::sync::{Arc, LazyLock, Mutex, RwLock};

/// What may stand right before a cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Before {
    /// Anything.
    Any,
    /// Not an ASCII letter.
    NotLetter,
    /// Not an ASCII letter, digit or `_` (a regex `(?-u:\b)` before the cue).
    NotWord,
    /// A numeral, after at most two spaces or tabs: an ASCII digit, a kanji
    /// digit (`〇零一二三四五六七八九`), `十百千` or `万億兆`.
    Numeral,
}

/// What may stand right after a cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum After {
    /// Anything.
    Any,
    /// One of these endings (matched in the cue's case mode; `""` for none),
    /// then no ASCII letter, digit or `_` (a regex `(?-u:\b)` after `pts?`).
    NotWord(&'static [&'static str]),
}

/// A cue word and the conditions its occurrence must meet.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cue {
    /// The word; never holds a line break.
    pub word: String,
    /// Match the word's ASCII case exactly (else any ASCII case).
    pub exact_case: bool,
    pub before: Before,
    pub after: After,
}

impl Cue {
    /// A word found anywhere, in any ASCII case.
    pub fn any(word: impl Into<String>) -> Cue {
        Cue {
            word: word.into(),
            exact_case: false,
            before: Before::Any,
            after: After::Any,
        }
    }

    /// A word found anywhere, in its own case only.
    pub fn exact(word: impl Into<String>) -> Cue {
        Cue {
            exact_case: true,
            ..Cue::any(word)
        }
    }

    /// The same cue with a condition on what stands before it.
    pub fn before(mut self, before: Before) -> Cue {
        self.before = before;
        self
    }

    /// The same cue with a condition on what stands after it.
    pub fn after(mut self, after: After) -> Cue {
        self.after = after;
        self
    }

    /// Whether the occurrence of the word at `text[start..end]` (found ignoring
    /// ASCII case) meets the cue's conditions.
    fn holds(&self, text: &[u8], start: usize, end: usize) -> bool {
        if self.exact_case && text.get(start..end) != Some(self.word.as_bytes()) {
            return false;
        }
        let before_ok = match self.before {
            Before::Any => true,
            Before::NotLetter => !start
                .checked_sub(1)
                .and_then(|i| text.get(i))
                .is_some_and(u8::is_ascii_alphabetic),
            Before::NotWord => !start
                .checked_sub(1)
                .and_then(|i| text.get(i))
                .is_some_and(|&b| is_word_byte(b)),
            Before::Numeral => numeral_before(text, start),
        };
        if !before_ok {
            return false;
        }
        match self.after {
            After::Any => true,
            After::NotWord(tails) => {
                let rest = text.get(end..).unwrap_or_default();
                tails.iter().any(|t| {
                    let t = t.as_bytes();
                    let head = rest.get(..t.len());
                    let same = if self.exact_case {
                        head == Some(t)
                    } else {
                        head.is_some_and(|h| h.eq_ignore_ascii_case(t))
                    };
                    same && !rest.get(t.len()).is_some_and(|&b| is_word_byte(b))
                })
            }
        }
    }
}

/// An ASCII word character, as a regex `(?-u:\b)` sees it.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether a numeral ends right before byte `at`, after at most two spaces or
/// tabs (see [`Before::Numeral`]).
fn numeral_before(text: &[u8], at: usize) -> bool {
    let mut i = at;
    for _ in 0..2 {
        if i > 0 && matches!(text.get(i - 1), Some(b' ' | b'\t')) {
            i -= 1;
        }
    }
    let Some(head) = text.get(..i) else {
        return false;
    };
    if head.last().is_some_and(u8::is_ascii_digit) {
        return true;
    }
    // The numerals outside ASCII are all three bytes long in UTF-8.
    head.len() >= 3
        && std::str::from_utf8(&head[head.len() - 3..])
            .ok()
            .and_then(|s| s.chars().next())
            .is_some_and(|c| "〇零一二三四五六七八九十百千万億兆".contains(c))
}

/// Whether `line` holds a character of U+3000–U+9FFF (CJK punctuation, kana,
/// kanji): one of the UTF-8 lead bytes 0xE3–0xE9. Every Japanese date form
/// holds one (`年`, `月`, `日`, `期`, `週`, `曜`, `今`, `前`, `あす`...), so a line
/// of English text, even with typographic quotes, dashes or currency signs
/// (lead bytes 0xC2, 0xE2), is skipped by their rule set at the cost of one
/// pass over its bytes.
pub fn has_cjk(line: &str) -> bool {
    line.bytes().any(|b| (0xE3..=0xE9).contains(&b))
}

/// A compiled cue list. Lists with the same cues (in any order) share one
/// `Cues` and one `id`.
pub struct Cues {
    /// Index of this list among all compiled lists (the key of the per-article
    /// cache of cue lines).
    id: usize,
    list: Arc<List>,
}

/// The automaton over a list's words, and which cues each pattern stands for.
struct List {
    /// Matches every word ignoring ASCII case; each cue checks its own case.
    ac: AhoCorasick,
    /// For each pattern of `ac`: the cues whose word it is (words differing only
    /// in case are one pattern).
    cues: Vec<Vec<Cue>>,
    /// For each pattern of `ac`: the longer patterns that contain it, with the
    /// offset at which they do (`ドル` is in `米ドル` at 3, `euro` in `euros` at 0).
    containers: Vec<Vec<(usize, usize)>>,
    /// Each pattern's word (lower case).
    words: Vec<String>,
}

/// Every distinct cue list compiled so far (sorted, deduplicated) with its
/// automaton. The index in this list is the `Cues::id`.
static COMPILED: LazyLock<Mutex<Vec<CompiledList>>> = LazyLock::new(|| Mutex::new(Vec::new()));

/// One automaton over the words of every list compiled so far, built on the
/// first search after a list is added (lists are added at start-up, as rule
/// sets are compiled): an article is searched once for the cues of all lists
/// ([`all_lines`]).
static ALL: LazyLock<RwLock<Option<Arc<All>>>> = LazyLock::new(|| RwLock::new(None));

/// The automaton over every list compiled so far, built if a list came since.
fn all_lists() -> Arc<All> {
    if let Some(all) = ALL.read().ok().and_then(|a| a.clone()) {
        return all;
    }
    let compiled = COMPILED.lock().unwrap_or_else(|e| e.into_inner());
    let all = Arc::new(All::build(&compiled));
    match ALL.write() {
        Ok(mut a) => *a = Some(Arc::clone(&all)),
        Err(e) => *e.into_inner() = Some(Arc::clone(&all)),
    }
    all
}

/// The automaton over every list's words (ASCII case ignored; each cue checks
/// its own case), and for each of its patterns the lists holding that word:
/// (list id, the word's pattern index in that list).
#[derive(Default)]
struct All {
    ac: Option<AhoCorasick>,
    members: Vec<Vec<(usize, usize)>>,
    lists: Vec<Arc<List>>,
}

impl All {
    fn build(compiled: &[CompiledList]) -> All {
        let mut words: Vec<String> = Vec::new();
        let mut members: Vec<Vec<(usize, usize)>> = Vec::new();
        for (id, (_, list)) in compiled.iter().enumerate() {
            for (p, w) in list.words.iter().enumerate() {
                match words.iter().position(|x| x == w) {
                    Some(k) => members[k].push((id, p)),
                    None => {
                        words.push(w.clone());
                        members.push(vec![(id, p)]);
                    }
                }
            }
        }
        // A full DFA: the article's one search for every cue runs over the
        // whole text, and the lists' words (currency names, units, date
        // words) make an automaton that the default choice keeps as an NFA,
        // several times slower per byte; the DFA is built once, at start-up.
        let ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&words)
            .unwrap_or_else(|e| panic!("cues: {e}"));
        All {
            ac: Some(ac),
            members,
            lists: compiled.iter().map(|(_, l)| Arc::clone(l)).collect(),
        }
    }
}

/// The lines of `text` holding a cue of each list compiled so far (indexed by
/// `Cues::id`), from one search of the text: every occurrence of every word of
/// every list (overlapping ones included) is checked against the cues of the
/// lists holding that word, and a line counts for a list once one holds. The
/// same lines as [`Cues::lines`] gives for each list, for a line holds an
/// occurrence meeting a condition whichever search finds it.
pub fn all_lines(text: &str) -> Vec<Lines> {
    let all = all_lists();
    let n = all.lists.len();
    let mut out: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    let Some(ac) = &all.ac else {
        return out.into_iter().map(Lines::from).collect();
    };
    let bytes = text.as_bytes();
    // The line of the latest occurrence: occurrences come in the order of their
    // ends, so their lines never go back.
    let (mut line_start, mut line_end) = (usize::MAX, 0);
    for m in ac.find_overlapping_iter(bytes) {
        let (s, e) = (m.start(), m.end());
        if line_start == usize::MAX || s < line_start || s > line_end {
            line_start = bytes
                .get(..s)
                .and_then(|b| memchr::memrchr(b'\n', b))
                .map_or(0, |p| p + 1);
            line_end = bytes
                .get(e..)
                .and_then(|b| memchr::memchr(b'\n', b))
                .map_or(bytes.len(), |p| e + p);
        }
        let Some(members) = all.members.get(m.pattern().as_usize()) else {
            continue;
        };
        for &(id, p) in members {
            let (Some(found), Some(list)) = (out.get_mut(id), all.lists.get(id)) else {
                continue;
            };
            if found.last().is_some_and(|&(ls, _)| ls == line_start) {
                continue;
            }
            let holds = list
                .cues
                .get(p)
                .is_some_and(|cues| cues.iter().any(|c| c.holds(bytes, s, e)));
            if holds {
                found.push((line_start, line_end));
            }
        }
    }
    out.into_iter().map(Lines::from).collect()
}

/// A cue list (sorted, deduplicated) and its automaton.
type CompiledList = (Vec<Cue>, Arc<List>);

/// Byte ranges of lines (without their `\n`).
pub type Lines = std::rc::Rc<[(usize, usize)]>;

impl Cues {
    /// Compile `cues`, or reuse the automaton of an earlier identical list. Cue
    /// lists are part of the program, so a bad one is a bug: it panics at
    /// start-up (a cue with a line break could never be found within a line).
    pub fn new<I>(cues: I) -> Cues
    where
        I: IntoIterator<Item = Cue>,
    {
        let mut cues: Vec<Cue> = cues.into_iter().collect();
        cues.sort();
        cues.dedup();
        if let Some(c) = cues
            .iter()
            .find(|c| c.word.contains('\n') || c.word.is_empty())
        {
            panic!(
                "cue {:?}: a cue must be a non-empty word within one line",
                c.word
            );
        }
        let mut compiled = COMPILED.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(id) = compiled.iter().position(|(c, _)| *c == cues) {
            let list = Arc::clone(&compiled[id].1);
            return Cues { id, list };
        }
        let mut words: Vec<String> = Vec::new();
        let mut by_word: Vec<Vec<Cue>> = Vec::new();
        for cue in &cues {
            let key = cue.word.to_ascii_lowercase();
            match words.iter().position(|w| *w == key) {
                Some(p) => by_word[p].push(cue.clone()),
                None => {
                    words.push(key);
                    by_word.push(vec![cue.clone()]);
                }
            }
        }
        let ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&words)
            .unwrap_or_else(|e| panic!("cues: {e}"));
        let containers = words
            .iter()
            .map(|w| {
                words
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| o.len() > w.len())
                    .flat_map(|(j, o)| {
                        o.match_indices(w.as_str())
                            .map(move |(at, _)| (j, at))
                            .collect::<Vec<_>>()
                    })
                    .collect()
            })
            .collect();
        let list = Arc::new(List {
            ac,
            cues: by_word,
            containers,
            words,
        });
        compiled.push((cues, Arc::clone(&list)));
        // Under the lock of `COMPILED`: `all_lists` rebuilds from it.
        match ALL.write() {
            Ok(mut a) => *a = None,
            Err(e) => *e.into_inner() = None,
        }
        Cues {
            id: compiled.len() - 1,
            list,
        }
    }

    /// A list of plain words, each found anywhere in any ASCII case.
    pub fn words<I, S>(words: I) -> Cues
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        Cues::new(words.into_iter().map(|w| Cue::any(w.as_ref())))
    }

    /// The list's index among all compiled lists (lists with the same cues
    /// share it).
    pub fn id(&self) -> usize {
        self.id
    }

    /// Whether `hay` (taken as a whole line) holds an occurrence of one of the
    /// cues that meets its conditions.
    pub fn is_match(&self, hay: &str) -> bool {
        !self.lines(hay).is_empty()
    }

    /// Whether pattern `p`, found at `text[start..end]`, stands for a cue
    /// that holds there.
    fn holds(&self, text: &[u8], p: usize, start: usize, end: usize) -> bool {
        self.list
            .cues
            .get(p)
            .is_some_and(|cues| cues.iter().any(|c| c.holds(text, start, end)))
    }

    /// Whether the occurrence of pattern `p` at `text[start..end]`, or of a
    /// longer pattern around it (`米ドル` around `ドル`), stands for a cue that
    /// holds there.
    fn holds_here_or_around(&self, text: &[u8], p: usize, start: usize, end: usize) -> bool {
        if self.holds(text, p, start, end) {
            return true;
        }
        let (Some(containers), words) = (self.list.containers.get(p), &self.list.words) else {
            return false;
        };
        containers.iter().any(|&(j, offset)| {
            let Some(word) = words.get(j) else {
                return false;
            };
            let Some(s) = start.checked_sub(offset) else {
                return false;
            };
            let e = s + word.len();
            text.get(s..e)
                .is_some_and(|t| t.eq_ignore_ascii_case(word.as_bytes()))
                && self.holds(text, j, s, e)
        })
    }

    /// The lines of `text` (byte ranges, without their `\n`) that hold an
    /// occurrence of one of the cues meeting its conditions, in text order: one
    /// search of the text, skipping to the next line once a line is found.
    ///
    /// The automaton reports, from a position, the occurrence that ends first.
    /// When its cue does not hold, the longer words around it are tried (they
    /// end later, so the search would not report them), and the search goes on
    /// from the next byte: every occurrence in the line is then either reported
    /// or around one reported.
    pub fn lines(&self, text: &str) -> Vec<(usize, usize)> {
        let bytes = text.as_bytes();
        let ac = &self.list.ac;
        let mut out = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            let Some(m) = ac.find(Input::new(bytes).span(at..bytes.len())) else {
                break;
            };
            let p = m.pattern().as_usize();
            if !self.holds_here_or_around(bytes, p, m.start(), m.end()) {
                at = m.start() + 1;
                continue;
            }
            let start = bytes
                .get(..m.start())
                .and_then(|b| memchr::memrchr(b'\n', b))
                .map_or(0, |p| p + 1);
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

    fn shown<'a>(text: &'a str, lines: &[(usize, usize)]) -> Vec<&'a str> {
        lines.iter().map(|&(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn lines_are_the_lines_holding_a_cue() {
        let cues = Cues::words(["%", "pct", "パーセント", "ドル"]);
        let text = "no cue here\nup 5%\n\n3 PCT and 4%\nplain\n５パーセント\nlast ドル";
        let found = cues.lines(text);
        assert_eq!(
            shown(text, &found),
            vec!["up 5%", "3 PCT and 4%", "５パーセント", "last ドル"]
        );
        assert_eq!(found, line_by_line(&cues, text));
    }

    #[test]
    fn lines_match_line_by_line_search_on_edges() {
        let cues = Cues::words(["ab", "b", "%"]);
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
    fn conditions_around_a_cue() {
        let cues = Cues::new([
            Cue::exact("USD"),
            Cue::exact("pp").after(After::NotWord(&["", "t", "ts"])),
            Cue::any("cent")
                .before(Before::NotLetter)
                .after(After::NotWord(&[""])),
            Cue::exact("Rs").before(Before::NotWord),
            Cue::exact("割").before(Before::Numeral),
        ]);
        let text = "usd 5\nUSD 5\nsupport\n2pp\n3ppts,\npercent\n5 cent.\nyears\nRs 5\n役割\n3 割\n三割\nx割";
        assert_eq!(
            shown(text, &cues.lines(text)),
            vec!["USD 5", "2pp", "3ppts,", "5 cent.", "Rs 5", "3 割", "三割"]
        );
        assert_eq!(cues.lines(text), line_by_line(&cues, text));
    }

    #[test]
    fn overlapping_cues_are_each_checked() {
        // `euro` fails its condition in `euros`, `euros` holds: the line counts.
        let cues = Cues::new([
            Cue::any("euro").after(After::NotWord(&[""])),
            Cue::any("euros").after(After::NotWord(&[""])),
        ]);
        assert_eq!(cues.lines("5 euros"), vec![(0, 7)]);
        assert!(cues.lines("European").is_empty());
        // `ドル` fails after `米`; `米ドル`, around it, holds after the numeral.
        let ja = Cues::new([
            Cue::exact("ドル").before(Before::Numeral),
            Cue::exact("米ドル").before(Before::Numeral),
        ]);
        let text = "ドル相場\n24億米ドル\n米ドル";
        assert_eq!(shown(text, &ja.lines(text)), vec!["24億米ドル"]);
        assert_eq!(ja.lines(text), line_by_line(&ja, text));
    }

    #[test]
    fn one_search_for_all_lists_finds_each_lists_lines() {
        let lists = [
            Cues::new([
                Cue::exact("ドル").before(Before::Numeral),
                Cue::exact("米ドル").before(Before::Numeral),
            ]),
            Cues::new([
                Cue::any("euro").after(After::NotWord(&[""])),
                Cue::any("euros").after(After::NotWord(&[""])),
                Cue::exact("pp").after(After::NotWord(&["", "t", "ts"])),
            ]),
            Cues::words(["%", "pct", "パーセント", "ドル"]),
        ];
        let text = "ドル相場\n24億米ドル\n5 euros, European\nsupport 2pp\n3 PCT\n\n５パーセント\nlast ドル\naaa";
        let all = all_lines(text);
        for cues in &lists {
            let got = all.get(cues.id()).map(|l| l.to_vec());
            assert_eq!(got, Some(cues.lines(text)), "list {}", cues.id());
        }
    }

    #[test]
    fn cjk_lines() {
        assert!(has_cjk("2025年"));
        assert!(has_cjk("あす"));
        assert!(has_cjk("〜"));
        assert!(!has_cjk("“Up 5%” — €3 or £4, naïve"));
        assert!(!has_cjk("plain"));
    }

    #[test]
    fn identical_lists_share_one_automaton() {
        let a = Cues::words(["zz-cue-1", "zz-cue-2"]);
        let b = Cues::words(["zz-cue-2", "zz-cue-1", "zz-cue-1"]);
        let c = Cues::words(["zz-cue-3"]);
        assert_eq!(a.id(), b.id());
        assert_ne!(a.id(), c.id());
        assert!(Arc::ptr_eq(&a.list, &b.list));
    }

    #[test]
    #[should_panic(expected = "within one line")]
    fn a_cue_with_a_line_break_is_refused() {
        Cues::words(["a\nb"]);
    }
}
