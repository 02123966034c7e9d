//! Bytes to text: UTF-8, or Windows-1252 where a file is not valid UTF-8.

/// A decoded speech file.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// True when the file was not valid UTF-8 and was read as Windows-1252.
    pub was_cp1252: bool,
}

/// Decodes a speech file's bytes. Never fails: Windows-1252 maps every byte.
pub fn decode(bytes: &[u8]) -> Decoded {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded { text: text.to_owned(), was_cp1252: false },
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            Decoded { text: text.into_owned(), was_cp1252: true }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_utf8_and_falls_back_to_cp1252() {
        assert_eq!(decode("Côte d’Ivoire".as_bytes()).text, "Côte d’Ivoire");
        let d = decode(b"C\xF4te d\x92Ivoire");
        assert!(d.was_cp1252);
        assert_eq!(d.text, "Côte d’Ivoire");
        assert!(!decode(b"\xEF\xBB\xBFMr. X").was_cp1252);
        assert_eq!(decode(b"\xEF\xBB\xBFMr. X").text, "Mr. X");
    }
}
