//! One article, start to finish: fold the text, split sections, run every
//! extractor, resolve overlaps, attach each fact to its section and sentence, and
//! convert offsets to code points of the original text (once, in two passes).

use crate::article::{Article, Lang};
use crate::extract::{self, Doc, RefSource};
use crate::fact::{Fact, Field, Kind};
use crate::gazetteer::Gazetteer;
use crate::link::{self, Event, Placement};
use crate::section::{split_sections, SectionKind, SectionSpan};
use crate::text::offsets::{bytes_to_chars, chars_to_bytes};
use crate::text::sentence::{sentence_at, split_sentences};
use crate::text::Normalized;
use chrono::NaiveDate;
use serde::Serialize;
use std::sync::Arc;

/// What every article of a run shares: the gazetteer and the `--ref-date`.
#[derive(Debug, Default)]
pub struct Resources {
    /// The people and companies known to the run.
    pub gazetteer: Gazetteer,
    /// The reference date for articles without one (`--ref-date`).
    pub ref_date: Option<NaiveDate>,
}

/// A section, offsets in code points of the original text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Section {
    /// Its index in the article (0-based).
    pub section: usize,
    /// What the section is.
    pub kind: SectionKind,
    /// The field its offsets index: the text, or a title given apart.
    pub field: Field,
    /// The heading or title text (empty for `body`).
    pub heading: String,
    /// Start, in code points.
    pub start: usize,
    /// End, in code points.
    pub end: usize,
    /// Length in code points.
    pub chars: usize,
    /// How many facts it holds.
    pub facts: usize,
}

/// The result of analysing one article.
#[derive(Clone, Debug)]
pub struct Analysis {
    /// The article's id.
    pub doc_id: String,
    /// Where the article came from: its path, plus `:line` for JSONL.
    pub source: String,
    /// The encoding it was decoded from.
    pub encoding: &'static str,
    /// Its language (given or detected).
    pub lang: Lang,
    /// A title given apart from the text (JSONL `title`).
    pub title: Option<String>,
    /// The article's own reference date.
    pub date: Option<NaiveDate>,
    /// Length of the text in bytes.
    pub bytes: usize,
    /// Length of the text in code points.
    pub chars: usize,
    /// The sections, in order; they never overlap.
    pub sections: Vec<Section>,
    /// The facts, in text order.
    pub facts: Vec<Fact>,
    /// The deals the article reports (crate::link), roles indexing `facts`.
    pub events: Vec<Event>,
    /// Facts found on lines that belong to no section (marker lines), left out.
    pub outside_sections: usize,
}

impl Analysis {
    /// The facts of one kind.
    pub fn facts_of(&self, kind: Kind) -> impl Iterator<Item = &Fact> {
        self.facts.iter().filter(move |f| f.kind == kind)
    }
}

/// Analyse one article. A title given apart from the text (JSONL `title`) is
/// analysed as the article's first section, of kind `title`; its facts and its
/// section have `field` [`Field::Title`] and offsets into the title.
pub fn analyze(article: &Article, res: &Resources) -> Analysis {
    let norm = Normalized::new(&article.text);
    let folded = norm.text.as_str();
    let lang = article.lang.unwrap_or_else(|| Lang::detect(folded));
    let ref_date = match (article.date, res.ref_date) {
        (Some(d), _) => Some((d, RefSource::ArticleDate)),
        (None, Some(d)) => Some((d, RefSource::RefDate)),
        (None, None) => None,
    };
    let mut part = Part {
        sections: Vec::new(),
        facts: Vec::new(),
        placements: Vec::new(),
        outside: 0,
    };
    let title = article.title.as_deref().filter(|t| !t.trim().is_empty());
    if let Some(title) = title {
        let tnorm = Normalized::new(title);
        let tfolded = tnorm.text.as_str();
        let trimmed = tfolded.trim();
        let start = tfolded.len() - tfolded.trim_start().len();
        let span = SectionSpan {
            kind: SectionKind::Title,
            start,
            end: start + trimmed.len(),
            heading: (start, start + trimmed.len()),
        };
        analyze_field(
            &mut part,
            (title, &tnorm),
            Field::Title,
            vec![span],
            lang,
            ref_date,
            res,
        );
    }
    let spans = split_sections(folded, article.markdown, article.title.is_some());
    let first = part.facts.len();
    analyze_field(
        &mut part,
        (&article.text, &norm),
        Field::Text,
        spans,
        lang,
        ref_date,
        res,
    );
    let events = link_fields(article, title, lang, &mut part, first);

    Analysis {
        doc_id: article.id.clone(),
        source: article.source.clone(),
        encoding: article.encoding,
        lang,
        title: article.title.clone(),
        date: article.date,
        bytes: article.text.len(),
        chars: norm.original_len(folded.chars().count()),
        sections: part.sections,
        facts: part.facts,
        events,
        outside_sections: part.outside,
    }
}

/// Link the figures of every field of the article: a title given apart
/// (JSONL `title`) is read as the text's first line, as a text file's title
/// is, so its figures are linked like the others (LINKS.md: every money and
/// percent fact) and a deal named in the title and again in the body is one
/// event. `first` is the number of the title's facts, which come first.
fn link_fields(
    article: &Article,
    title: Option<&str>,
    lang: Lang,
    part: &mut Part,
    first: usize,
) -> Vec<Event> {
    let Some(title) = title.filter(|_| first > 0) else {
        return link::link(
            &article.id,
            &article.text,
            lang,
            &part.sections,
            &mut part.facts,
            &part.placements,
        );
    };
    // The title, a blank line, the text: the text's placements move by the
    // title's length and the separator.
    let mut joined = String::with_capacity(title.len() + 2 + article.text.len());
    joined.push_str(title);
    joined.push_str("\n\n");
    let shift = joined.len();
    joined.push_str(&article.text);
    for p in &mut part.placements[first..] {
        p.start += shift;
        p.end += shift;
        p.sentence = (p.sentence.0 + shift, p.sentence.1 + shift);
    }
    link::link(
        &article.id,
        &joined,
        lang,
        &part.sections,
        &mut part.facts,
        &part.placements,
    )
}

/// The sections and facts found so far in an article's fields.
struct Part {
    sections: Vec<Section>,
    facts: Vec<Fact>,
    /// Where each fact lies in its field, for the linking rules.
    placements: Vec<Placement>,
    outside: usize,
}

/// Extract the facts of one field (`original` as written, `norm` its
/// width-folded view) split into `spans`, and append its sections and facts to
/// `part`, numbering sections after those already there.
fn analyze_field(
    part: &mut Part,
    (original, norm): (&str, &Normalized),
    field: Field,
    spans: Vec<SectionSpan>,
    lang: Lang,
    ref_date: Option<(NaiveDate, RefSource)>,
    res: &Resources,
) {
    let folded = norm.text.as_str();
    let doc = Doc::new(folded, lang, ref_date, &res.gazetteer);
    let cands = extract::resolve_overlaps(extract::candidates(&doc));
    let sentences = split_sentences(folded);
    // Attach each candidate to the section that holds it and its sentence.
    let mut placed = Vec::with_capacity(cands.len());
    // The length in code points of the last sentence measured: the facts of a
    // sentence come one after another, so each sentence is counted once.
    let mut measured: Option<((usize, usize), usize)> = None;
    for c in cands {
        let i = spans.partition_point(|s| s.end <= c.start);
        match spans.get(i) {
            Some(s) if s.start <= c.start && c.end <= s.end => {
                let (ss, se) = sentence_at(&sentences, c.start).unwrap_or((c.start, c.end));
                // An amount broken over lines (`$3.7` / `billion`) ends in the
                // sentence of the next line: the sentence runs on to its end.
                let se = match sentence_at(&sentences, c.end.saturating_sub(1)) {
                    Some((_, e)) if c.end > se => e,
                    _ => se,
                };
                let sentence = (ss.min(c.start), se.max(c.end));
                let len = match measured {
                    Some((span, n)) if span == sentence => n,
                    _ => {
                        let n = folded[sentence.0..sentence.1].chars().count();
                        measured = Some((sentence, n));
                        n
                    }
                };
                let window = sentence_window(folded, sentence, len, (c.start, c.end));
                placed.push((i, c, window));
            }
            _ => part.outside += 1,
        }
    }

    // Every byte offset we report, converted in one pass each way.
    let mut offsets = Vec::with_capacity(placed.len() * 4 + spans.len() * 4);
    for (_, c, w) in &placed {
        offsets.extend([c.start, c.end, w.start, w.end]);
    }
    for s in &spans {
        offsets.extend([s.start, s.end, s.heading.0, s.heading.1]);
    }
    let mut chars = bytes_to_chars(folded, &offsets);
    norm.original_chars(&mut chars);
    // Folding that changed nothing (most English text) leaves every byte
    // offset where it was.
    let orig = if folded == original {
        offsets.iter().map(|&o| o.min(original.len())).collect()
    } else {
        chars_to_bytes(original, &chars)
    };
    let text = |k: usize| &original[orig[k]..orig[k + 1]];

    let first = part.sections.len();
    part.sections.extend(spans.iter().enumerate().map(|(i, s)| {
        let k = placed.len() * 4 + i * 4;
        Section {
            section: first + i,
            kind: s.kind,
            field,
            heading: text(k + 2).to_string(),
            start: chars[k],
            end: chars[k + 1],
            chars: chars[k + 1] - chars[k],
            facts: 0,
        }
    }));
    // Facts of one sentence come one after another; they share its text.
    part.facts.reserve(placed.len());
    let mut last_sentence: Option<(usize, usize, Arc<str>)> = None;
    let mut placements = Vec::with_capacity(placed.len());
    for (n, (section, c, w)) in placed.into_iter().enumerate() {
        let k = n * 4;
        part.sections[first + section].facts += 1;
        let span = (orig[k + 2], orig[k + 3]);
        placements.push(Placement {
            start: orig[k],
            end: orig[k + 1],
            sentence: span,
        });
        let sentence = match &last_sentence {
            Some((start, end, shared)) if (*start, *end) == span => shared.clone(),
            _ => {
                let shared: Arc<str> = if w.cut_before || w.cut_after {
                    let mut s = String::with_capacity(span.1 - span.0 + 6);
                    if w.cut_before {
                        s.push(CUT_MARKER);
                    }
                    s.push_str(text(k + 2));
                    if w.cut_after {
                        s.push(CUT_MARKER);
                    }
                    s.into()
                } else {
                    text(k + 2).into()
                };
                last_sentence = Some((span.0, span.1, shared.clone()));
                shared
            }
        };
        part.facts.push(Fact {
            section: first + section,
            field,
            kind: c.kind(),
            text: text(k).to_string(),
            start: chars[k],
            end: chars[k + 1],
            sentence,
            value: c.value,
            rule: c.rule,
            link: None,
        });
    }
    part.placements.extend(placements);
}

/// The longest `sentence` a fact carries, in code points (cut marks included).
/// A longer sentence (a table or a dump on one line without sentence
/// punctuation) is cut to a window around the fact, so that output grows
/// linearly with the input rather than with facts × sentence length.
pub const SENTENCE_MAX_CHARS: usize = 400;

/// Written where a sentence was cut.
pub const CUT_MARKER: char = '…';

/// How far a cut may move to fall between words instead of inside one.
const WORD_SLACK: usize = 30;

/// The part of a sentence a fact carries (byte offsets in the folded text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Window {
    start: usize,
    end: usize,
    cut_before: bool,
    cut_after: bool,
}

/// A character of a space-separated word (`$1.5`, `billion,`): a cut between
/// two of them would split the word. Japanese may be cut between any two
/// characters.
fn word_char(c: char) -> bool {
    !c.is_whitespace() && !crate::article::is_japanese_char(c)
}

/// The window of `sentence` (`chars` code points long) around the fact
/// `fact`: the whole sentence when it has at most [`SENTENCE_MAX_CHARS`], else
/// as much context as fits on both sides, cut between words where one ends
/// within [`WORD_SLACK`] characters. Linear in the window, not the sentence.
fn sentence_window(
    text: &str,
    sentence: (usize, usize),
    chars: usize,
    fact: (usize, usize),
) -> Window {
    let (ss, se) = sentence;
    let whole = Window {
        start: ss,
        end: se,
        cut_before: false,
        cut_after: false,
    };
    if chars <= SENTENCE_MAX_CHARS {
        return whole;
    }
    let (cs, ce) = fact;
    let fact_chars = text[cs..ce].chars().count();
    let room = SENTENCE_MAX_CHARS.saturating_sub(fact_chars + 2);
    // Walk `n` characters left from `from`, not past `ss`.
    let left = |from: usize, n: usize| -> (usize, usize) {
        let mut at = from;
        let mut taken = 0;
        for (i, _) in text[ss..from].char_indices().rev().take(n) {
            at = ss + i;
            taken += 1;
        }
        (at, taken)
    };
    let (mut ws, took_left) = left(cs, room / 2);
    let mut we = ce;
    let mut took_right = 0;
    for (i, c) in text[ce..se].char_indices().take(room - took_left) {
        we = ce + i + c.len_utf8();
        took_right += 1;
    }
    // Room the right side did not need goes to the left.
    let spare = room - took_left - took_right;
    if spare > 0 {
        ws = left(ws, spare).0;
    }
    let cut_before = ws > ss;
    let cut_after = we < se;
    if cut_before {
        let before = text[..ws].chars().next_back();
        if before.is_some_and(word_char) && text[ws..].chars().next().is_some_and(word_char) {
            // Move forward past the rest of the word cut.
            if let Some((i, _)) = text[ws..cs]
                .char_indices()
                .take(WORD_SLACK)
                .find(|(_, c)| !word_char(*c))
            {
                ws += i;
            }
        }
        ws += text[ws..cs].len() - text[ws..cs].trim_start().len();
    }
    if cut_after {
        let after = text[we..].chars().next();
        if after.is_some_and(word_char) && text[..we].chars().next_back().is_some_and(word_char) {
            if let Some((i, c)) = text[ce..we]
                .char_indices()
                .rev()
                .take(WORD_SLACK)
                .find(|(_, c)| !word_char(*c))
            {
                we = ce + i + c.len_utf8();
            }
        }
        we -= text[ce..we].len() - text[ce..we].trim_end().len();
    }
    Window {
        start: ws,
        end: we,
        cut_before,
        cut_after,
    }
}

/// The facts of `text` analysed as one article with the built-in resources
/// (for unit tests of the extractors).
#[cfg(test)]
pub(crate) fn facts_of_text(text: &str) -> Vec<Fact> {
    let article = Article {
        id: "t".into(),
        text: text.into(),
        ..Default::default()
    };
    analyze(&article, &Resources::default()).facts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_of_one_sentence_share_it() {
        let facts =
            facts_of_text("Apple paid $2.4 billion on June 9, 2025. Sony rose 5% in 2024.\n");
        let first: Vec<&Fact> = facts.iter().filter(|f| f.start < 40).collect();
        let second: Vec<&Fact> = facts.iter().filter(|f| f.start > 40).collect();
        assert!(first.len() >= 2 && second.len() >= 2, "{facts:?}");
        for group in [&first, &second] {
            for f in group.iter() {
                assert!(Arc::ptr_eq(&f.sentence, &group[0].sentence));
                assert!(f.sentence.contains(&f.text));
            }
        }
        assert_eq!(
            &*first[0].sentence,
            "Apple paid $2.4 billion on June 9, 2025."
        );
        assert_eq!(&*second[0].sentence, "Sony rose 5% in 2024.");
    }

    #[test]
    fn long_sentences_are_cut_to_a_window_around_the_fact() {
        let mut text = String::from("Shares rose");
        for i in 0..300 {
            text.push_str(&format!(" and unit{i} gained $1 million"));
        }
        text.push_str(".\n");
        let facts = facts_of_text(&text);
        assert!(facts.len() >= 300, "{}", facts.len());
        for f in &facts {
            let n = f.sentence.chars().count();
            assert!(n <= SENTENCE_MAX_CHARS, "{n} chars");
            assert!(f.sentence.contains(&f.text));
            let inner = f
                .sentence
                .trim_start_matches(CUT_MARKER)
                .trim_end_matches(CUT_MARKER);
            assert!(text.contains(inner), "a window is a slice of the text");
            // Cut between words: the window starts and ends with whole words.
            let first = inner.split(' ').next().unwrap_or_default();
            let last = inner.rsplit(' ').next().unwrap_or_default();
            for w in [first, last] {
                let starts = text.starts_with(w) || text.contains(&format!(" {w}"));
                let ends = text.contains(&format!("{w} ")) || text.contains(&format!("{w}\n"));
                assert!(starts && ends, "{w:?} is a whole word");
            }
        }
        assert!(facts[0].sentence.starts_with("Shares rose"));
        assert!(facts[0].sentence.ends_with(CUT_MARKER));
        let mid = &facts[facts.len() / 2].sentence;
        assert!(mid.starts_with(CUT_MARKER) && mid.ends_with(CUT_MARKER));
        assert!(mid.chars().count() >= SENTENCE_MAX_CHARS - 2 * WORD_SLACK);
        let last = facts.last().map(|f| f.sentence.clone()).unwrap_or_default();
        assert!(last.starts_with(CUT_MARKER) && last.ends_with("million."));
    }

    #[test]
    fn japanese_tables_are_cut_between_any_characters() {
        let mut text = String::new();
        for _ in 0..200 {
            text.push_str("トヨタ 2,850円 +1.2% ");
        }
        text.push('\n');
        let facts = facts_of_text(&text);
        assert!(facts.len() >= 200);
        let total: usize = facts.iter().map(|f| f.sentence.chars().count()).sum();
        assert!(total <= facts.len() * SENTENCE_MAX_CHARS);
        for f in &facts {
            assert!(f.sentence.chars().count() <= SENTENCE_MAX_CHARS);
            assert!(f.sentence.contains(&f.text));
        }
    }

    #[test]
    fn half_width_kana_facts_index_the_original() {
        // `ﾄﾞ`, `ﾊﾞ` and `ﾊﾟ` are two code points each, one each once folded.
        let text = "ｿﾌﾄﾊﾞﾝｸｸﾞﾙｰﾌﾟは100億ﾄﾞﾙを投じ、株価は50ﾊﾟｰｾﾝﾄ上がった。";
        let article = Article {
            id: "t".into(),
            text: text.into(),
            ..Default::default()
        };
        let an = analyze(&article, &Resources::default());
        let spans: Vec<(Kind, &str, usize, usize)> = an
            .facts
            .iter()
            .map(|f| (f.kind, f.text.as_str(), f.start, f.end))
            .collect();
        assert_eq!(
            spans,
            vec![
                (Kind::Company, "ｿﾌﾄﾊﾞﾝｸｸﾞﾙｰﾌﾟ", 0, 13),
                (Kind::Money, "100億ﾄﾞﾙ", 14, 21),
                (Kind::Percent, "50ﾊﾟｰｾﾝﾄ", 28, 36),
            ]
        );
        let chars: Vec<char> = text.chars().collect();
        for f in &an.facts {
            let slice: String = chars[f.start..f.end].iter().collect();
            assert_eq!(slice, f.text);
            assert!(f.sentence.contains(&f.text));
        }
        assert_eq!(an.chars, chars.len());
        assert_eq!(an.facts[1].value.display(), "$10B");
        assert_eq!(an.facts[2].value.display(), "50%");
    }

    #[test]
    fn an_amount_broken_over_lines_keeps_its_break() {
        let text =
            "Acme to build plant\n\nAcme said it would invest $3.7\n\nbillion in the plant.\n";
        let facts = facts_of_text(text);
        let money: Vec<&Fact> = facts.iter().filter(|f| f.kind == Kind::Money).collect();
        assert_eq!(money.len(), 1, "{facts:?}");
        assert_eq!(money[0].text, "$3.7\n\nbillion");
        let start = text[..text.find('$').unwrap_or(0)].chars().count();
        assert_eq!((money[0].start, money[0].end), (start, start + 13));
        assert_eq!(
            &*money[0].sentence,
            "Acme said it would invest $3.7\n\nbillion in the plant."
        );
    }
}
