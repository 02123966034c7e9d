//! Persons: names after a title or office ("Secretary-General Guterres",
//! "Under-Secretary-General Vladimir Voronkov", "His Excellency Mr.
//! Nursultan A. Nazarbayev", "Ms. King"), gazetteer persons by full name or
//! family name, and bare family names of persons already named in the
//! speech. One person is one key: the mentions of a family name share the
//! gazetteer key if any of them has one, else the slug of the fullest form.
//!
//! An office alone ("the Secretary-General", "Mr. President", "Madam
//! President") names nobody and yields nothing.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::gazetteer::gazetteer;
use crate::gazetteer::surface::{SurfaceMatch, Target};

use super::matcher::{char_at, is_bounded, is_capitalised_at, mention, next_token, slug, Token};
use super::{EntityKind, Mention};

/// Titles and offices that precede a name; longer alternatives first so
/// that "Under-Secretary-General" is not read as "Secretary-General".
static TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:(?:His|Her) (?:Excellency|Majesty|Royal Highness|Highness|Holiness|Eminence)|Under-Secretary-General|Assistant Secretary-General|Deputy Secretary-General|Secretary-General|High Commissioner|Special Envoy|Special Representative|Special Coordinator|Special Adviser|Special Rapporteur|Personal Envoy|Executive Director|Executive Secretary|Director-General|Director General|Vice-President|Vice President|Deputy Prime Minister|Prime Minister|Foreign Minister|Minister for Foreign Affairs|Minister of Foreign Affairs|Foreign Secretary|Secretary of State|Minister|President|Chancellor|Crown Prince|King|Queen|Prince|Princess|Sheikh|Sheikha|Emir|Amir|Sultan|Pope|Cardinal|Archbishop|Ambassador|Judge|Professor|Prof\.|Senator|Governor|Mayor|Lieutenant General|Major General|Brigadier General|Field Marshal|Marshal|Colonel|Commander|Chairman|Chairperson|Mrs\.|Mrs|Mr\.|Mr|Ms\.|Ms|Dr\.|Dr|Sir|Dame|Lord|Baroness|Madam|Madame|Mme\.?|Messrs\.)",
    )
    .expect("title regex compiles")
});

/// Capitalised words that never are (part of) a person's name here.
const NOT_NAMES: &[&str] = &[
    "President", "Secretary-General", "Chair", "Chairman", "Chairperson", "Chairwoman", "Council", "Assembly",
    "Committee", "Government", "Minister", "Ministers", "Foreign", "Special", "Representative", "Envoy",
    "Ambassador", "Member", "Members", "States", "State", "Nations", "United", "Security", "Under-Secretary-General",
    "Vice-President", "Prime", "Secretary", "Director", "Executive", "High", "Deputy", "Permanent", "Speaker",
    "Chief", "Head", "Commissioner", "Coordinator", "Adviser", "Rapporteur", "Excellency", "Majesty", "Republic",
    "Kingdom", "Federation", "Mission", "Office", "Organization", "General", "Debate", "The", "This", "That",
    "I", "We", "It", "In", "On", "At", "For", "And", "But", "As", "If", "Our", "My", "Your", "All", "Thank",
    "Co-Chair", "Co-Chairs", "Presidents", "Secretary-General's", "President's", "Madam", "Mr", "Ms", "Mrs",
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "Council's", "Court", "Board", "Chamber", "Her", "His", "Excellencies", "Colleagues", "Sir",
];

/// Lower-case particles inside names ("Staffan de Mistura").
const PARTICLES: &[&str] = &["de", "da", "di", "del", "della", "van", "von", "der", "den", "al", "el", "bin", "ibn", "dos", "das", "du", "la", "le", "y", "ben", "ould", "bint"];

/// Family names too common as words to be trusted alone without a title or
/// an earlier full name.
const COMMON_WORDS: &[&str] = &["King", "Hunt", "Cook", "Power", "Young", "Brown", "Green", "White", "Black", "Moon", "Rice", "Bush", "May", "Fore", "Stone", "Rose", "Law", "Grant", "Long", "Hope", "Love", "Bolton", "Price", "Mark", "Will", "Wang", "Li"];

fn is_name_word(text: &str, t: Token) -> bool {
    let w = t.text(text);
    is_capitalised_at(text, t.start) && !NOT_NAMES.contains(&w) && !w.ends_with("'s") || (roman(w) && (2..=4).contains(&w.len()))
}

fn roman(w: &str) -> bool {
    !w.is_empty() && w.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
}

/// The name after a title at `at`: capitalised words, initials ("A.") and
/// particles between capitalised words; returns its span.
fn name_after(text: &str, at: usize) -> Option<(usize, usize)> {
    let mut pos = at;
    let mut start = None;
    let mut end = at;
    let mut words = 0;
    while words < 6 {
        let Some(t) = next_token(text, pos) else { break };
        if t.start > pos + 1 {
            break;
        }
        let w = t.text(text);
        if PARTICLES.contains(&w) && start.is_some() {
            match next_token(text, t.end) {
                Some(n) if n.start == t.end + 1 && is_name_word(text, n) => {
                    pos = t.end;
                    continue;
                }
                _ => break,
            }
        }
        // A roman numeral only follows a name ("King Abdullah II").
        if !is_name_word(text, t) || (start.is_none() && roman(w)) {
            break;
        }
        start.get_or_insert(t.start);
        end = t.end;
        pos = t.end;
        words += 1;
        // An initial: "Nursultan A. Nazarbayev".
        if w.chars().count() == 1 && char_at(text, t.end) == Some('.') {
            pos = t.end + 1;
        }
    }
    start.map(|s| (s, end))
}

/// Person candidates after titles.
fn by_title(text: &str) -> Vec<(usize, usize, f32)> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(m) = TITLE.find_at(text, pos) {
        pos = m.end();
        // A title is a whole word followed by the name ("Kingdom" is not
        // "King").
        if text.as_bytes().get(m.end()) != Some(&b' ') {
            continue;
        }
        // "Mr. President": "Madam" and the like never introduce a name here.
        let mut after = m.end();
        // Chained titles: "His Excellency Mr.", "President Mr.".
        while let Some(n) = TITLE.find_at(text, after) {
            if n.start() != after + 1 {
                break;
            }
            let follows = next_token(text, n.end()).is_some_and(|t| t.start <= n.end() + 1 && is_name_word(text, t));
            if !follows {
                break;
            }
            after = n.end();
        }
        if let Some((s, e)) = name_after(text, after) {
            let e = e.max(s);
            out.push((s, e, 0.85));
            pos = e;
        }
    }
    out
}

/// Every person mention: titles, gazetteer, and family names of persons
/// already named.
pub fn find(text: &str, surface: &[SurfaceMatch]) -> Vec<Mention> {
    let g = gazetteer();
    // (start, end, gazetteer index, confidence)
    let mut cands: Vec<(usize, usize, Option<usize>, f32)> = Vec::new();
    for (s, e, c) in by_title(text) {
        cands.push((s, e, None, c));
    }
    let titled = |s: usize| cands.iter().any(|&(cs, ce, _, _)| cs <= s && s < ce);
    let mut gaz: Vec<(usize, usize, Option<usize>, f32)> = Vec::new();
    for m in surface {
        match m.best() {
            Some(Target::Person(i)) => gaz.push((m.start, m.end, Some(i as usize), 0.95)),
            Some(Target::PersonFamily(i)) => {
                let Some(p) = g.persons.get(i as usize) else { continue };
                let common = COMMON_WORDS.contains(&p.family_name.as_str()) || p.family_name.chars().count() < 5;
                if !common || titled(m.start) {
                    gaz.push((m.start, m.end, Some(i as usize), 0.8));
                }
            }
            _ => {}
        }
    }
    // A gazetteer match inside a titled name gives that name its key.
    for (s, e, i, c) in gaz {
        if let Some(t) = cands.iter_mut().find(|t| t.0 <= s && e <= t.1) {
            t.2 = t.2.or(i);
        } else if !cands.iter().any(|t| t.0 < e && s < t.1) {
            cands.push((s, e, i, c));
        }
    }
    cands.sort_by_key(|c| c.0);

    // Cluster by family name (the last word of the name).
    let family = |s: usize, e: usize| -> &str {
        let name = &text[s..e];
        name.rsplit(' ').next().unwrap_or(name)
    };
    struct Cluster {
        first: usize,
        fullest: (usize, usize),
        gaz: Option<usize>,
    }
    let mut clusters: HashMap<&str, Cluster> = HashMap::new();
    for &(s, e, i, _) in &cands {
        let f = match i.and_then(|i| g.persons.get(i)) {
            Some(p) if !p.family_name.is_empty() && text[s..e].contains(p.family_name.as_str()) => p.family_name.as_str(),
            _ => family(s, e),
        };
        let c = clusters.entry(f).or_insert(Cluster { first: s, fullest: (s, e), gaz: None });
        if text[s..e].split(' ').count() > text[c.fullest.0..c.fullest.1].split(' ').count() {
            c.fullest = (s, e);
        }
        c.gaz = c.gaz.or(i);
    }
    // Bare family names after the first mention.
    for (f, c) in &clusters {
        if f.chars().count() < 2 {
            continue;
        }
        for (i, _) in text[c.first..].match_indices(f) {
            let s = c.first + i;
            let e = s + f.len();
            if is_bounded(text, s, e, false) && !cands.iter().any(|t| t.0 < e && s < t.1) {
                cands.push((s, e, c.gaz, 0.75));
            }
        }
    }
    cands.sort_by_key(|c| c.0);
    let mut out = Vec::with_capacity(cands.len());
    for (s, e, i, conf) in cands {
        let f = match i.and_then(|i| g.persons.get(i)) {
            Some(p) if !p.family_name.is_empty() && text[s..e].contains(p.family_name.as_str()) => p.family_name.as_str(),
            _ => family(s, e),
        };
        let Some(c) = clusters.get(f) else { continue };
        let (key, label) = match c.gaz.and_then(|i| g.persons.get(i)) {
            Some(p) => (p.key.clone(), p.label.clone()),
            None => {
                let full = &text[c.fullest.0..c.fullest.1];
                (slug(full), full.to_string())
            }
        };
        let extractor = if i.is_some() { "gazetteer" } else { "title" };
        out.push(mention(s, e, EntityKind::Person, key, label, extractor, conf));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(t: &str) -> Vec<(String, String)> {
        find(t, &[]).into_iter().map(|m| (t[m.start..m.end].to_string(), m.label)).collect()
    }

    #[test]
    fn names_after_titles() {
        let t = "We express our gratitude to Under-Secretary-General Vladimir Voronkov for his informative briefing. Mr. Voronkov said";
        assert_eq!(found(t), vec![
            ("Vladimir Voronkov".to_string(), "Vladimir Voronkov".to_string()),
            ("Voronkov".to_string(), "Vladimir Voronkov".to_string()),
        ]);
        let t = "the initiative of His Excellency Mr. Nursultan A. Nazarbayev, President of Kazakhstan";
        assert_eq!(found(t)[0].0, "Nursultan A. Nazarbayev");
        assert_eq!(found("I thank Special Envoy Geir Pedersen and Ms. King.").len(), 2);
    }

    #[test]
    fn offices_alone_are_not_persons() {
        assert!(found("Mr. President, I thank the Secretary-General. Madam President, the Secretary-General's report").is_empty());
        assert!(found("President of the General Assembly").is_empty());
    }

    #[test]
    fn later_bare_family_names_join_the_person() {
        let t = "Secretary-General Guterres spoke. We support Guterres' vision.";
        let f = found(t);
        assert_eq!(f.len(), 2);
        assert_eq!(f[1].0, "Guterres");
    }
}
