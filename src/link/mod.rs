//! Linking: resolving the names speakers and tables use to the corpus-wide
//! entity keys of the gazetteers (exactly, or fuzzily for misspelt names),
//! and the Council facts that need a year. Every table comes in as a value
//! ([`crate::gazetteer::Gazetteer`], [`Council`], [`SpeakerDirectory`]),
//! held by [`crate::reference::Reference`].

mod council;
mod directory;
mod era;
mod fuzzy;
mod presidency;

pub use council::{Council, CouncilTerm};
pub use directory::SpeakerDirectory;
pub use era::{read_as_of, speech_date, state_on};
pub use fuzzy::{FuzzyLinker, FUZZY_MIN_LEN};
pub use presidency::Presidency;
