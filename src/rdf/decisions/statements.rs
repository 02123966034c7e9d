//! Presidential statements, from `data/statements.csv`, each linked to the
//! meeting at which the President made it.

use super::Writer;
use crate::rdf::iri;
use crate::rdf::vocab::{council, prop};

/// Writes every presidential statement.
pub(super) fn write(w: &mut Writer) {
    let reference = w.reference;
    for s in reference.decisions().statements() {
        let node = iri::document(&s.symbol);
        if !w.document(&node, council::PRESIDENTIAL_STATEMENT, &s.symbol, &s.symbol) {
            continue;
        }
        w.date(&node, &s.date);
        if !s.meeting.is_empty() {
            w.out.add(&node, prop::ADOPTED_AT, iri::meeting(&iri::symbol_slug(&s.meeting)));
        }
    }
}
