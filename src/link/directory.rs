//! The names speakers and tables give the states and organisations they
//! speak for, resolved against the gazetteers: exactly, case-insensitively,
//! or as a damaged name (OCR, typos). The indexes are built once, with the
//! rest of [`crate::reference::Reference`], which answers the speech stage's
//! [`crate::speech::Directory`] questions through them.

use crate::gazetteer::Gazetteer;
use std::collections::HashMap;

/// The gazetteers' names indexed as speakers' affiliations are looked up.
#[derive(Debug, Clone)]
pub struct SpeakerDirectory {
    /// Organisation names and aliases, lower-cased, to keys.
    organisations_by_name: HashMap<String, String>,
    /// Every state name and alias as [`letters`], with its code.
    states_by_letters: Vec<(String, String)>,
}

/// A name reduced to its letters, with the digits OCR puts for letters
/// read back ("C6te d'Ivoire" -> "cotedivoire").
fn letters(name: &str) -> String {
    name.chars()
        .filter_map(|c| match c {
            '0' | '6' => Some('o'),
            '1' => Some('l'),
            c if c.is_alphabetic() => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

/// The state whose name is within a typo or two of `name` ("Kyrgyztan",
/// "El] Salvador"), when exactly one state is that close.
fn state_by_damaged_name(forms: &[(String, String)], name: &str) -> Option<String> {
    let wanted = letters(name);
    let budget = match wanted.len() {
        0..=5 => return None,
        6..=11 => 1,
        _ => 2,
    };
    let mut best: Option<(usize, &str)> = None;
    let mut tie = false;
    for (form, code) in forms {
        // Bytes, not chars: an accented letter costs two edits, as it
        // always has for this match.
        let Some(d) = crate::names::bounded_distance(wanted.as_bytes(), form.as_bytes(), budget) else {
            continue;
        };
        match best {
            Some((bd, bc)) if d == bd && bc != code => tie = true,
            Some((bd, _)) if d >= bd => {}
            _ => {
                best = Some((d, code));
                tie = false;
            }
        }
    }
    best.filter(|_| !tie).map(|(_, code)| code.to_owned())
}

impl SpeakerDirectory {
    /// The indexes over `gazetteer`'s states and organisations.
    pub fn new(gazetteer: &Gazetteer) -> Self {
        let mut organisations_by_name = HashMap::new();
        for org in &gazetteer.organisations {
            for name in std::iter::once(&org.label).chain(&org.aliases).chain(std::iter::once(&org.key)) {
                organisations_by_name.entry(name.to_lowercase()).or_insert_with(|| org.key.clone());
            }
        }
        let mut states_by_letters = Vec::new();
        for s in &gazetteer.states {
            for name in std::iter::once(&s.name).chain(&s.aliases).chain(std::iter::once(&s.official_name)) {
                states_by_letters.push((letters(name), s.alpha3.clone()));
            }
        }
        SpeakerDirectory { organisations_by_name, states_by_letters }
    }

    /// The alpha-3 code of the state called `name` in `gazetteer` (the one
    /// these indexes were built from): by name or alias, by code, or as a
    /// name a typo or two away from exactly one state's.
    pub fn state_code(&self, gazetteer: &Gazetteer, name: &str) -> Option<String> {
        gazetteer
            .state_by_name(name)
            .or_else(|| (name.len() == 3).then(|| gazetteer.state(name)).flatten())
            .map(|s| s.alpha3.clone())
            .or_else(|| state_by_damaged_name(&self.states_by_letters, name))
    }

    /// The key of the organisation called `name` (name, alias or acronym).
    pub fn organisation_key(&self, name: &str) -> Option<String> {
        let name = crate::names::strip_the(name.trim());
        self.organisations_by_name.get(&name.to_lowercase()).cloned()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn resolves_the_names_speakers_use() {
        use crate::speech::Directory;
        let d = crate::reference::Reference::for_tests();
        assert_eq!(d.state_code("Kazakhstan").as_deref(), Some("KAZ"));
        assert_eq!(d.state_code("the Russian Federation").as_deref(), Some("RUS"));
        assert_eq!(d.state_code("Iran (Islamic Republic of)").as_deref(), Some("IRN"));
        assert_eq!(d.state_code("Holy See").as_deref(), Some("VAT"));
        assert_eq!(d.organisation_key("European Union").as_deref(), Some("EU"));
        assert_eq!(d.organisation_key("UN").as_deref(), Some("UN"));
        assert_eq!(d.state_code("spoke in French"), None);
        assert_eq!(d.state_code("C6te d'Ivoire").as_deref(), Some("CIV"));
        assert_eq!(d.state_code("Kyrgyztan").as_deref(), Some("KGZ"));
        assert_eq!(d.state_code("El] Salvador").as_deref(), Some("SLV"));
        assert_eq!(d.state_code("Individual"), None);
    }
}
