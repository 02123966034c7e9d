//! Content negotiation: the Accept header (RFC 9110 section 12.5.1), or a
//! `format` parameter that wins over it, against what a response can offer.

use super::http::HttpError;
use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use oxigraph::sparql::results::QueryResultsFormat;

/// What a response can be written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Out {
    /// SPARQL results (SELECT, ASK).
    Results(QueryResultsFormat),
    /// RDF (graphs, descriptions, datasets).
    Rdf(RdfFormat),
    /// A page for people.
    Html,
}

impl Out {
    /// The Content-Type to send.
    pub(crate) fn media_type(self) -> &'static str {
        match self {
            Out::Results(QueryResultsFormat::Json) => "application/sparql-results+json",
            Out::Results(QueryResultsFormat::Xml) => "application/sparql-results+xml",
            Out::Results(QueryResultsFormat::Csv) => "text/csv; charset=utf-8",
            Out::Results(QueryResultsFormat::Tsv) => "text/tab-separated-values; charset=utf-8",
            Out::Rdf(RdfFormat::Turtle) => "text/turtle; charset=utf-8",
            Out::Rdf(RdfFormat::NTriples) => "application/n-triples",
            Out::Rdf(RdfFormat::NQuads) => "application/n-quads",
            Out::Rdf(RdfFormat::TriG) => "application/trig",
            Out::Rdf(RdfFormat::RdfXml) => "application/rdf+xml",
            Out::Rdf(RdfFormat::JsonLd { .. }) => "application/ld+json",
            Out::Rdf(f) => f.media_type(),
            Out::Html => "text/html; charset=utf-8",
            #[allow(unreachable_patterns)]
            Out::Results(f) => f.media_type(),
        }
    }
}

const JSONLD: RdfFormat = RdfFormat::JsonLd { profile: JsonLdProfileSet::empty() };

/// SELECT and ASK answers; the first is the default.
pub(crate) const RESULTS: &[(&str, &str, Out)] = &[
    ("application/sparql-results+json", "json", Out::Results(QueryResultsFormat::Json)),
    ("application/sparql-results+xml", "xml", Out::Results(QueryResultsFormat::Xml)),
    ("text/csv", "csv", Out::Results(QueryResultsFormat::Csv)),
    ("text/tab-separated-values", "tsv", Out::Results(QueryResultsFormat::Tsv)),
    ("application/json", "", Out::Results(QueryResultsFormat::Json)),
    ("application/xml", "", Out::Results(QueryResultsFormat::Xml)),
    ("text/xml", "", Out::Results(QueryResultsFormat::Xml)),
];

/// Graphs (CONSTRUCT, DESCRIBE, named graphs); Turtle is the default.
pub(crate) const GRAPH: &[(&str, &str, Out)] = &[
    ("text/turtle", "turtle", Out::Rdf(RdfFormat::Turtle)),
    ("application/n-triples", "ntriples", Out::Rdf(RdfFormat::NTriples)),
    ("application/ld+json", "jsonld", Out::Rdf(JSONLD)),
    ("application/rdf+xml", "rdfxml", Out::Rdf(RdfFormat::RdfXml)),
    ("application/x-turtle", "ttl", Out::Rdf(RdfFormat::Turtle)),
    ("text/plain", "nt", Out::Rdf(RdfFormat::NTriples)),
    ("application/json", "json", Out::Rdf(JSONLD)),
    ("application/xml", "xml", Out::Rdf(RdfFormat::RdfXml)),
];

/// Descriptions of resources: RDF, or HTML for browsers (which ask for
/// text/html by name and everything else with a lower weight).
pub(crate) const RESOURCE: &[(&str, &str, Out)] = &[
    ("text/turtle", "turtle", Out::Rdf(RdfFormat::Turtle)),
    ("text/html", "html", Out::Html),
    ("application/xhtml+xml", "", Out::Html),
    ("application/ld+json", "jsonld", Out::Rdf(JSONLD)),
    ("application/n-triples", "ntriples", Out::Rdf(RdfFormat::NTriples)),
    ("application/rdf+xml", "rdfxml", Out::Rdf(RdfFormat::RdfXml)),
    ("application/x-turtle", "ttl", Out::Rdf(RdfFormat::Turtle)),
    ("text/plain", "nt", Out::Rdf(RdfFormat::NTriples)),
    ("application/json", "json", Out::Rdf(JSONLD)),
];

/// Whole datasets, with their named graphs.
pub(crate) const DATASET: &[(&str, &str, Out)] = &[
    ("application/n-quads", "nquads", Out::Rdf(RdfFormat::NQuads)),
    ("application/trig", "trig", Out::Rdf(RdfFormat::TriG)),
    ("text/plain", "nq", Out::Rdf(RdfFormat::NQuads)),
];

/// Picks the format: `format` (a short name or a media type) if given, else
/// the offer the Accept header weighs highest (the earlier one on a tie).
pub(crate) fn choose(offers: &[(&str, &str, Out)], format: Option<&str>, accept: Option<&str>) -> Result<Out, HttpError> {
    let names = || offers.iter().filter(|o| !o.1.is_empty()).map(|o| o.1).collect::<Vec<_>>().join(", ");
    if let Some(f) = format.map(str::trim).filter(|f| !f.is_empty()) {
        let lower = f.to_ascii_lowercase();
        let media = lower.split(';').next().unwrap_or("").trim().to_owned();
        return offers
            .iter()
            .find(|(m, n, _)| (!n.is_empty() && *n == lower) || *m == media)
            .map(|o| o.2)
            .ok_or_else(|| HttpError::new(400, format!("format={f} is not offered here; use one of {}", names())));
    }
    let ranges = match accept.map(str::trim).filter(|a| !a.is_empty()) {
        None => return Ok(offers[0].2),
        Some(a) => parse_accept(a),
    };
    let mut best: Option<(f32, Out)> = None;
    for (media, _, out) in offers {
        let q = weight(&ranges, media);
        if q > 0.0 && best.is_none_or(|(b, _)| q > b) {
            best = Some((q, *out));
        }
    }
    best.map(|(_, out)| out).ok_or_else(|| {
        let offered: Vec<&str> = offers.iter().map(|o| o.0).collect();
        HttpError::new(406, format!("none of the accepted types is offered; offered: {}", offered.join(", ")))
    })
}

/// (type, subtype, q) of each media range.
fn parse_accept(header: &str) -> Vec<(String, String, f32)> {
    let mut out = Vec::new();
    for range in header.split(',') {
        let mut parts = range.split(';');
        let media = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        let Some((t, s)) = media.split_once('/') else { continue };
        let mut q = 1.0;
        for p in parts {
            if let Some((k, v)) = p.split_once('=') {
                if k.trim().eq_ignore_ascii_case("q") {
                    q = v.trim().parse::<f32>().unwrap_or(0.0).clamp(0.0, 1.0);
                }
            }
        }
        out.push((t.trim().to_owned(), s.trim().to_owned(), q));
    }
    out
}

/// The weight of `media` under the most specific range that matches it.
fn weight(ranges: &[(String, String, f32)], media: &str) -> f32 {
    let (t, s) = media.split_once('/').unwrap_or((media, ""));
    let mut best: Option<(u8, f32)> = None;
    for (rt, rs, q) in ranges {
        let specificity = if rt == t && rs == s {
            3
        } else if rt == t && rs == "*" {
            2
        } else if rt == "*" && rs == "*" {
            1
        } else {
            continue;
        };
        if best.is_none_or(|(b, _)| specificity > b) {
            best = Some((specificity, *q));
        }
    }
    best.map_or(0.0, |(_, q)| q)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browsers_get_html_and_tools_get_rdf() {
        let browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        assert_eq!(choose(RESOURCE, None, Some(browser)).unwrap(), Out::Html);
        assert_eq!(choose(RESOURCE, None, Some("*/*")).unwrap(), Out::Rdf(RdfFormat::Turtle));
        assert_eq!(choose(RESOURCE, None, None).unwrap(), Out::Rdf(RdfFormat::Turtle));
        assert_eq!(choose(RESOURCE, None, Some("application/ld+json")).unwrap(), Out::Rdf(JSONLD));
        assert_eq!(choose(RESOURCE, Some("ntriples"), Some("text/html")).unwrap(), Out::Rdf(RdfFormat::NTriples));
    }

    #[test]
    fn weights_and_specificity_decide() {
        let a = "text/*;q=0.2, text/csv;q=0.9, application/sparql-results+json;q=0.5";
        assert_eq!(choose(RESULTS, None, Some(a)).unwrap(), Out::Results(QueryResultsFormat::Csv));
        assert_eq!(
            choose(RESULTS, None, Some("text/tab-separated-values")).unwrap(),
            Out::Results(QueryResultsFormat::Tsv)
        );
        assert!(choose(RESULTS, None, Some("image/png")).is_err());
        assert!(choose(RESULTS, None, Some("text/csv;q=0")).is_err());
        assert!(choose(RESULTS, Some("yaml"), None).is_err());
        assert_eq!(
            choose(RESULTS, Some("application/sparql-results+xml"), None).unwrap(),
            Out::Results(QueryResultsFormat::Xml)
        );
    }
}
