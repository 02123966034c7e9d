//! The presidency of the Security Council, month by month. It passes each
//! month to the next member in the English alphabetical order of their
//! names, and in January to the first of the new year's members after the
//! December president; one known month fixes the whole sequence from there.

use super::council_terms;
use crate::gazetteer;
use std::sync::LazyLock;

/// January 1992: the United Kingdom, whose presidency convened the Council's
/// first meeting of heads of State and Government on 31 January 1992. From
/// then on the members' names are today's, so the order needs no history.
const ANCHOR: (u16, u8, &str) = (1992, 1, "GBR");

/// One month's presidency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presidency {
    /// The year.
    pub year: u16,
    /// The month, 1 to 12.
    pub month: u8,
    /// The presiding member (alpha-3).
    pub alpha3: String,
}

/// The state that presided over the Council in `month` of `year`, from
/// 1992 to the last year of the membership table.
pub fn presidency(year: u16, month: u8) -> Option<&'static str> {
    presidencies().iter().find(|p| p.year == year && p.month == month).map(|p| p.alpha3.as_str())
}

/// Every month's presidency that the membership table allows to compute.
pub fn presidencies() -> &'static [Presidency] {
    static ALL: LazyLock<Vec<Presidency>> = LazyLock::new(compute);
    &ALL
}

fn compute() -> Vec<Presidency> {
    let last_year = council_terms().iter().filter(|t| t.seat == "elected").map(|t| t.end_year).max().unwrap_or(ANCHOR.0);
    let mut out = Vec::new();
    let (mut year, mut month, mut current) = (ANCHOR.0, ANCHOR.1, ANCHOR.2.to_owned());
    while year <= last_year {
        out.push(Presidency { year, month, alpha3: current.clone() });
        let (next_year, next_month) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
        let members = members_in_order(next_year);
        let key = order_key(&current);
        // The first member after the current president, wrapping round.
        let Some(next) = members.iter().find(|(k, _)| *k > key).or_else(|| members.first()) else { break };
        current = next.1.clone();
        (year, month) = (next_year, next_month);
    }
    out
}

/// The members of `year` with their sort keys, in alphabetical order.
fn members_in_order(year: u16) -> Vec<(String, String)> {
    let mut members: Vec<(String, String)> = council_terms()
        .iter()
        .filter(|t| (t.start_year..=t.end_year).contains(&year))
        .map(|t| (order_key(&t.alpha3), t.alpha3.clone()))
        .collect();
    members.sort();
    members.dedup();
    members
}

/// The state's English short name as the Council's rotation sorts it:
/// lower-cased, accents folded, word by word ("Türkiye" as "turkiye").
fn order_key(alpha3: &str) -> String {
    crate::names::slug(gazetteer::state(alpha3).map_or(alpha3, |s| s.name.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_presidency_rotates_alphabetically_across_years() {
        assert_eq!(presidency(1992, 1), Some("GBR"));
        assert_eq!(presidency(1992, 2), Some("USA"));
        assert_eq!(presidency(1992, 3), Some("VEN"));
        // Known months, from the Council's records.
        assert_eq!(presidency(2020, 1), Some("VNM"));
        assert_eq!(presidency(2020, 6), Some("FRA"));
        assert_eq!(presidency(2022, 2), Some("RUS"));
        assert_eq!(presidency(1991, 12), None, "before the anchor nothing is computed");
        assert_eq!(order_key("TUR"), "turkiye");
    }
}
