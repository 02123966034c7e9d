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

/// Every term in the data, in file order.
pub fn council_terms() -> &'static [CouncilTerm] {
    static TERMS: LazyLock<Vec<CouncilTerm>> = LazyLock::new(|| {
        let mut reader = csv::Reader::from_reader(CSV.as_bytes());
        reader
            .records()
            .enumerate()
            .map(|(i, r)| {
                let r = r.unwrap_or_else(|e| panic!("data/council_membership.csv:{}: {e}", i + 2));
                let year = |c: usize| {
                    r.get(c)
                        .and_then(|y| y.trim().parse().ok())
                        .unwrap_or_else(|| panic!("data/council_membership.csv:{}: expected a year in column {}", i + 2, c + 1))
                };
                CouncilTerm {
                    alpha3: r.get(0).unwrap_or("").trim().to_owned(),
                    start_year: year(1),
                    end_year: year(2),
                    seat: r.get(3).unwrap_or("").trim().to_owned(),
                }
            })
            .collect()
    });
    &TERMS
}

/// Whether `alpha3` sat on the Council in `year`. Permanent members count
/// for every year; the table covers elected members from 1992.
pub fn council_member(alpha3: &str, year: u16) -> bool {
    council_terms().iter().any(|t| {
        t.alpha3 == alpha3 && (t.seat == "permanent" || (t.start_year..=t.end_year).contains(&year))
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
    }
}

const OFFICE_HOLDERS: &str = include_str!("../../data/un_office_holders.csv");

/// Who held the UN office `office` ("Secretary-General", "Deputy
/// Secretary-General") in `year`; the later holder in a year of change,
/// since terms begin on 1 January or soon after.
pub fn office_holder(office: &str, year: u16) -> Option<&'static str> {
    let mut holder = None;
    for (i, line) in OFFICE_HOLDERS.lines().enumerate().skip(1) {
        let fields: Vec<&'static str> = line.split(',').collect();
        let [o, name, start, end] = fields[..] else {
            panic!("data/un_office_holders.csv:{}: expected office,name,start_year,end_year", i + 1)
        };
        let start: u16 = start.parse().unwrap_or_else(|_| panic!("data/un_office_holders.csv:{}: bad start year", i + 1));
        let end: u16 = if end.is_empty() { u16::MAX } else { end.parse().unwrap_or(u16::MAX) };
        if o == office && (start..=end).contains(&year) {
            holder = Some(name);
        }
    }
    holder
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
