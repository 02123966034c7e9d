//! Exports of the store: standard RDF dumps and network files.

pub mod graphml;
mod rdf_dump;
pub mod xml;

pub use rdf_dump::{dump, DumpFormat};
