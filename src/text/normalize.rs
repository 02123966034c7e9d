//! Line-break, hyphenation and quote normalisation with an offset map.

/// Normalised text plus, for every byte of it, the character offset in the
/// original (decoded) text where that byte came from.
///
/// Extractors work on [`NormalizedText::text`] with byte offsets; the RDF
/// stage turns those into character offsets into the original text with
/// [`NormalizedText::original_span`], so that every quote can be checked
/// against the source file.
#[derive(Debug, Clone)]
pub struct NormalizedText {
    /// The cleaned text: LF only, paragraphs separated by one blank line,
    /// lines inside a paragraph joined by one space, words broken by a
    /// line-end hyphen joined again, typographic quotes made ASCII.
    pub text: String,
    /// `origin[i]` is the original character offset of normalised byte `i`;
    /// one extra entry maps `text.len()` to the end of the original.
    origin: Vec<u32>,
}

impl NormalizedText {
    /// The original character span `[start, end)` that the normalised byte
    /// span `[start, end)` was made from.
    pub fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.origin[start] as usize;
        // The end is one past the last byte's origin, so that a span ending in
        // a joined hyphenation covers the original hyphen and line break too.
        let e = if end == 0 { 0 } else { self.origin[end - 1] as usize + 1 };
        (s, e.max(s))
    }
}

/// Normalises `original`, which starts at character offset `base` of the
/// decoded file (the body after a header line, say).
pub fn normalize(original: &str, base: usize) -> NormalizedText {
    let chars: Vec<char> = original.chars().collect();
    let mut text = String::with_capacity(original.len());
    let mut origin: Vec<u32> = Vec::with_capacity(original.len() + 1);
    let push = |text: &mut String, origin: &mut Vec<u32>, c: char, at: usize| {
        let before = text.len();
        text.push(c);
        origin.extend(std::iter::repeat((base + at) as u32).take(text.len() - before));
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\r' || c == '\n' {
            // Count the line breaks in this run of white space: one is a
            // wrapped line, two or more a paragraph or page break.
            let start = i;
            let mut breaks = 0;
            while i < chars.len() && chars[i].is_whitespace() {
                if chars[i] == '\n' {
                    breaks += 1;
                }
                i += 1;
            }
            let prev = text.chars().next_back();
            let next = chars.get(i).copied();
            if breaks >= 2 {
                if !text.is_empty() && i < chars.len() {
                    push(&mut text, &mut origin, '\n', start);
                    push(&mut text, &mut origin, '\n', start);
                }
            } else if prev == Some('-') && next.is_some_and(char::is_lowercase) && is_broken_word(&text) {
                // "terror-\nism": a word broken by the layout, not a compound.
                text.pop();
                origin.pop();
            } else if prev.is_some_and(|p| p != '-' && p != ' ') && i < chars.len() {
                push(&mut text, &mut origin, ' ', start);
            }
            continue;
        }
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            '\u{00A0}' | '\t' | '\u{2009}' | '\u{202F}' => ' ',
            '\u{00AD}' => {
                i += 1;
                continue;
            }
            c => c,
        };
        push(&mut text, &mut origin, c, i);
        i += 1;
    }
    origin.push((base + chars.len()) as u32);
    NormalizedText { text, origin }
}

/// Whether the hyphen ending `text` breaks a lower-case word ("terror-"),
/// rather than ending a compound's first part ("Counter-", "Under-", "co-").
fn is_broken_word(text: &str) -> bool {
    let word: String = text[..text.len() - 1]
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect();
    let first_upper = word.chars().last().is_some_and(char::is_uppercase);
    // Short first parts are prefixes that keep their hyphen (co-, re-, anti-).
    !first_upper && word.chars().count() > 4
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote<'a>(orig: &'a str, n: &NormalizedText, needle: &str) -> String {
        let b = n.text.find(needle).expect("needle in normalised text");
        let (s, e) = n.original_span(b, b + needle.len());
        orig.chars().skip(s).take(e - s).collect()
    }

    #[test]
    fn joins_wrapped_lines_and_keeps_compound_hyphens() {
        let orig = "the Counter-\r\nTerrorism Committee\r\nmet in\r\n\r\n\r\nTehran";
        let n = normalize(orig, 0);
        assert_eq!(n.text, "the Counter-Terrorism Committee met in\n\nTehran");
        assert_eq!(quote(orig, &n, "Counter-Terrorism"), "Counter-\r\nTerrorism");
        assert_eq!(quote(orig, &n, "Tehran"), "Tehran");
    }

    #[test]
    fn a_trailing_space_before_a_line_break_gives_one_space() {
        let n = normalize("Human \r\nRights Council", 0);
        assert_eq!(n.text, "Human Rights Council");
    }

    #[test]
    fn rejoins_words_broken_at_line_ends() {
        let orig = "against terror-\nism and co-\noperation";
        let n = normalize(orig, 0);
        assert_eq!(n.text, "against terrorism and co-operation");
        assert_eq!(quote(orig, &n, "terrorism"), "terror-\nism");
    }

    #[test]
    fn maps_multibyte_text_in_characters() {
        let orig = "Côte d\u{2019}Ivoire and Da\u{2019}esh";
        let n = normalize(orig, 10);
        assert_eq!(n.text, "Côte d'Ivoire and Da'esh");
        let b = n.text.find("Da'esh").unwrap();
        assert_eq!(n.original_span(b, b + 6), (10 + 18, 10 + 24));
    }
}
