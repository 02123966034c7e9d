//! Exports of the store: standard RDF dumps (and, in [`graphml`]'s issue,
//! network files).

pub mod graphml;
mod rdf_dump;

pub use rdf_dump::{dump, DumpFormat};
