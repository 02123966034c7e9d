//! unkg turns UN speeches into a linked-data knowledge graph.
//!
//! The data flows one way, one module per stage:
//! [`corpus`] (find and decode files, read metadata) -> [`text`]
//! (normalise, keeping offsets) -> [`speech`] (parse headers, identify the
//! speaker) -> [`extract`] (find mentions, with [`gazetteer`]) -> [`link`]
//! (resolve names to entity keys) -> [`rdf`] (mint IRIs, write quads) ->
//! [`store`] (load into oxigraph) -> [`query`] and [`export`]. [`build`]
//! drives the stages; [`cli`] is the command line. [`decisions`] holds the
//! Security Council's votes, vetoes and presidential statements, which
//! [`rdf`] writes into the reference graph. [`fuzz`] holds the fuzz targets
//! over every reader of outside bytes and the properties they check.

#![warn(missing_docs)]

pub mod build;
pub mod cli;
pub mod corpus;
pub mod decisions;
pub mod error;
pub mod export;
pub mod extract;
pub mod fuzz;
pub mod gazetteer;
pub mod link;
pub mod names;
pub mod push;
pub mod query;
pub mod rdf;
pub mod search;
pub mod serve;
pub mod speech;
pub mod store;
pub mod text;
pub mod validate;
