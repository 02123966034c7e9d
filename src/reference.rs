//! The reference data, as one value: the gazetteers, the speakers'
//! directory over them, the Security Council's membership, office holders
//! and presidencies, and its decisions and meetings.
//!
//! It is loaded once ([`Reference::bundled`], from the tables of `data/`
//! compiled into the binary) by whoever runs the stages, and passed by
//! reference to every stage that needs it: no stage reaches a global, so
//! that a library caller (a notebook, a cluster's map step) holds exactly
//! one copy and can tell what each stage depends on. `tests/no_globals.rs`
//! fails on a static holding reference data or an accessor of one.
//!
//! Names by era (what a name meant on a speech's date) need no table of
//! their own: the states' lifetimes, territories and names in use are
//! gazetteer columns, read by [`crate::link::read_as_of`].

use crate::decisions::Decisions;
use crate::gazetteer::Gazetteer;
use crate::link::{Council, SpeakerDirectory};
use crate::speech::Directory;

/// Every table of reference data, parsed and indexed.
#[derive(Debug)]
pub struct Reference {
    gazetteer: Gazetteer,
    directory: SpeakerDirectory,
    council: Council,
    decisions: Decisions,
}

impl Reference {
    /// The tables bundled with this build of unkg. Parsing them takes a
    /// fraction of a second; a malformed row panics, since it is a defect of
    /// the build (the unit tests load every table), not of any input.
    pub fn bundled() -> Self {
        let gazetteer = Gazetteer::bundled();
        let directory = SpeakerDirectory::new(&gazetteer);
        let council = Council::bundled(&gazetteer);
        let decisions = Decisions::bundled();
        Reference { gazetteer, directory, council, decisions }
    }

    /// The gazetteers: states, organisations, places, persons, resolutions,
    /// General Assembly sessions.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Council membership, the UN's office holders and the presidencies.
    pub fn council(&self) -> &Council {
        &self.council
    }

    /// The Council's votes, vetoes, presidential statements and meetings.
    pub fn decisions(&self) -> &Decisions {
        &self.decisions
    }

    /// The bundled reference data, loaded once for all the unit tests of the
    /// crate (each would otherwise parse every table again).
    #[cfg(test)]
    pub(crate) fn for_tests() -> &'static Reference {
        static REFERENCE: std::sync::LazyLock<Reference> = std::sync::LazyLock::new(Reference::bundled);
        &REFERENCE
    }
}

/// Speakers' affiliations are resolved against the gazetteers, and their
/// roles against the Council's tables.
impl Directory for Reference {
    fn state_code(&self, name: &str) -> Option<String> {
        self.directory.state_code(&self.gazetteer, name)
    }

    fn organisation_key(&self, name: &str) -> Option<String> {
        self.directory.organisation_key(name)
    }

    fn council_member(&self, alpha3: &str, year: u16) -> bool {
        self.council.member(alpha3, year)
    }

    fn office_holder(&self, office: &str, year: u16) -> Option<String> {
        self.council.office_holder(office, year).map(str::to_owned)
    }

    fn presidency(&self, year: u16, month: u8) -> Option<String> {
        self.council.presidency(year, month).map(str::to_owned)
    }
}
