//! unkg turns UN speeches into a linked-data knowledge graph.
//!
//! The data flows one way, one module per stage:
//! [`corpus`] (find and decode files, read metadata) -> [`text`]
//! (normalise, keeping offsets) -> [`speech`] (parse headers, identify the
//! speaker) -> [`extract`] (find and link mentions, with [`gazetteer`]) ->
//! [`rdf`] (mint IRIs, write quads) -> [`store`] (load into oxigraph) ->
//! [`query`] and [`export`].

pub mod extract;
pub mod gazetteer;
pub mod text;
