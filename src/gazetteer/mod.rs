//! Gazetteers built from `data/`, compiled into the binary.
//!
//! The CSV files are embedded with `include_str!` so that the binary needs no
//! data directory at run time; they are parsed once, when the reference data
//! is loaded, and the one Aho-Corasick automaton over every surface form of
//! every kind is built once too (see [`surface`]). A malformed row is a build defect, not an
//! input error, so init panics naming the file and row; the unit tests load
//! every file so such a row fails `cargo test`.
//!
//! The tables are a value, [`Gazetteer`], which [`crate::reference::Reference`]
//! holds and every stage is given: none reaches a global. Lookups by key
//! ([`Gazetteer::state`], [`Gazetteer::organisation`], [`Gazetteer::place`],
//! [`Gazetteer::person`], [`Gazetteer::resolution`]) are what the RDF stage
//! uses to describe entity nodes.

mod embedded;
pub mod surface;

use std::collections::HashMap;

/// A sovereign state (or PSE, VAT, XKX), one row of `states.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    /// ISO 3166-1 alpha-3 code, the entity key ("KAZ").
    pub alpha3: String,
    /// ISO 3166-1 alpha-2 code ("KZ").
    pub alpha2: String,
    /// UN M49 numeric code, as written ("398").
    pub m49: String,
    /// Short name, the preferred label ("Kazakhstan").
    pub name: String,
    /// Official name ("Republic of Kazakhstan").
    pub official_name: String,
    /// Wikidata item id ("Q232"), empty if unknown.
    pub wikidata: String,
    /// Other names that denote the state ("Kazakstan").
    pub aliases: Vec<String>,
    /// Adjectives that denote the state in phrases such as "the Kazakh
    /// Government" ("Kazakh", "Kazakhstani").
    pub adjectives: Vec<String>,
    /// The day it became a sovereign state (`YYYY-MM-DD`), empty if it was
    /// one when the UN was founded: before it, its name names a territory.
    pub start: String,
    /// The day it ceased to exist (dissolution, merger), empty if it exists.
    pub end: String,
    /// The day it was admitted to the UN, empty for non-members.
    pub un_admission: String,
    /// The day its UN membership ended, empty if it goes on.
    pub un_end: String,
    /// States it continues or was formed from (alpha-3).
    pub predecessors: Vec<String>,
    /// States that continue it or were formed from it (alpha-3).
    pub successors: Vec<String>,
    /// Names it bore for a period only (Zaire, Upper Volta), with the days
    /// the period began and ended.
    pub names_in_use: Vec<NameInUse>,
}

/// A name a state bore for a period, one row of `state_names.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameInUse {
    /// The name ("Zaire"), one of the state's aliases.
    pub name: String,
    /// The first day it was the state's name (`YYYY-MM-DD`).
    pub from: String,
    /// The day another name replaced it.
    pub to: String,
}

/// An organisation, body or group, one row of `organisations.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    /// Entity key ("UN", "ISIL", "CTED").
    pub key: String,
    /// Preferred label ("United Nations").
    pub label: String,
    /// What sort of body it is (free text from the data: "un-organ",
    /// "terrorist-group", ...).
    pub kind: String,
    /// Other names and acronyms ("UN", "U.N.").
    pub aliases: Vec<String>,
    /// Wikidata item id, empty if unknown.
    pub wikidata: String,
}

/// A named place that is not a state, one row of `places.csv`, or a
/// territory that became a state, one row of `territories.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Entity key.
    pub key: String,
    /// Preferred label ("Saint Petersburg").
    pub label: String,
    /// Kind of place ("city", "region", "continent", ...).
    pub kind: String,
    /// Alpha-3 code of the state it lies in, empty for regions spanning
    /// several states.
    pub state: String,
    /// Other names ("St. Petersburg").
    pub aliases: Vec<String>,
    /// Wikidata item id, empty if unknown.
    pub wikidata: String,
    /// For a territory: the state it became (alpha-3) and the day it did.
    pub became: Option<(String, String)>,
}

/// A General Assembly session, one row of `ga_sessions.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssemblySession {
    /// `79`, or `S-10`, `ES-8` for special and emergency special sessions.
    pub session: String,
    /// The year it opened.
    pub year: u16,
    /// The day it opened (`YYYY-MM-DD`).
    pub opening_date: String,
}

/// A person speeches often name, one row of `persons.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Entity key.
    pub key: String,
    /// Preferred label, the full name ("António Guterres").
    pub label: String,
    /// Family name as speeches use it alone ("Guterres").
    pub family_name: String,
    /// Office held, free text ("Secretary-General of the United Nations").
    pub office: String,
    /// Other spellings of the full name.
    pub aliases: Vec<String>,
    /// Wikidata item id, empty if unknown.
    pub wikidata: String,
}

/// A Security Council resolution, one row of `resolutions.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolution {
    /// The number, the entity key ("2253").
    pub number: String,
    /// Year of adoption ("2015").
    pub year: String,
    /// Document symbol ("S/RES/2253 (2015)").
    pub symbol: String,
    /// Date of adoption, `YYYY-MM-DD`.
    pub date: String,
    /// Title or subject.
    pub title: String,
    /// Symbol of the meeting record where it was adopted ("S/PV.7587").
    pub meeting_record: String,
}

/// Every gazetteer, parsed, with indexes by key.
#[derive(Debug)]
pub struct Gazetteer {
    /// States, in file order.
    pub states: Vec<State>,
    /// Organisations, in file order.
    pub organisations: Vec<Organisation>,
    /// Places, in file order.
    pub places: Vec<Place>,
    /// Persons, in file order.
    pub persons: Vec<Person>,
    /// Security Council resolutions, in file order.
    pub resolutions: Vec<Resolution>,
    /// General Assembly sessions, in file order.
    pub assembly_sessions: Vec<AssemblySession>,
    /// Index into `places` of the territory each state was before its
    /// `start`, by alpha-3.
    territory_by_state: HashMap<String, usize>,
    state_by_code: HashMap<String, usize>,
    state_by_name: HashMap<String, usize>,
    organisation_by_key: HashMap<String, usize>,
    place_by_key: HashMap<String, usize>,
    person_by_key: HashMap<String, usize>,
    resolution_by_number: HashMap<String, usize>,
}

/// The parsed gazetteers for the unit tests, which test the bundled data
/// and would otherwise each parse it again.
#[cfg(test)]
pub(crate) fn gazetteer() -> &'static Gazetteer {
    crate::reference::Reference::for_tests().gazetteer()
}

/// A `|`-separated list field, trimmed, without empty items.
fn list(field: &str) -> Vec<String> {
    field.split('|').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

/// Parses `src` (the embedded `file`) into one value per row with `row`,
/// which reads fields by column name so column order does not matter. Used
/// for every CSV table compiled in from `data/`.
pub(crate) fn parse<T>(file: &str, src: &str, row: impl Fn(&dyn Fn(&str) -> String) -> T) -> Vec<T> {
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(src.as_bytes());
    let headers = reader
        .headers()
        .unwrap_or_else(|e| panic!("data/{file}: bad header: {e}"))
        .clone();
    let mut out = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let rec = rec.unwrap_or_else(|e| panic!("data/{file}: bad row {}: {e}", i + 2));
        let get = |col: &str| -> String {
            headers
                .iter()
                .position(|h| h.trim() == col)
                .and_then(|p| rec.get(p))
                .unwrap_or("")
                .trim()
                .to_string()
        };
        out.push(row(&get));
    }
    out
}

impl Gazetteer {
    /// The state with this ISO alpha-3, alpha-2 or M49 code (case-insensitive
    /// for the letter codes).
    pub fn state(&self, code: &str) -> Option<&State> {
        self.state_by_code.get(&code.to_ascii_uppercase()).map(|&i| &self.states[i])
    }

    /// The state with this name, official name or alias, compared
    /// case-insensitively ("Kazakhstan", "Republic of Kazakhstan"); for header
    /// lines such as "Mr. Sadykov (Kazakhstan):".
    pub fn state_by_name(&self, name: &str) -> Option<&State> {
        let n = crate::names::strip_the(name.trim());
        self.state_by_name.get(&n.to_lowercase()).map(|&i| &self.states[i])
    }

    /// The territory the state `alpha3` was before it became one, if it became
    /// one after 1945.
    pub fn territory_of(&self, alpha3: &str) -> Option<&Place> {
        self.territory_by_state.get(alpha3).map(|&i| &self.places[i])
    }

    /// The regular General Assembly session `session` ("15").
    pub fn assembly_session(&self, session: &str) -> Option<&AssemblySession> {
        self.assembly_sessions.iter().find(|s| s.session == session)
    }

    /// The person with this key.
    pub fn person(&self, key: &str) -> Option<&Person> {
        self.person_by_key.get(key).map(|&i| &self.persons[i])
    }

    /// The organisation with this key ("UN").
    pub fn organisation(&self, key: &str) -> Option<&Organisation> {
        self.organisation_by_key.get(key).map(|&i| &self.organisations[i])
    }

    /// The place with this key.
    pub fn place(&self, key: &str) -> Option<&Place> {
        self.place_by_key.get(key).map(|&i| &self.places[i])
    }

    /// The Security Council resolution with this number ("2253", "0161").
    pub fn resolution(&self, number: &str) -> Option<&Resolution> {
        self.resolution_by_number.get(number.trim_start_matches('0')).map(|&i| &self.resolutions[i])
    }

    /// The gazetteers of `data/`, compiled into the binary. A malformed row
    /// panics (a build defect the unit tests catch, not an input error).
    pub fn bundled() -> Self {
        let states = parse("states.csv", embedded::STATES, |f| State {
            alpha3: f("alpha3").to_ascii_uppercase(),
            alpha2: f("alpha2").to_ascii_uppercase(),
            m49: f("m49"),
            name: f("name"),
            official_name: f("official_name"),
            wikidata: f("wikidata"),
            aliases: list(&f("aliases")),
            adjectives: list(&f("adjectives")),
            start: f("start"),
            end: f("end"),
            un_admission: f("un_admission"),
            un_end: f("un_end"),
            predecessors: list(&f("predecessors")),
            successors: list(&f("successors")),
            names_in_use: Vec::new(),
        });
        let mut states = states;
        for (alpha3, name) in parse("state_names.csv", embedded::STATE_NAMES, |f| {
            (f("alpha3"), NameInUse { name: f("name"), from: f("from"), to: f("to") })
        }) {
            let state = states.iter_mut().find(|s| s.alpha3 == alpha3);
            let Some(state) = state.filter(|s| s.aliases.contains(&name.name)) else {
                panic!("data/state_names.csv: {alpha3} has no alias {:?}", name.name);
            };
            state.names_in_use.push(name);
        }
        let organisations = parse("organisations.csv", embedded::ORGANISATIONS, |f| Organisation {
            key: f("key"),
            label: f("label"),
            kind: f("kind"),
            aliases: list(&f("aliases")),
            wikidata: f("wikidata"),
        });
        let mut places = parse("places.csv", embedded::PLACES, |f| Place {
            key: f("key"),
            label: f("label"),
            kind: f("kind"),
            state: f("state").to_ascii_uppercase(),
            aliases: list(&f("aliases")),
            wikidata: f("wikidata"),
            became: None,
        });
        // Territories are places like any other, matched by their own
        // (colonial) names; a state's name becomes one only before its date.
        let territories = parse("territories.csv", embedded::TERRITORIES, |f| Place {
            key: f("key"),
            label: f("label"),
            kind: f("kind"),
            state: String::new(),
            aliases: list(&f("aliases")),
            wikidata: f("wikidata"),
            became: Some((f("alpha3").to_ascii_uppercase(), f("until"))),
        });
        let mut territory_by_state = HashMap::new();
        for t in territories {
            if let Some((alpha3, _)) = &t.became {
                territory_by_state.insert(alpha3.clone(), places.len());
            }
            places.push(t);
        }
        let assembly_sessions = parse("ga_sessions.csv", embedded::GA_SESSIONS, |f| AssemblySession {
            session: f("session"),
            year: f("year").parse().unwrap_or_else(|_| panic!("data/ga_sessions.csv: bad year {:?}", f("year"))),
            opening_date: f("opening_date"),
        });
        let persons = parse("persons.csv", embedded::PERSONS, |f| Person {
            key: f("key"),
            label: f("label"),
            family_name: f("family_name"),
            office: f("office"),
            aliases: list(&f("aliases")),
            wikidata: f("wikidata"),
        });
        let resolutions = parse("resolutions.csv", embedded::RESOLUTIONS, |f| Resolution {
            number: f("number").trim_start_matches('0').to_string(),
            year: f("year"),
            symbol: f("symbol"),
            date: f("date"),
            title: f("title"),
            meeting_record: f("meeting_record"),
        });
        for (i, s) in states.iter().enumerate() {
            assert!(s.alpha3.len() == 3 && !s.name.is_empty(), "data/states.csv: row {} lacks alpha3 or name", i + 2);
        }
        let mut state_by_code = HashMap::new();
        let mut state_by_name = HashMap::new();
        for (i, s) in states.iter().enumerate() {
            for code in [&s.alpha3, &s.alpha2, &s.m49] {
                if !code.is_empty() {
                    state_by_code.entry(code.clone()).or_insert(i);
                }
            }
            for n in std::iter::once(&s.name).chain(std::iter::once(&s.official_name)).chain(&s.aliases) {
                if !n.is_empty() {
                    state_by_name.entry(n.to_lowercase()).or_insert(i);
                }
            }
        }
        let index = |keys: Vec<&String>, file: &str| -> HashMap<String, usize> {
            let mut map = HashMap::new();
            for (i, k) in keys.into_iter().enumerate() {
                assert!(!k.is_empty(), "data/{file}: row {} has an empty key", i + 2);
                map.entry(k.clone()).or_insert(i);
            }
            map
        };
        Gazetteer {
            organisation_by_key: index(organisations.iter().map(|o| &o.key).collect(), "organisations.csv"),
            place_by_key: index(places.iter().map(|p| &p.key).collect(), "places.csv"),
            person_by_key: index(persons.iter().map(|p| &p.key).collect(), "persons.csv"),
            resolution_by_number: index(resolutions.iter().map(|r| &r.number).collect(), "resolutions.csv"),
            states,
            organisations,
            places,
            persons,
            resolutions,
            assembly_sessions,
            territory_by_state,
            state_by_code,
            state_by_name,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_gazetteer_loads() {
        let g = gazetteer();
        assert!(g.states.len() >= 190, "states.csv has {} rows", g.states.len());
        // Building the automaton validates every surface form too.
        let _ = surface::SurfaceMatcher::new(g);
    }

    #[test]
    fn states_by_every_code_and_name() {
        let g = gazetteer();
        let k = g.state("KAZ").expect("Kazakhstan");
        assert_eq!(k.name, "Kazakhstan");
        assert_eq!(g.state("kz").map(|s| s.alpha3.as_str()), Some("KAZ"));
        assert_eq!(g.state_by_name("the Russian Federation").map(|s| s.alpha3.as_str()), Some("RUS"));
        assert_eq!(g.state_by_name("Viet Nam").map(|s| s.alpha3.as_str()), Some("VNM"));
    }

    #[test]
    fn list_fields_split_on_bars() {
        assert_eq!(list(" UN | U.N.||"), vec!["UN".to_string(), "U.N.".to_string()]);
    }
}
