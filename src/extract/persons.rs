//! Persons: names after a title or office ("Secretary-General Guterres",
//! "Under-Secretary-General Vladimir Voronkov", "His Excellency Mr.
//! Nursultan A. Nazarbayev", "Ms. King"), gazetteer persons by full name or
//! family name, and bare family names of persons already named in the
//! speech. One person is one key: the mentions of a family name share the
//! gazetteer key if any of them has one, else the slug of the fullest form.
//!
//! An office alone ("the Secretary-General", "Mr. President", "Madam
//! President") names nobody and yields nothing.

use crate::gazetteer::Gazetteer;
use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

use crate::gazetteer::surface::{SurfaceMatch, Target};

use super::matcher::{char_at, is_bounded, is_capitalised_at, mention, next_token, Token};
use crate::names::slug;
use super::organisations::LEFT_STOP;
use super::{EntityKind, Extractor, Mention};

/// Titles and offices that precede a name; longer alternatives first so
/// that "Under-Secretary-General" is not read as "Secretary-General".
static TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:(?:His|Her) (?:Excellency|Majesty|Royal Highness|Highness|Holiness|Eminence)|Under-Secretary-General|Assistant Secretary-General|Deputy Secretary-General|Secretary-General|Deputy High Commissioner|High Commissioner|High Representative|Deputy Special Envoy|Special Envoy|Deputy Special Representative|Special Representative|Deputy Special Coordinator|Special Coordinator|Special Adviser|Special Rapporteur|Personal Envoy|Emergency Relief Coordinator|Resident Coordinator|Humanitarian Coordinator|Force Commander|Chief Prosecutor|Prosecutor|Chief Justice|Executive Director|Executive Secretary|Director-General|Director General|Vice-President|Vice President|President-elect|Deputy Prime Minister|Prime Minister|Foreign Minister|Defence Minister|Minister for Foreign Affairs|Minister of Foreign Affairs|Foreign Secretary|Secretary of State|State Counsellor|Minister|President|Chancellor|Crown Prince|King|Queen|Prince|Princess|Sheikh|Sheikha|Emir|Amir|Sultan|Pope|Patriarch|Cardinal|Archbishop|Bishop|Imam|Ayatollah|Rabbi|Ambassador|Judge|Professor|Prof\.|Senator|Governor|Mayor|Lieutenant General|Lieutenant-General|Major General|Major-General|Brigadier General|Field Marshal|Marshal|Colonel|Commander|Chairman|Chairperson|Chairwoman|Mrs\.|Mrs|Mr\.|Mr|Ms\.|Ms|Dr\.|Dr|Sir|Dame|Lord|Baroness|Madam|Madame|Mme\.?|Messrs\.)",
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
    // Forms of address and words that follow an office in a salutation
    // ("Mr. President, Distinguished Delegates").
    "Distinguished", "Delegates", "Ladies", "Gentlemen", "Dear", "Honourable", "Honorable", "Friends",
    "Brothers", "Sisters", "Allow", "Let", "Please", "Today", "Vice", "Representatives", "Assembly", "Debate",
    "Agency", "Fund", "Programme", "Commission", "Secretariat", "Force", "Forces", "Group", "Union",
    "Affairs", "Operations", "Peace", "Prize", "Day", "Week", "Year", "Agenda", "Goals", "Charter",
    "Comment", "No", "Nos", "Resolution", "Article", "Annex", "Part", "Section", "Rule", "Treaty",
    "Agreement", "Framework", "Accord", "Accords", "Plan", "Strategy", "Convention", "Protocol",
];

/// Lower-case particles inside names ("Staffan de Mistura").
const PARTICLES: &[&str] = &["de", "da", "di", "del", "della", "van", "von", "der", "den", "al", "el", "bin", "ibn", "dos", "das", "du", "la", "le", "y", "ben", "ould", "bint"];

/// Family names too common as words to be trusted alone without a title or
/// an earlier full name.
const COMMON_WORDS: &[&str] = &["King", "Hunt", "Cook", "Power", "Young", "Brown", "Green", "White", "Black", "Moon", "Rice", "Bush", "May", "Fore", "Stone", "Rose", "Law", "Grant", "Long", "Hope", "Love", "Bolton", "Price", "Mark", "Will", "Wang", "Li"];

fn is_name_word(text: &str, t: Token) -> bool {
    let w = t.text(text);
    // Words that open sentences ("Since", "However") follow a name that
    // ends one without a full stop the OCR kept.
    is_capitalised_at(text, t.start) && !NOT_NAMES.contains(&w) && (w.len() == 1 || !LEFT_STOP.contains(&w)) && !w.ends_with("'s")
        || (roman(w) && (2..=4).contains(&w.len()))
}

fn roman(w: &str) -> bool {
    !w.is_empty() && w.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
}

/// Given names common among the persons UN speeches name without a title
/// ("Martin Griffiths", "Mark Lowcock", "Kofi Annan"): a capitalised word
/// after one of them is read as a family name. Names that are also common
/// English words, months or places (May, Grant, Victoria, Jordan) are left
/// out on purpose.
const GIVEN_NAMES: &[&str] = &[
    "Abdel", "Abdelaziz", "Abdou", "Abdoulaye", "Abdul", "Abdullah", "Abiy", "Adama", "Adel", "Adrian", "Ahmad",
    "Ahmed", "Alain", "Alexander", "Alexandre", "Alexei", "Alfredo", "Ali", "Alicia", "Alison", "Amina", "Amr",
    "Ana", "Anders", "Andrea", "Andrei", "Andrew", "Andrzej", "Angela", "Angelina", "Ann", "Anna", "Anne", "Antonio",
    "António", "Anwar", "Ashraf", "Augusto", "Ayman", "Ban", "Barack", "Bashar", "Bernard", "Bill", "Boris",
    "Boutros", "Carlos", "Catherine", "Charles", "Christian", "Christine", "Christoph", "Claudia", "Cyril", "Dag",
    "Daniel", "David", "Denis", "Desmond", "Dmitry", "Donald", "Dwight", "Edmond", "Eduardo", "Elizabeth",
    "Emmanuel", "Emomali", "Enrique", "Erna", "Evo", "Fatima", "Fatou", "Felix", "Ferdinand", "Fernando", "Fidel",
    "Filippo", "Francis", "Francisco", "Frank", "Franklin", "François", "Félix", "Gamal", "Gebran", "Geir", "Georg",
    "Gerhard", "Ghassan", "Golda", "Gough", "Gustavo", "Hafez", "Hamid", "Hans", "Harry", "Hassan", "Heiko", "Helen",
    "Helmut", "Hervé", "Hillary", "Hosni", "Houari", "Hugo", "Ibrahim", "Ilham", "Imran", "Indira", "Ismail", "Ivan",
    "Izumi", "Jacinda", "Jacques", "Jaime", "Jake", "James", "Jan", "Javier", "Jawaharlal", "Jean", "Jean-Pierre",
    "Jean-Yves", "Jeffrey", "Jens", "Jimmy", "Joachim", "Joe", "John", "Jomo", "Jorge", "Jose", "Joseph", "Josip",
    "José", "Juan", "Julian", "Julio", "Julius", "Justin", "Kamala", "Karim", "Kathrin", "Kenneth", "Khalid",
    "Khalifa", "Kim", "Kofi", "Kurt", "Kwame", "Lakhdar", "Laurent", "Leonid", "Liu", "Louise", "Luis", "Luiz",
    "Lyndon", "Léopold", "Macky", "Mahamat", "Mahmoud", "Mamadou", "Manuel", "Margaret", "Maria", "Marie", "Mario",
    "Mark", "Martin", "Mary", "María", "Matthew", "Menachem", "Michael", "Michel", "Michelle", "Miguel", "Mikhail",
    "Miroslav", "Mohamed", "Mohammad", "Mohammed", "Moussa", "Muammar", "Muhammad", "Nabil", "Nadia", "Najib",
    "Narendra", "Natalia", "Nelson", "Nicolas", "Nicolás", "Nikita", "Nikol", "Nursultan", "Oliver", "Olof",
    "Olusegun", "Omar", "Omer", "Pascal", "Patricia", "Paul", "Pedro", "Peter", "Philippe", "Pierre", "Rafael",
    "Ramtane", "Rashid", "Raúl", "Recep", "Richard", "Riyad", "Robert", "Rodrigo", "Romano", "Ronald", "Rosemary",
    "Saad", "Saddam", "Salva", "Samantha", "Sameh", "Sebastian", "Sergei", "Sergey", "Sheikh", "Shimon", "Sigrid",
    "Staffan", "Stephen", "Stéphane", "Susan", "Tedros", "Thomas", "Tijjani", "Trygve", "Ursula", "Vasily",
    "Vassily", "Violeta", "Vladimir", "Volkan", "Volker", "Walid", "Willy", "Winnie", "Winston", "Xavier", "Yasmin",
    "Yasser", "Yemi", "Yitzhak", "Yoweri", "Yuri", "Zeid", "Zulfikar", "Óscar",
];

/// An automaton over [`GIVEN_NAMES`], matched case-sensitively.
static GIVEN: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(GIVEN_NAMES)
        .expect("given-name automaton builds")
});

/// Offices that may stand in apposition before a name ("the
/// Secretary-General, Antonio Guterres,", "Special Envoy, Geir Pedersen");
/// forms of address ("Mr.", "His Excellency") never do.
fn is_office(title: &str) -> bool {
    !matches!(
        title.trim_end_matches('.'),
        "Mrs" | "Mr" | "Ms" | "Dr" | "Sir" | "Dame" | "Lord" | "Baroness" | "Madam" | "Madame" | "Mme" | "Messrs"
    ) && !title.starts_with("His ")
        && !title.starts_with("Her ")
}

/// The name after a title at `at`: capitalised words, initials ("A.") and
/// particles between capitalised words; returns its span and word count. A
/// possessive ends the name ("Mark Lowcock's report" -> "Mark Lowcock").
fn name_after(text: &str, at: usize) -> Option<(usize, usize, usize)> {
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
        if let Some(stem) = w.strip_suffix("'s") {
            let st = Token { start: t.start, end: t.start + stem.len() };
            if !stem.is_empty() && is_name_word(text, st) && !roman(stem) {
                start.get_or_insert(t.start);
                end = st.end;
                words += 1;
            }
            break;
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
    start.map(|s| (s, end, words))
}

/// Whether what follows a name in apposition closes it: punctuation, the
/// end, or a word that continues the sentence ("Geir Pedersen, and").
fn closes_apposition(text: &str, end: usize) -> bool {
    match char_at(text, end) {
        None => true,
        Some(c) if matches!(c, ',' | '.' | ';' | ':' | ')') => true,
        Some(' ') => next_token(text, end).is_some_and(|t| {
            matches!(t.text(text), "and" | "for" | "of" | "on" | "who" | "has" | "have" | "had" | "is" | "was" | "to" | "in" | "at")
        }),
        _ => false,
    }
}

/// Whether a title starts at byte `at`; looks at a few words only, since
/// an unanchored search would scan on to the next title in the text.
fn title_at(text: &str, at: usize) -> bool {
    let mut end = (at + 40).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(at..end).and_then(|w| TITLE.find(w)).is_some_and(|m| m.start() == 0)
}

/// Person candidates after titles: (start, end, confidence, how found).
fn by_title(text: &str) -> Vec<(usize, usize, f32, Extractor)> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(m) = TITLE.find_at(text, pos) {
        pos = m.end();
        // "Attorney-General" is one office, not "General" before a name.
        if text[..m.start()].ends_with('-') {
            continue;
        }
        let bytes = text.as_bytes();
        // Apposition: "the Secretary-General, Antonio Guterres,", or after
        // the office's complement: "the Special Representative of the
        // Secretary-General for Somalia, James Swan". The name must be full
        // (two words at least) and closed like an apposition.
        if is_office(m.as_str()) {
            let window_end = (m.end() + 90).min(text.len());
            let mut w_end = window_end;
            while !text.is_char_boundary(w_end) {
                w_end -= 1;
            }
            let window = &text[m.end()..w_end];
            let comma = if window.starts_with(", ") {
                Some(m.end())
            } else if window.starts_with(" of ") || window.starts_with(" for ") || window.starts_with(" on ") {
                window.find(", ").filter(|&c| !window[..c].contains(['.', ';', ':', '('])).map(|c| m.end() + c)
            } else {
                None
            };
            if let Some(c) = comma {
                if let Some((s, e, n)) = name_after(text, c + 1) {
                    if n >= 2 && closes_apposition(text, e) && !title_at(text, c + 2) {
                        out.push((s, e, 0.8, Extractor::Apposition));
                        pos = e;
                        continue;
                    }
                }
            }
        }
        // A title is a whole word followed by the name ("Kingdom" is not
        // "King").
        if bytes.get(m.end()) != Some(&b' ') {
            continue;
        }
        // Chained titles: "His Excellency Mr.", "President Mr.".
        let mut after = m.end();
        while let Some(n) = title_at(text, after + 1).then(|| TITLE.find_at(text, after + 1)).flatten() {
            if n.start() != after + 1 {
                break;
            }
            let follows = next_token(text, n.end()).is_some_and(|t| t.start <= n.end() + 1 && is_name_word(text, t));
            if !follows {
                break;
            }
            after = n.end();
        }
        if let Some((s, e, _)) = name_after(text, after) {
            out.push((s, e, 0.85, Extractor::Title));
            pos = e;
        }
    }
    out
}

/// Untitled full names that start with a common given name ("thank Martin
/// Griffiths and Mark Lowcock").
fn by_given_name(text: &str) -> Vec<(usize, usize, f32, Extractor)> {
    let mut out = Vec::new();
    for m in GIVEN.find_iter(text) {
        if !is_bounded(text, m.start(), m.end(), false) || text.as_bytes().get(m.end()) != Some(&b' ') {
            continue;
        }
        if let Some((s, e, n)) = name_after(text, m.start()) {
            if s == m.start() && n >= 2 {
                out.push((s, e, 0.7, Extractor::GivenName));
            }
        }
    }
    out
}

/// The word of a name that identifies its person in the speech: the
/// gazetteer's family name if it occurs in it, else the last word.
fn family_of<'t>(text: &'t str, s: usize, e: usize, gaz: Option<&crate::gazetteer::Person>) -> &'t str {
    let name = &text[s..e];
    if let Some(p) = gaz {
        if !p.family_name.is_empty() {
            if let Some(i) = name.find(p.family_name.as_str()) {
                return &name[i..i + p.family_name.len()];
            }
        }
    }
    name.rsplit(' ').next().unwrap_or(name)
}

/// A person's name found in the text, before names are grouped by person.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    start: usize,
    end: usize,
    /// The gazetteer person it names, where known.
    person: Option<usize>,
    confidence: f32,
    extractor: Extractor,
}

impl Candidate {
    fn new((start, end, confidence, extractor): (usize, usize, f32, Extractor)) -> Self {
        Candidate { start, end, person: None, confidence, extractor }
    }

    fn overlaps(&self, start: usize, end: usize) -> bool {
        self.start < end && start < self.end
    }
}

/// The names a speech gives one person: grouped by family name.
struct Cluster {
    /// Where the person is first named.
    first: usize,
    /// The span of the name with the most words.
    fullest: (usize, usize),
    /// The gazetteer person, where any of the names is one.
    person: Option<usize>,
}

/// The candidates grouped into persons.
struct Persons<'t> {
    clusters: Vec<Cluster>,
    /// Each family name's cluster.
    by_family: HashMap<&'t str, usize>,
    /// Each candidate's cluster, in the candidates' order.
    of_candidate: Vec<usize>,
    /// The cluster each cluster's mentions go to: itself, or the fuller
    /// name a one-word name is part of.
    redirect: Vec<usize>,
}

/// Every person mention: titles, appositions, given names, the gazetteer,
/// and family names of persons already named.
pub fn find(g: &Gazetteer, text: &str, surface: &[SurfaceMatch]) -> Vec<Mention> {
    let mut candidates = by_pattern(text, surface);
    let known = gazetteer_names(g, surface, &candidates);
    add_gazetteer_names(g, text, &mut candidates, known);
    candidates.sort_by_key(|c| c.start);
    let persons = group(g, text, &candidates);
    let later = back_references(text, &persons, &candidates);
    mentions(g, text, &persons, &candidates, &later)
}

/// Names found by pattern: after titles and in appositions, then by given
/// name. An untitled name that lies on another kind of gazetteer name (a
/// state, an organisation, a place) is left to that name: "Martin
/// Griffiths" is a person, "Nelson Mandela Bay" need not be.
fn by_pattern(text: &str, surface: &[SurfaceMatch]) -> Vec<Candidate> {
    let other_name = |s: usize, e: usize| {
        let k = surface.partition_point(|m| m.end <= s);
        surface[k..].iter().take_while(|m| m.start < e).any(|m| {
            !matches!(m.best(), Some(Target::Person(_) | Target::PersonFamily(_) | Target::StateAdjective(_)) | None)
        })
    };
    let mut candidates: Vec<Candidate> = by_title(text).into_iter().map(Candidate::new).collect();
    let titled = Spans::new(candidates.iter().map(|c| (c.start, c.end)));
    // Names by given name come in text order: one overlaps an earlier one
    // iff that one reaches past its start.
    let mut reach = 0;
    for found in by_given_name(text) {
        let (s, e, ..) = found;
        if !titled.overlaps(s, e) && reach <= s && !other_name(s, e) {
            candidates.push(Candidate::new(found));
            reach = reach.max(e);
        }
    }
    candidates
}

/// Spans sorted by start, with the furthest end reached up to each, which
/// answers "does any span overlap this one" in logarithmic time: a list of
/// thousands of names must not cost the square of its length.
struct Spans {
    spans: Vec<(usize, usize)>,
    reach: Vec<usize>,
}

impl Spans {
    fn new(spans: impl Iterator<Item = (usize, usize)>) -> Self {
        let mut spans: Vec<(usize, usize)> = spans.collect();
        spans.sort_unstable();
        let reach = spans
            .iter()
            .scan(0, |max, &(_, e)| {
                *max = (*max).max(e);
                Some(*max)
            })
            .collect();
        Spans { spans, reach }
    }

    /// Whether a span overlaps `[start, end)`: one starting before its end
    /// reaches past its start.
    fn overlaps(&self, start: usize, end: usize) -> bool {
        let n = self.spans.partition_point(|&(s, _)| s < end);
        n > 0 && self.reach[n - 1] > start
    }

    /// Whether a span contains the byte at `at`.
    fn contains(&self, at: usize) -> bool {
        self.overlaps(at, at + 1)
    }
}

/// Gazetteer persons by full name, and by family name where that is no
/// common word or follows a title.
fn gazetteer_names(g: &Gazetteer, surface: &[SurfaceMatch], by_pattern: &[Candidate]) -> Vec<Candidate> {
    let spans = Spans::new(by_pattern.iter().map(|t| (t.start, t.end)));
    let titled = |s: usize| spans.contains(s);
    let mut found = Vec::new();
    for m in surface {
        let (person, confidence, extractor) = match m.best() {
            Some(Target::Person(i)) => (i as usize, 0.95, Extractor::Gazetteer),
            Some(Target::PersonFamily(i)) => {
                let Some(p) = g.persons.get(i as usize) else { continue };
                let common = COMMON_WORDS.contains(&p.family_name.as_str()) || p.family_name.chars().count() < 5;
                if common && !titled(m.start) {
                    continue;
                }
                (i as usize, 0.8, Extractor::FamilyName)
            }
            _ => continue,
        };
        found.push(Candidate { start: m.start, end: m.end, person: Some(person), confidence, extractor });
    }
    found
}

/// A gazetteer name inside a name found by pattern gives that name its
/// person; one elsewhere is a candidate of its own.
fn add_gazetteer_names(g: &Gazetteer, text: &str, candidates: &mut Vec<Candidate>, known: Vec<Candidate>) {
    for k in known {
        let (s, e) = (k.start, k.end);
        if let Some(t) = candidates.iter_mut().find(|t| t.start <= s && e <= t.end) {
            // A family name inside a fuller name is that person only if the
            // rest agrees: "Carlos Alberto dos Santos Cruz" is not José
            // Eduardo dos Santos.
            let agrees = k.person.and_then(|i| g.persons.get(i)).is_some_and(|p| {
                let name = &text[t.start..t.end];
                let first = |n: &str| n.split(' ').next().map(str::to_lowercase);
                k.extractor == Extractor::Gazetteer
                    || (s, e) == (t.start, t.end)
                    || first(name) == first(&p.label)
                    || p.label.ends_with(name)
                    || p.aliases.iter().any(|a| a == name || first(a) == first(name))
            });
            if agrees {
                t.person = t.person.or(k.person);
            }
        } else if !candidates.iter().any(|t| t.overlaps(s, e)) {
            candidates.push(k);
        }
    }
}

/// Groups the candidates (in text order) by family name: the gazetteer's,
/// or the last word; then a one-word name that is another word of a fuller
/// name joins it ("President Xi" after "Xi Jinping", family name first).
fn group<'t>(g: &Gazetteer, text: &'t str, candidates: &[Candidate]) -> Persons<'t> {
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut by_family: HashMap<&str, usize> = HashMap::new();
    let mut of_candidate = Vec::with_capacity(candidates.len());
    let words = |(s, e): (usize, usize)| text[s..e].split(' ').count();
    for c in candidates {
        let family = family_of(text, c.start, c.end, c.person.and_then(|i| g.persons.get(i)));
        let k = *by_family.entry(family).or_insert_with(|| {
            clusters.push(Cluster { first: c.start, fullest: (c.start, c.end), person: None });
            clusters.len() - 1
        });
        let cluster = &mut clusters[k];
        if words((c.start, c.end)) > words(cluster.fullest) {
            cluster.fullest = (c.start, c.end);
        }
        cluster.person = cluster.person.or(c.person);
        of_candidate.push(k);
    }
    // Each word of a fuller name, to the first cluster it belongs to.
    let mut fuller_of: HashMap<&str, usize> = HashMap::new();
    for (j, cl) in clusters.iter().enumerate() {
        let full = &text[cl.fullest.0..cl.fullest.1];
        if full.contains(' ') {
            for w in full.split(' ') {
                fuller_of.entry(w).or_insert(j);
            }
        }
    }
    let mut redirect: Vec<usize> = (0..clusters.len()).collect();
    for (c, &k) in candidates.iter().zip(&of_candidate) {
        let name = &text[c.start..c.end];
        if name.contains(' ') || clusters[k].fullest != (c.start, c.end) {
            continue;
        }
        let fuller = fuller_of.get(name).copied();
        if let Some(j) = fuller {
            redirect[k] = j;
            clusters[j].person = clusters[j].person.or(clusters[k].person);
        }
    }
    Persons { clusters, by_family, of_candidate, redirect }
}

/// Later mentions of persons already named, by family name alone ("Ms.
/// Rosine Sori-Coulibaly ... Sori-Coulibaly"), where no other candidate
/// stands.
///
/// Every family name is found in one pass of one automaton, so that a
/// speech listing thousands of people costs linear time. Where two family
/// names claim overlapping spans ("Sori" and "Sori-Coulibaly"), a total
/// order decides, never the order of a hash map: the longest, then the
/// earliest, then the first family name in byte order.
fn back_references(text: &str, persons: &Persons<'_>, candidates: &[Candidate]) -> Vec<(Candidate, usize)> {
    let mut families: Vec<(&str, usize)> = persons
        .by_family
        .iter()
        .map(|(&f, &k)| (f, k))
        .filter(|(f, _)| f.chars().count() >= 2 && !COMMON_WORDS.contains(f))
        .collect();
    families.sort_unstable();
    if families.is_empty() {
        return Vec::new();
    }
    let Ok(automaton) = aho_corasick::AhoCorasick::new(families.iter().map(|(f, _)| f)) else { return Vec::new() };
    let spans = Spans::new(candidates.iter().map(|c| (c.start, c.end)));
    let taken = |s: usize, e: usize| spans.overlaps(s, e);
    let mut found: Vec<(usize, usize, usize)> = automaton
        .find_overlapping_iter(text)
        .filter_map(|m| {
            let k = families[m.pattern().as_usize()].1;
            let (s, e) = (m.start(), m.end());
            (s >= persons.clusters[k].first && !taken(s, e) && is_bounded(text, s, e, false)).then_some((s, e, m.pattern().as_usize()))
        })
        .collect();
    // Pattern indices follow the family names' byte order.
    found.sort_unstable_by_key(|&(s, e, p)| (std::cmp::Reverse(e - s), s, p));
    let mut accepted: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut later: Vec<(Candidate, usize)> = Vec::new();
    for (s, e, p) in found {
        let before = accepted.range(..e).next_back().is_some_and(|(_, &end)| end > s);
        if before {
            continue;
        }
        accepted.insert(s, e);
        let k = families[p].1;
        let c = &persons.clusters[k];
        later.push((Candidate { start: s, end: e, person: c.person, confidence: 0.75, extractor: Extractor::BackReference }, k));
    }
    later.sort_by_key(|(c, _)| c.start);
    later
}

/// The mentions, in text order, each keyed by its person: the gazetteer's,
/// or the slug of the fullest name the speech gives.
fn mentions(g: &Gazetteer, text: &str, persons: &Persons<'_>, candidates: &[Candidate], later: &[(Candidate, usize)]) -> Vec<Mention> {
    let mut all: Vec<(Candidate, usize)> =
        candidates.iter().copied().zip(persons.of_candidate.iter().copied()).chain(later.iter().copied()).collect();
    all.sort_by_key(|(c, _)| c.start);
    let mut out = Vec::with_capacity(all.len());
    for (c, k) in all {
        let Some(cluster) = persons.redirect.get(k).and_then(|&j| persons.clusters.get(j)) else { continue };
        let (key, label) = match cluster.person.and_then(|i| g.persons.get(i)) {
            Some(p) => (p.key.clone(), p.label.clone()),
            None => {
                let full = &text[cluster.fullest.0..cluster.fullest.1];
                (slug(full), full.to_string())
            }
        };
        out.push(mention(c.start, c.end, EntityKind::Person, key, label, c.extractor, c.confidence));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(t: &str) -> Vec<(String, String)> {
        find(crate::gazetteer::gazetteer(), t, &[]).into_iter().map(|m| (t[m.start..m.end].to_string(), m.label)).collect()
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
    fn appositions_and_given_names() {
        let f = found("I would like to congratulate the Secretary-General, Antonio Guterres, on his work.");
        assert_eq!(f, vec![("Antonio Guterres".to_string(), "Antonio Guterres".to_string())]);
        let f = found("There is a Special Envoy, Geir Pedersen, and before him");
        assert_eq!(f[0].0, "Geir Pedersen");
        let f = found("Let me first thank Martin Griffiths and Mark Lowcock for their briefings. Mark Lowcock's report");
        let names: Vec<&str> = f.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(names, ["Martin Griffiths", "Mark Lowcock", "Mark Lowcock"]);
        // Leaders of earlier decades, named as the records of their time do.
        let f = found("The election of Julio Cesar Turbay, the son of a modest immigrant, and the words of Kwame Nkrumah");
        let names: Vec<&str> = f.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(names, ["Julio Cesar Turbay", "Kwame Nkrumah"]);
        assert!(found("Mr. President, Distinguished Delegates, Ladies and Gentlemen").is_empty());
        assert!(found("the Special Representative of the Secretary-General, and the Council").is_empty());
    }

    #[test]
    fn a_known_family_name_in_another_full_name_is_another_person() {
        let t = "Lieutenant General Carlos Alberto dos Santos Cruz said";
        let m = find(crate::gazetteer::gazetteer(), t, &crate::extract::bundled().surface().find(t));
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].label, "Carlos Alberto dos Santos Cruz");
        assert!(found("the General Framework Agreement for Peace").is_empty());
    }

    #[test]
    fn one_word_names_join_a_fuller_name_that_holds_them() {
        let f = found("President Xi Jinping proposed it. As President Xi said,");
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(f.iter().all(|x| x.1 == "Xi Jinping"), "{f:?}");
    }

    #[test]
    fn later_bare_family_names_join_the_person() {
        let t = "Secretary-General Guterres spoke. We support Guterres' vision.";
        let f = found(t);
        assert_eq!(f.len(), 2);
        assert_eq!(f[1].0, "Guterres");
    }
}

#[cfg(test)]
mod back_reference_tests {
    use crate::extract::{bundled, Context, EntityKind};

    /// Where "Sori" and "Sori-Coulibaly" both could claim a later mention,
    /// the longer wins, whatever order the family names were found in.
    #[test]
    fn the_longest_family_name_wins_an_overlap() {
        let t = "Mr. Clay (United Kingdom): I thank Ms. Rosine Sori-Coulibaly for her briefing. The Council visited \
                 Guinea-Bissau, where it met Ms. Sori- Coulibaly. We thank Ms. Sori- Coulibaly for her presence. Let me \
                 start by thanking Special Representative of the Secretary- General Sori-Coulibaly and Ambassador Filho.";
        let ex = bundled().extract_str(t, &Context::default());
        let last = t.rfind("Sori-Coulibaly").expect("the text names her");
        let m = ex.mentions.iter().find(|m| m.kind == EntityKind::Person && m.start == last).expect("a mention at the last name");
        assert_eq!(&t[m.start..m.end], "Sori-Coulibaly");
        assert_eq!(m.key, "rosine-sori-coulibaly");
    }
}
