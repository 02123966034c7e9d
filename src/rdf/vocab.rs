//! The terms unkg writes. Every `unkg:` term here is declared, with a label
//! and a comment, in `ontology/unkg.ttl`; a test keeps the two in step.

/// Namespace of unkg's own classes and properties.
pub const UNKG: &str = "https://w3id.org/unkg/ontology#";
/// Base of every resource unkg mints (speeches, states, meetings, ...).
pub const ID: &str = "https://w3id.org/unkg/id/";
/// Base of the named graphs.
pub const GRAPH: &str = "https://w3id.org/unkg/graph/";

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

/// RDF namespace.
pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
/// RDF Schema namespace.
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
/// OWL namespace.
pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
/// XML Schema datatypes.
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
/// SKOS, for preferred and alternative labels.
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
/// Dublin Core terms, for identifiers, dates, titles and languages.
pub const DCTERMS: &str = "http://purl.org/dc/terms/";
/// schema.org, for mentions, locations and addresses.
pub const SCHEMA: &str = "https://schema.org/";
/// FOAF, for persons' names.
pub const FOAF: &str = "http://xmlns.com/foaf/0.1/";
/// PROV-O, for where every fact came from.
pub const PROV: &str = "http://www.w3.org/ns/prov#";
/// NIF 2.0 core, for mentions as character spans of a speech.
pub const NIF: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
/// ITS 2.0 in RDF, for the entity a mention denotes and the confidence.
pub const ITSRDF: &str = "http://www.w3.org/2005/11/its/rdf#";

macro_rules! terms {
    ($($name:ident = $local:literal),* $(,)?) => {
        $(
            #[doc = concat!("`", $local, "`")]
            pub const $name: &str = concat!($local);
        )*
        /// Every local name of this group, for the ontology check.
        pub const ALL: &[&str] = &[$($local),*];
    };
}

/// unkg's classes (local names in [`UNKG`]).
pub mod class {
    terms!(
        SPEECH = "Speech", MEETING = "Meeting", PERSON = "Person", DELEGATE = "Delegate",
        STATE = "State", ORGANISATION = "Organisation", PLACE = "Place", RESOLUTION = "Resolution",
        DOCUMENT = "Document", EVENT = "Event", ATTACK = "Attack", GATHERING = "Gathering",
        MENTION = "Mention", SPEAKER_ROLE = "SpeakerRole", EXTRACTOR = "Extractor",
        COUNCIL_MEMBERSHIP = "CouncilMembership", COUNCIL_PRESIDENCY = "CouncilPresidency",
        NAME_IN_USE = "NameInUse", SPEECH_ACT = "SpeechAct",
    );
}

/// unkg's properties (local names in [`UNKG`]).
pub mod prop {
    terms!(
        SOURCE_FILE = "sourceFile", SOURCE_PATH = "sourcePath", CONTENT_HASH = "contentHash",
        BUILD_FINGERPRINT = "buildFingerprint", POSITION = "position", MEETING = "meeting",
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

/// Named individuals of unkg (speaker roles).
pub mod individual {
    terms!(
        PRESIDENT = "PresidentOfTheCouncil", COUNCIL_MEMBER = "CouncilMember",
        INVITED_SPEAKER = "InvitedSpeaker", UN_OFFICIAL = "UnOfficial",
        GENERAL_DEBATE_SPEAKER = "GeneralDebateSpeaker",
    );
}

/// Terms of the Security Council's decisions: votes, tallies, sponsors,
/// drafts, vetoes and presidential statements (local names in [`UNKG`];
/// classes, properties and individuals together, kept apart from the
/// speech terms above).
pub mod council {
    terms!(
        VOTE = "Vote", DRAFT_RESOLUTION = "DraftResolution", PRESIDENTIAL_STATEMENT = "PresidentialStatement",
        VOTE_POSITION = "VotePosition",
        VOTER = "voter", POSITION = "votePosition", ON_DECISION = "onDecision",
        VOTES_IN_FAVOUR = "votesInFavour", VOTES_AGAINST = "votesAgainst", ABSTENTIONS = "abstentions",
        ADOPTION = "adoption", SPONSOR = "sponsor", DRAFT = "draft", VETOED_BY = "vetoedBy",
        PUT_TO_VOTE_AT = "putToVoteAt", AS_GIVEN = "draftAsGiven",
        IN_FAVOUR = "InFavour", AGAINST = "Against", ABSTENTION = "Abstention", ABSENT = "Absent",
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ontology is the single source of terms: everything written here
    /// must be declared there, with a label and a comment.
    #[test]
    fn every_term_is_declared_in_the_ontology() {
        let ttl = include_str!("../../ontology/unkg.ttl");
        let store = oxigraph::store::Store::new().unwrap();
        store.load_from_slice(oxigraph::io::RdfFormat::Turtle, ttl).unwrap();
        let all = class::ALL.iter().chain(prop::ALL).chain(individual::ALL).chain(council::ALL);
        for local in all {
            let iri = oxigraph::model::NamedNode::new(format!("{UNKG}{local}")).unwrap();
            for p in [format!("{RDFS}label"), format!("{RDFS}comment")] {
                let p = oxigraph::model::NamedNode::new(p).unwrap();
                let n = store.quads_for_pattern(Some(iri.as_ref().into()), Some(p.as_ref()), None, None).count();
                assert!(n > 0, "unkg:{local} has no {p} in ontology/unkg.ttl");
            }
        }
    }
}
