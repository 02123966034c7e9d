//! Organisations: gazetteer names and acronyms, plus a pattern extractor for
//! named bodies no gazetteer lists: a capitalised phrase headed by a body
//! word ("Committee", "Mission", "Force", ...), with capitalised modifiers
//! before it and "of/for/on/to ..." complements after it ("Committee on the
//! Exercise of the Inalienable Rights of the Palestinian People", "Syrian
//! Constitutional Committee", "Security Council Committee established
//! pursuant to resolution 2140 (2014)"). A head alone ("the Council") names
//! nothing and is skipped.

use std::sync::LazyLock;

use regex::Regex;

use crate::gazetteer::Gazetteer;
use crate::gazetteer::surface::{SurfaceMatch, Target};

use super::matcher::{is_capitalised_at, mention, next_token, prev_token};
use crate::names::{slug, strip_the};
use super::{EntityKind, Extractor, Mention};

/// Body words that head an organisation's name.
pub(crate) const HEADS: &[&str] = &[
    "Committee", "Office", "Mission", "Council", "Force", "Front", "Movement", "Commission", "Centre", "Center",
    "Group", "Agency", "Programme", "Program", "Fund", "Organization", "Organisation", "Union", "Court", "Tribunal",
    "Bank", "Institute", "Network", "Alliance", "Coalition", "Forum", "Board", "Directorate",
    "Secretariat", "Authority", "Mechanism", "Panel", "Team", "Party", "Forces", "Department", "Bureau",
    "League", "Federation", "Association", "Foundation", "Service", "Unit", "Army", "Assembly",
];

static HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?-u:\b)(?:{})(?-u:\b)", HEADS.join("|"))).expect("head regex compiles")
});

/// "established pursuant to resolution 1267 (1999)", the way the Council
/// names its sanctions committees.
static PURSUANT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^ established pursuant to (?:Security Council )?resolutions? \d{1,4}(?: \(\d{4}\))?(?:(?:,| and) \d{1,4}(?: \(\d{4}\))?)*")
        .expect("pursuant regex compiles")
});

/// Capitalised words that start sentences or stand before names without
/// being part of them.
pub(crate) const LEFT_STOP: &[&str] = &[
    "The", "This", "That", "These", "Those", "Our", "My", "His", "Her", "Its", "Their", "Your", "We", "I", "In",
    "On", "At", "As", "By", "For", "From", "With", "A", "An", "And", "But", "Mr", "Ms", "Mrs", "Madam", "Today",
    "Since", "Under", "Like", "Both", "All", "Each", "Every", "If", "When", "While", "Through", "It", "There",
    "Any", "Some", "To", "Of", "Also", "However", "Moreover", "Furthermore", "Finally", "Thus", "Therefore",
    "Another", "Such", "What", "Which", "Whether", "Without", "Within", "After", "Before", "During", "Despite",
    "Secretary-General", "President", "Chair", "Chairman", "Chairperson", "Ambassador", "Minister", "State", "States", "Member", "Members", "Government", "Governments",
    "Parties", "Party", "Thank", "Let", "Allow", "Given", "Yet", "Nor", "So", "Then", "Only", "Even", "Here",
    "Where", "Why", "How", "Who", "Not", "No", "Now", "Once", "Until", "Upon", "Against", "Among", "Between",
];

/// Heads whose names take "in <place>" ("Mission in South Sudan"); for other
/// heads "in" starts an adverbial ("the Council in New York").
const IN_HEADS: &[&str] = &["Mission", "Office", "Force", "Centre", "Center", "Forces", "Team", "Group"];

/// Phrases of head form that are not organisations.
/// Places whose names end in a head word ("West Bank and Gaza").
/// Also instruments named like bodies ("Programme of Action").
const PLACES_WITH_HEADS: &[&str] = &["West Bank", "Gaza Strip", "Soviet Union", "Golan Heights", "Programme", "Program"];

/// Generic bodies ("the Working Group will...") refer back to a named one
/// without naming it.
const NOT_ORGANISATIONS: &[&str] = &[
    "West Bank", "Soviet Union", "State Party", "States Parties", "Member States", "Gaza Strip", "Working Group",
    "Task Force", "Steering Committee", "Executive Board", "Sanctions Committee", "Monitoring Team",
    "Group of Experts", "Special Committee", "Ad Hoc Committee", "Expert Group", "Executive Directorate",
    "Contact Group", "Advisory Group", "Support Group", "Technical Committee", "Joint Committee",
    "Joint Commission", "Joint Force", "Joint Mission", "Special Mission", "Peacekeeping Mission",
    "Security Forces", "Armed Forces", "Defence Forces", "Defense Forces", "Police Force", "Regional Office",
    "Country Office", "Field Office", "National Assembly", "Trust Fund", "Fact-Finding Mission",
    "Commission of Inquiry", "Presidential Council", "Sovereign Council", "Transitional Council",
    "High Commission", "Special Tribunal", "Executive Office", "Review Mechanism", "Verification Mechanism",
    // A kind of body with the owner's name left to the context.
    "United Nations Mission", "United Nations Force", "United Nations Office", "Panel of Experts",
    "Informal Working Group", "Council of Ministers", "Supreme Court", "Constitutional Court",
    "Technical Secretariat", "Board of Inquiry", "Security Council Committee", "Council of the EU",
];

/// Organisation mentions among the gazetteer matches.
pub fn from_surface(g: &Gazetteer, matches: &[SurfaceMatch]) -> Vec<Mention> {
    let mut out = Vec::new();
    for m in matches {
        let Some(t) = m.best() else { continue };
        let (Target::Organisation(i) | Target::OrganisationAcronym(i)) = t else { continue };
        let Some(o) = g.organisations.get(i as usize) else { continue };
        out.push(mention(m.start, m.end, EntityKind::Organisation, o.key.clone(), o.label.clone(), Extractor::Gazetteer, 0.95));
    }
    out
}

fn is_word(text: &str, t: super::matcher::Token, words: &[&str]) -> bool {
    words.contains(&t.text(text))
}

/// Whether the token is part of a name: capitalised or a number ("the 1267
/// Committee", "Group of 77").
fn is_name_token(text: &str, t: super::matcher::Token) -> bool {
    is_capitalised_at(text, t.start) || t.text(text).bytes().all(|b| b.is_ascii_digit())
}

/// Named bodies found by their head word. `covered` tells whether a byte
/// lies inside a gazetteer match, whose own name then stands.
pub fn by_pattern(text: &str, covered: impl Fn(usize, usize) -> bool) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    for head in HEAD.find_iter(text) {
        let (hs, he) = (head.start(), head.end());
        // "Chairperson-in-Office" is an office, not a body named "Office".
        if text[..hs].ends_with('-') {
            continue;
        }
        // A body named inside a longer candidate already taken.
        if out.last().is_some_and(|m| m.end >= he) {
            continue;
        }
        let pursuant = PURSUANT.find(&text[he..]).map(|m| he + m.end());
        if covered(hs, he) && pursuant.is_none() {
            continue;
        }
        // Left: capitalised modifiers, "and" between two of them.
        let mut start = hs;
        let mut named = false;
        while let Some(t) = prev_token(text, start) {
            if t.end + 1 != start && t.end != start {
                break;
            }
            // A possessive before the name is its owner ("Israel's High
            // Court of Justice").
            if t.text(text).ends_with("'s") {
                break;
            }
            if is_name_token(text, t) && !is_word(text, t, LEFT_STOP) {
                start = t.start;
                named = true;
                continue;
            }
            if matches!(t.text(text), "and" | "&") {
                if let Some(p) = prev_token(text, t.start) {
                    if p.end + 1 == t.start && is_name_token(text, p) && !is_word(text, p, LEFT_STOP) {
                        start = p.start;
                        continue;
                    }
                }
            }
            break;
        }
        // Right: complements that start with a preposition and contain a
        // capitalised word.
        let mut end = he;
        if let Some(p) = pursuant {
            end = p;
            named = true;
        } else {
            // "in <place>" only right after the head: "Mission in South
            // Sudan", but not "Force of the Group of Five ... in Mali".
            let in_ok = IN_HEADS.contains(&head.as_str());
            loop {
                let Some(ext) = complement(text, end, in_ok && end == he) else { break };
                end = ext;
                named = true;
            }
        }
        if !named {
            continue;
        }
        let surface = strip_the(&text[start..end]);
        if NOT_ORGANISATIONS.contains(&surface) || PLACES_WITH_HEADS.contains(&strip_the(&text[start..he])) {
            continue;
        }
        // Misspelt gazetteer names are linked later, by crate::link::FuzzyLinker.
        out.push(mention(start, end, EntityKind::Organisation, slug(surface), surface.to_string(), Extractor::Pattern, 0.7));
    }
    out
}

/// One complement after `at`: "of the Group", "on Documentation and Other
/// Procedural Matters", "to Support the Hodeidah Agreement"; returns its end.
fn complement(text: &str, at: usize, in_ok: bool) -> Option<usize> {
    let mut t = next_token(text, at)?;
    if t.start != at + 1 {
        return None;
    }
    let mut w = t.text(text);
    if w == "and" {
        // "and Other Procedural Matters", "and on the Strengthening of ...";
        // not "Mission and for the Special Representative", a second
        // beneficiary of the sentence.
        t = next_token(text, t.end)?;
        w = t.text(text);
        if is_capitalised_at(text, t.start) {
            return Some(name_run(text, t.start)?);
        }
        if w != "on" {
            return None;
        }
    }
    if !(matches!(w, "of" | "for" | "on" | "to" | "against") || (in_ok && w == "in")) {
        return None;
    }
    let mut n = next_token(text, t.end)?;
    if n.text(text) == "the" {
        n = next_token(text, n.end)?;
    }
    if !is_name_token(text, n) {
        return None;
    }
    // "Bangui Forum on National Reconciliation of 2015": a year dates the
    // body's event, it does not name the body.
    let nw = n.text(text);
    if nw.len() == 4 && nw.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    name_run(text, n.start)
}

/// The end of the run of name tokens starting at `at`.
fn name_run(text: &str, at: usize) -> Option<usize> {
    let mut end = None;
    let mut pos = at;
    while let Some(t) = next_token(text, pos) {
        if t.start > pos + 1 || !is_name_token(text, t) {
            break;
        }
        // "the Council of Kazakhstan's full commitment": a possessive ends
        // the phrase and the name was never there.
        if t.text(text).ends_with("'s") {
            return None;
        }
        // "'s" of a possessive inside a name ("Children's Fund") is kept by
        // the tokenizer already.
        end = Some(t.end);
        pos = t.end;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Labels of the bodies found by pattern, misspelt gazetteer names
    /// linked as the build links them.
    fn labels(t: &str) -> Vec<String> {
        let mut found = by_pattern(t, |_, _| false);
        found.iter_mut().for_each(|m| crate::extract::bundled().fuzzy().link(m));
        found.into_iter().map(|m| m.label).collect()
    }

    #[test]
    fn named_bodies_with_complements() {
        assert_eq!(
            labels("the Committee on the Exercise of the Inalienable Rights of the Palestinian People, and"),
            ["Committee on the Exercise of the Inalienable Rights of the Palestinian People"]
        );
        assert_eq!(
            labels("the Special Committee on the Charter of the United Nations and on the Strengthening of the Role of the Organization."),
            ["Special Committee on the Charter of the United Nations and on the Strengthening of the Role of the Organization"]
        );
        assert_eq!(
            labels("the Informal Working Group on Documentation and Other Procedural Matters has"),
            ["Informal Working Group on Documentation and Other Procedural Matters"]
        );
        assert_eq!(labels("support the Syrian Constitutional Committee in Geneva"), ["Syrian Constitutional Committee"]);
    }

    #[test]
    fn sanctions_committees_keep_their_resolution() {
        // The bare "Security Council" also found here loses to the longer
        // name in overlap resolution.
        assert_eq!(
            labels("the Security Council Committee established pursuant to resolution 2140 (2014) and").last().map(String::as_str),
            Some("Security Council Committee established pursuant to resolution 2140 (2014)")
        );
        // Found by pattern, it still links to the gazetteer's committee.
        assert_eq!(labels("the 1267 Committee"), ["Security Council Committee established pursuant to resolution 1267 (1999)"]);
        assert_eq!(labels("the 9999 Committee"), ["9999 Committee"]);
    }

    #[test]
    fn a_year_is_no_part_of_the_name() {
        // A year dates an event; it does not name the body.
        assert_eq!(labels("the Bangui Forum on National Reconciliation of 2015 was"), ["Bangui Forum on National Reconciliation"]);
    }

    #[test]
    fn bare_heads_and_non_bodies_are_skipped() {
        assert!(labels("We thank the Council. The Committee met. Council members agreed.").is_empty());
        assert!(labels("settlements in the West Bank").is_empty());
        assert!(labels("the Arab Peace Initiative").is_empty());
        assert_eq!(labels("the United Nations Support Mission and for the Special Representative"), ["United Nations Support Mission"]);
        assert!(labels("Saint Vincent and the Grenadines, the Working Group will be able").is_empty());
        assert_eq!(
            labels("the Joint Force of the Group of Five for the Sahel in Mali"),
            ["Joint Force of the Group of Five for the Sahel"]
        );
    }
}
