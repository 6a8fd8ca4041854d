//! Width folding. Japanese news mixes `２４億ドル` and `24億ドル`, `ＵＳＴＲ` and `USTR`;
//! rules are written once against the half-width form.
//!
//! Every folded character replaces exactly one original character, so code-point
//! offsets are identical in both views: a fact found at folded code points
//! `[s, e)` is the original's `[s, e)`. Only byte offsets differ, and those are
//! converted once per article (see `offsets`). Kana and kanji are never changed.

/// The folded view of one article.
#[derive(Debug, Clone)]
pub struct Normalized {
    /// The half-width view the rules run on.
    pub text: String,
}

impl Normalized {
    pub fn new(original: &str) -> Normalized {
        let mut text = String::with_capacity(original.len());
        text.extend(original.chars().map(fold_char));
        Normalized { text }
    }
}

/// Fold one character: full-width ASCII (U+FF01–U+FF5E) to ASCII, the ideographic
/// space to a space, full-width currency signs to their usual forms, the minus sign
/// and the wave dash to `-` and `~`. Everything else is returned as is.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
        '\u{3000}' => ' ',
        '\u{FFE5}' => '¥',
        '\u{FFE1}' => '£',
        '\u{FFE0}' => '¢',
        '\u{2212}' => '-',
        '\u{301C}' => '~',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_full_width_digits_and_signs() {
        let n = Normalized::new("２４億ドル、７０％、ＵＳＴＲ　１．５％");
        assert_eq!(n.text, "24億ドル、70%、USTR 1.5%");
    }

    #[test]
    fn keeps_code_point_count() {
        let s = "約２４億ドル〜３０億ドル￥１００−３％";
        let n = Normalized::new(s);
        assert_eq!(n.text.chars().count(), s.chars().count());
        assert_eq!(n.text, "約24億ドル~30億ドル¥100-3%");
    }
}
