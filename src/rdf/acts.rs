//! The quads of a speech's acts: each act (`speech/ID/act/N`) with its
//! kind, agent, object and the sentence it is derived from, described in
//! the same NIF terms as mentions (`speech/ID#char=b,e`, a `nif:Sentence`).

use super::iri::{self, term, unkg};
use super::quads::QuadSink;
use super::speech::{entity_node, CharIndex};
use super::vocab::{class, prop, NIF, PROV, RDF, RDFS, SCHEMA, XSD};
use crate::extract::acts::Target;
use crate::extract::Extraction;
use crate::text::NormalizedText;
use oxigraph::model::NamedNode;
use std::collections::BTreeSet;

/// What the act writer needs to know of the speech.
pub(super) struct ActContext<'a> {
    /// The speech's identifier.
    pub id: &'a str,
    /// The speech's node.
    pub speech: &'a NamedNode,
    /// The speech's original text (for quotes).
    pub original: &'a str,
    /// Who performs the acts: the state or organisation spoken for, else
    /// the speaker.
    pub agent: Option<&'a NamedNode>,
}

/// Writes every act of `found` into `out`, the speech's graph.
pub(super) fn write_acts(out: &mut QuadSink, cx: &ActContext<'_>, text: &NormalizedText, found: &Extraction) {
    if found.acts.is_empty() {
        return;
    }
    let chars = CharIndex::new(cx.original);
    let (rdf_type, label) = (term(RDF, "type"), term(RDFS, "label"));
    let (context, begin, end, anchor) = (term(NIF, "referenceContext"), term(NIF, "beginIndex"), term(NIF, "endIndex"), term(NIF, "anchorOf"));
    let (sentence, nonneg) = (term(NIF, "Sentence"), term(XSD, "nonNegativeInteger"));
    let (agent, object, derived) = (term(SCHEMA, "agent"), term(SCHEMA, "object"), term(PROV, "wasDerivedFrom"));
    let mut described = BTreeSet::new();
    for (n, act) in found.acts.iter().enumerate() {
        let node = iri::act(cx.id, n + 1);
        let kind = act.kind.name();
        // An event is written only when its place is an entity; an act
        // pointing at an unwritten event keeps no object.
        let (target, target_label) = match act.target {
            Target::None => (None, None),
            Target::Mention(i) => match found.mentions.get(i).and_then(|m| entity_node(m).map(|e| (e, m.label.clone()))) {
                Some((e, l)) => (Some(e), Some(l)),
                None => (None, None),
            },
            Target::Event(i) => {
                let place = found.events.get(i).and_then(|ev| found.mentions.get(ev.place));
                match place.and_then(|p| entity_node(p).map(|_| p.label.clone())) {
                    Some(l) => (Some(iri::event(cx.id, i + 1)), Some(format!("attack in {l}"))),
                    None => (None, None),
                }
            }
        };
        out.add(&node, &rdf_type, unkg(class::SPEECH_ACT));
        out.text(&node, &unkg(prop::ACT_KIND), kind);
        out.text(&node, &label, &match &target_label {
            Some(l) => format!("{kind}: {l}"),
            None => kind.to_owned(),
        });
        if let Some(a) = cx.agent {
            out.add(&node, &agent, a.clone());
        }
        if let Some(t) = target {
            out.add(&node, &object, t);
        }
        let (start, stop) = text.original_span(act.start, act.end);
        let evidence = iri::mention(cx.id, start, stop);
        out.add(&node, &derived, evidence.clone());
        out.add(cx.speech, &unkg(prop::PERFORMS), node);
        if described.insert((start, stop)) {
            out.add(&evidence, &rdf_type, sentence.clone());
            out.add(&evidence, &context, cx.speech.clone());
            out.typed(&evidence, &begin, &start.to_string(), &nonneg);
            out.typed(&evidence, &end, &stop.to_string(), &nonneg);
            out.text(&evidence, &anchor, chars.slice(cx.original, start, stop));
        }
    }
}
