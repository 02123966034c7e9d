//! A speech's mentions and acts as plain records, a row each, for data
//! frames (the Python binding's `mentions` and `acts`): the same IRIs,
//! offsets and quotes as the speech's quads, without a store or SPARQL.
//!
//! Mentions are read from what the extractors found, acts from the quads
//! written for them, so that an act's IRI, target and evidence are exactly
//! those of its quads (an act gathers every sentence that performs it, over
//! all the windows of a long speech).

use crate::corpus::SpeechMeta;
use crate::error::Result;
use crate::pipeline::{fingerprint, Part, Pipeline};
use crate::rdf::vocab::{nif, prop, schema};
use crate::rdf::{class_node, entity_node, reference_names};
use crate::reference::Reference;
use oxrdf::{NamedNode, NamedOrBlankNode, Quad, Term};
use std::collections::HashMap;
use std::path::Path;

/// One mention of an entity: where in the speech, and what it refers to.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct MentionRecord {
    /// The speech's identifier (its file's name without extension).
    pub speech: String,
    /// The entity's IRI.
    pub entity: String,
    /// The entity's class's IRI (`unkg:State`, `unkg:Organisation`, ...).
    pub r#type: String,
    /// The entity's preferred label, as the store has it (the reference
    /// data's, else the one the extractor gave).
    pub label: String,
    /// The first character's offset in the speech's text.
    pub begin: usize,
    /// One past the last character's offset.
    pub end: usize,
    /// The text at those offsets.
    pub quote: String,
    /// The IRI of the extractor that found it.
    pub extractor: String,
    /// How sure the extractor is, from 0 to 1.
    pub confidence: f32,
}

/// One sentence performing an act (an act performed in several sentences
/// is a record per sentence, with the same `act`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ActRecord {
    /// The speech's identifier.
    pub speech: String,
    /// The act's IRI.
    pub act: String,
    /// Its kind (`thank`, `condemn`, `call`, ...).
    pub kind: String,
    /// Who performs it: the state or organisation spoken for, else the
    /// speaker.
    pub agent: Option<String>,
    /// What it is directed at: an entity or an event.
    pub target: Option<String>,
    /// The sentence's first character's offset in the speech's text.
    pub begin: usize,
    /// One past its last character's offset.
    pub end: usize,
    /// The sentence.
    pub quote: String,
}

/// Gathers the records of one speech from its [`Part`]s.
pub struct Records<'r> {
    reference: &'r Reference,
    speech: String,
    original: String,
    /// Byte offset of each character of `original`, and its length last.
    chars: Vec<usize>,
    mentions: Vec<MentionRecord>,
    /// What the quads say of each node, for the acts.
    kinds: HashMap<NamedNode, String>,
    agents: HashMap<NamedNode, String>,
    targets: HashMap<NamedNode, String>,
    evidence: Vec<(NamedNode, NamedNode)>,
    spans: HashMap<NamedNode, (usize, usize)>,
}

impl<'r> Records<'r> {
    /// Records for the speech `id`, whose text (as decoded, before
    /// normalisation: what offsets count in) is `original`, with the labels
    /// of `reference`.
    pub fn new(reference: &'r Reference, id: &str, original: &str) -> Self {
        let mut chars: Vec<usize> = original.char_indices().map(|(b, _)| b).collect();
        chars.push(original.len());
        Records {
            reference,
            speech: id.to_owned(),
            original: original.to_owned(),
            chars,
            mentions: Vec::new(),
            kinds: HashMap::new(),
            agents: HashMap::new(),
            targets: HashMap::new(),
            evidence: Vec::new(),
            spans: HashMap::new(),
        }
    }

    /// Takes what `part` holds.
    pub fn add(&mut self, part: &Part<'_>) {
        let quads = match part {
            Part::Window { text, found, quads, .. } => {
                for m in &found.mentions {
                    let (Some(entity), Some(class)) = (entity_node(m), class_node(m.kind)) else { continue };
                    let (begin, end) = text.original_span(m.start, m.end);
                    let names = reference_names(self.reference, m.kind, &m.key);
                    let label = names.and_then(|n| n.first().map(|l| (*l).to_owned())).unwrap_or_else(|| m.label.clone());
                    self.mentions.push(MentionRecord {
                        speech: self.speech.clone(),
                        entity: entity.into_string(),
                        r#type: class.as_str().to_owned(),
                        label,
                        begin,
                        end,
                        quote: self.quote(begin, end),
                        extractor: m.extractor.iri().as_str().to_owned(),
                        confidence: m.confidence,
                    });
                }
                quads
            }
            Part::Header(quads) | Part::Fingerprint(quads) => quads,
        };
        for quad in quads {
            self.read(quad);
        }
    }

    /// Remembers what a quad says of an act or its evidence.
    fn read(&mut self, quad: &Quad) {
        let NamedOrBlankNode::NamedNode(s) = &quad.subject else { return };
        let p = quad.predicate.as_ref();
        let iri = || match &quad.object {
            Term::NamedNode(n) => Some(n.clone()),
            _ => None,
        };
        let number = || match &quad.object {
            Term::Literal(l) => l.value().parse::<usize>().ok(),
            _ => None,
        };
        if p == prop::ACT_KIND {
            if let Term::Literal(l) = &quad.object {
                self.kinds.insert(s.clone(), l.value().to_owned());
            }
        } else if p == schema::AGENT {
            if let Some(o) = iri() {
                self.agents.insert(s.clone(), o.into_string());
            }
        } else if p == schema::OBJECT {
            if let Some(o) = iri() {
                self.targets.insert(s.clone(), o.into_string());
            }
        } else if p == prop::EVIDENCE {
            if let Some(o) = iri() {
                self.evidence.push((s.clone(), o));
            }
        } else if p == nif::BEGIN_INDEX {
            if let Some(n) = number() {
                self.spans.entry(s.clone()).or_insert((n, n)).0 = n;
            }
        } else if p == nif::END_INDEX {
            if let Some(n) = number() {
                self.spans.entry(s.clone()).or_insert((n, n)).1 = n;
            }
        }
    }

    /// The original text from character `begin` to `end`.
    fn quote(&self, begin: usize, end: usize) -> String {
        let at = |c: usize| self.chars.get(c).copied().unwrap_or(self.original.len());
        self.original[at(begin)..at(end).max(at(begin))].to_owned()
    }

    /// The mentions, in the order of the text.
    pub fn mentions(&self) -> Vec<MentionRecord> {
        self.mentions.clone()
    }

    /// The acts, a record per act and sentence, in the order of the text.
    pub fn acts(&self) -> Vec<ActRecord> {
        let mut acts: Vec<ActRecord> = self
            .evidence
            .iter()
            .filter_map(|(act, sentence)| {
                let (begin, end) = *self.spans.get(sentence)?;
                Some(ActRecord {
                    speech: self.speech.clone(),
                    act: act.as_str().to_owned(),
                    kind: self.kinds.get(act)?.clone(),
                    agent: self.agents.get(act).cloned(),
                    target: self.targets.get(act).cloned(),
                    begin,
                    end,
                    quote: self.quote(begin, end),
                })
            })
            .collect();
        acts.sort_by(|a, b| (a.begin, a.end, &a.act).cmp(&(b.begin, b.end, &b.act)));
        acts
    }
}

/// Runs the speech file `path` (its bytes `bytes`) through `pipeline` and
/// gathers its records; fails as [`Pipeline::read`] does, on what is no
/// speech.
pub fn records<'r>(pipeline: &Pipeline<'r>, path: &Path, bytes: &[u8], meta: SpeechMeta) -> Result<Records<'r>> {
    let fingerprint = fingerprint(bytes, &meta);
    let speech = pipeline.read(path, bytes, meta)?;
    let mut records = Records::new(pipeline.reference(), &speech.speech().id, &speech.speech().text);
    let Ok(_) = pipeline.write(speech, &fingerprint, |part| {
        records.add(&part);
        Ok::<(), std::convert::Infallible>(())
    });
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Extractors;
    use crate::reference::Reference;

    #[test]
    fn mentions_and_acts_quote_the_text_at_their_offsets() {
        let reference = Reference::for_tests();
        let extractors = Extractors::new(reference.gazetteer());
        let pipeline = Pipeline::new(reference, &extractors);
        let text = "Mr. Sadykov (Kazakhstan): I thank the Secretary-General for his briefing. \
                    We condemn the attack in Kabul. Kazakhstan supports resolution 2334 (2016).";
        let records = records(&pipeline, Path::new("000_x.txt"), text.as_bytes(), SpeechMeta::default()).unwrap();
        let chars: Vec<char> = text.chars().collect();
        let at = |b: usize, e: usize| chars[b..e].iter().collect::<String>();
        let mentions = records.mentions();
        assert!(mentions.iter().any(|m| m.entity.ends_with("/state/KAZ") && m.quote == "Kazakhstan"), "{mentions:#?}");
        for m in &mentions {
            assert_eq!(at(m.begin, m.end), m.quote);
            assert_eq!(m.speech, "000_x");
        }
        let acts = records.acts();
        assert!(acts.iter().any(|a| a.kind == "thank"), "{acts:#?}");
        for a in &acts {
            assert_eq!(at(a.begin, a.end), a.quote);
            assert!(a.agent.as_deref().is_some_and(|g| g.ends_with("/state/KAZ")), "{a:?}");
        }
    }
}
