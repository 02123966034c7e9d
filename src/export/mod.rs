//! Exports of the store as standard RDF dumps (networks are in
//! [`crate::network`]).

mod rdf_dump;

pub use rdf_dump::{dump, DumpFormat};
