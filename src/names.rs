//! One way to name things: slugs, accent folding, the leading "the", and
//! edit distance, for every stage that turns a name into a key or compares
//! two names.
//!
//! Two slugs exist on purpose, and each says which IRIs it mints:
//! [`slug`] folds accents and drops apostrophes; it keys every entity no
//! gazetteer lists (organisations, places, persons, acronyms), whichever
//! stage met the name (the text or a speaker's header or metadata), so that
//! one name gives one IRI. [`slug_keeping_accents`] keeps letters as
//! written; it names what was minted that way before the two met (a
//! state's former names, persons without a key) and changing it would move
//! published IRIs.

/// Folds the Latin accents common in UN names onto ASCII; `None` for what
/// is neither an ASCII letter or digit nor a known accented letter.
pub fn fold_accent(c: char) -> Option<char> {
    let f = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'ç' | 'č' | 'ć' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ñ' | 'ń' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
        'ý' | 'ÿ' => 'y',
        'š' | 'ś' | 'ş' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ğ' => 'g',
        'ł' => 'l',
        'ř' => 'r',
        c if c.is_ascii_alphanumeric() => c,
        _ => return None,
    };
    Some(f)
}

/// A lowercase ASCII slug of a name, the key of entities no gazetteer lists:
/// "Syrian Constitutional Committee" -> "syrian-constitutional-committee",
/// "People's Council" -> "peoples-council".
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        match fold_accent(c) {
            Some(f) => out.push(f),
            None if c == '\'' => {}
            None => {
                if !out.is_empty() && !out.ends_with('-') {
                    out.push('-');
                }
            }
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// A lowercase slug keeping letters as written, apostrophes becoming
/// dashes: `Côte d'Ivoire` -> `côte-d-ivoire` (see the module's note on
/// why it is not [`slug`]).
pub fn slug_keeping_accents(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// A name without its leading article: "the Russian Federation" and "The
/// Gambia" name what "Russian Federation" and "Gambia" name.
pub fn strip_the(s: &str) -> &str {
    s.strip_prefix("the ").or_else(|| s.strip_prefix("The ")).unwrap_or(s)
}

/// A name reduced to what spelling variants share: lower case, letters and
/// digits only, single spaces, no leading "the".
pub fn fold_spelling(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    strip_the(out.trim_end()).to_string()
}

/// Edit distance (Levenshtein) between `a` and `b` if it is at most `max`,
/// else `None`; banded, so linear in the length. Generic over the unit
/// compared, since callers compare chars or bytes.
pub fn bounded_distance<T: PartialEq>(a: &[T], b: &[T], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let n = b.len();
    let mut prev: Vec<usize> = (0..=n).collect();
    let mut cur = vec![0; n + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let lo = (i + 1).saturating_sub(max).max(1);
        let hi = (i + 1 + max).min(n);
        if lo > 1 {
            cur[lo - 1] = max + 1;
        }
        let mut best = cur[0];
        for j in lo..=hi {
            let cost = usize::from(*ca != b[j - 1]);
            cur[j] = (prev[j - 1] + cost).min(prev[j] + 1).min(cur[j - 1] + 1);
            best = best.min(cur[j]);
        }
        if hi < n {
            cur[hi + 1] = max + 1;
        }
        if best > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    (prev[n] <= max).then_some(prev[n])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_and_dashed() {
        assert_eq!(slug("Syrian Constitutional Committee"), "syrian-constitutional-committee");
        assert_eq!(slug("António Guterres"), "antonio-guterres");
        assert_eq!(slug("People's Council"), "peoples-council");
        assert_eq!(
            slug("Security Council Committee established pursuant to resolution 2140 (2014)"),
            "security-council-committee-established-pursuant-to-resolution-2140-2014"
        );
    }

    #[test]
    fn slugs_keeping_accents_keep_them() {
        assert_eq!(slug_keeping_accents("Vladimir  Voronkov"), "vladimir-voronkov");
        assert_eq!(slug_keeping_accents("Côte d'Ivoire"), "côte-d-ivoire");
    }

    #[test]
    fn the_article_goes_once() {
        assert_eq!(strip_the("the Gambia"), "Gambia");
        assert_eq!(strip_the("The Gambia"), "Gambia");
        assert_eq!(strip_the("Theatre"), "Theatre");
        assert_eq!(fold_spelling("The  Office of Counter-Terrorism"), "office of counter terrorism");
    }

    /// An organisation no gazetteer lists, named by a speaker's metadata
    /// and in a speech's text, is one organisation with one IRI.
    #[test]
    fn one_name_from_metadata_or_text_is_one_iri() {
        use crate::corpus::{Layout, SpeechMeta};
        for name in ["Réseau Femmes Alliance", "The Réseau Femmes Alliance", "O'Brien Peace Alliance"] {
            let meta = SpeechMeta { country: Some(name.into()), ..SpeechMeta::default() };
            let layout = Layout::of(std::path::Path::new("UNSC_2020_SPV.8699_spch001.txt"));
            let mut warnings = Vec::new();
            let speaker = crate::speech::identify_speaker(None, &meta, &layout, crate::reference::Reference::for_tests(), &mut warnings);
            let by_meta = speaker.organisation.unwrap_or_else(|| panic!("{name}: {warnings:?}"));
            let text = format!("We heard {name} today.");
            let found = crate::extract::organisations::by_pattern(&text, |_, _| false);
            assert_eq!(found.len(), 1, "{name}: {found:?}");
            assert_eq!(crate::rdf::iri::organisation(&by_meta), crate::rdf::iri::organisation(&found[0].key), "{name}");
        }
    }

    #[test]
    fn distance_is_exact_within_the_band() {
        assert_eq!(bounded_distance(&['a', 'b', 'c'], &['a', 'c', 'b'], 2), Some(2));
        assert_eq!(bounded_distance(&['a', 'b', 'c', 'd'], &['x', 'y', 'c', 'd'], 1), None);
        assert_eq!(bounded_distance(b"kyrgyztan", b"kyrgyzstan", 1), Some(1));
        assert_eq!(bounded_distance(b"", b"ab", 2), Some(2));
    }
}
