//! Cutting a very long text into stretches that the extractors read one at a
//! time, so that memory does not grow with a file's size.

use std::ops::Range;

/// Byte ranges that cover `text` in order, each at most `size` bytes (but
/// for a single character longer than that), cut where a reader would: at a
/// paragraph break if one falls in the second half of the window, else after
/// a sentence, else at a space, else between two characters. A name is lost
/// only where no space comes for half a window.
pub fn windows(text: &str, size: usize) -> Vec<Range<usize>> {
    let size = size.max(8);
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > size {
        let mut limit = start + size;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &text[start..limit];
        let half = window.len() / 2;
        let cut = [window.rfind("\n\n").map(|i| i + 2), window.rfind(". ").map(|i| i + 2), window.rfind(' ').map(|i| i + 1)]
            .into_iter()
            .flatten()
            .find(|&i| i > half)
            .unwrap_or(window.len());
        let cut = if cut == 0 { text[start..].chars().next().map_or(1, char::len_utf8) } else { cut };
        out.push(start..start + cut);
        start += cut;
    }
    if start < text.len() || out.is_empty() {
        out.push(start..text.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, size: usize) -> Vec<Range<usize>> {
        let ranges = windows(text, size);
        let mut at = 0;
        for r in &ranges {
            assert_eq!(r.start, at, "ranges are contiguous");
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            at = r.end;
        }
        assert_eq!(at, text.len(), "ranges cover the text");
        ranges
    }

    #[test]
    fn cuts_where_a_reader_would() {
        let text = "One sentence here. Another one follows.\n\nA new paragraph starts here and goes on.";
        let ranges = check(text, 48);
        assert_eq!(&text[ranges[0].clone()], "One sentence here. Another one follows.\n\n");
        let words = "word ".repeat(100);
        for r in check(&words, 32) {
            assert!(words[r].ends_with(' '), "cut at a space");
        }
    }

    #[test]
    fn copes_with_text_without_spaces() {
        check(&"é".repeat(1000), 33);
        check(&"x".repeat(1000), 8);
        check("", 10);
        check("short", 10);
    }
}
