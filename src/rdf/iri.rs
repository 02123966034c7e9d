//! Minting IRIs: deterministic, readable, under one base ([`super::vocab::ID`]).

use super::vocab::{GRAPH, ID, UNDOCS, WIKIDATA_ENTITY};
use oxrdf::NamedNode;

/// Percent-encodes what may not stand in an IRI path segment, keeping
/// letters, digits and `-._~` (and non-ASCII letters, which IRIs allow).
pub fn segment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() || matches!(c, '-' | '.' | '_' | '~') {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// A document symbol as a readable slug: `S/2017/467` -> `S-2017-467`.
pub fn symbol_slug(symbol: &str) -> String {
    let mut out = String::with_capacity(symbol.len());
    for c in symbol.chars() {
        match c {
            '/' | '.' | ' ' => {
                if !out.ends_with('-') {
                    out.push('-');
                }
            }
            '(' | ')' => {}
            c => out.push(c),
        }
    }
    out.trim_matches('-').to_owned()
}

fn node(iri: String) -> NamedNode {
    NamedNode::new_unchecked(iri)
}

/// A speech, by its identifier (the file name without extension).
pub fn speech(id: &str) -> NamedNode {
    node(format!("{ID}speech/{}", segment(id)))
}

/// The named graph holding everything read from one speech file.
pub fn speech_graph(id: &str) -> NamedNode {
    node(format!("{GRAPH}speech/{}", segment(id)))
}

/// The graph of the speech whose IRI is `speech` (minted by [`speech`]).
pub fn graph_of_speech(speech: &str) -> Option<String> {
    let id = speech.strip_prefix(ID)?.strip_prefix("speech/")?;
    Some(format!("{GRAPH}speech/{id}"))
}

/// Whether `graph` is the graph of one speech (see [`speech_graph`]).
pub fn is_speech_graph(graph: &NamedNode) -> bool {
    graph.as_str().strip_prefix(GRAPH).is_some_and(|rest| rest.starts_with("speech/"))
}

/// The named graph of reference facts (states, organisations, places,
/// persons, resolutions and meetings from `data/`).
pub fn reference_graph() -> NamedNode {
    node(format!("{GRAPH}reference"))
}

/// The named graph describing what speeches share: their meetings, their
/// speakers and the entities they name that the reference graph does not
/// know, with the spellings found in the text. Each triple is there once,
/// however many speeches say it.
pub fn corpus_graph() -> NamedNode {
    node(format!("{GRAPH}corpus"))
}

/// The named graph holding the ontology.
pub fn ontology_graph() -> NamedNode {
    node(format!("{GRAPH}ontology"))
}

/// A state, by ISO 3166-1 alpha-3: `.../state/KAZ`.
pub fn state(alpha3: &str) -> NamedNode {
    node(format!("{ID}state/{}", segment(alpha3)))
}

/// A name a state bore for a period: `state/COD/name/zaire`.
pub fn state_name(alpha3: &str, name: &str) -> NamedNode {
    node(format!("{ID}state/{}/name/{}", segment(alpha3), crate::names::slug_keeping_accents(name)))
}

/// A term on the Security Council: `council-membership/AGO-2003`.
pub fn council_membership(alpha3: &str, start_year: u16) -> NamedNode {
    node(format!("{ID}council-membership/{}-{start_year}", segment(alpha3)))
}

/// A month's presidency of the Security Council: `council-presidency/1995-03`.
pub fn council_presidency(year: u16, month: u8) -> NamedNode {
    node(format!("{ID}council-presidency/{year}-{month:02}"))
}

/// A meeting, by its slug: `.../meeting/S-PV-8699`.
pub fn meeting(slug: &str) -> NamedNode {
    node(format!("{ID}meeting/{}", segment(slug)))
}

/// A person, by gazetteer key or name slug.
pub fn person(key: &str) -> NamedNode {
    node(format!("{ID}person/{}", segment(key)))
}

/// An organisation, by gazetteer key or name slug.
pub fn organisation(key: &str) -> NamedNode {
    node(format!("{ID}organisation/{}", segment(key)))
}

/// A place, by gazetteer key or name slug.
pub fn place(key: &str) -> NamedNode {
    node(format!("{ID}place/{}", segment(key)))
}

/// A Security Council resolution, by number: `.../resolution/2253`.
pub fn resolution(number: &str) -> NamedNode {
    node(format!("{ID}resolution/{}", segment(number)))
}

/// A UN document, by symbol: `.../document/S-2017-467`.
pub fn document(symbol: &str) -> NamedNode {
    node(format!("{ID}document/{}", segment(&symbol_slug(symbol))))
}

/// A mention: the speech's IRI with an RFC 5147 character fragment, as NIF
/// does it: `.../speech/X#char=10,20`.
pub fn mention(speech_id: &str, start: usize, end: usize) -> NamedNode {
    node(format!("{ID}speech/{}#char={start},{end}", segment(speech_id)))
}

/// The n-th event a speech describes.
pub fn event(speech_id: &str, n: usize) -> NamedNode {
    node(format!("{ID}speech/{}/event/{n}", segment(speech_id)))
}

/// The n-th speech act a speech performs.
pub fn act(speech_id: &str, n: usize) -> NamedNode {
    node(format!("{ID}speech/{}/act/{n}", segment(speech_id)))
}

/// An extractor, by its short name.
pub fn extractor(name: &str) -> NamedNode {
    node(format!("{ID}extractor/{}", segment(name)))
}

/// A Wikidata entity: `Q232` -> `wd:Q232`.
pub fn wikidata(qid: &str) -> NamedNode {
    node(format!("{WIKIDATA_ENTITY}{}", segment(qid)))
}

/// The document's address on the UN's document server.
pub fn undocs(symbol: &str) -> NamedNode {
    let path: String = symbol.chars().filter(|c| !c.is_whitespace()).collect();
    let encoded: Vec<String> = path.split('/').map(segment).collect();
    node(format!("{UNDOCS}{}", encoded.join("/")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iris_are_readable_and_valid() {
        assert_eq!(state("KAZ").as_str(), "https://w3id.org/unkg/id/state/KAZ");
        assert_eq!(meeting("S-PV-8699").as_str(), "https://w3id.org/unkg/id/meeting/S-PV-8699");
        assert_eq!(document("S/PRST/2020/1").as_str(), "https://w3id.org/unkg/id/document/S-PRST-2020-1");
        assert_eq!(undocs("S/RES/2253 (2015)").as_str(), "https://undocs.org/S/RES/2253%282015%29");
        assert_eq!(undocs("S/PV.1|x").as_str(), "https://undocs.org/S/PV.1%7Cx");
        assert_eq!(meeting(&symbol_slug("S/PV.8699 (Resumption 1)")).as_str(), "https://w3id.org/unkg/id/meeting/S-PV-8699-Resumption-1");
        assert!(is_speech_graph(&speech_graph("FIN 78")));
        assert!(!is_speech_graph(&corpus_graph()) && !is_speech_graph(&speech("FIN 78")));
        for iri in [speech("FIN 78"), person("ja'afari"), mention("a b", 1, 2)] {
            assert!(NamedNode::new(iri.as_str()).is_ok(), "{iri}");
        }
    }
}
