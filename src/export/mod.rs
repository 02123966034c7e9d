//! Exports of the store as standard RDF dumps (networks are in
//! [`crate::network`]).

mod rdf_dump;
pub mod sorted;

pub use rdf_dump::{dump, dump_rdf, dump_union, DumpFormat};
