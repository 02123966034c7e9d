//! Each resolution's adoption, tallies, draft, agenda item, sponsors and
//! the vote of each member, from `data/votes.csv`.

use super::Writer;
use crate::decisions::members;
use crate::rdf::iri;
use crate::rdf::vocab::{council, prop};
use std::collections::BTreeSet;

/// Writes every resolution's decision facts.
pub(super) fn write(w: &mut Writer) {
    let reference = w.reference;
    for r in reference.decisions().resolution_votes() {
        let node = iri::resolution(&r.number);
        // The symbol the reference graph labels the resolution with.
        let symbol = reference.gazetteer().resolution(&r.number).map_or_else(|| format!("S/RES/{}", r.number), |g| g.symbol.clone());
        if !r.adoption.is_empty() {
            w.out.text(&node, council::ADOPTION, &r.adoption);
        }
        if let Some(t) = r.tally {
            w.out.integer(&node, council::VOTES_IN_FAVOUR, i64::from(t.in_favour));
            w.out.integer(&node, council::VOTES_AGAINST, i64::from(t.against));
            w.out.integer(&node, council::ABSTENTIONS, i64::from(t.abstaining));
        }
        if !r.agenda_item.is_empty() {
            w.out.text(&node, prop::TOPIC, &r.agenda_item);
        }
        if !r.draft.is_empty() {
            let draft = iri::document(&r.draft);
            w.document(&draft, council::DRAFT_RESOLUTION, &r.draft, &r.draft);
            w.out.add(&node, council::DRAFT, draft);
        }
        // A name the source repeats stands once; names that link to no
        // state are left out (the build warns of them with their line).
        let sponsors: BTreeSet<String> = r.sponsors.iter().filter_map(|s| members::state_key(reference, s)).collect();
        for alpha3 in sponsors {
            w.out.add(&node, council::SPONSOR, iri::state(&alpha3));
        }
        let mut voted = BTreeSet::new();
        for (position, name) in &r.members {
            let Some(alpha3) = members::state_key(reference, name) else { continue };
            if voted.insert(alpha3.clone()) {
                w.vote(&node, &r.number, &symbol, &alpha3, *position);
            }
        }
    }
}
