//! Places that are not states: gazetteer places (continents, regions,
//! cities, seas...), the longest form winning ("South-East Asia", not
//! "Asia"), plus "X province/region/governorate" patterns for the
//! provinces no gazetteer lists ("Herat province" -> Herat).

use crate::gazetteer::Gazetteer;
use std::sync::LazyLock;

use regex::Regex;

use crate::gazetteer::surface::{SurfaceMatch, Target};

use super::matcher::mention;
use crate::names::slug;
use super::{EntityKind, Extractor, Mention};

/// One to three capitalised words before an administrative unit word.
static UNIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)((?:[A-Z][a-zA-Z'\-]+ ){0,2}[A-Z][a-zA-Z'\-]+) (?:[Pp]rovince|[Gg]overnorate|[Dd]istrict|[Rr]egion|[Oo]blast|[Pp]refecture|[Cc]ounty)(?-u:\b)",
    )
    .expect("unit regex compiles")
});

/// Words that end up before "region" without naming one ("the Arab
/// region", "Our region").
const NOT_PLACE_NAMES: &[&str] = &[
    "The", "This", "That", "Our", "My", "Its", "Their", "Your", "In", "Of", "And", "Arab", "Whole", "Entire",
    "Each", "Every", "One", "Which", "Same", "Greater", "Wider", "African", "European", "Asian", "Mediterranean",
];

/// Place mentions among the gazetteer matches.
pub fn from_surface(g: &Gazetteer, matches: &[SurfaceMatch]) -> Vec<Mention> {
    let mut out = Vec::new();
    for m in matches {
        let Some(Target::Place(i)) = m.best() else { continue };
        let Some(p) = g.places.get(i as usize) else { continue };
        out.push(mention(m.start, m.end, EntityKind::Place, p.key.clone(), p.label.clone(), Extractor::Gazetteer, 0.93));
    }
    out
}

/// "Herat province", "Idlib governorate": the name is the place, keyed by
/// the gazetteer when it lists the name, else by its slug. `is_state`
/// rejects names that are states ("the Syria region" is no new place).
pub fn by_pattern(g: &Gazetteer, text: &str, is_state: impl Fn(usize, usize) -> bool) -> Vec<Mention> {
    let mut out = Vec::new();
    for cap in UNIT.captures_iter(text) {
        let (Some(whole), Some(name)) = (cap.get(0), cap.get(1)) else { continue };
        let mut ns = name.start();
        // Drop leading function words that the regex swallowed.
        let mut n = name.as_str();
        while let Some((first, rest)) = n.split_once(' ') {
            if NOT_PLACE_NAMES.contains(&first) {
                ns += first.len() + 1;
                n = rest;
            } else {
                break;
            }
        }
        if NOT_PLACE_NAMES.contains(&n) || is_state(ns, name.end()) {
            continue;
        }
        let known = g.places.iter().find(|p| p.label == n || p.aliases.iter().any(|a| a == n));
        let (key, label) = match known {
            Some(p) => (p.key.clone(), p.label.clone()),
            None => (slug(n), n.to_string()),
        };
        out.push(mention(ns, whole.end(), EntityKind::Place, key, label, Extractor::Pattern, 0.8));
    }
    out
}

/// How specific a place is, lower is more specific: events take the most
/// specific place given ("Europe - Saint Petersburg" -> Saint Petersburg).
pub fn specificity(g: &Gazetteer, m: &Mention) -> u8 {
    if m.kind == EntityKind::State {
        return 4;
    }
    if m.extractor == Extractor::Pattern {
        return 2;
    }
    let kind = g.place(&m.key).map(|p| p.kind.to_ascii_lowercase()).unwrap_or_default();
    match kind.as_str() {
        "city" | "town" | "village" | "capital" | "site" | "district" | "neighbourhood" | "neighborhood" | "camp" => 1,
        "province" | "governorate" | "state" | "territory" | "island" | "oblast" | "area" | "valley" => 2,
        "river" | "sea" | "lake" | "basin" | "gulf" | "strait" | "ocean" => 3,
        "continent" => 6,
        "region" | "subregion" => 5,
        _ => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provinces_by_pattern() {
        let t = "the attack in Herat province and in Idlib governorate, in our region";
        let found: Vec<_> = by_pattern(crate::gazetteer::gazetteer(), t, |_, _| false).into_iter().map(|m| m.label).collect();
        assert_eq!(found, ["Herat", "Idlib"]);
    }
}
