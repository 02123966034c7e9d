//! The gazetteer CSV files, embedded at compile time so the binary is
//! self-contained; kept apart from the parsing so that adding a file is a
//! one-line change.

/// `data/states.csv`: alpha3,alpha2,m49,name,official_name,wikidata,aliases,adjectives,
/// start,end,un_admission,un_end,predecessors,successors.
pub(super) const STATES: &str = include_str!("../../data/states.csv");
/// `data/organisations.csv`: key,label,kind,aliases,wikidata.
pub(super) const ORGANISATIONS: &str = include_str!("../../data/organisations.csv");
/// `data/places.csv`: key,label,kind,state,aliases,wikidata.
pub(super) const PLACES: &str = include_str!("../../data/places.csv");
/// `data/persons.csv`: key,label,family_name,office,aliases,wikidata.
pub(super) const PERSONS: &str = include_str!("../../data/persons.csv");
/// `data/resolutions.csv`: number,year,symbol,date,title,meeting_record.
pub(super) const RESOLUTIONS: &str = include_str!("../../data/resolutions.csv");
/// `data/territories.csv`: alpha3,key,label,kind,until,aliases,wikidata.
pub(super) const TERRITORIES: &str = include_str!("../../data/territories.csv");
/// `data/ga_sessions.csv`: session,year,opening_date,kind.
pub(super) const GA_SESSIONS: &str = include_str!("../../data/ga_sessions.csv");
/// `data/state_names.csv`: alpha3,name,from,to.
pub(super) const STATE_NAMES: &str = include_str!("../../data/state_names.csv");
