//! Text helpers shared by the extractors: word boundaries that tolerate PDF
//! damage, token walking, sentence bounds and overlap resolution (names and
//! slugs are [`crate::names`]).
//!
//! Everything works on byte offsets into `NormalizedText::text` and only ever
//! slices at char boundaries, so that multi-byte names ("Côte d'Ivoire") are
//! safe.

use super::{EntityKind, Extractor, Mention};

/// The char that ends just before byte `i`, if any.
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// The char that starts at byte `i`, if any.
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether `[start, end)` is a whole word sequence in `text`.
///
/// `camel` lets a match start inside a token at a lower->upper case boundary,
/// because PDF extraction runs words together ("ofKazakhstan"); callers only
/// allow it for multi-letter capitalised names, where it cannot misfire on
/// ordinary words.
pub(crate) fn is_bounded(text: &str, start: usize, end: usize, camel: bool) -> bool {
    let left = match char_before(text, start) {
        None => true,
        Some(b) if !is_word_char(b) => true,
        Some(b) => {
            camel
                && b.is_lowercase()
                && char_at(text, start).is_some_and(char::is_uppercase)
                && end - start >= 4
        }
    };
    left && char_at(text, end).is_none_or(|c| !is_word_char(c))
}

/// Whether the word starting at byte `i` starts with an upper-case letter.
pub(crate) fn is_capitalised_at(text: &str, i: usize) -> bool {
    char_at(text, i).is_some_and(char::is_uppercase)
}

/// A word of the text: letters, digits, apostrophes and inner hyphens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

fn is_token_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '-'
}

/// The token that starts at or after byte `i`, skipping spaces only (not
/// punctuation, so that callers can stop at a comma or a full stop).
pub(crate) fn next_token(text: &str, mut i: usize) -> Option<Token> {
    let bytes = text.as_bytes();
    while i < bytes.len() && bytes[i] == b' ' {
        i += 1;
    }
    let start = i;
    let mut end = i;
    for (off, c) in text.get(i..)?.char_indices() {
        if !is_token_char(c) {
            break;
        }
        end = i + off + c.len_utf8();
    }
    // A trailing apostrophe or hyphen belongs to the punctuation ("Guterres'").
    while end > start && matches!(bytes[end - 1], b'\'' | b'-') {
        end -= 1;
    }
    (end > start).then_some(Token { start, end })
}

/// The token that ends at or before byte `i`, skipping spaces only.
pub(crate) fn prev_token(text: &str, mut i: usize) -> Option<Token> {
    let bytes = text.as_bytes();
    while i > 0 && bytes[i - 1] == b' ' {
        i -= 1;
    }
    let end = i;
    let mut start = i;
    for (off, c) in text.get(..i)?.char_indices().rev() {
        if !is_token_char(c) {
            break;
        }
        start = off;
    }
    while start < end && matches!(bytes[start], b'\'' | b'-') {
        start += 1;
    }
    (end > start).then_some(Token { start, end })
}

/// Sentence boundaries of a text, computed once per speech so that events
/// and persons can ask "same sentence?" in O(log n).
pub(crate) struct Sentences {
    /// Byte offsets where sentences start, ascending, starting with 0.
    starts: Vec<usize>,
    len: usize,
}

/// Abbreviations that end in a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Ms", "Mrs", "Dr", "St", "No", "Nos", "Messrs", "Prof", "Gen", "Lt", "Col", "Sr", "Jr",
    "Rev", "para", "paras", "Vol", "art", "Art", "cf", "e.g", "i.e", "p", "pp", "U.N", "U.S",
];

impl Sentences {
    /// Splits `text` at `.`, `?`, `!` followed by a space and an upper-case
    /// letter, and at paragraph breaks.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b == b'\n' {
                let mut j = i;
                while j < bytes.len() && bytes[j] == b'\n' {
                    j += 1;
                }
                starts.push(j);
                i = j;
                continue;
            }
            if matches!(b, b'.' | b'?' | b'!' | b';')
                && bytes.get(i + 1) == Some(&b' ')
                && bytes.get(i + 2).is_some_and(|c| c.is_ascii_uppercase() || *c == b'"')
            {
                let abbrev = b == b'.'
                    && prev_token(text, i).is_some_and(|t| {
                        let w = t.text(text);
                        ABBREVIATIONS.contains(&w) || (w.len() == 1 && w.as_bytes()[0].is_ascii_uppercase())
                    });
                if !abbrev {
                    starts.push(i + 2);
                }
            }
            i += 1;
        }
        Sentences { starts, len: text.len() }
    }

    /// Byte offsets where sentences start, ascending, starting with 0.
    pub fn starts(&self) -> &[usize] {
        &self.starts
    }

    /// The sentence `[start, end)` that contains byte `i`.
    pub fn around(&self, i: usize) -> (usize, usize) {
        let k = self.starts.partition_point(|&s| s <= i);
        let start = self.starts[k.saturating_sub(1)];
        let end = self.starts.get(k).copied().unwrap_or(self.len);
        (start, end)
    }
}

/// Keeps, among `cands`, a set of pairwise non-overlapping mentions, longer
/// spans first, then lower `rank`, then earlier, then by kind and key;
/// returns them sorted by start.
///
/// Greedy longest-first is what the guidelines ask for ("the longest match
/// wins"); the interval set makes it O(n log n). The order is total, so
/// which candidate wins never depends on the order they were found in.
pub(crate) fn resolve_overlaps(mut cands: Vec<Mention>, rank: impl Fn(&Mention) -> u8) -> Vec<Mention> {
    cands.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then_with(|| rank(a).cmp(&rank(b)))
            .then_with(|| a.start.cmp(&b.start))
            .then_with(|| a.kind.cmp(&b.kind))
            .then_with(|| a.key.cmp(&b.key))
    });
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut out = Vec::with_capacity(cands.len());
    for m in cands {
        let clash_before = taken.range(..m.end).next_back().is_some_and(|(_, &e)| e > m.start);
        if clash_before {
            continue;
        }
        taken.insert(m.start, m.end);
        out.push(m);
    }
    out.sort_by_key(|m| (m.start, m.end));
    out
}

/// A mention with the usual defaults, to keep extractor code short.
pub(crate) fn mention(
    start: usize,
    end: usize,
    kind: EntityKind,
    key: String,
    label: String,
    extractor: Extractor,
    confidence: f32,
) -> Mention {
    Mention { start, end, kind, key, label, extractor, confidence }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_allow_run_together_names_only_at_case_change() {
        let t = "condolences ofKazakhstan and Romania";
        let k = t.find("Kazakhstan").unwrap();
        assert!(is_bounded(t, k, k + 10, true));
        assert!(!is_bounded(t, k, k + 10, false));
        let o = t.find("oman").unwrap();
        assert!(!is_bounded(t, o, o + 4, true));
    }

    #[test]
    fn tokens_skip_spaces_and_stop_at_punctuation() {
        let t = "Secretary-General Guterres' vision, and";
        let a = next_token(t, 0).unwrap();
        assert_eq!(a.text(t), "Secretary-General");
        let b = next_token(t, a.end).unwrap();
        assert_eq!(b.text(t), "Guterres");
        assert_eq!(prev_token(t, t.find(',').unwrap()).unwrap().text(t), "vision");
    }

    #[test]
    fn sentences_ignore_titles() {
        let t = "We thank Mr. Voronkov. The attack in Kabul was horrific.";
        let s = Sentences::new(t);
        let k = t.find("Kabul").unwrap();
        let (a, b) = s.around(k);
        assert_eq!(&t[a..b], "The attack in Kabul was horrific.");
        let (a, _) = s.around(t.find("Voronkov").unwrap());
        assert_eq!(a, 0);
    }

    #[test]
    fn longest_wins_in_overlaps() {
        let m = |s, e| mention(s, e, EntityKind::State, String::new(), String::new(), Extractor::Pattern, 1.0);
        let out = resolve_overlaps(vec![m(0, 5), m(3, 20), m(20, 25), m(21, 22)], |_| 0);
        let spans: Vec<_> = out.iter().map(|m| (m.start, m.end)).collect();
        assert_eq!(spans, vec![(3, 20), (20, 25)]);
    }
}
