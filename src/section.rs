//! Splitting an article into sections: its title line, the `body` before the first
//! heading, each heading with its paragraphs, and the `related` teasers that follow
//! a "more / related" marker line (もっと見る, 関連記事, Related, Read more, See also…).
//!
//! The input is plain text without markup, so a heading is recognised by shape:
//! a short line that does not end like a sentence (it may end in ? or !), followed
//! by paragraph text. In Markdown files `#` lines are headings. Marker lines and
//! blank lines belong to no section; sections never overlap.

use crate::extract::money::wrapped::continues_amount;
use crate::lang;
use serde::Serialize;

/// What a section is (SPEC: sections).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SectionKind {
    /// The article's title line.
    Title,
    /// Text before the first heading, or an article without headings.
    Body,
    /// A heading line and the paragraphs under it.
    Heading,
    /// A related-article teaser after a "more / related" marker.
    Related,
}

impl SectionKind {
    /// The kind as written in the output.
    pub fn as_str(self) -> &'static str {
        match self {
            SectionKind::Title => "title",
            SectionKind::Body => "body",
            SectionKind::Heading => "heading",
            SectionKind::Related => "related",
        }
    }
}

/// A section in byte offsets of the text it was split from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SectionSpan {
    /// What the section is.
    pub kind: SectionKind,
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// The heading (or title, or teaser title) text; empty for `body`.
    pub heading: (usize, usize),
}

/// Longest line, in characters, that can be a heading or a title.
const MAX_HEADING_CHARS: usize = 80;
const MAX_HEADING_WORDS: usize = 16;
const MAX_TITLE_CHARS: usize = 200;

#[derive(Clone, Copy, Debug)]
struct Line {
    start: usize,
    end: usize,
}

fn lines_of(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            let end = if i > start && text.as_bytes()[i - 1] == b'\r' {
                i - 1
            } else {
                i
            };
            out.push(Line { start, end });
            start = i + 1;
        }
    }
    if start < text.len() {
        let end = if text.ends_with('\r') {
            text.len() - 1
        } else {
            text.len()
        };
        out.push(Line { start, end });
    }
    out
}

/// The line without surrounding whitespace, as a byte range.
fn trimmed(text: &str, l: Line) -> (usize, usize) {
    let s = &text[l.start..l.end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail >= s.len() {
        (l.start, l.start)
    } else {
        (l.start + lead, l.end - trail)
    }
}

fn is_blank(text: &str, l: Line) -> bool {
    text[l.start..l.end].trim().is_empty()
}

/// A line that introduces related-article teasers.
pub fn is_marker(line: &str) -> bool {
    let trimmed = line.trim().trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '【' | '】'
                    | '['
                    | ']'
                    | '■'
                    | '●'
                    | '▼'
                    | '◆'
                    | '>'
                    | '»'
                    | '›'
                    | ':'
                    | '-'
                    | '—'
                    | '|'
                    | '#'
                    | '*'
                    | '<'
                    | '〈'
                    | '〉'
                    | '《'
                    | '》'
            )
    });
    // Every marker is at most MARKER_MAX_BYTES long once lower-cased, and
    // lower-casing shrinks a text at most threefold (`K`, the Kelvin sign,
    // is three bytes, `k` one): a longer line (any paragraph) is no marker,
    // and is not lower-cased for nothing.
    if trimmed.len() > 3 * MARKER_MAX_BYTES {
        return false;
    }
    let t = trimmed.to_lowercase();
    let t = t.as_str();
    lang::ja::RELATED_MARKERS.contains(&t)
        || lang::en::RELATED_MARKERS.contains(&t)
        || (t.starts_with(lang::en::RELATED_MARKER_PREFIX) && t.len() <= MARKER_MAX_BYTES)
}

/// The longest a related-section marker line is, in bytes, lower-cased and
/// trimmed (a `more from …` line included).
const MARKER_MAX_BYTES: usize = 60;

/// Whether a (trimmed) line has the shape of a heading: short, with letters, and
/// not ending like a sentence. A heading may end in `?` or `!`.
fn heading_like(s: &str) -> bool {
    let chars = s.chars().count();
    if chars == 0 || chars > MAX_HEADING_CHARS {
        return false;
    }
    if s.split_whitespace().count() > MAX_HEADING_WORDS {
        return false;
    }
    // Datelines (`2025年10月6日 16:05`) are not headings: they need words.
    let wordy = s
        .chars()
        .filter(|&c| {
            c.is_alphabetic() && !matches!(c, '年' | '月' | '日' | '時' | '分' | '秒' | '曜')
        })
        .count();
    if wordy < 2 {
        return false;
    }
    // A heading may end in a closing quote (■首相「国益守った」), not in sentence
    // punctuation, inside the quote or out (`…for us."`).
    let bare = s.trim_end_matches(['」', '』', '"', '”', '\'', '’', ')', '）']);
    let last = bare.chars().last().unwrap_or(' ');
    !matches!(last, '。' | '.' | ',' | '、' | ';' | ':' | '-' | '—')
}

fn markdown_heading(s: &str) -> Option<usize> {
    let hashes = s.bytes().take_while(|&b| b == b'#').count();
    (hashes > 0 && hashes <= 6 && s[hashes..].starts_with(' ')).then_some(hashes)
}

/// Split `text` into sections (byte offsets). `has_external_title`: the article's
/// title was given apart from the text, so the first line is not a title.
pub fn split_sections(text: &str, markdown: bool, has_external_title: bool) -> Vec<SectionSpan> {
    let lines = lines_of(text);
    let content: Vec<(usize, (usize, usize))> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !is_blank(text, **l))
        .map(|(i, l)| (i, trimmed(text, *l)))
        .collect();
    let mut out = Vec::new();
    if content.is_empty() {
        return out;
    }
    let line_text = |r: (usize, usize)| &text[r.0..r.1];
    let mut rest: &[(usize, (usize, usize))] = &content;

    // The title: the first line, when more follows and it is short enough,
    // and the next line does not go on with an amount the first line breaks
    // (`...to invest $3.7` over `billion...`: wrapped prose).
    let wrapped = |a: (usize, (usize, usize)), b: (usize, (usize, usize))| {
        b.0 - a.0 <= 2 && continues_amount(line_text(a.1), line_text(b.1))
    };
    if !has_external_title && content.len() > 1 && !wrapped(content[0], content[1]) {
        let (_, r) = content[0];
        let s = line_text(r);
        let md_title = markdown && markdown_heading(s).is_some();
        if md_title || (s.chars().count() <= MAX_TITLE_CHARS && !is_marker(s)) {
            out.push(SectionSpan {
                kind: SectionKind::Title,
                start: r.0,
                end: r.1,
                heading: heading_text(text, r, markdown),
            });
            rest = &content[1..];
        }
    }

    let marker = rest.iter().position(|&(_, r)| is_marker(line_text(r)));
    let (main, related) = match marker {
        Some(m) => (&rest[..m], &rest[m + 1..]),
        None => (rest, &rest[rest.len()..]),
    };

    // Headings in the main part.
    let is_heading = |k: usize| -> bool {
        let s = line_text(main[k].1);
        if markdown {
            return markdown_heading(s).is_some();
        }
        // A line that breaks an amount (`...a total of $3.7`) or goes on with
        // one broken on the line before (`billion in...`) is wrapped prose,
        // never a heading.
        let continues = k
            .checked_sub(1)
            .and_then(|p| main.get(p))
            .is_some_and(|&prev| wrapped(prev, main[k]))
            || main.get(k + 1).is_some_and(|&next| wrapped(main[k], next));
        heading_like(s)
            && !continues
            && main
                .get(k + 1)
                .is_some_and(|&(_, n)| !heading_like(line_text(n)))
    };
    let mut current: Option<SectionSpan> = None;
    for (k, &(_, r)) in main.iter().enumerate() {
        if is_heading(k) {
            out.extend(current.take());
            current = Some(SectionSpan {
                kind: SectionKind::Heading,
                start: r.0,
                end: r.1,
                heading: heading_text(text, r, markdown),
            });
        } else {
            match current.as_mut() {
                Some(sec) => sec.end = r.1,
                None => {
                    current = Some(SectionSpan {
                        kind: SectionKind::Body,
                        start: r.0,
                        end: r.1,
                        heading: (r.0, r.0),
                    })
                }
            }
        }
    }
    out.extend(current.take());

    // Teasers: a title line and its blurb. A new teaser starts after a blank line,
    // or at a title-shaped line once the current teaser has its blurb.
    let mut teaser: Option<(SectionSpan, bool)> = None;
    let mut prev_line: Option<usize> = None;
    for &(li, r) in related {
        let s = line_text(r);
        if is_marker(s) {
            out.extend(teaser.take().map(|t| t.0));
            prev_line = Some(li);
            continue;
        }
        let after_blank = prev_line.is_some_and(|p| li > p + 1);
        let starts_new = match &teaser {
            None => true,
            Some((_, has_blurb)) => after_blank || (*has_blurb && heading_like(s)),
        };
        if starts_new {
            out.extend(teaser.take().map(|t| t.0));
            teaser = Some((
                SectionSpan {
                    kind: SectionKind::Related,
                    start: r.0,
                    end: r.1,
                    heading: heading_text(text, r, markdown),
                },
                false,
            ));
        } else if let Some((sec, has_blurb)) = teaser.as_mut() {
            sec.end = r.1;
            *has_blurb = true;
        }
        prev_line = Some(li);
    }
    out.extend(teaser.take().map(|t| t.0));
    out
}

/// A heading's text range, without Markdown `#` marks.
fn heading_text(text: &str, r: (usize, usize), markdown: bool) -> (usize, usize) {
    let s = &text[r.0..r.1];
    match markdown.then(|| markdown_heading(s)).flatten() {
        Some(h) => {
            let after = &s[h..];
            let lead = after.len() - after.trim_start().len();
            (r.0 + h + lead, r.1)
        }
        None => r,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_fit_the_length_bound() {
        for m in lang::ja::RELATED_MARKERS
            .iter()
            .chain(lang::en::RELATED_MARKERS)
        {
            assert!(m.len() <= MARKER_MAX_BYTES, "{m}");
            assert!(is_marker(m), "{m}");
        }
        let long = format!("{} sports", lang::en::RELATED_MARKER_PREFIX);
        assert!(is_marker(&long));
        assert!(is_marker(&format!("■ {} ■", long.to_uppercase())));
        assert!(!is_marker(&format!("{long} {}", "x".repeat(60))));
        // Lower-casing that shrinks (the Kelvin sign) still finds a marker
        // written with it.
        let kelvin = lang::en::RELATED_MARKERS
            .iter()
            .find(|m| m.contains('k'))
            .map(|m| m.replace('k', "\u{212A}"));
        if let Some(k) = kelvin {
            assert!(is_marker(&k), "{k}");
        }
    }

    fn kinds_and_headings(text: &str, md: bool) -> Vec<(SectionKind, String)> {
        split_sections(text, md, false)
            .into_iter()
            .map(|s| (s.kind, text[s.heading.0..s.heading.1].to_string()))
            .collect()
    }

    #[test]
    fn english_with_headings_and_related() {
        let t = "Qualcomm to buy Alphawave\n\nQualcomm said on Monday it would buy Alphawave.\n\nWhy it matters\nThe deal gives Qualcomm data-center links.\nAnalysts approved.\n\nWhat comes next?\nClosing is expected in 2026.\n\nRelated\nNvidia hits record\nShares rose 3%.\n";
        let got = kinds_and_headings(t, false);
        assert_eq!(
            got,
            vec![
                (SectionKind::Title, "Qualcomm to buy Alphawave".into()),
                (SectionKind::Body, "".into()),
                (SectionKind::Heading, "Why it matters".into()),
                (SectionKind::Heading, "What comes next?".into()),
                (SectionKind::Related, "Nvidia hits record".into()),
            ]
        );
    }

    #[test]
    fn english_without_headings_is_title_and_body() {
        let t = "Stocks rally as inflation cools\n\nWall Street rose on Tuesday.\n\nThe S&P 500 gained 1.2%, its best day since May.\n";
        let s = split_sections(t, false, false);
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].kind, SectionKind::Body);
        assert_eq!(
            &t[s[1].start..s[1].end],
            "Wall Street rose on Tuesday.\n\nThe S&P 500 gained 1.2%, its best day since May."
        );
    }

    #[test]
    fn a_line_going_on_with_an_amount_is_no_heading_nor_title_end() {
        // Hard-wrapped prose: `billion in the new plant over the next three`
        // has a heading's shape, but goes on with the amount above it.
        let t = "Acme plans plant\n\nThe company said on Tuesday it would invest\na total of $3.7\nbillion in the new plant over the next three\nyears, creating 2,000 jobs.\n";
        let s = split_sections(t, false, false);
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].kind, SectionKind::Body);
        assert!(t[s[1].start..s[1].end].ends_with("2,000 jobs."));
        // The first line is no title when the second goes on with its amount.
        let t = "売上高は3\n兆円に達した。\n次の文。";
        let s = split_sections(t, false, false);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].kind, SectionKind::Body);
    }

    #[test]
    fn markdown_headings() {
        let t = "# Title here\n\nIntro text.\n\n## Section one\nText one.\n";
        assert_eq!(
            kinds_and_headings(t, true),
            vec![
                (SectionKind::Title, "Title here".into()),
                (SectionKind::Body, "".into()),
                (SectionKind::Heading, "Section one".into()),
            ]
        );
    }

    #[test]
    fn datelines_are_not_headings_quoted_headings_are() {
        let q = "Deal talk\n\"This is big for us.\"\nHe said more.\n";
        assert_eq!(split_sections(q, false, false).len(), 2);
        let t = "日経平均が最高値\n2025年10月6日 16:05\n東京株式市場で日経平均株価は大幅に上昇した。\n■首相「国益守った」\n石破首相は記者団に語った。\n";
        assert_eq!(
            kinds_and_headings(t, false),
            vec![
                (SectionKind::Title, "日経平均が最高値".into()),
                (SectionKind::Body, "".into()),
                (SectionKind::Heading, "■首相「国益守った」".into()),
            ]
        );
    }

    #[test]
    fn single_line_article_is_body() {
        let t = "Just one line with $5 in it.";
        let s = split_sections(t, false, false);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].kind, SectionKind::Body);
    }

    #[test]
    fn markers() {
        assert!(is_marker("もっと見る"));
        assert!(is_marker("【関連記事】"));
        assert!(is_marker("Read more:"));
        assert!(is_marker("More from Reuters"));
        assert!(!is_marker(
            "More from the central bank is expected next week, analysts said."
        ));
    }
}
