//! A name means what it meant on the speech's date: before a state existed,
//! its name named the territory it was (Angola in 1967, Namibia in 1975);
//! the names of states that are gone still name them.

use crate::corpus::Layout;
use crate::extract::{EntityKind, Extraction};
use crate::gazetteer;
use crate::speech::Speech;

/// The day a speech was given, as far as its records tell: the meeting's
/// date from the metadata, or the opening day of the General Assembly
/// session whose General Debate it belongs to (the debate follows within
/// weeks; the table has every session, the year is the last resort).
pub fn speech_date(speech: &Speech) -> Option<String> {
    if let Some(date) = speech.date() {
        return Some(date.to_owned());
    }
    match &speech.layout {
        Layout::Ungdc { session, year, .. } => Some(
            gazetteer::assembly_session(&session.to_string())
                .map_or_else(|| year.to_string(), |s| s.opening_date.clone()),
        ),
        Layout::Unsc { year, .. } => Some(year.to_string()),
        Layout::Plain => None,
    }
}

/// Reads the state mentions of `found` as of `date` (`YYYY-MM-DD`, or a
/// bare year, in which a state born that year counts as one): a state that did not exist yet
/// becomes the territory it was. Without a date every name keeps today's
/// reading; the names that would have needed one are returned, so that the
/// build can say so.
pub fn read_as_of(found: &mut Extraction, date: Option<&str>) -> Vec<String> {
    let mut undated = Vec::new();
    for m in &mut found.mentions {
        if m.kind != EntityKind::State {
            continue;
        }
        let Some(state) = gazetteer::state(&m.key) else { continue };
        if state.start.is_empty() {
            continue;
        }
        let Some(date) = date else {
            if !undated.contains(&state.name) {
                undated.push(state.name.clone());
            }
            continue;
        };
        if state.start.get(..date.len()).is_none_or(|start| date >= start) {
            continue;
        }
        if let Some(territory) = gazetteer::territory_of(&state.alpha3) {
            m.kind = EntityKind::Place;
            m.key = territory.key.clone();
            m.label = territory.label.clone();
        }
    }
    undated
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{extract_str, Context};

    fn read(text: &str, date: Option<&str>) -> Vec<(EntityKind, String)> {
        let mut found = extract_str(text, &Context { date: date.map(str::to_owned) });
        read_as_of(&mut found, date);
        found.mentions.into_iter().filter(|m| m.kind != EntityKind::Date).map(|m| (m.kind, m.key)).collect()
    }

    #[test]
    fn a_state_before_its_independence_is_a_territory() {
        let Some(start) = gazetteer::state("AGO").map(|s| s.start.clone()).filter(|s| !s.is_empty()) else {
            return; // the tables of lifetimes are not there yet
        };
        assert!(start.starts_with("1975-11-11"), "{start}");
        let angola = gazetteer::territory_of("AGO").expect("Angola the territory");
        assert_eq!(read("The people of Angola", Some("1967-10-02")), [(EntityKind::Place, angola.key.clone())]);
        assert_eq!(read("The people of Angola", Some("1975-11-11")), [(EntityKind::State, "AGO".into())]);
        assert_eq!(read("The people of Angola", Some("1976")), [(EntityKind::State, "AGO".into())]);
        assert_eq!(read("Namibia and Zimbabwe", Some("1975-09-16")).iter().filter(|(k, _)| *k == EntityKind::Place).count(), 2);
    }

    #[test]
    fn without_a_date_names_keep_todays_reading_and_say_so() {
        let mut found = extract_str("The people of Angola and of France", &Context::default());
        let undated = read_as_of(&mut found, None);
        assert!(found.mentions.iter().any(|m| m.kind == EntityKind::State && m.key == "AGO"));
        if gazetteer::state("AGO").is_some_and(|s| !s.start.is_empty()) {
            assert_eq!(undated, ["Angola"]);
        }
    }

    #[test]
    fn the_names_of_states_that_are_gone_still_name_them() {
        if gazetteer::state("SUN").is_none() {
            return; // the tables of lifetimes are not there yet
        }
        assert_eq!(read("the Soviet Union and the USSR", Some("1985-09-24")), [(EntityKind::State, "SUN".into()), (EntityKind::State, "SUN".into())]);
        assert!(read("the former Yugoslavia", Some("2001-11-10")).contains(&(EntityKind::State, "YUG".into())));
    }
}
