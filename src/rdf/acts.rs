//! The quads of a speech's acts: each act (`speech/ID/act/N`, one per
//! kind and target) with its kind, agent, object and the sentences it is
//! derived from, described in
//! the same NIF terms as mentions (`speech/ID#char=b,e`).
//!
//! Like mentions, acts and their sentences carry no `rdf:type` nor label:
//! `unkg:SpeechAct` follows from the domain of `unkg:actKind` and
//! `nif:Sentence` from the range of `unkg:evidence`, and every quad an act
//! costs is paid again by the bulk loader's six indexes.

use super::iri;
use super::quads::QuadSink;
use super::speech::{entity_node, CharIndex};
use super::vocab::{nif, prop, schema, xsd};
use crate::extract::acts::Target;
use crate::extract::Extraction;
use crate::text::NormalizedText;
use oxrdf::NamedNode;
use std::collections::BTreeSet;

/// What the act writer needs to know of the speech.
pub(super) struct ActContext<'a> {
    /// The speech's identifier.
    pub id: &'a str,
    /// The speech's node.
    pub speech: &'a NamedNode,
    /// The speech's original text (for quotes).
    pub original: &'a str,
    /// Byte offsets of the original text's characters.
    pub chars: &'a CharIndex,
    /// Who performs the acts: the state or organisation spoken for, else
    /// the speaker.
    pub agent: Option<&'a NamedNode>,
    /// How many events the speech's earlier parts had: event IRIs number on.
    pub event_base: usize,
}

/// The acts of a speech written so far, which later parts of a long speech
/// add evidence to rather than repeat.
#[derive(Debug, Default)]
pub(super) struct ActsWritten {
    /// Kind, target and node of each act.
    acts: Vec<(&'static str, Option<NamedNode>, NamedNode)>,
    /// Evidence sentences already described, by original span.
    described: BTreeSet<(usize, usize)>,
}

/// Writes every act of `found` into `out`, the speech's graph.
pub(super) fn write_acts(out: &mut QuadSink, written: &mut ActsWritten, cx: &ActContext<'_>, text: &NormalizedText, found: &Extraction) {
    if found.acts.is_empty() {
        return;
    }
    let chars = cx.chars;
    let ActsWritten { acts, described } = written;
    // One act per (kind, target) of the speech, as ACTS.md counts them,
    // with every sentence that performs it as its evidence: a repeated "we
    // call on all parties" is one act of the speech, said twice.
    for act in &found.acts {
        // An event is written only when its place is an entity; an act
        // pointing at an unwritten event keeps no object.
        let target = match act.target {
            Target::None => None,
            Target::Addressee => found.addressee.as_deref().map(iri::state),
            Target::Mention(i) => found.mentions.get(i).and_then(entity_node),
            Target::Event(i) => {
                let place = found.events.get(i).and_then(|ev| found.mentions.get(ev.place));
                place.and_then(entity_node).map(|_| iri::event(cx.id, cx.event_base + i + 1))
            }
        };
        let kind = act.kind.name();
        let node = match acts.iter().find(|(k, t, _)| *k == kind && *t == target) {
            Some((_, _, node)) => node.clone(),
            None => {
                let node = iri::act(cx.id, acts.len() + 1);
                out.text(&node, prop::ACT_KIND, kind);
                if let Some(a) = cx.agent {
                    out.add(&node, schema::AGENT, a.clone());
                }
                if let Some(t) = &target {
                    out.add(&node, schema::OBJECT, t.clone());
                }
                out.add(cx.speech, prop::PERFORMS, node.clone());
                acts.push((kind, target, node.clone()));
                node
            }
        };
        let (start, stop) = text.original_span(act.start, act.end);
        let evidence = iri::mention(cx.id, start, stop);
        out.add(&node, prop::EVIDENCE, evidence.clone());
        if described.insert((start, stop)) {
            out.add(&evidence, nif::REFERENCE_CONTEXT, cx.speech.clone());
            out.typed(&evidence, nif::BEGIN_INDEX, &start.to_string(), xsd::NON_NEGATIVE_INTEGER);
            out.typed(&evidence, nif::END_INDEX, &stop.to_string(), xsd::NON_NEGATIVE_INTEGER);
            out.text(&evidence, nif::ANCHOR_OF, chars.slice(cx.original, start, stop));
        }
    }
}
