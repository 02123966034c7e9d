//! unkg turns UN speeches into a linked-data knowledge graph.
//!
//! The data flows one way, one module per stage:
//! [`corpus`] (find and decode files, read metadata) -> [`text`]
//! (normalise, keeping offsets) -> [`speech`] (parse headers, identify the
//! speaker) -> [`extract`] (find mentions, with [`gazetteer`] and [`names`])
//! -> [`link`] (resolve names to entity keys) -> [`rdf`] (mint IRIs, write
//! quads) -> [`store`] (load into oxigraph) -> [`query`], [`export`] (RDF
//! dumps), [`network`] (GraphML views), [`validate`], [`push`] and
//! [`serve`] (the SPARQL endpoint and the portal, with [`search`]).
//! [`pipeline`] runs one speech through the stages from `text` to `rdf`,
//! over the [`reference`] data (gazetteers, directory, Council, decisions)
//! it is given: [`ingest`] drives it for `unkg build`; [`map`] writes its
//! quads as N-Quads with no store (`unkg extract`, bindings) and [`load`]
//! loads those (`unkg load`); [`cli`] is the command line, a file per
//! subcommand. [`decisions`] holds the Security Council's
//! votes, vetoes and presidential statements, which [`rdf`] writes into the
//! reference graph. [`fuzz`] holds the fuzz targets over every reader of
//! outside bytes and the properties they check. `docs/architecture.md`
//! draws the whole.

//!
//! Without the default feature `store` the library is the extraction alone:
//! [`pipeline`] and the stages under it, writing RDF with oxrdf's types
//! (which oxigraph re-exports, so the two builds share them), with no
//! oxigraph, RocksDB or C++ build: what a binding or a cluster's map step
//! compiles.

#![warn(missing_docs)]

#[cfg(feature = "cli")]
pub mod cli;
pub mod corpus;
pub mod decisions;
pub mod error;
#[cfg(feature = "store")]
pub mod export;
pub mod extract;
pub mod fuzz;
pub mod gazetteer;
#[cfg(feature = "store")]
pub mod ingest;
pub mod link;
#[cfg(feature = "store")]
pub mod load;
pub mod map;
pub mod markup;
pub mod names;
#[cfg(feature = "store")]
pub mod network;
pub mod pipeline;
#[cfg(feature = "store")]
pub mod push;
#[cfg(feature = "store")]
pub mod query;
pub mod rdf;
pub mod records;
pub mod reference;
#[cfg(feature = "store")]
pub mod search;
#[cfg(feature = "store")]
pub mod serve;
pub mod speech;
#[cfg(feature = "store")]
pub mod store;
pub mod text;
#[cfg(feature = "store")]
pub mod validate;
