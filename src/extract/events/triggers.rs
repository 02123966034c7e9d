//! The words that tell of an event, grouped by how they name its place.
//!
//! A trigger is a word family (attack, bombing, aggression, conference,
//! visit, ...) with the prepositions that introduce its place: an attack
//! happens "in", "at" or "on" a place; a bombing or an invasion is "of" its
//! target ("the bombing of North Viet-Nam"); an aggression is "against" or
//! "on" its target but "of" its author ("the aggression of X against Y"), so
//! "of" is no locative there; a conference is "in" or "at" its venue, and
//! "on" its topic. Transitive verbs ("bombed Hanoi", "visited Lusaka") take
//! the place as their object.

use std::sync::LazyLock;

use regex::Regex;

use super::super::matcher::{next_token, prev_token};
use super::super::EventKind;

/// A word or phrase that tells of an event, with how its place is named.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Trigger {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Attack or meeting.
    pub kind: EventKind,
    /// Words that introduce the place after the trigger.
    pub locative: &'static [&'static str],
    /// Whether the place may follow as the object of the trigger, a
    /// transitive verb ("invaded Kuwait", "visited Guinea").
    pub direct: bool,
    /// Whether a place right before the trigger is where it happened ("the
    /// Kabul bombing", "the London Conference"); before an aggression or
    /// an invasion it is rather its author ("Israel aggression").
    pub before: bool,
    /// Whether the trigger is a date ("11 September") that names an
    /// event only if it is the one of 2001.
    pub dated: bool,
}

static TRIGGER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?-u:\b)(?:",
        // Attacks placed by "in", "at", "on", "against".
        r"(?P<a>[Aa]ttacks?|[Aa]ir ?strikes?|[Ss]trikes|[Mm]assacres?|[Ee]xplosions?|[Tt]errorist acts?|[Aa]rmed raids?|[Rr]aids? (?:on|against|into)|[Hh]ostage-taking|[Aa]ssaults?)",
        // Attacks whose target may follow "of": "the bombing of North Viet-Nam".
        r"|(?P<t>[Bb]ombings?|[Bb]ombardments?|[Ss]helling)",
        // Likewise, but a place before names the author: "the invasion of Kuwait".
        r"|(?P<i>[Ii]nvasions?|[Ii]ncursions?|[Aa]rmed interventions?)",
        // Aggression: "of" names its author, so only "against", "on", "upon".
        r"|(?P<g>[Aa]ggressions?|[Aa]ggressive acts?)",
        // Transitive verbs of attack: "bombed Hanoi", "invaded Kuwait".
        r"|(?P<d>[Aa]ttacked|[Bb]ombed|[Bb]ombarded|[Ss]helled|[Ii]nvaded)",
        // An event named by its date: the attacks of 11 September 2001.
        r"|(?P<s>11 September(?:,? \d{4})?|September 11(?:th)?(?:,? \d{4})?|[Ee]vents of September 2001)",
        r"|(?P<v>[Vv]isits?|[Vv]isited|[Vv]isiting|[Tt]rips?)",
        // Going somewhere to meet: "the President went to Damascus", "a
        // mission that travelled to Bamako".
        r"|(?P<w>(?:go|goes|went|going|gone|travel|travels|travelled|traveled|travelling|traveling|journeyed|flew|fly) to)",
        r"|(?P<m>[Mm]eetings?|[Cc]onferences?|[Ss]ummits?|[Dd]ialogues?|[Ww]orkshops?|[Tt]alks|[Ff]orums?|[Ss]essions?|[Cc]onsultations|[Nn]egotiations|[Dd]iscussions|[Dd]ebates?|[Ss]eminars?|[Ss]ymposium|[Cc]ongress)",
        r")(?-u:\b)",
    ))
    .expect("trigger regex compiles")
});

/// Words that introduce where an attack happened.
pub(crate) const ATTACK_LOCATIVE: &[&str] = &["in", "at", "on", "upon", "near", "across", "throughout", "inside", "within", "against"];

/// Words that introduce an attack's place or target, "of" included ("the
/// bombing of North Viet-Nam", "an incursion into Zambia").
const TARGET_LOCATIVE: &[&str] =
    &["in", "at", "on", "upon", "near", "across", "throughout", "inside", "within", "against", "of", "into"];

/// Words that introduce an aggression's target.
const AGGRESSION_LOCATIVE: &[&str] = &["against", "on", "upon", "into"];

/// Words that introduce where a meeting happened; "on" gives its topic
/// ("talks on the Grand Ethiopian Renaissance Dam"), "to" its subject
/// ("issues related to North-East Asia"), except after a visit.
pub(crate) const MEETING_LOCATIVE: &[&str] = &["in", "at", "hosted"];

/// Words that introduce where a visit went.
const VISIT_LOCATIVE: &[&str] = &["to", "in", "at"];

/// The triggers of `text`, in text order, without the meeting words that
/// cite a meeting record ("[1945th meeting]", "the 9th plenary meeting"):
/// those name a sitting, not a gathering at a place.
pub(crate) fn find(text: &str) -> Vec<Trigger> {
    TRIGGER
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.get(0)?;
            let dated = c.name("s").is_some();
            if dated && m.as_str().contains(|c: char| c.is_ascii_digit()) && has_other_year(m.as_str()) {
                return None;
            }
            let (kind, locative, direct) = if c.name("a").is_some() || dated {
                (EventKind::Attack, ATTACK_LOCATIVE, false)
            } else if c.name("t").is_some() || c.name("i").is_some() {
                (EventKind::Attack, TARGET_LOCATIVE, false)
            } else if c.name("g").is_some() {
                (EventKind::Attack, AGGRESSION_LOCATIVE, false)
            } else if c.name("d").is_some() {
                (EventKind::Attack, ATTACK_LOCATIVE, true)
            } else if c.name("w").is_some() {
                if !visitor_before(text, m.start()) {
                    return None;
                }
                (EventKind::Meeting, &["to"][..], true)
            } else if c.name("v").is_some() {
                let verb = matches!(m.as_str(), "visited" | "Visited" | "visiting" | "Visiting");
                (EventKind::Meeting, VISIT_LOCATIVE, verb)
            } else {
                if cites_record(text, m.start()) {
                    return None;
                }
                (EventKind::Meeting, MEETING_LOCATIVE, false)
            };
            let before = c.name("g").is_none() && c.name("i").is_none();
            Some(Trigger { start: m.start(), end: m.end(), kind, locative, direct, before, dated })
        })
        .collect()
}

/// Who goes somewhere on a visit: officials, envoys, delegations, the
/// speaker. Refugees, troops or goods that go somewhere meet nobody.
const VISITORS: &[&str] = &[
    "I", "we", "We", "he", "He", "she", "She", "President", "Minister", "Secretary-General", "Secretary", "envoy", "Envoy",
    "Representative", "representative", "delegation", "delegations", "mission", "Mission", "Ambassador", "King", "Prince",
    "Foreign", "leaders", "Chairman", "Chair", "Commissioner", "Special", "Coordinator", "Prime", "Emir", "Sheikh",
];

/// How many words before "went to" its visitor may stand.
const VISITOR_REACH: usize = 8;

/// Whether a visitor of [`VISITORS`] is named in the words before `at`,
/// within its clause.
fn visitor_before(text: &str, at: usize) -> bool {
    let mut at = at;
    for _ in 0..VISITOR_REACH {
        let Some(t) = prev_token(text, at) else { return false };
        let w = t.text(text);
        if VISITORS.contains(&w) {
            return true;
        }
        if text[t.end..at].contains([',', ';', '.']) && !matches!(w, "Mr" | "Ms" | "Dr") {
            return false;
        }
        at = t.start;
    }
    false
}

/// Whether a date trigger names a year other than 2001 ("11 September
/// 1973" is another event).
fn has_other_year(s: &str) -> bool {
    s.split(|c: char| !c.is_ascii_digit()).any(|w| w.len() == 4 && w != "2001")
}

/// Whether the meeting word at `start` is numbered like a record ("1945th
/// meeting", "9th plenary meeting").
fn cites_record(text: &str, start: usize) -> bool {
    let mut at = start;
    for _ in 0..2 {
        let Some(t) = prev_token(text, at) else { return false };
        let w = t.text(text);
        if w.starts_with(|c: char| c.is_ascii_digit()) && (w.ends_with("th") || w.ends_with("st") || w.ends_with("nd") || w.ends_with("rd")) {
            return true;
        }
        at = t.start;
    }
    false
}

/// Verbs that say something was held somewhere without naming it ("the
/// discussions recently held in Jeddah", "the Joint Plan ... was adopted,
/// which took place in the city of Ashgabat", "we gather here in New
/// York", "the agreement signed at Lusaka"): meetings, but only where no
/// attack word earlier in the same sentence claims the place.
static HELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:held|took place|takes place|taking place|convened|convening|hosted|launched|gather|gathered|gathering|signed|met|meet|meets)(?-u:\b)")
        .expect("held regex compiles")
});

/// Words before "met" or "meet" that make it passive ("the needs were met
/// in Africa"), and words after it that give it an object ("to meet the
/// challenges in Africa"): no gathering either way.
const BE: &[&str] = &["be", "been", "being", "is", "are", "was", "were", "not", "cannot", "fully", "largely"];
const DETERMINERS: &[&str] =
    &["the", "a", "an", "its", "their", "our", "his", "her", "these", "those", "this", "that", "all", "such", "every", "any", "some", "many", "most"];

/// What is signed at a meeting: "signed in X" tells of one only after an
/// instrument ("the agreements recently signed in Washington"), not after
/// a petition that people "have signed in" their country.
const INSTRUMENTS: &[&str] = &[
    "agreement", "agreements", "accord", "accords", "treaty", "treaties", "declaration", "declarations", "protocol",
    "protocols", "convention", "conventions", "charter", "communique", "communiqué", "act", "memorandum", "pact",
    "Agreement", "Agreements", "Accord", "Accords", "Treaty", "Declaration", "Protocol", "Convention", "Charter",
    "Communique", "Communiqué", "Act", "Memorandum", "Pact",
];

/// How many words before "signed" its instrument may be named ("the
/// Declaration of Principles on Palestinian self-rule in Gaza and Jericho,
/// signed ...").
const INSTRUMENT_REACH: usize = 12;

/// Whether an instrument is named in the words before `signed_at`.
fn signs_instrument(text: &str, signed_at: usize) -> bool {
    let mut at = signed_at;
    for _ in 0..INSTRUMENT_REACH {
        // Punctuation between words is stepped over: the instrument may sit
        // before a comma.
        let trimmed = text[..at].trim_end_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-');
        let Some(t) = prev_token(text, trimmed.len()) else { return false };
        if INSTRUMENTS.contains(&t.text(text)) {
            return true;
        }
        at = t.start;
    }
    false
}

/// A weak meeting verb of `text`: its span and how far after it the place
/// may lie.
pub(crate) struct Held {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Longest distance from the verb to its place, in bytes.
    pub window: usize,
}

/// Longest distance from a weak trigger ("held") to its place.
const HELD_WINDOW: usize = 150;

/// Longest distance from "met" to its place ("met jointly for the first
/// time at New Delhi"): the verb of a gathering names it close by.
const MET_WINDOW: usize = 60;

/// The weak meeting verbs of `text`, in text order, without "met" or
/// "meet" used of needs and challenges.
pub(crate) fn held(text: &str) -> Vec<Held> {
    HELD.find_iter(text)
        .filter_map(|m| {
            let w = m.as_str();
            if w == "signed" {
                return signs_instrument(text, m.start()).then_some(Held { start: m.start(), end: m.end(), window: HELD_WINDOW });
            }
            if !matches!(w, "met" | "meet" | "meets") {
                return Some(Held { start: m.start(), end: m.end(), window: HELD_WINDOW });
            }
            let before = prev_token(text, m.start()).map(|t| t.text(text));
            let after = next_token(text, m.end()).map(|t| t.text(text));
            if before.is_some_and(|b| BE.contains(&b)) || after.is_none_or(|a| DETERMINERS.contains(&a)) {
                return None;
            }
            Some(Held { start: m.start(), end: m.end(), window: MET_WINDOW })
        })
        .collect()
}
