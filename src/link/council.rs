//! Security Council membership by year, from `data/council_membership.csv`,
//! the holders of the UN's top offices, from `data/un_office_holders.csv`,
//! and the presidency of each month computed from the membership.

use super::presidency::{self, Presidency};
use crate::gazetteer::Gazetteer;

/// One term on the Council: a state, its first and last year, its seat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CouncilTerm {
    /// ISO 3166-1 alpha-3 of the member.
    pub alpha3: String,
    /// First year of the term.
    pub start_year: u16,
    /// Last year of the term.
    pub end_year: u16,
    /// `permanent` or `elected`.
    pub seat: String,
}

/// One term in a UN office; `end_year` is `u16::MAX` while it lasts.
#[derive(Debug, Clone, PartialEq, Eq)]
struct OfficeTerm {
    office: String,
    name: String,
    start_year: u16,
    end_year: u16,
}

/// What the Council's tables say: its terms, the UN's office holders and
/// the presidencies they allow to compute. Part of
/// [`crate::reference::Reference`]; built once from the bundled tables.
#[derive(Debug, Clone)]
pub struct Council {
    terms: Vec<CouncilTerm>,
    offices: Vec<OfficeTerm>,
    presidencies: Vec<Presidency>,
    /// The last year of a permanent seat in the table: a seat held then runs
    /// on past the table's end.
    last_permanent_year: u16,
}

const CSV: &str = include_str!("../../data/council_membership.csv");
const OFFICE_HOLDERS: &str = include_str!("../../data/un_office_holders.csv");

/// A year field of an embedded table; a bad one is a build defect.
fn year(file: &str, field: &str) -> u16 {
    field.parse().unwrap_or_else(|_| panic!("data/{file}: expected a year, found {field:?}"))
}

impl Council {
    /// The bundled tables; `gazetteer` gives the states' names, whose
    /// alphabetical order the presidency follows.
    pub fn bundled(gazetteer: &Gazetteer) -> Self {
        let terms = crate::gazetteer::parse("council_membership.csv", CSV, |f| CouncilTerm {
            alpha3: f("alpha3"),
            start_year: year("council_membership.csv", &f("start_year")),
            end_year: year("council_membership.csv", &f("end_year")),
            seat: f("seat"),
        });
        let offices = crate::gazetteer::parse("un_office_holders.csv", OFFICE_HOLDERS, |f| {
            let end = f("end_year");
            OfficeTerm {
                office: f("office"),
                name: f("name"),
                start_year: year("un_office_holders.csv", &f("start_year")),
                end_year: if end.is_empty() { u16::MAX } else { year("un_office_holders.csv", &end) },
            }
        });
        let presidencies = presidency::compute(&terms, gazetteer);
        let last_permanent_year = terms.iter().filter(|t| t.seat == "permanent").map(|t| t.end_year).max().unwrap_or(0);
        Council { terms, offices, presidencies, last_permanent_year }
    }

    /// Every term in the data, in file order.
    pub fn terms(&self) -> &[CouncilTerm] {
        &self.terms
    }

    /// Whether `alpha3` sat on the Council in `year`. The table runs from
    /// 1946 to the corpus's last year; a permanent seat held then runs on.
    pub fn member(&self, alpha3: &str, year: u16) -> bool {
        self.terms.iter().any(|t| {
            let end = if t.seat == "permanent" && t.end_year >= self.last_permanent_year { u16::MAX } else { t.end_year };
            t.alpha3 == alpha3 && (t.start_year..=end).contains(&year)
        })
    }

    /// Who held the UN office `office` ("Secretary-General", "Deputy
    /// Secretary-General") in `year`; the later holder in a year of change,
    /// since terms begin on 1 January or soon after.
    pub fn office_holder(&self, office: &str, year: u16) -> Option<&str> {
        self.offices
            .iter()
            .rev()
            .find(|t| t.office == office && (t.start_year..=t.end_year).contains(&year))
            .map(|t| t.name.as_str())
    }

    /// The state that presided over the Council in `month` of `year`, from
    /// 1992 to the last year of the membership table.
    pub fn presidency(&self, year: u16, month: u8) -> Option<&str> {
        self.presidencies.iter().find(|p| p.year == year && p.month == month).map(|p| p.alpha3.as_str())
    }

    /// Every month's presidency that the membership table allows to compute.
    pub fn presidencies(&self) -> &[Presidency] {
        &self.presidencies
    }
}

#[cfg(test)]
mod tests {
    fn council() -> &'static super::Council {
        crate::reference::Reference::for_tests().council()
    }

    #[test]
    fn knows_the_council_of_2020() {
        let c = council();
        for member in ["CHN", "FRA", "RUS", "GBR", "USA", "VNM", "DEU", "IDN", "TUN", "NER"] {
            assert!(c.member(member, 2020), "{member} sat on the Council in 2020");
        }
        assert!(!c.member("KAZ", 2020));
        assert!(c.member("KAZ", 2017));
        assert!(c.member("SUN", 1960) && !c.member("SUN", 2020));
        assert!(c.member("RUS", 2030) && !c.member("RUS", 1960));
    }

    #[test]
    fn knows_who_was_secretary_general() {
        let c = council();
        assert_eq!(c.office_holder("Secretary-General", 2020), Some("António Guterres"));
        assert_eq!(c.office_holder("Secretary-General", 2016), Some("Ban Ki-moon"));
        assert_eq!(c.office_holder("Secretary-General", 1961), Some("U Thant"));
        assert_eq!(c.office_holder("Deputy Secretary-General", 2020), Some("Amina J. Mohammed"));
        assert_eq!(c.office_holder("Chair", 2020), None);
    }
}
