//! Acronym definitions: "Counter-Terrorism Committee Executive Directorate
//! (CTED)" makes the acronym and the long form one entity, and later bare
//! uses of "CTED" link to it too, even when no gazetteer lists it.
//!
//! The long form is, in order of preference, an organisation mention ending
//! just before the parenthesis (gazetteer or pattern), or the shortest span
//! of preceding words whose letters spell the acronym (Schwartz & Hearst,
//! 2003), kept only if it reads as a body ("... Committee", "... Centre",
//! "... Province"): "foreign terrorist fighters (FTFs)" is no organisation.

use crate::gazetteer::Gazetteer;
use std::sync::LazyLock;

use regex::Regex;

use crate::gazetteer::surface::{is_acronym, SurfaceMatch, Target};

use super::matcher::{is_bounded, is_capitalised_at, mention, prev_token};
use crate::names::{slug, strip_the};
use super::organisations::HEADS;
use super::{EntityKind, Extractor, Mention};

/// A parenthesised acronym: starts upper-case, up to 12 characters.
static DEFINITION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(([A-Z][A-Za-z0-9&\-]{1,11})\)").expect("acronym regex compiles"));

/// Body words that only acronym definitions need beyond the pattern heads:
/// armed groups call themselves "Province", "Brigades", "Structure".
const EXTRA_HEADS: &[&str] = &[
    "Province", "Brigade", "Brigades", "Structure", "Operation", "Police", "Partnership", "Platform", "Corps",
    "Division", "Commissioner", "Ministry", "Administration", "Corporation", "Company", "Consortium", "Club",
    "Community", "Conference", "Society", "University", "Militia", "Body", "Agencies", "Nations", "Council",
];

/// Words that make a long form an instrument (a treaty, a plan), which
/// the guidelines do not count as an organisation.
const INSTRUMENTS: &[&str] = &[
    "Convention", "Treaty", "Agreement", "Protocol", "Strategy", "Agenda", "Covenant", "Charter", "Declaration",
    "Plan", "Goals", "Framework", "Accord", "Accords", "Initiative", "Resolution", "Act",
];

/// Whether the acronym starts with the first letter of the long form
/// (past a leading "the"), or with "UN" for a United Nations body named
/// without it ("Office for the Coordination of Humanitarian Affairs" is
/// OCHA, "Office of the High Commissioner for Refugees" UNHCR).
fn first_letters_agree(acronym: &str, long: &str) -> bool {
    let a = acronym.chars().next().map(|c| c.to_ascii_uppercase());
    let l = long.chars().next().map(|c| c.to_ascii_uppercase());
    a == l || acronym.starts_with("UN") || acronym.starts_with("U.N")
}

/// An acronym defined in this speech and the entity it names.
#[derive(Debug, Clone)]
struct Definition {
    acronym: String,
    key: String,
    label: String,
}

/// The start (char index into `long`) of the shortest suffix of `long`
/// whose letters spell `short`, its first letter starting a word.
fn long_form_start(short: &str, long: &[char]) -> Option<usize> {
    let s: Vec<char> = short.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    if s.is_empty() {
        return None;
    }
    let l: Vec<char> = long.iter().flat_map(|c| c.to_lowercase()).collect();
    if l.len() != long.len() {
        return None;
    }
    let mut li = l.len();
    for (k, &c) in s.iter().enumerate().rev() {
        loop {
            if li == 0 {
                return None;
            }
            li -= 1;
            let at_word_start = li == 0 || !l[li - 1].is_alphanumeric();
            if l[li] == c && (k > 0 || at_word_start) {
                break;
            }
        }
    }
    Some(li)
}

/// Mentions of acronyms defined in the text and of their long forms.
/// `orgs` are the organisation candidates found so far, sorted by start.
pub fn find(g: &Gazetteer, text: &str, orgs: &[Mention], surface: &[SurfaceMatch]) -> Vec<Mention> {
    let mut defs: Vec<Definition> = Vec::new();
    let mut out = Vec::new();
    for cap in DEFINITION.captures_iter(text) {
        let Some(acr) = cap.get(1) else { continue };
        let a = acr.as_str();
        if a.chars().filter(|c| c.is_uppercase()).count() < 2 || a.chars().filter(|c| c.is_lowercase()).count() > 2 {
            continue;
        }
        let Some(paren) = cap.get(0) else { continue };
        let lf_end = text[..paren.start()].trim_end().len();
        // The acronym's own gazetteer entry, if any.
        let acr_gaz = surface
            .binary_search_by_key(&acr.start(), |m| m.start)
            .ok()
            .and_then(|i| surface.get(i))
            .filter(|m| m.end == acr.end())
            .and_then(|m| match m.best() {
                Some(Target::OrganisationAcronym(i)) => g.organisations.get(i as usize),
                _ => None,
            });
        let before = orgs.partition_point(|m| m.end <= lf_end);
        // The organisation before the parenthesis is what the acronym
        // stands for only if their first letters agree: in "the Review
        // Conference of the Parties to the Treaty on the Non-Proliferation
        // of Nuclear Weapons (NPT)" the acronym is the treaty's.
        let org_before = before
            .checked_sub(1)
            .and_then(|i| orgs.get(i))
            .filter(|m| m.end == lf_end)
            .filter(|m| {
                let long = strip_the(&text[m.start..m.end]);
                first_letters_agree(a, long) || acr_gaz.is_some_and(|o| o.key == m.key)
            });
        let (key, label) = if let Some(o) = org_before {
            (o.key.clone(), o.label.clone())
        } else if let Some(o) = acr_gaz {
            (o.key.clone(), o.label.clone())
        } else {
            // Another kind of name before the parenthesis ("Central African
            // Republic (CAR)") is not for this module.
            let other_before = surface.iter().any(|m| m.end == lf_end && !matches!(m.best(), Some(Target::Organisation(_))));
            if other_before {
                continue;
            }
            let Some(lf_start) = long_form(text, lf_end, a) else { continue };
            let long = strip_the(&text[lf_start..lf_end]);
            let body = long.split([' ', '-']).any(|w| HEADS.contains(&w) || EXTRA_HEADS.contains(&w));
            // "United Nations Framework Convention on Climate Change
            // (UNFCCC)" names a treaty, not a body.
            let instrument = long.split([' ', '-']).any(|w| INSTRUMENTS.contains(&w));
            if !body || instrument || !is_capitalised_at(text, lf_start) {
                continue;
            }
            let key = slug(long);
            out.push(mention(lf_start, lf_end, EntityKind::Organisation, key.clone(), long.to_string(), Extractor::Acronym, 0.85));
            (key, long.to_string())
        };
        out.push(mention(acr.start(), acr.end(), EntityKind::Organisation, key.clone(), label.clone(), Extractor::Acronym, 0.9));
        if !defs.iter().any(|d| d.acronym == a) {
            defs.push(Definition { acronym: a.to_string(), key, label });
        }
    }
    // Bare uses anywhere in the speech; the gazetteer already found those of
    // acronyms it lists, which is fine: overlap resolution keeps this key.
    for d in &defs {
        if !is_acronym(&d.acronym) {
            continue;
        }
        for (i, _) in text.match_indices(d.acronym.as_str()) {
            let e = i + d.acronym.len();
            if is_bounded(text, i, e, false) && !out.iter().any(|m| m.start == i) {
                out.push(mention(i, e, EntityKind::Organisation, d.key.clone(), d.label.clone(), Extractor::Acronym, 0.85));
            }
        }
    }
    out.sort_by_key(|m| m.start);
    out
}

/// The start of the long form that ends at `end` and spells `acronym`.
fn long_form(text: &str, end: usize, acronym: &str) -> Option<usize> {
    let letters = acronym.chars().filter(|c| c.is_alphanumeric()).count();
    let max_words = (letters * 2).min(letters + 5);
    let mut start = end;
    let mut words = 0;
    while words < max_words {
        let Some(t) = prev_token(text, start) else { break };
        start = t.start;
        words += 1;
    }
    if start == end {
        return None;
    }
    let window: Vec<(usize, char)> = text[start..end].char_indices().collect();
    let chars: Vec<char> = window.iter().map(|&(_, c)| c).collect();
    let at = long_form_start(acronym, &chars)?;
    Some(start + window[at].0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(t: &str) -> Vec<(String, String)> {
        find(crate::gazetteer::gazetteer(), t, &[], &[]).into_iter().map(|m| (t[m.start..m.end].to_string(), m.key)).collect()
    }

    #[test]
    fn definition_joins_long_form_and_later_uses() {
        let t = "the International Centre for the Study of Radicalisation (ICSR) reports that ICSR data show";
        let f = found(t);
        let key = "international-centre-for-the-study-of-radicalisation".to_string();
        assert_eq!(f, vec![
            ("International Centre for the Study of Radicalisation".to_string(), key.clone()),
            ("ICSR".to_string(), key.clone()),
            ("ICSR".to_string(), key),
        ]);
    }

    #[test]
    fn non_bodies_are_not_organisations() {
        assert!(found("foreign terrorist fighters (FTFs) and the Sustainable Development Goals (SDGs)").is_empty());
        assert!(found("the United Nations Framework Convention on Climate Change (UNFCCC) and").is_empty());
        assert!(first_letters_agree("CTED", "Counter-Terrorism Committee Executive Directorate"));
        assert!(!first_letters_agree("NPT", "Review Conference of the Parties to the Treaty on the Non-Proliferation of Nuclear Weapons"));
    }

    #[test]
    fn long_form_letters() {
        let c: Vec<char> = "the East Turkestan Islamic Movement".chars().collect();
        assert_eq!(long_form_start("ETIM", &c), Some(4));
    }
}
