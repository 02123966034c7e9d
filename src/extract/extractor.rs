//! Which extractor found a mention: its name, its IRI (an individual the
//! ontology declares) and its rank when two mentions of the same span
//! compete.

use oxrdf::NamedNode;

use super::EntityKind;

/// An extractor of unkg, recorded as each mention's provenance
/// (`unkg:extractor`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Extractor {
    /// A gazetteer form, matched exactly.
    Gazetteer,
    /// A state's adjective ("the Kazakh Government").
    Adjective,
    /// A pattern: a named body by its head word, a place by its unit word.
    Pattern,
    /// An acronym defined in the text, and its long form.
    Acronym,
    /// A name found by pattern that misspells a gazetteer name.
    Fuzzy,
    /// A cited resolution or document ("resolution 2253 (2015)").
    Citation,
    /// A document symbol ("S/2017/467").
    Symbol,
    /// A person named after a title or office.
    Title,
    /// A person named in apposition to an office.
    Apposition,
    /// A person named by a common given name and a family name.
    GivenName,
    /// A gazetteer person's family name alone.
    FamilyName,
    /// A later bare family name of a person already named.
    BackReference,
    /// A date, absolute or relative to the speech's.
    Date,
}

impl Extractor {
    /// Every extractor, for the ontology's test and documentation.
    pub const ALL: [Extractor; 13] = [
        Extractor::Gazetteer,
        Extractor::Adjective,
        Extractor::Pattern,
        Extractor::Acronym,
        Extractor::Fuzzy,
        Extractor::Citation,
        Extractor::Symbol,
        Extractor::Title,
        Extractor::Apposition,
        Extractor::GivenName,
        Extractor::FamilyName,
        Extractor::BackReference,
        Extractor::Date,
    ];

    /// Its short name, the last segment of its IRI.
    pub fn name(self) -> &'static str {
        match self {
            Extractor::Gazetteer => "gazetteer",
            Extractor::Adjective => "adjective",
            Extractor::Pattern => "pattern",
            Extractor::Acronym => "acronym",
            Extractor::Fuzzy => "fuzzy",
            Extractor::Citation => "citation",
            Extractor::Symbol => "symbol",
            Extractor::Title => "title",
            Extractor::Apposition => "apposition",
            Extractor::GivenName => "given-name",
            Extractor::FamilyName => "family-name",
            Extractor::BackReference => "back-reference",
            Extractor::Date => "date",
        }
    }

    /// Its IRI: `https://w3id.org/unkg/id/extractor/gazetteer`.
    pub fn iri(self) -> NamedNode {
        crate::rdf::iri::extractor(self.name())
    }

    /// Preference between names of equal span found for an entity of
    /// `kind`, lower first: an acronym definition's key over a gazetteer's,
    /// a gazetteer's over a pattern's, a name over an adjective.
    pub fn overlap_rank(self, kind: EntityKind) -> u8 {
        match (kind, self) {
            (EntityKind::Organisation, Extractor::Acronym) => 0,
            (_, Extractor::Gazetteer) => 1,
            (EntityKind::State, _) => 2,
            (EntityKind::Organisation, _) => 3,
            (EntityKind::Place, _) => 4,
            _ => 5,
        }
    }
}

impl std::fmt::Display for Extractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
