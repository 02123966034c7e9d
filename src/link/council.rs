//! Security Council membership by year, from `data/council_membership.csv`,
//! and the holders of the UN's top offices, from `data/un_office_holders.csv`.

use std::sync::LazyLock;

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

const CSV: &str = include_str!("../../data/council_membership.csv");

/// A year field of an embedded table; a bad one is a build defect.
fn year(file: &str, field: &str) -> u16 {
    field.parse().unwrap_or_else(|_| panic!("data/{file}: expected a year, found {field:?}"))
}

/// Every term in the data, in file order.
pub fn council_terms() -> &'static [CouncilTerm] {
    static TERMS: LazyLock<Vec<CouncilTerm>> = LazyLock::new(|| {
        crate::gazetteer::parse("council_membership.csv", CSV, |f| CouncilTerm {
            alpha3: f("alpha3"),
            start_year: year("council_membership.csv", &f("start_year")),
            end_year: year("council_membership.csv", &f("end_year")),
            seat: f("seat"),
        })
    });
    &TERMS
}

/// Whether `alpha3` sat on the Council in `year`. The table runs from 1946
/// to the corpus's last year; a permanent seat held then runs on.
pub fn council_member(alpha3: &str, year: u16) -> bool {
    let last = council_terms().iter().filter(|t| t.seat == "permanent").map(|t| t.end_year).max().unwrap_or(0);
    council_terms().iter().any(|t| {
        let end = if t.seat == "permanent" && t.end_year >= last { u16::MAX } else { t.end_year };
        t.alpha3 == alpha3 && (t.start_year..=end).contains(&year)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_the_council_of_2020() {
        for member in ["CHN", "FRA", "RUS", "GBR", "USA", "VNM", "DEU", "IDN", "TUN", "NER"] {
            assert!(council_member(member, 2020), "{member} sat on the Council in 2020");
        }
        assert!(!council_member("KAZ", 2020));
        assert!(council_member("KAZ", 2017));
        assert!(council_member("SUN", 1960) && !council_member("SUN", 2020));
        assert!(council_member("RUS", 2030) && !council_member("RUS", 1960));
    }
}

const OFFICE_HOLDERS: &str = include_str!("../../data/un_office_holders.csv");

/// One term in a UN office; `end_year` is `u16::MAX` while it lasts.
struct OfficeTerm {
    office: String,
    name: String,
    start_year: u16,
    end_year: u16,
}

/// Who held the UN office `office` ("Secretary-General", "Deputy
/// Secretary-General") in `year`; the later holder in a year of change,
/// since terms begin on 1 January or soon after.
pub fn office_holder(office: &str, year_wanted: u16) -> Option<&'static str> {
    static TERMS: LazyLock<Vec<OfficeTerm>> = LazyLock::new(|| {
        crate::gazetteer::parse("un_office_holders.csv", OFFICE_HOLDERS, |f| {
            let end = f("end_year");
            OfficeTerm {
                office: f("office"),
                name: f("name"),
                start_year: year("un_office_holders.csv", &f("start_year")),
                end_year: if end.is_empty() { u16::MAX } else { year("un_office_holders.csv", &end) },
            }
        })
    });
    TERMS
        .iter()
        .filter(|t| t.office == office && (t.start_year..=t.end_year).contains(&year_wanted))
        .map(|t| t.name.as_str())
        .last()
}

#[cfg(test)]
mod office_tests {
    use super::*;

    #[test]
    fn knows_who_was_secretary_general() {
        assert_eq!(office_holder("Secretary-General", 2020), Some("António Guterres"));
        assert_eq!(office_holder("Secretary-General", 2016), Some("Ban Ki-moon"));
        assert_eq!(office_holder("Secretary-General", 1961), Some("U Thant"));
        assert_eq!(office_holder("Deputy Secretary-General", 2020), Some("Amina J. Mohammed"));
        assert_eq!(office_holder("Chair", 2020), None);
    }
}
