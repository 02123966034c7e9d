//! The gazetteers as a [`Directory`] for identifying speakers.

use crate::gazetteer;
use crate::speech::Directory;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Resolves speakers' affiliations against the compiled-in gazetteers.
#[derive(Debug, Default, Clone, Copy)]
pub struct GazetteerDirectory;

/// Organisation names and aliases, lower-cased, to keys.
fn organisations_by_name() -> &'static HashMap<String, String> {
    static BY_NAME: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
        let mut map = HashMap::new();
        for org in &gazetteer::gazetteer().organisations {
            for name in std::iter::once(&org.label).chain(&org.aliases).chain(std::iter::once(&org.key)) {
                map.entry(name.to_lowercase()).or_insert_with(|| org.key.clone());
            }
        }
        map
    });
    &BY_NAME
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

/// Every state name and alias as [`letters`], with its code.
fn states_by_letters() -> &'static [(String, String)] {
    static FORMS: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
        let mut forms = Vec::new();
        for s in &gazetteer::gazetteer().states {
            for name in std::iter::once(&s.name).chain(&s.aliases).chain(std::iter::once(&s.official_name)) {
                forms.push((letters(name), s.alpha3.clone()));
            }
        }
        forms
    });
    &FORMS
}

/// The state whose name is within a typo or two of `name` ("Kyrgyztan",
/// "El] Salvador"), when exactly one state is that close.
fn state_by_damaged_name(name: &str) -> Option<String> {
    let wanted = letters(name);
    let budget = match wanted.len() {
        0..=5 => return None,
        6..=11 => 1,
        _ => 2,
    };
    let mut best: Option<(usize, &str)> = None;
    let mut tie = false;
    for (form, code) in states_by_letters() {
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

impl Directory for GazetteerDirectory {
    fn state_code(&self, name: &str) -> Option<String> {
        gazetteer::state_by_name(name)
            .or_else(|| (name.len() == 3).then(|| gazetteer::state(name)).flatten())
            .map(|s| s.alpha3.clone())
            .or_else(|| state_by_damaged_name(name))
    }

    fn organisation_key(&self, name: &str) -> Option<String> {
        let name = name.trim();
        let name = crate::names::strip_the(name);
        organisations_by_name().get(&name.to_lowercase()).cloned()
    }

    fn council_member(&self, alpha3: &str, year: u16) -> bool {
        super::council_member(alpha3, year)
    }

    fn office_holder(&self, office: &str, year: u16) -> Option<String> {
        super::office_holder(office, year).map(str::to_owned)
    }

    fn presidency(&self, year: u16, month: u8) -> Option<String> {
        super::presidency(year, month).map(str::to_owned)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_the_names_speakers_use() {
        let d = GazetteerDirectory;
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
