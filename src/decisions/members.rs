//! Linking the member and sponsor names of the Council's tables ("UNITED
//! STATES", "VENEZUELA (BOLIVARIAN REPUBLIC OF)", "USSR") to state keys,
//! through the directory that links speakers, so that a state's votes and
//! its speeches meet on one node.

use crate::error::Diagnostic;
use crate::reference::Reference;
use crate::speech::Directory;
use std::path::Path;

/// A name in the lower case the directory compares in, with the forms the
/// tables print that case-folding alone does not reach: the Turkish dotted
/// capital I ("TÜRKİYE") and typographic apostrophes ("CÔTE D’IVOIRE").
fn fold(name: &str) -> String {
    name.trim().replace('İ', "I").replace(['’', '‘'], "'").to_lowercase()
}

/// The alpha-3 key of the state a table calls `name`, or `None`.
pub fn state_key(reference: &Reference, name: &str) -> Option<String> {
    // Names of states that are gone ("USSR") are aliases of their
    // ISO 3166-3 rows in states.csv, which the directory knows.
    let folded = fold(name);
    reference.state_code(&folded).or_else(|| {
        // "NETHERLANDS (KINGDOM OF THE)", "BAHAMAS (THE)": the UN's sorted
        // form, read in running order ("kingdom of the netherlands").
        let (head, rest) = folded.split_once(" (")?;
        let inner = rest.strip_suffix(')')?;
        reference.state_code(&format!("{inner} {head}"))
    })
}

/// A name of `file` at `line` that links to no state.
fn unlinked(file: &str, line: u64, role: &str, name: &str) -> Diagnostic {
    Diagnostic::new(Path::new(&format!("data/{file}")), line, format!("{role} {name:?} links to no state; left out"))
}

/// Every member, sponsor and vetoing name of the tables that links to no
/// state, with its file and line: the build reports them as warnings.
pub fn unlinked_names(reference: &Reference) -> Vec<Diagnostic> {
    let state_key = |name: &str| state_key(reference, name);
    let mut out = Vec::new();
    for r in reference.decisions().resolution_votes() {
        for (_, name) in &r.members {
            if state_key(name).is_none() {
                out.push(unlinked("votes.csv", r.line, "member", name));
            }
        }
        for name in &r.sponsors {
            if state_key(name).is_none() {
                out.push(unlinked("votes.csv", r.line, "sponsor", name));
            }
        }
    }
    for v in reference.decisions().vetoes() {
        for name in &v.vetoed_by {
            if state_key(name).is_none() {
                out.push(unlinked("vetoes.csv", v.line, "vetoing member", name));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference() -> &'static Reference {
        Reference::for_tests()
    }

    #[test]
    fn links_the_forms_the_council_tables_print() {
        for (name, code) in [
            ("UNITED STATES", "USA"),
            ("VENEZUELA (BOLIVARIAN REPUBLIC OF)", "VEN"),
            ("NETHERLANDS (KINGDOM OF THE)", "NLD"),
            ("BAHAMAS (THE)", "BHS"),
            ("TÜRKİYE", "TUR"),
            ("CÔTE D’IVOIRE", "CIV"),
            ("LAO PEOPLE’S DEMOCRATIC REPUBLIC", "LAO"),
            ("THE FORMER YUGOSLAV REPUBLIC OF MACEDONIA", "MKD"),
            ("LICHTENSTEIN", "LIE"),
            ("USSR", "SUN"),
            ("Russia", "RUS"),
            ("UK", "GBR"),
        ] {
            assert_eq!(state_key(reference(), name).as_deref(), Some(code), "{name}");
        }
        assert_eq!(state_key(reference(), "REPORT OF THE SECRETARY-GENERAL"), None);
    }

    #[test]
    fn every_name_of_the_tables_links() {
        let unlinked: Vec<String> = unlinked_names(reference()).iter().map(ToString::to_string).collect();
        assert!(unlinked.is_empty(), "{}", unlinked.join("\n"));
    }

    #[test]
    fn an_unlinked_name_is_reported_with_file_and_line() {
        assert_eq!(unlinked("votes.csv", 7, "sponsor", "ATLANTIS").to_string(), "data/votes.csv:7: sponsor \"ATLANTIS\" links to no state; left out");
    }
}
