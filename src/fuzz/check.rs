//! The properties every stage must keep, whatever bytes it was given. Each
//! check panics with what broke, so that a fuzzer records the input.

use crate::corpus::{Decoded, TextEncoding};
use crate::extract::acts::Target;
use crate::extract::{Extraction, Mention};
use crate::speech::Header;
use crate::text::NormalizedText;
use crate::rdf::vocab::nif;
use oxrdf::{Quad, Term};
use std::collections::HashMap;
use std::ops::Range;

/// Decoding keeps every byte it can: valid UTF-8 comes back unchanged (less
/// a byte-order mark), and Windows-1252 gives one character per byte.
pub fn decoded(bytes: &[u8], d: &Decoded) {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match d.encoding {
        TextEncoding::Utf8 => assert_eq!(d.text.as_bytes(), body, "UTF-8 must come back unchanged"),
        TextEncoding::Windows1252 => assert_eq!(d.text.chars().count(), body.len(), "Windows-1252 maps byte to char"),
        TextEncoding::Utf16Le | TextEncoding::Utf16Be => {
            assert!(bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF"), "UTF-16 only with a byte-order mark")
        }
    }
}

/// The offset map stays inside the original (which starts at character
/// `base`), never runs backwards, and every letter or digit of the
/// normalised text is the very character it maps to.
pub fn normalized(original: &str, base: usize, n: &NormalizedText) {
    let chars: Vec<char> = original.chars().collect();
    let end = base + chars.len();
    let (s, e) = n.original_span(0, n.text.len());
    assert!(base <= s && s <= e && e <= end, "whole span {s}..{e} outside {base}..{end}");
    let mut last = base;
    for (i, c) in n.text.char_indices() {
        let (s, e) = n.original_span(i, i + c.len_utf8());
        assert!(base <= s && s <= e && e <= end, "span of {c:?} at {i}: {s}..{e} outside {base}..{end}");
        assert!(s >= last, "offset map runs backwards at byte {i}: {s} < {last}");
        last = s;
        if c.is_alphanumeric() {
            assert_eq!(chars.get(s - base), Some(&c), "normalised {c:?} at byte {i} maps to another character");
        }
    }
}

/// Windows cover `text` in order, cut at character boundaries, none longer
/// than `size` but for a single character.
pub fn windows(text: &str, size: usize, ranges: &[Range<usize>]) {
    let mut at = 0;
    for r in ranges {
        assert_eq!(r.start, at, "windows must be contiguous");
        assert!(r.start < r.end || text.is_empty(), "empty window {r:?}");
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end), "window {r:?} cuts a character");
        let single = text[r.clone()].chars().count() == 1;
        assert!(r.len() <= size.max(8) || single, "window {r:?} longer than {size}");
        at = r.end;
    }
    assert_eq!(at, text.len(), "windows must cover the text");
}

/// A header's parts come from the text's first line, and the body starts
/// inside the text.
pub fn header(text: &str, h: &Header) {
    assert!(h.body_start <= text.chars().count(), "body_start {} past the end", h.body_start);
    assert!(text.contains(&h.printed), "printed header {:?} is not in the text", h.printed);
    for part in [&h.name, &h.affiliation].into_iter().flatten() {
        assert!(h.printed.contains(part.as_str()), "{part:?} is not in the printed header {:?}", h.printed);
    }
}

/// Spans are inside `text`, on character boundaries, and not empty.
pub fn mentions_in(text: &str, mentions: &[Mention]) {
    for m in mentions {
        assert!(m.start < m.end && m.end <= text.len(), "mention {m:?} outside 0..{}", text.len());
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end), "mention {m:?} cuts a character");
        assert!((0.0..=1.0).contains(&m.confidence), "confidence of {m:?}");
    }
}

/// What the RDF stage relies on: mentions inside the text, sorted and each
/// with a key, no two of one kind overlapping, events pointing at mentions
/// that exist.
pub fn extraction(text: &str, found: &Extraction) {
    mentions_in(text, &found.mentions);
    for m in &found.mentions {
        assert!(!m.key.is_empty(), "mention {m:?} has no key");
    }
    let mut last_end: HashMap<_, usize> = HashMap::new();
    for pair in found.mentions.windows(2) {
        assert!((pair[0].start, pair[0].end) <= (pair[1].start, pair[1].end), "mentions out of order: {pair:?}");
    }
    for m in &found.mentions {
        let end = last_end.entry(m.kind).or_insert(0);
        assert!(m.start >= *end, "{m:?} overlaps an earlier mention of its kind");
        *end = m.end;
    }
    for e in &found.events {
        assert!(e.start <= e.end && e.end <= text.len(), "event {e:?} outside the text");
        assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end), "event {e:?} cuts a character");
        assert!(e.place < found.mentions.len(), "event {e:?} points past the mentions");
        assert!(e.date.is_none_or(|d| d < found.mentions.len()), "event {e:?} points past the mentions");
    }
    for a in &found.acts {
        assert!(a.start <= a.end && a.end <= text.len(), "act {a:?} outside the text");
        assert!(text.is_char_boundary(a.start) && text.is_char_boundary(a.end), "act {a:?} cuts a character");
        match a.target {
            Target::Mention(i) => assert!(i < found.mentions.len(), "act {a:?} points past the mentions"),
            Target::Event(i) => assert!(i < found.events.len(), "act {a:?} points past the events"),
            Target::None => {}
            Target::Addressee => assert!(found.addressee.is_some(), "act {a:?} addresses a presidency nobody holds"),
        }
    }
}

/// Everything found in the window `range` of a text lies in that window:
/// spans count from the start of the whole text, not of the window.
pub fn in_window(found: &Extraction, range: &Range<usize>) {
    let inside = |s: usize, e: usize| range.start <= s && e <= range.end;
    for m in &found.mentions {
        assert!(inside(m.start, m.end), "mention {m:?} outside its window {range:?}");
    }
    for e in &found.events {
        assert!(inside(e.start, e.end), "event {e:?} outside its window {range:?}");
    }
    for a in &found.acts {
        assert!(inside(a.start, a.end), "act {a:?} outside its window {range:?}");
    }
}

/// Every mention in `quads` quotes `text` (the decoded file) exactly at its
/// offsets, counted in Unicode code points, and the offsets lie inside it;
/// the speech's `nif:isString` is that text.
/// Returns how many mentions were checked.
pub fn quotes(text: &str, quads: &[Quad]) -> usize {
    let chars: Vec<char> = text.chars().collect();
    #[derive(Default)]
    struct Span {
        begin: Option<usize>,
        end: Option<usize>,
        anchor: Option<String>,
    }
    let mut spans: HashMap<String, Span> = HashMap::new();
    for q in quads {
        let Term::Literal(value) = &q.object else { continue };
        let predicate = q.predicate.as_ref();
        if predicate == nif::IS_STRING {
            assert_eq!(value.value(), text, "the speech's nif:isString is not the decoded text");
            continue;
        }
        if ![nif::BEGIN_INDEX, nif::END_INDEX, nif::ANCHOR_OF].contains(&predicate) {
            continue;
        }
        let span = spans.entry(q.subject.to_string()).or_default();
        let number = || value.value().parse::<usize>().unwrap_or_else(|_| panic!("offset {value} is no number"));
        match predicate {
            p if p == nif::BEGIN_INDEX => span.begin = Some(number()),
            p if p == nif::END_INDEX => span.end = Some(number()),
            _ => span.anchor = Some(value.value().to_owned()),
        }
    }
    for (subject, span) in &spans {
        let (Some(b), Some(e), Some(anchor)) = (span.begin, span.end, &span.anchor) else {
            panic!("mention {subject} lacks its begin, end or quote");
        };
        assert!(b <= e && e <= chars.len(), "mention {subject}: {b}..{e} outside 0..{}", chars.len());
        let at: String = chars[b..e].iter().collect();
        assert_eq!(&at, anchor, "mention {subject}: the quote differs from the text at {b}..{e}");
    }
    spans.len()
}
