//! Width folding. Japanese news mixes `２４億ドル` and `24億ドル`, `ＵＳＴＲ` and `USTR`,
//! `ソフトバンク` and the half-width `ｿﾌﾄﾊﾞﾝｸ` of older systems; rules are written
//! once against the half-width ASCII and full-width kana forms.
//!
//! Almost every folded character replaces exactly one original character, so
//! code-point offsets are the same in both views. The one exception is a
//! half-width kana followed by a half-width voiced or semi-voiced mark (`ﾄﾞ`,
//! `ﾊﾟ`): two code points that fold into one (`ド`, `パ`). `Normalized`
//! remembers where that happened, and [`Normalized::original_chars`] turns
//! code-point offsets of the folded view into those of the original. Byte
//! offsets differ anyway and are converted once per article (see `offsets`).
//! Kanji and full-width kana are never changed.

/// The folded view of one article.
#[derive(Debug, Clone)]
pub struct Normalized {
    /// The folded view the rules run on.
    pub text: String,
    /// Code-point offsets in `text` of the characters that stand for two
    /// original ones (a half-width kana and its mark), ascending.
    merged: Vec<usize>,
}

impl Normalized {
    pub fn new(original: &str) -> Normalized {
        let mut text = String::with_capacity(original.len());
        let mut merged = Vec::new();
        let mut at = 0; // code points written to `text`
        let mut rest = original;
        loop {
            // ASCII is never folded, nor joined to a mark: copied a run at a time.
            let ascii = rest
                .bytes()
                .position(|b| !b.is_ascii())
                .unwrap_or(rest.len());
            text.push_str(&rest[..ascii]);
            at += ascii;
            rest = &rest[ascii..];
            let mut chars = rest.chars();
            let Some(c) = chars.next() else {
                break;
            };
            let folded = fold_char(c);
            let mark = chars.next();
            match mark.and_then(|m| compose_mark(folded, m).map(|v| (v, m))) {
                Some((v, m)) => {
                    text.push(v);
                    merged.push(at);
                    rest = &rest[c.len_utf8() + m.len_utf8()..];
                }
                None => {
                    text.push(folded);
                    rest = &rest[c.len_utf8()..];
                }
            }
            at += 1;
        }
        Normalized { text, merged }
    }

    /// Convert code-point offsets of the folded view, in place, to code-point
    /// offsets of the original: an offset after a merged character moves by
    /// one for each merged character before it.
    pub fn original_chars(&self, offsets: &mut [usize]) {
        if self.merged.is_empty() {
            return;
        }
        for o in offsets {
            *o += self.merged.partition_point(|&m| m < *o);
        }
    }

    /// The length of the original text in code points, given the folded
    /// view's (`text.chars().count()`, which the caller may have at hand).
    pub fn original_len(&self, folded_chars: usize) -> usize {
        folded_chars + self.merged.len()
    }
}

/// The half-width katakana block U+FF61–U+FF9F in full width, in code-point
/// order: punctuation, small kana, the prolonged sound mark, the kana, and the
/// two marks standing alone.
const HALF_WIDTH_KANA: &str = "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン゛゜";

/// Fold one character: full-width ASCII (U+FF01–U+FF5E) to ASCII, the ideographic
/// space to a space, full-width currency signs to their usual forms, the minus sign
/// and the wave dash to `-` and `~`, half-width katakana and its punctuation to
/// full width (a voiced mark alone to `゛`/`゜`; `Normalized` joins it to the
/// kana before it). Everything else is returned as is.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
        '\u{FF61}'..='\u{FF9F}' => HALF_WIDTH_KANA
            .chars()
            .nth(c as usize - 0xFF61)
            .unwrap_or(c),
        '\u{3000}' => ' ',
        '\u{FFE5}' => '¥',
        '\u{FFE1}' => '£',
        '\u{FFE0}' => '¢',
        '\u{2212}' => '-',
        '\u{301C}' => '~',
        _ => c,
    }
}

/// The voiced (`ﾞ`) or semi-voiced (`ﾟ`) form of the full-width kana `base`
/// when the half-width mark `mark` follows it: `ト`+`ﾞ` → `ド`, `ハ`+`ﾟ` → `パ`,
/// `ウ`+`ﾞ` → `ヴ`. None when `mark` is no such mark or `base` takes none.
fn compose_mark(base: char, mark: char) -> Option<char> {
    // The full-width kana that take a mark are each followed by their voiced
    // form (カ ガ, ハ バ パ): the mark adds one, the semi-voiced mark two.
    match mark {
        '\u{FF9E}' if base == 'ウ' => Some('ヴ'),
        '\u{FF9E}' if "カキクケコサシスセソタチツテトハヒフヘホ".contains(base) => {
            char::from_u32(base as u32 + 1)
        }
        '\u{FF9F}' if "ハヒフヘホ".contains(base) => char::from_u32(base as u32 + 2),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Folding a character at a time, as `Normalized::new` did before it
    /// copied ASCII runs whole: what it must still give.
    fn fold_each(original: &str) -> (String, Vec<usize>) {
        let mut text = String::new();
        let mut merged = Vec::new();
        let mut chars = original.chars().peekable();
        let mut at = 0;
        while let Some(c) = chars.next() {
            let folded = fold_char(c);
            match chars.peek().and_then(|&m| compose_mark(folded, m)) {
                Some(v) => {
                    chars.next();
                    text.push(v);
                    merged.push(at);
                }
                None => text.push(folded),
            }
            at += 1;
        }
        (text, merged)
    }

    #[test]
    fn ascii_runs_fold_as_characters_do() {
        for s in [
            "",
            "plain ASCII only.",
            "ﾄﾞ",
            "aﾄﾞb",
            "ｿﾌﾄﾊﾞﾝｸ 100億ﾄﾞﾙ, ＵＳＴＲ　１．５％ and ﾊﾟ",
            "ﾊﾞ ﾞ ﾟa ﾟ",
            "end with ﾊ",
            "ﾊ\u{FF9F}x\u{FF9E}ｳﾞ〜−２",
        ] {
            let n = Normalized::new(s);
            assert_eq!((n.text, n.merged), fold_each(s), "{s:?}");
        }
    }

    #[test]
    fn folds_full_width_digits_and_signs() {
        let n = Normalized::new("２４億ドル、７０％、ＵＳＴＲ　１．５％");
        assert_eq!(n.text, "24億ドル、70%、USTR 1.5%");
    }

    #[test]
    fn folds_half_width_kana_joining_marks() {
        let n = Normalized::new("100億ﾄﾞﾙ、ｿﾌﾄﾊﾞﾝｸ、50ﾊﾟｰｾﾝﾄ｡ｳﾞｨ ﾞ");
        assert_eq!(n.text, "100億ドル、ソフトバンク、50パーセント。ヴィ ゛");
        // Merged in the folded view at 4 (ド), 10 (バ), 16 (パ), 22 (ヴ).
        let mut offsets = [0, 4, 5, 6, 10, 11, 16, 17, 22, 23, 26];
        n.original_chars(&mut offsets);
        assert_eq!(offsets, [0, 4, 6, 7, 11, 13, 18, 20, 25, 27, 30]);
        assert_eq!(n.original_len(n.text.chars().count()), 30);
        assert_eq!("100億ﾄﾞﾙ、ｿﾌﾄﾊﾞﾝｸ、50ﾊﾟｰｾﾝﾄ｡ｳﾞｨ ﾞ".chars().count(), 30);
    }

    #[test]
    fn keeps_code_point_count() {
        let s = "約２４億ドル〜３０億ドル￥１００−３％";
        let n = Normalized::new(s);
        assert_eq!(n.text.chars().count(), s.chars().count());
        assert_eq!(n.text, "約24億ドル~30億ドル¥100-3%");
    }
}
