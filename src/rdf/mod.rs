//! RDF: minting IRIs and writing the quads of each speech and of the
//! reference data. No blank nodes anywhere, so that two builds of the same
//! input dump identical N-Quads.

mod acts;
pub mod iri;
mod decisions;
mod quads;
mod reference;
mod speech;
pub mod summary;
pub mod vocab;

pub use decisions::decision_quads;
pub use quads::{share_line, QuadSink};
pub use reference::reference_quads;
pub use speech::SpeechWriter;
pub(crate) use reference::reference_names;
pub(crate) use speech::{class_node, entity_node};

/// The ontology in Turtle, as shipped in `ontology/unkg.ttl`.
pub const ONTOLOGY_TTL: &str = include_str!("../../ontology/unkg.ttl");
