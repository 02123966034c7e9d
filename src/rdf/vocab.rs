//! The terms unkg writes and reads, each written once, here, as a typed
//! constant ([`NamedNodeRef`]), one module a namespace, as oxrdf's own
//! `vocab` does; [`rdf`], [`rdfs`] and [`xsd`] are oxrdf's (which oxigraph
//! re-exports). Every
//! `unkg:` term is declared, with a label and a comment, in
//! `ontology/unkg.ttl`; a test keeps the two in step, and another
//! (`tests/vocabulary.rs`) keeps IRIs out of the rest of `src/`.
//!
//! SPARQL text is built from these constants: a [`NamedNodeRef`] displays
//! as `<iri>`.

use oxrdf::NamedNodeRef;

pub use oxrdf::vocab::{rdf, rdfs, xsd};

/// The unkg ontology's namespace as a literal, so that `concat!` can build
/// each term's IRI at compile time.
macro_rules! unkg_namespace {
    () => {
        "https://w3id.org/unkg/ontology#"
    };
}

/// Namespace of unkg's own classes, properties and individuals.
pub const UNKG: &str = unkg_namespace!();
/// The base every IRI unkg mints is under, and `unkg serve`'s default
/// public base.
pub const BASE: &str = "https://w3id.org/unkg/";
/// Base of every resource unkg mints (speeches, states, meetings, ...).
pub const ID: &str = "https://w3id.org/unkg/id/";
/// Namespace of the SHACL shapes in `ontology/shapes.ttl`.
pub const SHAPES: &str = "https://w3id.org/unkg/shapes#";
/// Base of the named graphs.
pub const GRAPH: &str = "https://w3id.org/unkg/graph/";
/// Base of Wikidata's entities, which entities link to with `owl:sameAs`.
pub const WIKIDATA_ENTITY: &str = "http://www.wikidata.org/entity/";
/// Wikidata as a dataset, the target of the VoID linkset.
pub const WIKIDATA: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("http://www.wikidata.org/");
/// Base of the UN's document addresses (`schema:url` of a document).
pub const UNDOCS: &str = "https://undocs.org/";

/// Namespaces of the server's own descriptions, for prefixes in them.
pub const SERVICE_PREFIXES: &[(&str, &str)] = &[("id", ID), ("void", void::NS), ("sd", sd::NS)];

/// Well-known namespaces, for prefixes in output and queries.
pub const PREFIXES: &[(&str, &str)] = &[
    ("unkg", UNKG),
    ("rdf", RDF),
    ("rdfs", RDFS),
    ("owl", OWL),
    ("xsd", XSD),
    ("skos", SKOS),
    ("dcterms", DCTERMS),
    ("schema", SCHEMA),
    ("foaf", FOAF),
    ("prov", PROV),
    ("nif", NIF),
    ("itsrdf", ITSRDF),
];

/// RDF namespace (its terms: [`rdf`]).
pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
/// RDF Schema namespace (its terms: [`rdfs`]).
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
/// XML Schema datatypes (their terms: [`xsd`]).
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
/// OWL namespace (its terms: [`owl`]).
pub const OWL: &str = owl::NS;
/// SKOS, for preferred and alternative labels (its terms: [`skos`]).
pub const SKOS: &str = skos::NS;
/// Dublin Core terms, for identifiers, dates, titles and languages.
pub const DCTERMS: &str = dcterms::NS;
/// schema.org, for mentions, locations and addresses.
pub const SCHEMA: &str = schema::NS;
/// FOAF, for persons' names.
pub const FOAF: &str = foaf::NS;
/// PROV-O, for where every fact came from.
pub const PROV: &str = prov::NS;
/// NIF 2.0 core, for mentions as character spans of a speech.
pub const NIF: &str = nif::NS;
/// ITS 2.0 in RDF, for the entity a mention denotes and the confidence.
pub const ITSRDF: &str = itsrdf::NS;
/// SHACL, which `unkg validate` reads shapes in and writes reports in.
pub const SH: &str = sh::NS;

/// A group of terms in one namespace: `NAME = "localName"` becomes a
/// `NamedNodeRef<'static>` constant, `ALL` lists the group's terms, and
/// `local` the local names alone (for the network views, which name node
/// kinds by them).
macro_rules! terms {
    ($ns:expr; $($name:ident = $local:literal),* $(,)?) => {
        $(
            #[doc = concat!("`<", $ns, $local, ">`")]
            pub const $name: NamedNodeRef<'static> = NamedNodeRef::new_unchecked(concat!($ns, $local));
        )*
        /// Every term of this group, for the ontology check.
        pub const ALL: &[NamedNodeRef<'static>] = &[$($name),*];
        /// The local names of this group's terms, by the same names.
        pub mod local {
            $(
                #[doc = concat!("`", $local, "`")]
                pub const $name: &str = $local;
            )*
        }
    };
}

/// A namespace of another vocabulary: its IRI ([`NS`](owl::NS)) and the terms
/// unkg uses.
macro_rules! namespace {
    ($ns:literal; $($name:ident = $local:literal),* $(,)?) => {
        /// The namespace IRI.
        pub const NS: &str = $ns;
        terms!($ns; $($name = $local),*);
    };
}

/// unkg's classes.
pub mod class {
    use super::NamedNodeRef;
    terms!(unkg_namespace!();
        SPEECH = "Speech", MEETING = "Meeting", PERSON = "Person", DELEGATE = "Delegate",
        STATE = "State", ORGANISATION = "Organisation", PLACE = "Place", RESOLUTION = "Resolution",
        DOCUMENT = "Document", EVENT = "Event", ATTACK = "Attack", GATHERING = "Gathering",
        MENTION = "Mention", SPEAKER_ROLE = "SpeakerRole", EXTRACTOR = "Extractor",
        COUNCIL_MEMBERSHIP = "CouncilMembership", COUNCIL_PRESIDENCY = "CouncilPresidency",
        NAME_IN_USE = "NameInUse", SPEECH_ACT = "SpeechAct",
    );
}

/// unkg's properties.
pub mod prop {
    use super::NamedNodeRef;
    terms!(unkg_namespace!();
        SOURCE_FILE = "sourceFile", SOURCE_PATH = "sourcePath", CONTENT_HASH = "contentHash",
        BUILD_FINGERPRINT = "buildFingerprint", CORPUS_SHARE = "corpusShare", GRAPH_SUMMARY = "graphSummary", POSITION = "position", MEETING = "meeting",
        SPEAKER = "speaker", SPEAKS_FOR = "speaksFor", SPEAKER_ROLE = "speakerRole",
        HONORIFIC = "honorific", NAME_AS_PRINTED = "nameAsPrinted", OFFICE = "office",
        SPEAKER_NAME = "speakerName", SPEAKER_HONORIFIC = "speakerHonorific",
        HEADER = "header", LANGUAGE_SPOKEN = "languageSpoken",
        ALPHA2 = "iso3166Alpha2", ALPHA3 = "iso3166Alpha3", M49 = "m49",
        RESUMPTION = "resumption", TOPIC = "topic", OUTCOME = "outcome", SESSION = "session",
        RESOLUTION_NUMBER = "resolutionNumber", SYMBOL = "symbol", ADOPTED_AT = "adoptedAt",
        COUNCIL_MEMBER_IN = "councilMemberIn", LOCATED_IN = "locatedIn", KIND = "kind",
        EVENT_KIND = "eventKind", EXTRACTOR = "extractor", DATE_VALUE = "dateValue",
        FAMILY_NAME = "familyName", UN_MEMBER_FROM = "unMemberFrom", UN_MEMBER_UNTIL = "unMemberUntil",
        MEMBER = "member", SEAT = "seat", PRESIDING_STATE = "presidingState", NAME_IN_USE = "nameInUse",
        PERFORMS = "performs", ACT_KIND = "actKind", EVIDENCE = "evidence",
    );
}

/// unkg's named individuals: speaker roles.
pub mod individual {
    use super::NamedNodeRef;
    terms!(unkg_namespace!();
        PRESIDENT = "PresidentOfTheCouncil", COUNCIL_MEMBER = "CouncilMember",
        INVITED_SPEAKER = "InvitedSpeaker", UN_OFFICIAL = "UnOfficial",
        GENERAL_DEBATE_SPEAKER = "GeneralDebateSpeaker",
    );
}

/// Terms of the Security Council's decisions: votes, tallies, sponsors,
/// drafts, vetoes and presidential statements (classes, properties and
/// individuals together, kept apart from the speech terms above).
pub mod council {
    use super::NamedNodeRef;
    terms!(unkg_namespace!();
        VOTE = "Vote", DRAFT_RESOLUTION = "DraftResolution", PRESIDENTIAL_STATEMENT = "PresidentialStatement",
        VOTE_POSITION = "VotePosition",
        VOTER = "voter", POSITION = "votePosition", ON_DECISION = "onDecision",
        VOTES_IN_FAVOUR = "votesInFavour", VOTES_AGAINST = "votesAgainst", ABSTENTIONS = "abstentions",
        ADOPTION = "adoption", SPONSOR = "sponsor", DRAFT = "draft", VETOED_BY = "vetoedBy",
        PUT_TO_VOTE_AT = "putToVoteAt", AS_GIVEN = "draftAsGiven",
        IN_FAVOUR = "InFavour", AGAINST = "Against", ABSTENTION = "Abstention", ABSENT = "Absent",
    );
}

/// The OWL terms unkg uses.
pub mod owl {
    use super::NamedNodeRef;
    namespace!("http://www.w3.org/2002/07/owl#"; SAME_AS = "sameAs");
}

/// The SKOS terms unkg uses.
pub mod skos {
    use super::NamedNodeRef;
    namespace!("http://www.w3.org/2004/02/skos/core#"; PREF_LABEL = "prefLabel", ALT_LABEL = "altLabel");
}

/// The Dublin Core terms unkg uses.
pub mod dcterms {
    use super::NamedNodeRef;
    namespace!("http://purl.org/dc/terms/";
        IDENTIFIER = "identifier", DATE = "date", TITLE = "title", DESCRIPTION = "description", REPLACES = "replaces",
        IS_REPLACED_BY = "isReplacedBy",
    );
}

/// The schema.org terms unkg uses.
pub mod schema {
    use super::NamedNodeRef;
    namespace!("https://schema.org/";
        URL = "url", MENTIONS = "mentions", ABOUT = "about", LOCATION = "location",
        START_DATE = "startDate", END_DATE = "endDate", FOUNDING_DATE = "foundingDate",
        DISSOLUTION_DATE = "dissolutionDate", AGENT = "agent", OBJECT = "object",
    );
}

/// The FOAF terms unkg uses.
pub mod foaf {
    use super::NamedNodeRef;
    namespace!("http://xmlns.com/foaf/0.1/"; NAME = "name");
}

/// The PROV-O terms unkg uses.
pub mod prov {
    use super::NamedNodeRef;
    namespace!("http://www.w3.org/ns/prov#"; WAS_DERIVED_FROM = "wasDerivedFrom");
}

/// The NIF 2.0 core terms unkg uses.
pub mod nif {
    use super::NamedNodeRef;
    namespace!("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
        IS_STRING = "isString", REFERENCE_CONTEXT = "referenceContext", BEGIN_INDEX = "beginIndex",
        END_INDEX = "endIndex", ANCHOR_OF = "anchorOf",
    );
}

/// The ITS 2.0 terms unkg uses.
pub mod itsrdf {
    use super::NamedNodeRef;
    namespace!("http://www.w3.org/2005/11/its/rdf#"; TA_IDENT_REF = "taIdentRef", TA_CONFIDENCE = "taConfidence");
}

/// The VoID terms of the dataset description (`/void`, `unkg export --void`).
pub mod void {
    use super::NamedNodeRef;
    namespace!("http://rdfs.org/ns/void#";
        DATASET = "Dataset", LINKSET = "Linkset", SPARQL_ENDPOINT = "sparqlEndpoint", DATA_DUMP = "dataDump",
        URI_SPACE = "uriSpace", ROOT_RESOURCE = "rootResource", FEATURE = "feature", TRIPLES = "triples",
        ENTITIES = "entities", CLASSES = "classes", CLASS_PARTITION = "classPartition", CLASS = "class",
        PROPERTIES = "properties", PROPERTY_PARTITION = "propertyPartition", PROPERTY = "property",
        VOCABULARY = "vocabulary", SUBSET = "subset", LINK_PREDICATE = "linkPredicate",
        SUBJECTS_TARGET = "subjectsTarget", OBJECTS_TARGET = "objectsTarget",
    );
}

/// The SPARQL 1.1 Service Description terms of the endpoint's description.
pub mod sd {
    use super::NamedNodeRef;
    namespace!("http://www.w3.org/ns/sparql-service-description#";
        SERVICE = "Service", ENDPOINT = "endpoint", SUPPORTED_LANGUAGE = "supportedLanguage",
        SPARQL11_QUERY = "SPARQL11Query", SPARQL11_UPDATE = "SPARQL11Update", FEATURE = "feature",
        UNION_DEFAULT_GRAPH = "UnionDefaultGraph", DEFAULT_DATASET = "defaultDataset", RESULT_FORMAT = "resultFormat",
    );
}

/// The W3C's unique IRIs of file formats, which VoID and the service
/// description point to.
pub mod formats {
    use super::NamedNodeRef;
    namespace!("http://www.w3.org/ns/formats/";
        TURTLE = "Turtle", N_TRIPLES = "N-Triples", N_QUADS = "N-Quads", JSON_LD = "JSON-LD", RDF_XML = "RDF_XML",
        TRIG = "TriG", SPARQL_RESULTS_JSON = "SPARQL_Results_JSON", SPARQL_RESULTS_XML = "SPARQL_Results_XML",
        SPARQL_RESULTS_CSV = "SPARQL_Results_CSV", SPARQL_RESULTS_TSV = "SPARQL_Results_TSV",
    );
}

/// The SHACL terms `unkg validate` reads and writes.
pub mod sh {
    use super::NamedNodeRef;
    namespace!("http://www.w3.org/ns/shacl#";
        NODE_SHAPE = "NodeShape", PROPERTY = "property", PATH = "path", INVERSE_PATH = "inversePath",
        TARGET_CLASS = "targetClass", TARGET_SUBJECTS_OF = "targetSubjectsOf",
        TARGET_OBJECTS_OF = "targetObjectsOf", TARGET_NODE = "targetNode", DEACTIVATED = "deactivated",
        FLAGS = "flags", MIN_COUNT = "minCount", MAX_COUNT = "maxCount", DATATYPE = "datatype", CLASS = "class",
        NODE_KIND = "nodeKind", PATTERN = "pattern", HAS_VALUE = "hasValue",
        MIN_COUNT_COMPONENT = "MinCountConstraintComponent", MAX_COUNT_COMPONENT = "MaxCountConstraintComponent",
        DATATYPE_COMPONENT = "DatatypeConstraintComponent", CLASS_COMPONENT = "ClassConstraintComponent",
        NODE_KIND_COMPONENT = "NodeKindConstraintComponent", PATTERN_COMPONENT = "PatternConstraintComponent",
        HAS_VALUE_COMPONENT = "HasValueConstraintComponent",
        IRI = "IRI", LITERAL = "Literal", BLANK_NODE = "BlankNode", BLANK_NODE_OR_IRI = "BlankNodeOrIRI",
        IRI_OR_LITERAL = "IRIOrLiteral", BLANK_NODE_OR_LITERAL = "BlankNodeOrLiteral",
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxrdf::{NamedNode, NamedNodeRef};

    /// The ontology is the single source of terms: everything written here
    /// must be declared there, with a label and a comment.
    #[cfg(feature = "store")]
    #[test]
    fn every_term_is_declared_in_the_ontology() {
        let ttl = include_str!("../../ontology/unkg.ttl");
        let store = oxigraph::store::Store::new().unwrap();
        store.load_from_slice(oxigraph::io::RdfFormat::Turtle, ttl).unwrap();
        let all = class::ALL.iter().chain(prop::ALL).chain(individual::ALL).chain(council::ALL);
        for term in all {
            assert!(term.as_str().starts_with(UNKG), "{term} is not a unkg term");
            let declared = store.quads_for_pattern(Some((*term).into()), Some(rdf::TYPE), None, None).count();
            assert!(declared > 0, "{term} is not declared (has no rdf:type) in ontology/unkg.ttl");
            for p in [rdfs::LABEL, rdfs::COMMENT] {
                let n = store.quads_for_pattern(Some((*term).into()), Some(p), None, None).count();
                assert!(n > 0, "{term} has no {p} in ontology/unkg.ttl");
            }
        }
    }

    /// Each group's IRIs are valid, and its local names are its IRIs' ends.
    #[test]
    fn every_term_is_a_valid_iri() {
        let groups: &[&[NamedNodeRef<'static>]] = &[
            class::ALL, prop::ALL, individual::ALL, council::ALL, owl::ALL, skos::ALL, dcterms::ALL,
            schema::ALL, foaf::ALL, prov::ALL, nif::ALL, itsrdf::ALL,
        ];
        for term in groups.iter().flat_map(|g| g.iter()) {
            assert!(NamedNode::new(term.as_str()).is_ok(), "{term}");
        }
        assert_eq!(class::local::SPEECH, "Speech");
        assert_eq!(class::SPEECH.as_str(), format!("{UNKG}{}", class::local::SPEECH));
    }
}
