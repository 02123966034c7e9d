//! Bytes to text: UTF-8, UTF-16 where a byte-order mark says so, or
//! Windows-1252 where a file is not valid UTF-8.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// How a speech file's bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16 little-endian, announced by its byte-order mark.
    Utf16Le,
    /// UTF-16 big-endian, announced by its byte-order mark.
    Utf16Be,
    /// Not valid UTF-8, read as Windows-1252 (which maps every byte).
    Windows1252,
}

impl TextEncoding {
    /// The warning a build gives for a file read this way, if any: only
    /// UTF-8 is what the corpora promise.
    pub fn warning(self) -> Option<&'static str> {
        match self {
            TextEncoding::Utf8 => None,
            TextEncoding::Utf16Le => Some("UTF-16 (little-endian) with a byte-order mark: decoded"),
            TextEncoding::Utf16Be => Some("UTF-16 (big-endian) with a byte-order mark: decoded"),
            TextEncoding::Windows1252 => Some("not valid UTF-8: read as Windows-1252"),
        }
    }
}

/// A decoded speech file.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text, without a byte-order mark: every character offset the graph
    /// records counts from its first character.
    pub text: String,
    /// How the bytes were read.
    pub encoding: TextEncoding,
    /// The line a warning about the encoding concerns: that of the first
    /// byte that is not UTF-8 where the file was read as Windows-1252, else 1.
    pub line: u64,
}

/// Decodes a speech file's bytes. Never fails: Windows-1252 maps every byte,
/// and malformed UTF-16 becomes U+FFFD.
pub fn decode(bytes: &[u8]) -> Decoded {
    let utf16 = |encoding: &'static Encoding, rest: &[u8], which| {
        let (text, _) = encoding.decode_without_bom_handling(rest);
        Decoded { text: text.into_owned(), encoding: which, line: 1 }
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(UTF_16LE, rest, TextEncoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(UTF_16BE, rest, TextEncoding::Utf16Be);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded { text: text.to_owned(), encoding: TextEncoding::Utf8, line: 1 },
        Err(e) => {
            let line = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() as u64 + 1;
            // Without BOM handling: `decode` would sniff a second mark
            // ("\xEF\xBB\xBF\xFF\xFE...") and read the rest as UTF-16 or
            // lossy UTF-8 while the file is reported as Windows-1252.
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            Decoded { text: text.into_owned(), encoding: TextEncoding::Windows1252, line }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, little: bool) -> Vec<u8> {
        let mut bytes = if little { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
        for unit in text.encode_utf16() {
            bytes.extend(if little { unit.to_le_bytes() } else { unit.to_be_bytes() });
        }
        bytes
    }

    #[test]
    fn reads_utf8_and_falls_back_to_cp1252() {
        assert_eq!(decode("Côte d’Ivoire".as_bytes()).text, "Côte d’Ivoire");
        let d = decode(b"C\xF4te d\x92Ivoire");
        assert_eq!(d.encoding, TextEncoding::Windows1252);
        assert_eq!(d.text, "Côte d’Ivoire");
        assert_eq!(decode(b"Mr. X:\r\none\n\ntwo C\xF4te").line, 4, "the line of the first byte that is not UTF-8");
        assert_eq!(decode(b"\xEF\xBB\xBFMr. X").encoding, TextEncoding::Utf8);
        assert_eq!(decode(b"\xEF\xBB\xBFMr. X").text, "Mr. X");
    }

    #[test]
    fn a_second_byte_order_mark_is_text_not_a_switch() {
        // Found by fuzzing: Windows-1252 must map every byte, marks included.
        let d = decode(b"\xEF\xBB\xBF\xFF\xFEMr. X");
        assert_eq!(d.encoding, TextEncoding::Windows1252);
        assert_eq!(d.text, "\u{FF}\u{FE}Mr. X");
        let d = decode(b"\xEF\xBB\xBF\xEF\xBB\xBFC\xF4te");
        assert_eq!(d.text, "\u{EF}\u{BB}\u{BF}C\u{F4}te");
    }

    #[test]
    fn reads_utf16_by_its_byte_order_mark() {
        let text = "Mr. Sadykov (Kazakhstan): Côte d’Ivoire 𝔘";
        for little in [true, false] {
            let d = decode(&utf16(text, little));
            assert_eq!(d.text, text);
            assert_eq!(d.encoding, if little { TextEncoding::Utf16Le } else { TextEncoding::Utf16Be });
            assert!(d.encoding.warning().is_some());
        }
        // An odd trailing byte is damage, not a reason to refuse the file.
        let mut odd = utf16("Mr. X", true);
        odd.push(b'!');
        assert!(decode(&odd).text.starts_with("Mr. X"));
    }
}
