//! Bytes → text. UTF-8 (with or without BOM), UTF-16LE/BE with a BOM, Shift_JIS and
//! EUC-JP, decoded with encoding_rs. Nothing is replaced silently: bytes that no
//! supported encoding accepts are an error naming the line they are on.

use encoding_rs::{Encoding, EUC_JP, SHIFT_JIS, UTF_16BE, UTF_16LE};

/// Why a file's bytes could not be turned into an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// 1-based line of the offending byte, where one is known.
    pub line: Option<usize>,
    /// What is wrong with the bytes.
    pub reason: String,
}

/// Decode a whole text file. Returns the text (BOM removed) and the encoding's name.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError {
            line: None,
            reason: "empty file".into(),
        });
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest).map(|t| (t, "UTF-8 (BOM)"));
    }
    for (bom, enc, name) in [
        (&b"\xFF\xFE"[..], UTF_16LE, "UTF-16LE"),
        (&b"\xFE\xFF"[..], UTF_16BE, "UTF-16BE"),
    ] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            return strict(enc, rest)
                .map(|t| (t, name))
                .ok_or_else(|| DecodeError {
                    line: None,
                    reason: format!("invalid {name} data"),
                });
        }
    }
    if let Some(pos) = memchr::memchr(0, bytes) {
        return Err(DecodeError {
            line: Some(line_of(bytes, pos)),
            reason: format!("binary file (NUL byte at byte {pos})"),
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(t) => Ok((t.to_string(), "UTF-8")),
        Err(e) => {
            let bad = e.valid_up_to();
            let sjis = strict(SHIFT_JIS, bytes);
            let euc = strict(EUC_JP, bytes);
            match (sjis, euc) {
                (Some(s), Some(e)) => {
                    // Both accept the bytes: prefer the reading with more kana.
                    if kana(&e) > kana(&s) {
                        Ok((e, "EUC-JP"))
                    } else {
                        Ok((s, "Shift_JIS"))
                    }
                }
                (Some(s), None) => Ok((s, "Shift_JIS")),
                (None, Some(e)) => Ok((e, "EUC-JP")),
                (None, None) => Err(DecodeError {
                    line: Some(line_of(bytes, bad)),
                    reason: format!(
                        "undecodable bytes at byte {bad} (not UTF-8, UTF-16 with BOM, Shift_JIS or EUC-JP)"
                    ),
                }),
            }
        }
    }
}

fn utf8(bytes: &[u8]) -> Result<String, DecodeError> {
    std::str::from_utf8(bytes)
        .map(str::to_string)
        .map_err(|e| DecodeError {
            line: Some(line_of(bytes, e.valid_up_to())),
            reason: format!("invalid UTF-8 at byte {}", e.valid_up_to() + 3),
        })
}

fn strict(enc: &'static Encoding, bytes: &[u8]) -> Option<String> {
    enc.decode_without_bom_handling_and_without_replacement(bytes)
        .map(|c| c.into_owned())
}

fn kana(s: &str) -> usize {
    s.chars()
        .filter(|c| matches!(*c as u32, 0x3040..=0x30FF))
        .count()
}

/// 1-based line number of byte `pos`.
pub fn line_of(bytes: &[u8], pos: usize) -> usize {
    1 + memchr::memchr_iter(b'\n', &bytes[..pos.min(bytes.len())]).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("日本".as_bytes()).unwrap(), ("日本".into(), "UTF-8"));
        assert_eq!(
            decode(b"\xEF\xBB\xBFabc").unwrap(),
            ("abc".into(), "UTF-8 (BOM)")
        );
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("円安".encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode(&le).unwrap(), ("円安".into(), "UTF-16LE"));
        let mut be = vec![0xFE, 0xFF];
        be.extend("円安".encode_utf16().flat_map(|u| u.to_be_bytes()));
        assert_eq!(decode(&be).unwrap(), ("円安".into(), "UTF-16BE"));
    }

    #[test]
    fn shift_jis_and_euc_jp() {
        let text = "クアルコムは約24億ドルで買収することで合意した。";
        let (sj, _, _) = SHIFT_JIS.encode(text);
        assert_eq!(decode(&sj).unwrap(), (text.into(), "Shift_JIS"));
        let (eu, _, _) = EUC_JP.encode(text);
        assert_eq!(decode(&eu).unwrap(), (text.into(), "EUC-JP"));
    }

    #[test]
    fn empty_binary_and_undecodable() {
        assert_eq!(decode(b"").unwrap_err().reason, "empty file");
        let e = decode(b"line one\nabc\x00def").unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.reason.starts_with("binary file"));
        let e = decode(b"ok\nok\n\xFF\xFF\xFF\xFF").unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.reason.starts_with("undecodable bytes"));
    }
}
