//! Known people and companies: canonical English names with their aliases in
//! both languages. The built-in lists are data files compiled into the binary
//! (`data/people.tsv`, `data/companies.tsv`); users add their own with
//! `--gazetteer FILE.tsv`.
//!
//! File format, one entry a line: `kind<TAB>canonical<TAB>alias|alias|…`, where
//! kind is `person`, `company` or `organisation`; `#` starts a comment line. The canonical name
//! is itself an alias. An alias written with a leading `?` (`?Apple`, `?メタ`)
//! is *ambiguous*: it is also an ordinary word or another thing's name.
//!
//! A company line may carry a fourth field, the month its fiscal year ends
//! (`1`–`12`): `company<TAB>Microsoft<TAB>MSFT|マイクロソフト<TAB>6`. The field is
//! optional (a three-field line is as valid as before); without it the fiscal
//! year is unknown, and a fiscal quarter or year near the company is read as
//! the calendar one. The built-in list gives it for companies whose year does
//! not end in December (`3` for most Japanese companies: 3月期).
//!
//! # Organisations that contain a company's name
//! An `organisation` line (built in: `data/organisations.tsv`) names a
//! foundation, a non-profit institute or another body that is not a company but
//! whose name contains one: `トヨタ財団`, `Ford Foundation`. Its names join the
//! company automaton, so the longer name wins, and are then never reported as
//! a company ([`Gazetteer::find`] skips them, [`Gazetteer::lookup`] does not know
//! them); [`Gazetteer::organisations`] gives their spans to the extractors, so
//! that a company found by other means inside one can be dropped. A research arm
//! that is itself a company (`第一生命経済研究所`, `大和総研`) is a `company`
//! entry of its own instead.
//!
//! # Matching
//! Every alias of both kinds goes into one aho-corasick automaton, built once
//! and shared by every thread, and one pass of it over an article
//! ([`Gazetteer::find_all`]) finds the people and the companies together: it
//! reports every occurrence of every alias, overlapping ones included, and each
//! kind then keeps its own matches leftmost-longest (`Meta Platforms` beats
//! `Meta`), as if that kind had been searched alone. A match counts only at a
//! word boundary:
//! - an alias that starts (ends) with an ASCII letter or digit needs a non-
//!   alphanumeric ASCII neighbour on that side (`Meta` is not in `Metal`);
//! - an alias that starts (ends) with katakana must not continue a longer
//!   katakana word on that side (`メタ` is not in `メタル` or `メタバース`).
//!
//! # Cue words in the same scan
//! The words that point at a name next to them are searched by the same
//! automaton, in the same pass: Japanese titles and honorifics (people),
//! legal forms, context words and industry endings (companies), the lists of
//! [`CueList`] (vocabulary in `lang::ja::names`). [`Found::cues`] says where
//! each stands: every occurrence of each word, and each list's leftmost-
//! longest matches (as a search of that list alone would read them), so
//! that no finder scans the text again for its cues.
//!
//! # Ambiguous aliases (policy)
//! The gazetteer reports whether a match came from an ambiguous alias; the
//! extractors decide. A company's ambiguous alias counts only when
//! - an unambiguous alias of the same company appears earlier in the article, or
//! - a company cue is near it in the same line (株, 社, 買収, 出資, 傘下, 株価,
//!   `Inc.`, `shares of`, `CEO of`, `stock`, `acquire` …; see
//!   `extract::company`), or
//! - the same alias was already accepted earlier in the article (a company
//!   introduced with context keeps its name for the rest of the article).
//!
//! A person's ambiguous alias counts only next to a title or honorific, after a
//! reporting verb, or when the full name appears in the article.
//!
//! # User files
//! User entries extend the built-in lists and take precedence: an entry with the
//! same kind and canonical name as a built-in one replaces it, and an alias a
//! user entry claims is taken from whichever built-in entry had it. A company
//! line with an empty alias field and a fiscal-year end
//! (`company<TAB>Toyota Motor<TAB><TAB>12`) changes only the fiscal-year end of
//! the entry it replaces and keeps that entry's aliases.

use crate::fact::Kind;
use crate::text::around::{char_after, char_before};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, LazyLock};

const BUILTIN_PEOPLE: &str = include_str!("data/people.tsv");
const BUILTIN_COMPANIES: &str = include_str!("data/companies.tsv");
const BUILTIN_ORGANISATIONS: &str = include_str!("data/organisations.tsv");

/// One known person or company. Aliases are kept as written in the file
/// (an ambiguous one keeps its leading `?`); see [`Entry::forms`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Person or company.
    pub kind: Kind,
    /// The canonical (English) name.
    pub canonical: String,
    /// Every alias as written (`?` marks an ambiguous one).
    pub aliases: Vec<String>,
    /// The month (1–12) a company's fiscal year ends in, when known.
    pub fy_end_month: Option<u8>,
    /// An `organisation` line: a body that is not a company but whose name
    /// contains one (kind is `Company`, as it shares the company automaton).
    pub organisation: bool,
}

impl Entry {
    /// Every surface form with its ambiguity: the aliases, then the canonical
    /// name (unambiguous unless an alias marks it `?`).
    pub fn forms(&self) -> Vec<(&str, bool)> {
        let mut out: Vec<(&str, bool)> = self
            .aliases
            .iter()
            .map(|a| match a.strip_prefix('?') {
                Some(rest) => (rest.trim(), true),
                None => (a.as_str(), false),
            })
            .filter(|(a, _)| !a.is_empty())
            .collect();
        if !out.iter().any(|(a, _)| *a == self.canonical) {
            out.push((self.canonical.as_str(), false));
        }
        out
    }
}

/// One alias found in a text (byte offsets).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GazMatch {
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// Index of the entry (see [`Gazetteer::entry`]).
    pub entry: usize,
    /// Matched through an ambiguous (`?`) alias.
    pub ambiguous: bool,
}

#[derive(Clone, Copy, Debug)]
struct Pat {
    entry: usize,
    ambiguous: bool,
    /// The name of an organisation that is not a company: it wins over the
    /// shorter company names inside it, and is itself never a match.
    organisation: bool,
}

/// The aliases of one kind.
#[derive(Debug, Default)]
struct Index {
    pats: Vec<Pat>,
    by_alias: HashMap<String, usize>,
}

/// What pattern `k` of the shared automaton is: an alias of people (`0`) or
/// companies (`1`), and its index in that kind's [`Index::pats`]; or a cue
/// word ([`CUE_SLOT`]), and its index in [`Compiled::cue_roles`].
#[derive(Clone, Copy, Debug)]
struct Slot {
    kind: u8,
    pat: u32,
}

/// [`Slot::kind`] of a cue word.
const CUE_SLOT: u8 = 2;

/// A word list searched by the shared scan along with the names (module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueList {
    /// Japanese titles (`社長`, `財務長官`; `lang::ja::names::TITLES`).
    JaTitles,
    /// The honorifics a Japanese name is looked for before (`氏`, `さん`).
    JaHonorifics,
    /// Japanese company cues: legal forms, `社`, context words
    /// (`lang::ja::names::company_cues`).
    JaCompanyCues,
    /// Japanese industry endings (`自動車`, `銀行`).
    JaCompanyEndings,
}

impl CueList {
    /// Every list, in the order of their indices.
    pub const ALL: [CueList; 4] = [
        CueList::JaTitles,
        CueList::JaHonorifics,
        CueList::JaCompanyCues,
        CueList::JaCompanyEndings,
    ];

    /// The list's words; a word's index here is its index in [`CueHits::starts`].
    pub fn words(self) -> Vec<&'static str> {
        use crate::lang::ja::names;
        match self {
            CueList::JaTitles => names::TITLES.split_whitespace().collect(),
            CueList::JaHonorifics => names::NAME_HONORIFICS.to_vec(),
            CueList::JaCompanyCues => names::company_cues(),
            CueList::JaCompanyEndings => names::COMPANY_ENDINGS.split_whitespace().collect(),
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Where the cue words of every [`CueList`] stand in one text.
#[derive(Clone, Debug, Default)]
pub struct CueHits {
    /// Per list, per word: every start of the word, in text order.
    every: Vec<Vec<Vec<usize>>>,
    /// Per list: its leftmost-longest matches `(start, end)`, in text order.
    longest: Vec<Vec<(usize, usize)>>,
}

impl CueHits {
    /// Every start of word `word` of `list` (what `text.match_indices(word)`
    /// gives: no cue word overlaps itself), in text order.
    pub fn starts(&self, list: CueList, word: usize) -> &[usize] {
        self.every
            .get(list.index())
            .and_then(|w| w.get(word))
            .map_or(&[], Vec::as_slice)
    }

    /// The matches `(start, end)` of `list` that a leftmost-longest search of
    /// its words alone finds, in text order.
    pub fn longest(&self, list: CueList) -> &[(usize, usize)] {
        self.longest.get(list.index()).map_or(&[], Vec::as_slice)
    }
}

#[derive(Debug, Default)]
struct Compiled {
    entries: Vec<Entry>,
    people: Index,
    companies: Index,
    /// Every alias of both kinds (`MatchKind::Standard`, searched overlapping).
    ac: Option<AhoCorasick>,
    /// Pattern of `ac` → kind and alias.
    slots: Vec<Slot>,
    /// Company canonical name → entry index (the last entry with that name).
    company_by_canonical: HashMap<String, usize>,
    /// Cue pattern → the (list, word index) pairs it stands for (one word
    /// may be in several lists).
    cue_roles: Vec<Vec<(u8, u32)>>,
    /// The number of words of each [`CueList`].
    cue_list_lens: Vec<usize>,
}

/// The aliases found in one text by one pass of the shared automaton
/// ([`Gazetteer::find_all`]): each kind's matches in text order, without
/// overlaps, at word boundaries.
#[derive(Clone, Debug, Default)]
pub struct Found {
    /// People (as [`Gazetteer::find`] with [`Kind::Person`] gives them).
    pub people: Vec<GazMatch>,
    /// Companies (as [`Gazetteer::find`] with [`Kind::Company`] gives them).
    pub companies: Vec<GazMatch>,
    /// The listed organisations that are not companies (as
    /// [`Gazetteer::organisations`] gives them).
    pub organisations: Vec<(usize, usize)>,
    /// The cue words of every [`CueList`].
    pub cues: CueHits,
}

/// The people and companies known to a run. Cheap to clone: the compiled
/// automata are shared.
#[derive(Clone, Debug)]
pub struct Gazetteer {
    inner: Arc<Compiled>,
}

static BUILTIN: LazyLock<(Arc<Compiled>, Vec<String>)> = LazyLock::new(|| {
    let (mut entries, mut errors) = Gazetteer::parse(BUILTIN_PEOPLE, "people.tsv");
    for (text, origin) in [
        (BUILTIN_COMPANIES, "companies.tsv"),
        (BUILTIN_ORGANISATIONS, "organisations.tsv"),
    ] {
        let (more, errs) = Gazetteer::parse(text, origin);
        entries.extend(more);
        errors.extend(errs);
    }
    (Arc::new(compile(entries)), errors)
});

impl Default for Gazetteer {
    /// The built-in lists (a run without `--gazetteer`).
    fn default() -> Gazetteer {
        Gazetteer::builtin()
    }
}

impl Gazetteer {
    /// The built-in lists, compiled once per process.
    pub fn builtin() -> Gazetteer {
        Gazetteer {
            inner: Arc::clone(&BUILTIN.0),
        }
    }

    /// Malformed lines of the built-in data (empty in a correct build; a test checks).
    pub fn builtin_errors() -> &'static [String] {
        &BUILTIN.1
    }

    /// A gazetteer with exactly these entries (no built-in ones).
    pub fn from_entries(entries: Vec<Entry>) -> Gazetteer {
        Gazetteer {
            inner: Arc::new(compile(entries)),
        }
    }

    /// Every entry, built-in first, then the user's.
    pub fn entries(&self) -> &[Entry] {
        &self.inner.entries
    }

    /// Entry number `i`.
    pub fn entry(&self, i: usize) -> Option<&Entry> {
        self.inner.entries.get(i)
    }

    /// Parse entries from TSV text; `origin` names the source in error messages.
    /// Good lines are kept; each malformed line is reported as `origin:line: reason`.
    pub fn parse(text: &str, origin: &str) -> (Vec<Entry>, Vec<String>) {
        let mut entries = Vec::new();
        let mut errors = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            let line = if i == 0 {
                line.trim_start_matches('\u{FEFF}')
            } else {
                line
            };
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            match parse_line(line) {
                Ok(e) => entries.push(e),
                Err(reason) => errors.push(format!("{origin}:{}: {reason}", i + 1)),
            }
        }
        (entries, errors)
    }

    /// Add a user file. Its entries extend the built-in lists and take precedence
    /// over them. Returns one message per malformed line; a file that cannot be
    /// used at all (missing, a folder, not UTF-8) is an [`crate::Error::Gazetteer`].
    pub fn add_file(&mut self, path: &Path) -> crate::Result<Vec<String>> {
        let text = crate::pipeline::read_gazetteer(path)?;
        let (entries, errors) = Gazetteer::parse(&text, &crate::input::path_text(path));
        self.extend(entries);
        Ok(errors)
    }

    /// Add entries that take precedence over the present ones (see the module docs).
    pub fn extend(&mut self, new: Vec<Entry>) {
        if new.is_empty() {
            return;
        }
        // A fiscal-year-only line keeps the aliases of the entry it replaces.
        let new: Vec<Entry> = new
            .iter()
            .map(|n| {
                let mut n = n.clone();
                if n.aliases.is_empty() && n.fy_end_month.is_some() {
                    // Only a company line has a fiscal-year end; the lookup is a map.
                    if let Some(old) = self.company(&n.canonical) {
                        n.aliases.clone_from(&old.aliases);
                    }
                }
                n
            })
            .collect();
        // A set, not a scan of `new` per entry: user files may hold 100,000s of lines.
        let replaced: std::collections::HashSet<(Kind, bool, &str)> = new
            .iter()
            .map(|n| (n.kind, n.organisation, n.canonical.as_str()))
            .collect();
        let mut entries: Vec<Entry> = self
            .inner
            .entries
            .iter()
            .filter(|e| !replaced.contains(&(e.kind, e.organisation, e.canonical.as_str())))
            .cloned()
            .collect();
        entries.extend(new);
        self.inner = Arc::new(compile(entries));
    }

    /// Every alias of `kind` found in `text`, leftmost-longest, at word boundaries.
    pub fn find(&self, kind: Kind, text: &str) -> Vec<GazMatch> {
        let found = self.find_all(text);
        match kind {
            Kind::Person => found.people,
            Kind::Company => found.companies,
            _ => Vec::new(),
        }
    }

    /// Both kinds' aliases in `text` from one pass of the shared automaton:
    /// every occurrence of every alias, then each kind's leftmost-longest
    /// choice among its own (module docs).
    pub fn find_all(&self, text: &str) -> Found {
        let mut found = Found::default();
        let Some(ac) = &self.inner.ac else {
            return found;
        };
        // (start, end, alias) per kind, in the automaton's order (by end).
        let mut hits: [Vec<(usize, usize, u32)>; 2] = [Vec::new(), Vec::new()];
        // (start, end) per cue list, and the starts per list and word.
        let mut cue_spans: Vec<Vec<(usize, usize)>> = vec![Vec::new(); CueList::ALL.len()];
        let mut every: Vec<Vec<Vec<usize>>> = self
            .inner
            .cue_list_lens
            .iter()
            .map(|&n| vec![Vec::new(); n])
            .collect();
        for m in ac.find_overlapping_iter(text) {
            let Some(slot) = self.inner.slots.get(m.pattern().as_usize()) else {
                continue;
            };
            if slot.kind == CUE_SLOT {
                let roles = usize::try_from(slot.pat)
                    .ok()
                    .and_then(|k| self.inner.cue_roles.get(k));
                for &(list, word) in roles.into_iter().flatten() {
                    let list = usize::from(list);
                    if let Some(v) = cue_spans.get_mut(list) {
                        v.push((m.start(), m.end()));
                    }
                    if let Some(v) = usize::try_from(word)
                        .ok()
                        .and_then(|w| every.get_mut(list)?.get_mut(w))
                    {
                        v.push(m.start());
                    }
                }
            } else if let Some(v) = hits.get_mut(usize::from(slot.kind)) {
                v.push((m.start(), m.end(), slot.pat));
            }
        }
        found.cues = CueHits {
            every,
            longest: cue_spans.into_iter().map(leftmost_longest_spans).collect(),
        };
        let [people, companies] = hits;
        found.people = self.leftmost_longest(&self.inner.people, people, text, None);
        found.companies = self.leftmost_longest(
            &self.inner.companies,
            companies,
            text,
            Some(&mut found.organisations),
        );
        found
    }

    /// The matches a leftmost-longest search of one kind's aliases alone would
    /// give, from all their occurrences: from the left, the longest alias
    /// starting first, then the search goes on after it. Those not at a word
    /// boundary are dropped after the choice (they still hide what they
    /// overlap), and so are organisations, whose spans go to `organisations`.
    fn leftmost_longest(
        &self,
        index: &Index,
        mut hits: Vec<(usize, usize, u32)>,
        text: &str,
        mut organisations: Option<&mut Vec<(usize, usize)>>,
    ) -> Vec<GazMatch> {
        hits.sort_unstable_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
        let mut out = Vec::new();
        let mut at = 0;
        for (s, e, pat) in hits {
            if s < at {
                continue;
            }
            at = e;
            if !at_boundary(text, s, e) {
                continue;
            }
            let Some(p) = usize::try_from(pat).ok().and_then(|k| index.pats.get(k)) else {
                continue;
            };
            if p.organisation {
                if let Some(o) = organisations.as_deref_mut() {
                    o.push((s, e));
                }
                continue;
            }
            out.push(GazMatch {
                start: s,
                end: e,
                entry: p.entry,
                ambiguous: p.ambiguous,
            });
        }
        out
    }

    /// The cue words of every [`CueList`] in `text` (one pass of the shared
    /// automaton, as [`Gazetteer::find_all`] makes it).
    pub fn cues(&self, text: &str) -> CueHits {
        self.find_all(text).cues
    }

    /// The entry an exact surface form names, with its ambiguity.
    pub fn lookup(&self, kind: Kind, alias: &str) -> Option<(&Entry, bool)> {
        let (i, ambiguous) = self.lookup_index(kind, alias)?;
        Some((self.inner.entries.get(i)?, ambiguous))
    }

    /// As [`Gazetteer::lookup`], with the entry's index (for [`Gazetteer::entry`]).
    pub fn lookup_index(&self, kind: Kind, alias: &str) -> Option<(usize, bool)> {
        let index = self.index(kind)?;
        let p = index.pats.get(*index.by_alias.get(alias)?)?;
        if p.organisation {
            return None;
        }
        Some((p.entry, p.ambiguous))
    }

    /// The spans (byte offsets) of the listed organisations that are not
    /// companies but contain a company's name (`トヨタ財団`, `Ford Foundation`),
    /// at word boundaries. A company found inside one is not that company.
    pub fn organisations(&self, text: &str) -> Vec<(usize, usize)> {
        self.find_all(text).organisations
    }

    /// The company whose canonical name is `canonical` (a user entry wins).
    pub fn company(&self, canonical: &str) -> Option<&Entry> {
        let i = *self.inner.company_by_canonical.get(canonical)?;
        self.inner.entries.get(i)
    }

    /// The month (1–12) in which the fiscal year of the company with this
    /// canonical name ends, when the gazetteer knows it (`Microsoft` → 6).
    pub fn fy_end_month(&self, canonical: &str) -> Option<u8> {
        self.company(canonical)?.fy_end_month
    }

    /// As [`Gazetteer::fy_end_month`], for a company named by any of its surface
    /// forms: a fact's canonical name or, without one, its text as written
    /// (`マイクロソフト`, `Microsoft Corp.`). An ambiguous alias counts too: the
    /// caller asks about a name already accepted as a company.
    pub fn fy_end_month_of(&self, name: &str) -> Option<u8> {
        if let Some(m) = self.fy_end_month(name) {
            return Some(m);
        }
        let (entry, _) = self.lookup(Kind::Company, name)?;
        entry.fy_end_month
    }

    /// The fiscal-year end of the company named at `[start, end)` of `text` (byte
    /// offsets of a company fact's span), when the span is a known form.
    pub fn fy_end_month_at(&self, text: &str, start: usize, end: usize) -> Option<u8> {
        self.fy_end_month_of(text.get(start..end)?.trim())
    }

    fn index(&self, kind: Kind) -> Option<&Index> {
        match kind {
            Kind::Person => Some(&self.inner.people),
            Kind::Company => Some(&self.inner.companies),
            _ => None,
        }
    }
}

/// From every occurrence of a list's words, the matches a leftmost-longest
/// search of that list finds: from the left, the longest word starting first,
/// then the search goes on after it.
fn leftmost_longest_spans(mut spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    spans.sort_unstable_by_key(|&(s, e)| (s, std::cmp::Reverse(e)));
    let mut out = Vec::new();
    let mut at = 0;
    for (s, e) in spans {
        if s >= at {
            out.push((s, e));
            at = e;
        }
    }
    out
}

fn compile(entries: Vec<Entry>) -> Compiled {
    let mut people = Index::default();
    let mut companies = Index::default();
    // A later entry's alias replaces an earlier one's: user files come last.
    let mut aliases: [Vec<(String, Pat)>; 2] = [Vec::new(), Vec::new()];
    for (i, e) in entries.iter().enumerate() {
        let (slot, index) = match e.kind {
            Kind::Person => (0, &mut people),
            Kind::Company => (1, &mut companies),
            _ => continue,
        };
        for (form, ambiguous) in e.forms() {
            let pat = Pat {
                entry: i,
                ambiguous,
                organisation: e.organisation,
            };
            match index.by_alias.get(form) {
                Some(&k) => {
                    if let Some(slot) = aliases[slot].get_mut(k) {
                        slot.1 = pat;
                    }
                }
                None => {
                    index.by_alias.insert(form.to_string(), aliases[slot].len());
                    aliases[slot].push((form.to_string(), pat));
                }
            }
        }
    }
    let [people_aliases, company_aliases] = aliases;
    let company_by_canonical = entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == Kind::Company && !e.organisation)
        .map(|(i, e)| (e.canonical.clone(), i))
        .collect();
    let mut slots = Vec::new();
    let mut all: Vec<&str> = Vec::new();
    for (kind, (index, list)) in [
        (&mut people, &people_aliases),
        (&mut companies, &company_aliases),
    ]
    .into_iter()
    .enumerate()
    {
        index.pats = list.iter().map(|(_, p)| *p).collect();
        for (k, (alias, _)) in list.iter().enumerate() {
            let (Ok(kind), Ok(pat)) = (u8::try_from(kind), u32::try_from(k)) else {
                continue;
            };
            slots.push(Slot { kind, pat });
            all.push(alias.as_str());
        }
    }
    // The cue words, each distinct word once, with the lists it is in.
    let mut cue_roles: Vec<Vec<(u8, u32)>> = Vec::new();
    let mut cue_words: Vec<&'static str> = Vec::new();
    let mut cue_index: HashMap<&'static str, usize> = HashMap::new();
    for list in CueList::ALL {
        for (w, word) in list.words().into_iter().enumerate() {
            let (Ok(l), Ok(w)) = (u8::try_from(list.index()), u32::try_from(w)) else {
                continue;
            };
            let k = *cue_index.entry(word).or_insert_with(|| {
                cue_words.push(word);
                cue_roles.push(Vec::new());
                cue_roles.len() - 1
            });
            if let Some(r) = cue_roles.get_mut(k) {
                r.push((l, w));
            }
        }
    }
    for (k, word) in cue_words.iter().enumerate() {
        if let Ok(pat) = u32::try_from(k) {
            slots.push(Slot {
                kind: CUE_SLOT,
                pat,
            });
            all.push(word);
        }
    }
    // Overlapping search needs the standard match semantics; each kind's
    // leftmost-longest choice is made afterwards (`Gazetteer::find_all`).
    let ac = if all.is_empty() {
        None
    } else {
        AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&all)
            .ok()
    };
    Compiled {
        entries,
        people,
        companies,
        ac,
        slots,
        company_by_canonical,
        cue_roles,
        cue_list_lens: CueList::ALL.iter().map(|l| l.words().len()).collect(),
    }
}

fn parse_line(line: &str) -> Result<Entry, String> {
    let fields: Vec<&str> = line.split('\t').collect();
    if !(3..=4).contains(&fields.len()) {
        return Err(format!(
            "expected 3 or 4 tab-separated fields (kind, canonical, aliases[, fiscal-year end month]), found {}",
            fields.len()
        ));
    }
    let (kind, organisation) = match fields[0].trim() {
        "person" => (Kind::Person, false),
        "company" => (Kind::Company, false),
        "organisation" => (Kind::Company, true),
        other => {
            return Err(format!(
                "unknown kind {other:?} (expected person, company or organisation)"
            ))
        }
    };
    let canonical = fields[1].trim();
    if canonical.is_empty() {
        return Err("empty canonical name".into());
    }
    if canonical.starts_with('?') {
        return Err("a canonical name cannot be ambiguous (`?`); mark the alias instead".into());
    }
    let aliases: Vec<String> = fields[2]
        .split('|')
        .map(str::trim)
        .filter(|a| !a.is_empty() && *a != "?")
        .map(String::from)
        .collect();
    let fy_end_month = match fields.get(3).map(|f| f.trim()) {
        None | Some("") => None,
        Some(_) if kind != Kind::Company || organisation => {
            return Err("a fiscal-year end (fourth field) is for companies only".into())
        }
        Some(f) => match f.parse::<u8>() {
            Ok(m) if (1..=12).contains(&m) => Some(m),
            _ => return Err(format!("fiscal-year end {f:?} is not a month number 1-12")),
        },
    };
    Ok(Entry {
        kind,
        canonical: canonical.to_string(),
        aliases,
        fy_end_month,
        organisation,
    })
}

/// Katakana letters and the prolonged sound mark (not the middle dot `・`).
pub fn is_katakana(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー' | '\u{30FD}' | '\u{30FE}' | '\u{31F0}'..='\u{31FF}' | '\u{FF66}'..='\u{FF9F}')
}

/// Hiragana letters.
pub fn is_hiragana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{309F}')
}

/// CJK ideographs (and the iteration mark 々).
pub fn is_kanji(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '々' | '〆' | 'ヶ')
}

/// Is `[s, e)` of `text` a whole word for a gazetteer alias (see module docs)?
pub fn at_boundary(text: &str, s: usize, e: usize) -> bool {
    let (Some(first), Some(last)) = (char_after(text, s), char_before(text, e)) else {
        return false;
    };
    let before = char_before(text, s);
    let after = char_after(text, e);
    let clash = |a: char, b: Option<char>| match b {
        None => false,
        Some(b) => {
            (a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric())
                || (is_katakana(a) && is_katakana(b))
        }
    };
    !clash(first, before) && !clash(last, after)
}

/// Does a kanji word continue across either end of `[s, e)`? (`日鉄` in `新日鉄`).
pub fn is_kanji_continued(text: &str, s: usize, e: usize) -> bool {
    let first = char_after(text, s);
    let last = char_before(text, e);
    let before = char_before(text, s);
    let after = char_after(text, e);
    (first.is_some_and(is_kanji) && before.is_some_and(is_kanji))
        || (last.is_some_and(is_kanji) && after.is_some_and(is_kanji))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(tsv: &str) -> Gazetteer {
        let (e, errs) = Gazetteer::parse(tsv, "t");
        assert!(errs.is_empty(), "{errs:?}");
        Gazetteer::from_entries(e)
    }

    #[test]
    fn gazetteer_builtin_data_is_well_formed() {
        assert!(
            Gazetteer::builtin_errors().is_empty(),
            "{:?}",
            Gazetteer::builtin_errors()
        );
        assert!(!Gazetteer::builtin().entries().is_empty());
    }

    #[test]
    fn gazetteer_leftmost_longest_and_boundaries() {
        let gz = g("company\tMeta Platforms\t?Meta|?メタ|Meta Platforms Inc.\n");
        let t = "Metal and Meta Platforms Inc. and Meta, メタル メタバース メタ";
        let m = gz.find(Kind::Company, t);
        let got: Vec<_> = m
            .iter()
            .map(|m| (&t[m.start..m.end], m.ambiguous))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Meta Platforms Inc.", false),
                ("Meta", true),
                ("メタ", true)
            ]
        );
    }

    #[test]
    fn gazetteer_user_entries_override() {
        let mut gz = g("company\tAlpha\tAlpha Corp|アルファ\nperson\tJane Doe\tDoe\n");
        gz.extend(g("company\tAlpha Two\tアルファ\n").entries().to_vec());
        let (e, _) = gz.lookup(Kind::Company, "アルファ").unwrap();
        assert_eq!(e.canonical, "Alpha Two");
        let (e, _) = gz.lookup(Kind::Company, "Alpha Corp").unwrap();
        assert_eq!(e.canonical, "Alpha");
        assert!(gz.lookup(Kind::Person, "Doe").is_some());
    }

    #[test]
    fn gazetteer_fiscal_year_end_column() {
        let (e, errs) = Gazetteer::parse(
            "company\tMicrosoft\tMicrosoft Corp.|マイクロソフト\t6\n\
             company\tAcme\tAcme Inc.\n\
             company\tBeta\tBeta Co\t\n\
             company\tBad\tBad Co\t13\n\
             company\tWorse\tWorse Co\tJune\n\
             person\tJane Doe\tDoe\t3\n",
            "f.tsv",
        );
        assert_eq!(errs.len(), 3, "{errs:?}");
        assert!(errs[0].starts_with("f.tsv:4: "), "{}", errs[0]);
        assert!(errs[1].starts_with("f.tsv:5: "), "{}", errs[1]);
        assert!(errs[2].starts_with("f.tsv:6: "), "{}", errs[2]);
        let gz = Gazetteer::from_entries(e);
        assert_eq!(gz.fy_end_month("Microsoft"), Some(6));
        assert_eq!(gz.fy_end_month_of("マイクロソフト"), Some(6));
        assert_eq!(gz.fy_end_month_of("Microsoft Corp."), Some(6));
        let t = "米マイクロソフトの第1四半期";
        let s = t.find("マイクロソフト").unwrap();
        assert_eq!(
            gz.fy_end_month_at(t, s, s + "マイクロソフト".len()),
            Some(6)
        );
        assert_eq!(gz.fy_end_month("Acme"), None);
        assert_eq!(gz.fy_end_month("Beta"), None);
        assert_eq!(gz.fy_end_month("Nobody"), None);
        assert_eq!(gz.fy_end_month_of("Nobody Inc."), None);
    }

    #[test]
    fn gazetteer_fiscal_year_end_user_override() {
        let mut gz =
            g("company\tToyota Motor\tトヨタ自動車|トヨタ\t3\ncompany\tAlpha\tアルファ\t6\n");
        // A fiscal-year-only line keeps the aliases; a full line replaces them.
        gz.extend(
            g("company\tToyota Motor\t\t12\ncompany\tAlpha\tAlpha Co\t9\n")
                .entries()
                .to_vec(),
        );
        assert_eq!(gz.fy_end_month("Toyota Motor"), Some(12));
        assert_eq!(gz.fy_end_month_of("トヨタ"), Some(12));
        assert_eq!(gz.fy_end_month_of("Alpha Co"), Some(9));
        assert!(gz.lookup(Kind::Company, "アルファ").is_none());
        assert_eq!(gz.entries().len(), 2);
    }

    #[test]
    fn gazetteer_organisation_wins_and_is_not_a_company() {
        let gz = g("company\tToyota Motor\tトヨタ|Toyota\t3\n\
                    organisation\tToyota Foundation\tトヨタ財団\n");
        let t = "トヨタ財団とトヨタ、Toyota Foundation";
        let got: Vec<&str> = gz
            .find(Kind::Company, t)
            .iter()
            .map(|m| &t[m.start..m.end])
            .collect();
        assert_eq!(got, vec!["トヨタ"]);
        let spans: Vec<&str> = gz.organisations(t).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(spans, vec!["トヨタ財団", "Toyota Foundation"]);
        assert!(gz.lookup(Kind::Company, "トヨタ財団").is_none());
        assert!(gz.company("Toyota Foundation").is_none());
        let (_, errs) = Gazetteer::parse("organisation\tX Foundation\tX財団\t3\n", "f");
        assert_eq!(errs.len(), 1, "{errs:?}");
    }

    /// Texts that hold the cue words: the corpus lines of people and
    /// companies, and strings made of pieces of cue words and names (which
    /// overlap, nest and repeat), so that every edge of the choice is met.
    fn cue_texts() -> Vec<String> {
        let mut texts: Vec<String> = [
            include_str!("../extract/person/ja.corpus"),
            include_str!("../extract/person/en.corpus"),
            include_str!("../extract/company/ja.corpus"),
            include_str!("../extract/company/en.corpus"),
        ]
        .iter()
        .flat_map(|c| c.lines())
        .map(|l| l.replace(['⟦', '⟧'], ""))
        .collect();
        let pieces = [
            "社",
            "社長",
            "長",
            "会長",
            "兼",
            "CEO",
            "最高経営責任者",
            "財務",
            "財務長官",
            "長官",
            "氏",
            "さん",
            "さ",
            "ん",
            "株式会社",
            "(株)",
            "株",
            "式",
            "会社",
            "子会社",
            "親",
            "HD",
            "ホールディングス",
            "グループ",
            "自動車",
            "自動",
            "車",
            "銀行",
            "銀",
            "商事",
            "製作所",
            "トヨタ",
            "ベサント",
            "山田",
            "、",
            "の",
            " ",
            "a",
            "企業",
            "大手",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..5_000 {
            let mut t = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            for k in 0..(seed % 12) {
                let i = usize::try_from((seed >> (4 * k)) % pieces.len() as u64).unwrap();
                t.push_str(pieces[i]);
            }
            texts.push(t);
        }
        texts
    }

    /// The shared scan finds each list's cue words exactly as a search of
    /// that list alone does: leftmost-longest matches as an automaton of the
    /// list with that match kind reads them, and every occurrence of each
    /// word as `match_indices` gives them.
    #[test]
    fn gazetteer_cue_words_as_each_list_alone_finds_them() {
        let gz = Gazetteer::builtin();
        for list in CueList::ALL {
            let words = list.words();
            let ac = AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&words)
                .unwrap();
            for t in cue_texts() {
                let hits = gz.cues(&t);
                let want: Vec<(usize, usize)> =
                    ac.find_iter(&t).map(|m| (m.start(), m.end())).collect();
                assert_eq!(hits.longest(list), want.as_slice(), "{list:?} {t:?}");
                for (k, w) in words.iter().enumerate() {
                    let want: Vec<usize> = t.match_indices(w).map(|(i, _)| i).collect();
                    assert_eq!(hits.starts(list, k), want.as_slice(), "{list:?} {w} {t:?}");
                }
            }
        }
        let t = "会長兼CEO北野健一氏と株式会社ミドリ電装、トヨタ自動車の社長";
        let hits = gz.cues(t);
        let titles: Vec<&str> = hits
            .longest(CueList::JaTitles)
            .iter()
            .map(|&(s, e)| &t[s..e])
            .collect();
        assert!(titles.starts_with(&["会長", "CEO"]), "{titles:?}");
        assert_eq!(titles.last(), Some(&"社長"));
        let endings: Vec<&str> = hits
            .longest(CueList::JaCompanyEndings)
            .iter()
            .map(|&(s, e)| &t[s..e])
            .collect();
        assert_eq!(endings, vec!["自動車"]);
        assert_eq!(
            hits.starts(CueList::JaHonorifics, 0),
            &[t.find('氏').unwrap()]
        );
    }

    #[test]
    fn gazetteer_parse_reports_line_numbers() {
        let (e, errs) = Gazetteer::parse("# c\ncompany\tA\tB\nbad line\nthing\tX\tY\n", "f.tsv");
        assert_eq!(e.len(), 1);
        assert_eq!(errs.len(), 2);
        assert!(errs[0].starts_with("f.tsv:3: "), "{}", errs[0]);
        assert!(errs[1].starts_with("f.tsv:4: "), "{}", errs[1]);
    }
}
