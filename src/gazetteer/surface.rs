//! One Aho-Corasick automaton over every surface form of every gazetteer:
//! state names and adjectives, organisation names and acronyms, places and
//! persons. One leftmost-longest pass finds them all, and because all kinds
//! share the automaton the longest form wins across kinds: "Economic
//! Community of West African States" hides "African", "Democratic Republic
//! of the Congo" hides "Congo", "Lake Chad Basin" hides "Chad".
//!
//! Case: acronyms match exactly ("UN" never matches "un"); other forms also
//! match with their first letter's case flipped ("al-Qaida" / "Al-Qaida"),
//! which is the only case variation names show in UN records.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};

use super::Gazetteer;

/// What a surface form denotes; the index is into the gazetteer's vectors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A state's name, official name or alias.
    StateName(u32),
    /// An adjective of a state ("Kuwaiti"); whether the phrase means the
    /// state is for the caller to judge ("spoke in French" does not).
    StateAdjective(u32),
    /// An organisation's label or long-form alias.
    Organisation(u32),
    /// An organisation's acronym, matched case-sensitively.
    OrganisationAcronym(u32),
    /// A place's label or alias.
    Place(u32),
    /// A person's full name or alias.
    Person(u32),
    /// A person's family name alone ("Guterres"), weaker evidence.
    PersonFamily(u32),
}

impl Target {
    /// Preference when one form denotes several things: a state's name
    /// beats an organisation, which beats a place, a person, an adjective.
    fn rank(self) -> u8 {
        match self {
            Target::StateName(_) => 0,
            Target::OrganisationAcronym(_) | Target::Organisation(_) => 1,
            Target::Place(_) => 2,
            Target::Person(_) => 3,
            Target::StateAdjective(_) => 4,
            Target::PersonFamily(_) => 5,
        }
    }
}

/// One form a pattern stands for: its exact spelling and what it denotes.
#[derive(Debug, Clone)]
struct Entry {
    form: String,
    acronym: bool,
    /// Whether the form may also be written with its first letter in lower
    /// case: multi-word organisation names ("al-Shabaab" for "Al-Shabaab").
    flip: bool,
    target: Target,
}

impl Entry {
    /// Whether `found` (equal to the form up to ASCII case) is a spelling of
    /// this form: acronyms exactly; other forms with any case after the first
    /// letter ("Lake Chad basin"), which must be upper-case unless the form
    /// itself starts lower-case or may flip.
    fn accepts(&self, found: &str) -> bool {
        if self.acronym {
            return found == self.form;
        }
        let upper = found.chars().next().is_some_and(char::is_uppercase);
        let form_lower = self.form.chars().next().is_some_and(char::is_lowercase);
        upper || form_lower || (self.flip && found.get(1..) == self.form.get(1..))
    }
}

/// A gazetteer form found in a text.
#[derive(Debug, Clone, Copy)]
pub struct SurfaceMatch<'m> {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    entries: &'m [Entry],
    /// Bit i set: `entries[i]` accepts the text found.
    accepted: u64,
}

impl SurfaceMatch<'_> {
    /// Everything the form found denotes, best first (see [`Target`]).
    pub fn targets(&self) -> impl Iterator<Item = Target> + '_ {
        self.entries
            .iter()
            .enumerate()
            .filter(|(i, _)| *i < 64 && self.accepted & (1 << i) != 0)
            .map(|(_, e)| e.target)
    }

    /// The best thing the form found denotes.
    pub fn best(&self) -> Option<Target> {
        self.targets().next()
    }
}

/// The compiled automaton and, per pattern, what it denotes. Built once
/// per gazetteer ([`SurfaceMatcher::new`]) and shared by reference: the
/// build makes one for all its threads.
pub struct SurfaceMatcher {
    automaton: AhoCorasick,
    entries: Vec<Vec<Entry>>,
}

/// Whether a form is an acronym ("UNSC", "CIS-ATC", "U.N."), which must
/// match exactly: no lower-case letter and at least two upper-case ones.
pub fn is_acronym(form: &str) -> bool {
    !form.chars().any(char::is_lowercase) && form.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// Spelling pairs that UN texts use both ways in organisation names.
const SPELLINGS: &[(&str, &str)] = &[
    ("Co-operation", "Cooperation"),
    ("Organisation", "Organization"),
    ("Centre", "Center"),
    ("Defence", "Defense"),
    ("Labour", "Labor"),
    ("Programme", "Program"),
];

/// The form with every spelling of [`SPELLINGS`] swapped, if it has one.
fn spelling_variant(form: &str) -> Option<String> {
    let mut out = form.to_string();
    for (a, b) in SPELLINGS {
        if out.contains(a) {
            out = out.replace(a, b);
        } else if out.contains(b) {
            out = out.replace(b, a);
        }
    }
    (out != form).then_some(out)
}

impl SurfaceMatcher {
    /// The automaton over every surface form of `g`.
    pub fn new(g: &Gazetteer) -> Self {
        // Patterns are keyed by their ASCII-lower-cased form, since the
        // automaton ignores ASCII case and `Entry::accepts` judges the case.
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut entries: Vec<Vec<Entry>> = Vec::new();
        let mut add = |form: &str, target: Target, flip: bool| {
            let form = form.trim();
            // One-letter forms and bare numbers would match everywhere.
            if form.chars().filter(|c| c.is_alphabetic()).count() < 2 {
                return;
            }
            // Mixed-case single words ("LeT", "JuD", "DiCarlo") and very short
            // forms are spelled exactly like acronyms: read loosely, "LeT"
            // would match every "Let me".
            let mixed = !form.contains(' ') && form.chars().skip(1).any(char::is_uppercase);
            let acronym = is_acronym(form) || mixed || form.chars().count() <= 3;
            let flip = flip && !acronym && form.contains([' ', '-']);
            let key = form.to_ascii_lowercase();
            let i = *index.entry(key).or_insert_with(|| {
                patterns.push(form.to_string());
                entries.push(Vec::new());
                entries.len() - 1
            });
            if !entries[i].iter().any(|e| e.form == form && e.target == target) {
                entries[i].push(Entry { form: form.to_string(), acronym, flip, target });
            }
        };
        for (i, s) in g.states.iter().enumerate() {
            let i = i as u32;
            add(&s.name, Target::StateName(i), false);
            add(&s.official_name, Target::StateName(i), false);
            for a in &s.aliases {
                add(a, Target::StateName(i), false);
            }
            for a in &s.adjectives {
                add(a, Target::StateAdjective(i), false);
            }
        }
        for (i, o) in g.organisations.iter().enumerate() {
            let i = i as u32;
            for f in std::iter::once(&o.label).chain(&o.aliases) {
                let t = if is_acronym(f) { Target::OrganisationAcronym(i) } else { Target::Organisation(i) };
                add(f, t, true);
                // British and American spellings of one name ("Organization
                // for Security and Cooperation in Europe").
                if let Some(v) = spelling_variant(f) {
                    add(&v, t, true);
                }
            }
        }
        for (i, p) in g.places.iter().enumerate() {
            let i = i as u32;
            for f in std::iter::once(&p.label).chain(&p.aliases) {
                add(f, Target::Place(i), false);
            }
        }
        for (i, p) in g.persons.iter().enumerate() {
            let i = i as u32;
            for f in std::iter::once(&p.label).chain(&p.aliases) {
                add(f, Target::Person(i), false);
            }
            if !p.family_name.is_empty() {
                add(&p.family_name, Target::PersonFamily(i), false);
            }
        }
        for e in &mut entries {
            e.sort_by_key(|e| e.target.rank());
            e.truncate(64);
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .start_kind(StartKind::Both)
            .build(&patterns)
            .unwrap_or_else(|e| panic!("gazetteer automaton over {} forms: {e}", patterns.len()));
        SurfaceMatcher { automaton, entries }
    }

    /// Every gazetteer form in `text` that stands as whole words, leftmost
    /// longest; a form may also start at a lower->upper case change inside a
    /// token ("ofKazakhstan"), which PDF extraction produces.
    pub fn find(&self, text: &str) -> Vec<SurfaceMatch<'_>> {
        // A form can only start where a word starts or at a run-together
        // case change, so the automaton is asked, anchored, at those places
        // only: an unanchored search would stop at every "un" inside
        // "fund" (the case-insensitive "UN") and retry one char on.
        let mut out = Vec::new();
        let mut resume = 0;
        let mut prev: Option<char> = None;
        for (s, c) in text.char_indices() {
            let p = prev;
            prev = Some(c);
            if s < resume || !c.is_alphanumeric() {
                continue;
            }
            let starts_word = p.is_none_or(|p| !p.is_alphanumeric());
            let camel = p.is_some_and(char::is_lowercase) && c.is_uppercase();
            if !starts_word && !camel {
                continue;
            }
            let Some(first) = self.automaton.find(Input::new(text).span(s..text.len()).anchored(Anchored::Yes)) else {
                continue;
            };
            if let Some(h) = self.accept_at(text, s, first) {
                resume = h.end;
                out.push(h);
            }
        }
        out
    }

    /// The longest form starting at `s` that the text's case and word
    /// boundaries accept, trying shorter ones when the longest fails.
    fn accept_at(&self, text: &str, s: usize, mut m: aho_corasick::Match) -> Option<SurfaceMatch<'_>> {
        loop {
            let e = m.end();
            let entries = &self.entries[m.pattern().as_usize()];
            let found = &text[s..e];
            let mut accepted = 0u64;
            for (i, entry) in entries.iter().enumerate() {
                if entry.accepts(found) {
                    accepted |= 1 << i;
                }
            }
            let form_starts_upper = found.chars().next().is_some_and(char::is_uppercase);
            if accepted != 0 && crate::extract::matcher::is_bounded(text, s, e, form_starts_upper) {
                return Some(SurfaceMatch { start: s, end: e, entries, accepted });
            }
            // The longest form here fails ("African Union-United Nations
            // Mission" followed by "-led"); a shorter one starting at the
            // same place may stand ("African Union").
            if e <= s + 1 {
                return None;
            }
            m = self.automaton.find(Input::new(text).span(s..e - 1).anchored(Anchored::Yes))?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(t: &str) -> Vec<&str> {
        crate::extract::bundled().surface().find(t).into_iter().map(|m| &t[m.start..m.end]).collect()
    }

    #[test]
    fn longest_form_wins_across_kinds() {
        let t = "the Economic Community of West African States and the Democratic Republic of the Congo";
        let f = found(t);
        assert!(f.contains(&"Economic Community of West African States"), "{f:?}");
        assert!(f.contains(&"Democratic Republic of the Congo"), "{f:?}");
        assert!(!f.contains(&"African") && !f.contains(&"Congo"), "{f:?}");
    }

    #[test]
    fn run_together_words_and_possessives() {
        let f = found("the people ofKazakhstan and Kazakhstan's deepest condolences");
        assert_eq!(f.iter().filter(|x| **x == "Kazakhstan").count(), 2, "{f:?}");
    }

    #[test]
    fn acronyms_exact_names_loose_after_first_letter() {
        let f = found("the Economic Community of West African states, the WHO and who, US and us, chad");
        assert!(f.contains(&"Economic Community of West African states"), "{f:?}");
        assert!(f.contains(&"US") && !f.contains(&"us") && !f.contains(&"who") && !f.contains(&"chad"), "{f:?}");
        assert!(found("Let me thank").is_empty());
    }

    #[test]
    fn a_failed_long_form_leaves_the_shorter_one() {
        let f = found("the African Union-United Nations Hybrid Operation-led effort");
        assert!(f.contains(&"African Union"), "{f:?}");
    }

    #[test]
    fn british_and_american_spellings_both_match() {
        let f = found("the Organization for Security and Cooperation in Europe and the Organization for Security and Co-operation in Europe");
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(spelling_variant("United Nations Development Programme").as_deref(), Some("United Nations Development Program"));
    }

    #[test]
    fn no_match_inside_words() {
        let f = found("a woman from Romania");
        assert!(!f.contains(&"oman") && !f.contains(&"Oman"), "{f:?}");
    }
}
