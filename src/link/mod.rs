//! Linking: resolving the names speakers and tables use to the corpus-wide
//! entity keys of the gazetteers (exactly, or fuzzily for misspelt names),
//! and the Council facts that need a year.

mod council;
mod directory;
mod era;
mod fuzzy;
mod presidency;

pub use council::{council_member, council_terms, office_holder, CouncilTerm};
pub use directory::GazetteerDirectory;
pub use fuzzy::{FuzzyLinker, FUZZY_MIN_LEN};
pub use era::{read_as_of, speech_date, state_on};
pub use presidency::{presidencies, presidency, Presidency};
