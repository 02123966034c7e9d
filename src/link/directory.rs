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

impl Directory for GazetteerDirectory {
    fn state_code(&self, name: &str) -> Option<String> {
        gazetteer::state_by_name(name)
            .or_else(|| (name.len() == 3).then(|| gazetteer::state(name)).flatten())
            .map(|s| s.alpha3.clone())
    }

    fn organisation_key(&self, name: &str) -> Option<String> {
        let name = name.trim();
        let name = name.strip_prefix("the ").unwrap_or(name);
        organisations_by_name().get(&name.to_lowercase()).cloned()
    }

    fn council_member(&self, alpha3: &str, year: u16) -> bool {
        super::council_member(alpha3, year)
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
    }
}
