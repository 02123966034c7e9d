//! A name means what it meant on the speech's date: before a state existed,
//! its name named the territory it was (Angola in 1967, Namibia in 1975);
//! the names of states that are gone still name them.

use crate::corpus::Layout;
use crate::extract::{EntityKind, Extraction};
use crate::gazetteer::{Gazetteer, State};
use crate::speech::Speech;

/// The day a speech was given, as far as its records tell: the meeting's
/// date from the metadata, or the opening day of the General Assembly
/// session whose General Debate it belongs to (the debate follows within
/// weeks; the table has every session, the year is the last resort).
pub fn speech_date(gazetteer: &Gazetteer, speech: &Speech) -> Option<String> {
    if let Some(date) = speech.date() {
        return Some(date.to_owned());
    }
    match &speech.layout {
        Layout::Ungdc { session, year, .. } => Some(
            gazetteer
                .assembly_session(&session.to_string())
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
pub fn read_as_of(gazetteer: &Gazetteer, found: &mut Extraction, date: Option<&str>) -> Vec<String> {
    let mut undated = Vec::new();
    for m in &mut found.mentions {
        if m.kind != EntityKind::State {
            continue;
        }
        let Some(state) = gazetteer.state(&m.key) else { continue };
        if state.start.is_empty() {
            continue;
        }
        let Some(date) = date else {
            if !undated.contains(&state.name) {
                undated.push(state.name.clone());
            }
            continue;
        };
        if !before(date, &state.start) {
            continue;
        }
        if let Some(territory) = gazetteer.territory_of(&state.alpha3) {
            m.kind = EntityKind::Place;
            m.key = territory.key.clone();
            m.label = territory.label.clone();
        } else if let Some(before) = continued(gazetteer, state) {
            m.key = before.alpha3.clone();
            m.label = before.name.clone();
        }
    }
    undated
}

/// Whether `date` (`YYYY-MM-DD` or a bare year) falls before `day`, compared
/// at the precision `date` has: a bare year is not before a day of that
/// year. Nothing falls before an empty day.
fn before(date: &str, day: &str) -> bool {
    day.get(..date.len()).is_some_and(|day| date < day)
}

/// The state that `state` continues from the day it ended ("Russia" the
/// Soviet Union, Serbia and Montenegro the Federal Republic of Yugoslavia).
fn continued<'g>(gazetteer: &'g Gazetteer, state: &State) -> Option<&'g State> {
    state.predecessors.iter().filter_map(|p| gazetteer.state(p)).find(|p| !p.end.is_empty() && p.end == state.start)
}

/// The state that spoke as `code` on `date`: a code the records keep using
/// across a change (the General Debate files name the Soviet Union's
/// speeches `RUS`, Serbia and Montenegro's `YUG`) means the state of the day.
pub fn state_on(gazetteer: &Gazetteer, code: &str, date: &str) -> String {
    let Some(mut state) = gazetteer.state(code) else { return code.to_owned() };
    for _ in 0..4 {
        let next = if before(date, &state.start) {
            continued(gazetteer, state)
        } else if !state.end.is_empty() && state.end.get(..date.len()).is_some_and(|end| date >= end) {
            state.successors.iter().filter_map(|s| gazetteer.state(s)).find(|s| s.start == state.end)
        } else {
            None
        };
        match next {
            Some(n) => state = n,
            None => break,
        }
    }
    state.alpha3.clone()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Context;

    fn read(text: &str, date: Option<&str>) -> Vec<(EntityKind, String)> {
        let mut found = crate::extract::bundled().extract_str(text, &Context { date: date.map(str::to_owned), ..Context::default() });
        read_as_of(crate::gazetteer::gazetteer(), &mut found, date);
        found.mentions.into_iter().filter(|m| m.kind != EntityKind::Date).map(|m| (m.kind, m.key)).collect()
    }

    #[test]
    fn a_state_before_its_independence_is_a_territory() {
        let g = crate::gazetteer::gazetteer();
        assert_eq!(g.state("AGO").map(|s| s.start.as_str()), Some("1975-11-11"));
        let angola = g.territory_of("AGO").expect("Angola the territory");
        assert_eq!(read("The people of Angola", Some("1967-10-02")), [(EntityKind::Place, angola.key.clone())]);
        assert_eq!(read("The people of Angola", Some("1975-11-11")), [(EntityKind::State, "AGO".into())]);
        assert_eq!(read("The people of Angola", Some("1976")), [(EntityKind::State, "AGO".into())]);
        assert_eq!(read("Namibia and Zimbabwe", Some("1975-09-16")).iter().filter(|(k, _)| *k == EntityKind::Place).count(), 2);
    }

    #[test]
    fn without_a_date_names_keep_todays_reading_and_say_so() {
        let mut found = crate::extract::bundled().extract_str("The people of Angola and of France", &Context::default());
        let undated = read_as_of(crate::gazetteer::gazetteer(), &mut found, None);
        assert!(found.mentions.iter().any(|m| m.kind == EntityKind::State && m.key == "AGO"));
        assert_eq!(undated, ["Angola"]);
    }

    #[test]
    fn the_names_of_states_that_are_gone_still_name_them() {
        assert_eq!(read("the Soviet Union and the USSR", Some("1985-09-24")), [(EntityKind::State, "SUN".into()), (EntityKind::State, "SUN".into())]);
        assert!(read("the former Yugoslavia", Some("2001-11-10")).contains(&(EntityKind::State, "YUG".into())));
        assert_eq!(read("Russia", Some("1960-09-20")), [(EntityKind::State, "SUN".into())]);
        assert_eq!(read("Russia", Some("1995-09-20")), [(EntityKind::State, "RUS".into())]);
    }

    #[test]
    fn codes_kept_across_a_change_mean_the_state_of_the_day() {
        let state_on = |code, date| super::state_on(crate::gazetteer::gazetteer(), code, date);
        assert_eq!(state_on("RUS", "1985-09-17"), "SUN");
        assert_eq!(state_on("RUS", "1992-09-15"), "RUS");
        assert_eq!(state_on("YUG", "2004-09-14"), "SCG");
        assert_eq!(state_on("YUG", "1985-09-17"), "YUG");
        assert_eq!(state_on("FRA", "1946"), "FRA");
    }
}
