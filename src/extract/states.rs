//! States: names, official names, aliases and possessives come straight from
//! the gazetteer automaton; adjectives ("the Kuwaiti presidency", "the
//! Syrian people") count only where they mean the state, not a language
//! ("spoke in French") or part of a wider region ("Latin American").

use crate::gazetteer::Gazetteer;
use crate::gazetteer::surface::{SurfaceMatch, Target};

use super::matcher::{mention, next_token, prev_token};
use super::{EntityKind, Extractor, Mention};

/// Words that, before an adjective, make it a region's ("Latin American",
/// "North African" when no state owns it).
const REGION_WORDS: &[&str] = &["Latin", "North", "South", "Central", "East", "West", "Sub-Saharan", "Southern", "Northern", "Eastern", "Western", "Pan", "Anglo", "Afro", "Euro", "Indo", "Inter", "inter"];

/// Words after an adjective that make it a language.
const LANGUAGE_NOUNS: &[&str] = &["language", "languages", "version", "text", "translation", "interpretation", "speaking", "speakers", "-speaking"];

/// Whether the adjective at `[start, end)` is used for a language: "(spoke in
/// French)", "in Arabic and English", "the French language", "French-speaking".
fn is_language_use(text: &str, start: usize, end: usize) -> bool {
    if text[end..].starts_with("-speaking") {
        return true;
    }
    let next = next_token(text, end);
    if next.is_some_and(|t| LANGUAGE_NOUNS.contains(&t.text(text))) {
        return true;
    }
    // "in French", "into Arabic", "from Russian": a preposition before, and
    // no noun after ("in Syrian territory" is the state).
    let prev = prev_token(text, start).map(|t| t.text(text));
    let followed_by_noun = next.is_some_and(|t| {
        let w = t.text(text);
        t.start == end + 1 && w.chars().next().is_some_and(char::is_lowercase) && !matches!(w, "and" | "or" | "to" | "by")
    });
    matches!(prev, Some("in" | "into" | "from" | "and" | "or")) && !followed_by_noun && {
        // "and"/"or" only count when a language came just before ("in Arabic
        // and French"); approximated by a preceding "in" within a few words.
        match prev {
            Some("and" | "or") => {
                let mut from = start.saturating_sub(25);
                while !text.is_char_boundary(from) {
                    from -= 1;
                }
                let w = &text[from..start];
                w.contains(" in ") || w.contains(" into ") || w.contains(" from ")
            }
            _ => true,
        }
    }
}

/// State mentions among the gazetteer matches.
pub fn from_surface(g: &Gazetteer, text: &str, matches: &[SurfaceMatch]) -> Vec<Mention> {
    let mut out = Vec::new();
    for m in matches {
        let Some(t) = m.best() else { continue };
        let (i, adjective) = match t {
            Target::StateName(i) => (i, false),
            Target::StateAdjective(i) => (i, true),
            _ => continue,
        };
        let Some(state) = g.states.get(i as usize) else { continue };
        if adjective {
            if is_language_use(text, m.start, m.end) {
                continue;
            }
            let prev = prev_token(text, m.start);
            let glued = text[..m.start].ends_with('-') || text[..m.start].ends_with(' ');
            // "Indo-Chinese": the token before may keep its hyphen.
            if glued && prev.is_some_and(|p| REGION_WORDS.contains(&p.text(text).trim_end_matches('-'))) {
                continue;
            }
        }
        let confidence = if adjective { 0.85 } else { 0.97 };
        let extractor = if adjective { Extractor::Adjective } else { Extractor::Gazetteer };
        out.push(mention(m.start, m.end, EntityKind::State, state.alpha3.clone(), state.name.clone(), extractor, confidence));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    
    fn keys(t: &str) -> Vec<String> {
        from_surface(crate::gazetteer::gazetteer(), t, &crate::extract::bundled().surface().find(t)).into_iter().map(|m| m.key).collect()
    }

    #[test]
    fn names_possessives_and_adjectives() {
        assert_eq!(
            keys("Joining previous speakers, I wish to offer Kazakhstan's deepest condolences to the Government and the people of Iran"),
            ["KAZ", "IRN"]
        );
        assert_eq!(keys("We thank the Kuwaiti presidency for holding this most timely meeting."), ["KWT"]);
        assert_eq!(keys("I thank the Bolivian presidency for convening today's briefing"), ["BOL"]);
        assert_eq!(keys("the military pressure in Syria and Iraq"), ["SYR", "IRQ"]);
    }

    #[test]
    fn languages_and_regions_are_not_states() {
        assert!(keys("Mr. Michon (spoke in French): I thank").is_empty());
        assert!(keys("interpretation into Arabic and French").is_empty());
        assert!(keys("Latin American and Caribbean States").is_empty());
        assert_eq!(keys("in Syrian territory"), ["SYR"]);
        assert_eq!(keys("the French Government"), ["FRA"]);
        assert!(keys("the Indo-Chinese countries and the inter-American system").is_empty());
    }

    #[test]
    fn names_inside_longer_names_are_not_states() {
        assert_eq!(keys("the Democratic Republic of the Congo and the Central African Republic"), ["COD", "CAF"]);
    }
}
