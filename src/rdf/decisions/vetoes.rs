//! Each vetoed draft, from `data/vetoes.csv`: a document with its date,
//! meeting, agenda item and vetoing states, and a vote against by each.

use super::Writer;
use crate::decisions::{members, Position};
use crate::rdf::iri;
use crate::rdf::vocab::{council, prop};
use std::collections::BTreeSet;

/// Writes every vetoed draft.
pub(super) fn write(w: &mut Writer) {
    let reference = w.reference;
    for v in reference.decisions().vetoes() {
        let node = iri::document(&v.key);
        w.document(&node, council::DRAFT_RESOLUTION, &v.key, &v.draft);
        if v.draft_as_given != v.draft {
            w.out.text(&node, council::AS_GIVEN, &v.draft_as_given);
        }
        w.date(&node, &v.date);
        for m in &v.meetings {
            w.out.add(&node, council::PUT_TO_VOTE_AT, iri::meeting(&iri::symbol_slug(m)));
        }
        if !v.agenda_item.is_empty() {
            w.out.text(&node, prop::TOPIC, &v.agenda_item);
        }
        let vetoing: BTreeSet<String> = v.vetoed_by.iter().filter_map(|m| members::state_key(reference, m)).collect();
        for alpha3 in vetoing {
            w.out.add(&node, council::VETOED_BY, iri::state(&alpha3));
            w.vote(&node, &iri::symbol_slug(&v.key), &v.key, &alpha3, Position::Against);
        }
    }
}
