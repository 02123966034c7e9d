//! Reading a SHACL shapes graph into the subset [`super::check`] evaluates.

use crate::error::{Error, Result};
use crate::rdf::vocab::sh::{self, local};
use crate::rdf::vocab::{rdf, SH};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{NamedNode, NamedNodeRef, NamedOrBlankNode, Term};
use oxigraph::store::Store;

/// A shapes graph that asks for what `unkg validate` cannot check, or says
/// it wrongly: refused rather than half checked.
#[derive(Debug, thiserror::Error)]
#[error("shape {shape}: {message}")]
pub struct ShapeError {
    /// The shape's IRI (or blank node label).
    pub shape: String,
    /// What is wrong with it.
    pub message: String,
}

fn refuse(shape: &str, message: String) -> Error {
    ShapeError { shape: shape.to_owned(), message }.into()
}

/// Which nodes a shape applies to.
#[derive(Debug, Clone)]
pub enum Target {
    /// `sh:targetClass`: instances of the class or its subclasses.
    Class(NamedNode),
    /// `sh:targetSubjectsOf`.
    SubjectsOf(NamedNode),
    /// `sh:targetObjectsOf`.
    ObjectsOf(NamedNode),
    /// `sh:targetNode`.
    Node(Term),
}

/// A property path of the subset: a predicate, or its inverse.
#[derive(Debug, Clone)]
pub enum Path {
    /// `sh:path p`.
    Predicate(NamedNode),
    /// `sh:path [ sh:inversePath p ]`.
    Inverse(NamedNode),
}

impl Path {
    /// The path in SPARQL syntax.
    pub fn sparql(&self) -> String {
        match self {
            Path::Predicate(p) => p.to_string(),
            Path::Inverse(p) => format!("^{p}"),
        }
    }

    /// The path as SHACL writes it, for reports.
    pub fn display(&self) -> String {
        match self {
            Path::Predicate(p) => p.as_str().to_owned(),
            Path::Inverse(p) => format!("^{}", p.as_str()),
        }
    }
}

/// One constraint of the subset.
#[derive(Debug, Clone)]
pub enum Constraint {
    /// `sh:minCount`.
    MinCount(u64),
    /// `sh:maxCount`.
    MaxCount(u64),
    /// `sh:datatype`.
    Datatype(NamedNode),
    /// `sh:class`.
    Class(NamedNode),
    /// `sh:nodeKind`.
    NodeKind(NamedNode),
    /// `sh:pattern` with `sh:flags`.
    Pattern(String, String),
    /// `sh:hasValue`.
    HasValue(Term),
}

impl Constraint {
    /// The SHACL constraint component, as reports name it.
    pub fn component(&self) -> NamedNodeRef<'static> {
        match self {
            Constraint::MinCount(_) => sh::MIN_COUNT_COMPONENT,
            Constraint::MaxCount(_) => sh::MAX_COUNT_COMPONENT,
            Constraint::Datatype(_) => sh::DATATYPE_COMPONENT,
            Constraint::Class(_) => sh::CLASS_COMPONENT,
            Constraint::NodeKind(_) => sh::NODE_KIND_COMPONENT,
            Constraint::Pattern(..) => sh::PATTERN_COMPONENT,
            Constraint::HasValue(_) => sh::HAS_VALUE_COMPONENT,
        }
    }
}

/// A property shape: a path and the constraints on its values.
#[derive(Debug, Clone)]
pub struct PropertyShape {
    /// The shape's node in the shapes graph.
    pub id: String,
    /// `sh:path`.
    pub path: Path,
    /// Its constraints.
    pub constraints: Vec<Constraint>,
}

/// A node shape: targets, constraints on the focus node, property shapes.
#[derive(Debug, Clone)]
pub struct NodeShape {
    /// The shape's IRI (or blank node label).
    pub id: String,
    /// Whom it applies to.
    pub targets: Vec<Target>,
    /// Constraints on the focus node itself.
    pub constraints: Vec<Constraint>,
    /// Its property shapes.
    pub properties: Vec<PropertyShape>,
}

/// Parameters that carry no constraint, or that the ones above read.
const IGNORED: &[&str] = &[
    "path", "property", "targetClass", "targetSubjectsOf", "targetObjectsOf", "targetNode", "flags", "name",
    "description", "message", "severity", "order", "group", "defaultValue", "deactivated",
];

fn load(ttl: &str, origin: &str) -> Result<Store> {
    let store = Store::new().map_err(|e| Error::store(origin, e))?;
    let quads = RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(ttl.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| Error::input(origin, 0, e.to_string()))?;
    store.extend(quads).map_err(|e| Error::store(origin, e))?;
    Ok(store)
}

fn objects(store: &Store, s: &NamedOrBlankNode, p: NamedNodeRef<'_>) -> Vec<Term> {
    store.quads_for_pattern(Some(s.as_ref()), Some(p), None, None).flatten().map(|q| q.object).collect()
}

fn named(t: &Term, what: &str, shape: &str) -> Result<NamedNode> {
    match t {
        Term::NamedNode(n) => Ok(n.clone()),
        other => Err(refuse(shape, format!("{what} must be an IRI, found {other}"))),
    }
}

fn integer(t: &Term, what: &str, shape: &str) -> Result<u64> {
    match t {
        Term::Literal(l) => l.value().parse().map_err(|_| refuse(shape, format!("{what} must be an integer, found {l}"))),
        other => Err(refuse(shape, format!("{what} must be an integer, found {other}"))),
    }
}

/// The constraints on `node` in the shapes graph; an error names any SHACL
/// parameter outside the subset, so that nothing is silently not checked.
fn constraints(store: &Store, node: &NamedOrBlankNode, id: &str) -> Result<Vec<Constraint>> {
    let mut out = Vec::new();
    for q in store.quads_for_pattern(Some(node.as_ref()), None, None, None).flatten() {
        let Some(local) = q.predicate.as_str().strip_prefix(SH) else { continue };
        let o = &q.object;
        out.push(match local {
            local::MIN_COUNT => Constraint::MinCount(integer(o, "sh:minCount", id)?),
            local::MAX_COUNT => Constraint::MaxCount(integer(o, "sh:maxCount", id)?),
            local::DATATYPE => Constraint::Datatype(named(o, "sh:datatype", id)?),
            local::CLASS => Constraint::Class(named(o, "sh:class", id)?),
            local::NODE_KIND => Constraint::NodeKind(named(o, "sh:nodeKind", id)?),
            local::HAS_VALUE => Constraint::HasValue(o.clone()),
            local::PATTERN => {
                let Term::Literal(l) = o else {
                    return Err(refuse(id, "sh:pattern must be a string".into()));
                };
                let flags = objects(store, node, sh::FLAGS)
                    .first()
                    .and_then(|f| if let Term::Literal(f) = f { Some(f.value().to_owned()) } else { None })
                    .unwrap_or_default();
                Constraint::Pattern(l.value().to_owned(), flags)
            }
            l if IGNORED.contains(&l) => continue,
            l => return Err(refuse(id, format!("sh:{l} is not supported by unkg validate"))),
        });
    }
    Ok(out)
}

fn node_id(n: &NamedOrBlankNode) -> String {
    match n {
        NamedOrBlankNode::NamedNode(n) => n.as_str().to_owned(),
        other => other.to_string(),
    }
}

/// Reads the node shapes of the Turtle document `ttl` (from `origin`).
pub fn parse(ttl: &str, origin: &str) -> Result<Vec<NodeShape>> {
    let store = load(ttl, origin)?;
    let mut shape_nodes: Vec<NamedOrBlankNode> = Vec::new();
    for q in store.quads_for_pattern(None, Some(rdf::TYPE), Some(sh::NODE_SHAPE.into()), None).flatten() {
        shape_nodes.push(q.subject);
    }
    for p in [sh::TARGET_CLASS, sh::TARGET_SUBJECTS_OF, sh::TARGET_OBJECTS_OF, sh::TARGET_NODE] {
        for q in store.quads_for_pattern(None, Some(p), None, None).flatten() {
            if !shape_nodes.contains(&q.subject) {
                shape_nodes.push(q.subject);
            }
        }
    }
    let mut shapes = Vec::new();
    for node in &shape_nodes {
        let id = node_id(node);
        if objects(&store, node, sh::DEACTIVATED).iter().any(|t| matches!(t, Term::Literal(l) if l.value() == "true")) {
            continue;
        }
        let mut targets = Vec::new();
        for o in objects(&store, node, sh::TARGET_CLASS) {
            targets.push(Target::Class(named(&o, "sh:targetClass", &id)?));
        }
        for o in objects(&store, node, sh::TARGET_SUBJECTS_OF) {
            targets.push(Target::SubjectsOf(named(&o, "sh:targetSubjectsOf", &id)?));
        }
        for o in objects(&store, node, sh::TARGET_OBJECTS_OF) {
            targets.push(Target::ObjectsOf(named(&o, "sh:targetObjectsOf", &id)?));
        }
        for o in objects(&store, node, sh::TARGET_NODE) {
            targets.push(Target::Node(o));
        }
        let mut properties = Vec::new();
        for p in objects(&store, node, sh::PROPERTY) {
            let p: NamedOrBlankNode = match p {
                Term::NamedNode(n) => n.into(),
                Term::BlankNode(b) => b.into(),
                other => return Err(refuse(&id, format!("sh:property {other} is not a node"))),
            };
            let pid = node_id(&p);
            let path = match objects(&store, &p, sh::PATH).first() {
                Some(Term::NamedNode(n)) => Path::Predicate(n.clone()),
                Some(Term::BlankNode(b)) => {
                    let inner: NamedOrBlankNode = b.clone().into();
                    match objects(&store, &inner, sh::INVERSE_PATH).first() {
                        Some(Term::NamedNode(n)) => Path::Inverse(n.clone()),
                        _ => return Err(refuse(&id, "only predicate and inverse paths are supported".into())),
                    }
                }
                _ => return Err(refuse(&id, "a property shape without sh:path".into())),
            };
            properties.push(PropertyShape { id: pid.clone(), path, constraints: constraints(&store, &p, &pid)? });
        }
        let own = constraints(&store, node, &id)?;
        shapes.push(NodeShape { id, targets, constraints: own, properties });
    }
    shapes.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(shapes)
}
