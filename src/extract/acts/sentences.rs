//! Sentences as acts need them: the extractors' sentence bounds, except
//! that a line break inside a sentence (a page break of the PDF between
//! "our most sincere appreciation" and "to the Chinese presidency") does
//! not end it, nor does a semicolon, and that a full stop run into the next word ("put their
//! needs first.We are particularly appalled") does.

use crate::extract::matcher::Sentences;

/// Sentence bounds of one text.
pub struct Bounds {
    starts: Vec<usize>,
    len: usize,
}

impl Bounds {
    /// The sentences of `text`.
    pub fn new(text: &str) -> Self {
        let base = Sentences::new(text);
        let bytes = text.as_bytes();
        let mut starts: Vec<usize> = base
            .starts()
            .iter()
            .copied()
            .filter(|&s| {
                // A semicolon joins clauses of one sentence, often a list
                // ("... Counter-Terrorism; Assistant Secretary-General
                // Coninsx ...; and Ms. Joana Cook").
                if s >= 2 && bytes[s - 2] == b';' {
                    return false;
                }
                if s == 0 || bytes[s - 1] != b'\n' {
                    return true;
                }
                // A break between a lower-case word or a comma and a
                // lower-case word is inside a sentence.
                let before = text[..s].trim_end().chars().next_back();
                let after = text[s..].chars().next();
                !(before.is_some_and(|c| c.is_lowercase() || c == ',') && after.is_some_and(char::is_lowercase))
            })
            .collect();
        for i in 2..bytes.len().saturating_sub(2) {
            if bytes[i] == b'.'
                && bytes[i - 1].is_ascii_lowercase()
                && bytes[i - 2].is_ascii_lowercase()
                && bytes[i + 1].is_ascii_uppercase()
                && bytes[i + 2].is_ascii_lowercase()
            {
                starts.push(i + 1);
            }
        }
        starts.sort_unstable();
        starts.dedup();
        Bounds { starts, len: text.len() }
    }

    /// The sentence `[start, end)` that contains byte `i`.
    pub fn around(&self, i: usize) -> (usize, usize) {
        let k = self.starts.partition_point(|&s| s <= i);
        let start = self.starts[k.saturating_sub(1)];
        let end = self.starts.get(k).copied().unwrap_or(self.len);
        (start, end)
    }
}

#[cfg(test)]
mod tests {
    use super::Bounds;

    #[test]
    fn page_breaks_do_not_end_sentences_and_run_in_stops_do() {
        let t = "Likewise, I offer our appreciation\n\nto the Chinese presidency. It was good.";
        assert_eq!(Bounds::new(t).around(40).0, 0);
        assert_eq!(Bounds::new(t).around(70).0, 63);
        let t = "put their needs first.We are appalled.";
        assert_eq!(Bounds::new(t).around(25).0, 22);
        let t = "First paragraph.\n\nSecond one.";
        assert_eq!(Bounds::new(t).around(20).0, 18);
    }
}
