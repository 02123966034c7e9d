//! The presidency of the Security Council, month by month. It passes each
//! month to the next member in the English alphabetical order of their
//! names, and in January to the first of the new year's members after the
//! December president; one known month fixes the whole sequence from there.

use super::CouncilTerm;
use crate::gazetteer::Gazetteer;

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

/// Every month's presidency from the anchor to the last year of `terms`.
pub(super) fn compute(terms: &[CouncilTerm], gazetteer: &Gazetteer) -> Vec<Presidency> {
    let last_year = terms.iter().filter(|t| t.seat == "elected").map(|t| t.end_year).max().unwrap_or(ANCHOR.0);
    let mut out = Vec::new();
    let (mut year, mut month, mut current) = (ANCHOR.0, ANCHOR.1, ANCHOR.2.to_owned());
    while year <= last_year {
        out.push(Presidency { year, month, alpha3: current.clone() });
        let (next_year, next_month) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
        let members = members_in_order(terms, gazetteer, next_year);
        let key = order_key(gazetteer, &current);
        // The first member after the current president, wrapping round.
        let Some(next) = members.iter().find(|(k, _)| *k > key).or_else(|| members.first()) else { break };
        current = next.1.clone();
        (year, month) = (next_year, next_month);
    }
    out
}

/// The members of `year` with their sort keys, in alphabetical order.
fn members_in_order(terms: &[CouncilTerm], gazetteer: &Gazetteer, year: u16) -> Vec<(String, String)> {
    let mut members: Vec<(String, String)> = terms
        .iter()
        .filter(|t| (t.start_year..=t.end_year).contains(&year))
        .map(|t| (order_key(gazetteer, &t.alpha3), t.alpha3.clone()))
        .collect();
    members.sort();
    members.dedup();
    members
}

/// The state's English short name as the Council's rotation sorts it:
/// lower-cased, accents folded, word by word ("Türkiye" as "turkiye").
fn order_key(gazetteer: &Gazetteer, alpha3: &str) -> String {
    crate::names::slug(gazetteer.state(alpha3).map_or(alpha3, |s| s.name.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_presidency_rotates_alphabetically_across_years() {
        let reference = crate::reference::Reference::for_tests();
        let presidency = |y, m| reference.council().presidency(y, m);
        assert_eq!(presidency(1992, 1), Some("GBR"));
        assert_eq!(presidency(1992, 2), Some("USA"));
        assert_eq!(presidency(1992, 3), Some("VEN"));
        // Known months, from the Council's records.
        assert_eq!(presidency(2020, 1), Some("VNM"));
        assert_eq!(presidency(2020, 6), Some("FRA"));
        assert_eq!(presidency(2022, 2), Some("RUS"));
        assert_eq!(presidency(1991, 12), None, "before the anchor nothing is computed");
        assert_eq!(order_key(reference.gazetteer(), "TUR"), "turkiye");
    }
}
