//! The network a view produces: petgraph nodes and edges carrying the
//! attributes that end up in the GraphML file.

use petgraph::graph::{EdgeIndex, Graph, NodeIndex};
use std::collections::{BTreeMap, HashMap};

/// A typed attribute value; the GraphML key type follows from it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// GraphML `int` (written as `long` would confuse yEd; counts fit).
    Int(i64),
    /// GraphML `double`.
    Double(f64),
    /// GraphML `boolean`.
    Bool(bool),
    /// GraphML `string`.
    Str(String),
}

/// The first and last date something was seen (ISO 8601 text, compared as
/// text, which orders `2020`, `2020-03` and `2020-03-01` sensibly).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dates {
    /// Earliest date seen.
    pub first: Option<String>,
    /// Latest date seen.
    pub last: Option<String>,
}

impl Dates {
    /// Widens the span to include `date`.
    pub fn see(&mut self, date: &str) {
        if self.first.as_deref().is_none_or(|f| date < f) {
            self.first = Some(date.to_owned());
        }
        if self.last.as_deref().is_none_or(|l| date > l) {
            self.last = Some(date.to_owned());
        }
    }

    /// Widens the span to include `other`.
    pub fn merge(&mut self, other: &Dates) {
        if let Some(f) = &other.first {
            self.see(f);
        }
        if let Some(l) = &other.last {
            self.see(l);
        }
    }
}

/// A node: a resource of the store, identified by its IRI.
#[derive(Debug, Clone, Default)]
pub struct Node {
    /// The IRI: stable across exports, so files can be joined.
    pub id: String,
    /// What to show.
    pub label: String,
    /// The unkg class (State, Speech, ...), most specific first.
    pub kind: String,
    /// Speeches mentioning (or given by, or for) the node, where the view counts them.
    pub speeches: Option<u64>,
    /// When the node was seen.
    pub dates: Dates,
    /// Codes, literals and view-specific attributes, by attribute name.
    pub attrs: BTreeMap<String, Value>,
}

/// An edge: a relation between two nodes, possibly standing for many facts.
#[derive(Debug, Clone, Default)]
pub struct Edge {
    /// The relation (`mentions`, `co-mention`, `unkg:speaksFor`, ...).
    pub label: String,
    /// How many facts (speeches, mentions) the edge stands for.
    pub weight: f64,
    /// When those facts date from.
    pub dates: Dates,
    /// View-specific attributes (a citation's vote), by attribute name.
    pub attrs: BTreeMap<String, Value>,
}

/// A view's network before metrics: the petgraph graph and an index of
/// nodes by IRI and of edges by (source, target, label).
#[derive(Debug, Default)]
pub struct Network {
    /// Whether edges have a direction (co-mention's do not).
    pub directed: bool,
    /// The graph.
    pub graph: Graph<Node, Edge>,
    nodes: HashMap<String, NodeIndex>,
    edges: HashMap<(NodeIndex, NodeIndex, String), EdgeIndex>,
}

impl Network {
    /// An empty network.
    pub fn new(directed: bool) -> Self {
        Network { directed, ..Network::default() }
    }

    /// The node with IRI `id`, if present.
    pub fn find(&self, id: &str) -> Option<NodeIndex> {
        self.nodes.get(id).copied()
    }

    /// The node with IRI `id`, added (with `kind` and `label`) if absent.
    pub fn node(&mut self, id: &str, kind: &str, label: &str) -> NodeIndex {
        if let Some(&ix) = self.nodes.get(id) {
            return ix;
        }
        let ix = self.graph.add_node(Node { id: id.to_owned(), label: label.to_owned(), kind: kind.to_owned(), ..Node::default() });
        self.nodes.insert(id.to_owned(), ix);
        ix
    }

    /// The edge `a -label-> b`, added with weight 0 if absent; for an
    /// undirected network the pair is put in a fixed order first.
    pub fn edge(&mut self, a: NodeIndex, b: NodeIndex, label: &str) -> &mut Edge {
        let (a, b) = if !self.directed && self.graph[b].id < self.graph[a].id { (b, a) } else { (a, b) };
        let key = (a, b, label.to_owned());
        let ix = match self.edges.get(&key) {
            Some(&ix) => ix,
            None => {
                let ix = self.graph.add_edge(a, b, Edge { label: label.to_owned(), ..Edge::default() });
                self.edges.insert(key, ix);
                ix
            }
        };
        &mut self.graph[ix]
    }

    /// Adds an edge known to be new, skipping the index (for views that
    /// aggregate millions of edges themselves).
    pub fn push_edge(&mut self, a: NodeIndex, b: NodeIndex, edge: Edge) {
        self.graph.add_edge(a, b, edge);
    }

    /// Drops edges lighter than `min`, then nodes whose edges all went: an
    /// isolated node is clutter once the user has asked for strong ties.
    pub fn prune(&mut self, min: f64) {
        let before: Vec<bool> = self.graph.node_indices().map(|n| self.graph.neighbors_undirected(n).next().is_some()).collect();
        self.graph.retain_edges(|g, e| g[e].weight >= min);
        let keep: Vec<bool> = self
            .graph
            .node_indices()
            .map(|n| !before[n.index()] || self.graph.neighbors_undirected(n).next().is_some())
            .collect();
        self.graph.retain_nodes(|_, n| keep[n.index()]);
        self.reindex();
    }

    /// Keeps only the nodes for which `keep` holds (and their edges).
    pub fn retain_nodes(&mut self, keep: impl Fn(&Node) -> bool) {
        let flags: Vec<bool> = self.graph.node_indices().map(|n| keep(&self.graph[n])).collect();
        self.graph.retain_nodes(|_, n| flags[n.index()]);
        self.reindex();
    }

    fn reindex(&mut self) {
        self.nodes = self.graph.node_indices().map(|n| (self.graph[n].id.clone(), n)).collect();
        self.edges = self
            .graph
            .edge_indices()
            .filter_map(|e| self.graph.edge_endpoints(e).map(|(a, b)| ((a, b, self.graph[e].label.clone()), e)))
            .collect();
    }

    /// The same network with nodes sorted by IRI and edges by (source,
    /// target, label): metrics sum floating-point numbers in node order,
    /// so a fixed order is what makes the output byte-identical run to run.
    pub fn canonical(self) -> Network {
        let Network { directed, graph, .. } = self;
        let (nodes, edges) = graph.into_nodes_edges();
        let mut order: Vec<usize> = (0..nodes.len()).collect();
        order.sort_by(|&a, &b| nodes[a].weight.id.cmp(&nodes[b].weight.id));
        let mut rank = vec![0usize; nodes.len()];
        for (new, &old) in order.iter().enumerate() {
            rank[old] = new;
        }
        let mut slots: Vec<Option<Node>> = nodes.into_iter().map(|n| Some(n.weight)).collect();
        let mut out = Network::new(directed);
        for &old in &order {
            if let Some(node) = slots[old].take() {
                let id = node.id.clone();
                let ix = out.graph.add_node(node);
                out.nodes.insert(id, ix);
            }
        }
        let mut edges: Vec<(usize, usize, Edge)> =
            edges.into_iter().map(|e| (rank[e.source().index()], rank[e.target().index()], e.weight)).collect();
        edges.sort_by(|x, y| (x.0, x.1, &x.2.label).cmp(&(y.0, y.1, &y.2.label)));
        for (a, b, e) in edges {
            let ix = out.graph.add_edge(NodeIndex::new(a), NodeIndex::new(b), e);
            let label = out.graph[ix].label.clone();
            out.edges.insert((NodeIndex::new(a), NodeIndex::new(b), label), ix);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undirected_edges_merge_whichever_way_round() {
        let mut n = Network::new(false);
        let (a, b) = (n.node("b", "State", "B"), n.node("a", "State", "A"));
        n.edge(a, b, "x").weight += 1.0;
        n.edge(b, a, "x").weight += 1.0;
        assert_eq!(n.graph.edge_count(), 1);
        let c = n.canonical();
        assert_eq!(c.graph[NodeIndex::new(0)].id, "a");
        assert_eq!(c.graph.edge_weights().next().map(|e| e.weight), Some(2.0));
    }

    #[test]
    fn prune_drops_nodes_left_alone_but_keeps_those_alone_before() {
        let mut n = Network::new(true);
        let (a, b, c) = (n.node("a", "", ""), n.node("b", "", ""), n.node("c", "", ""));
        let _lonely = n.node("d", "", "");
        n.edge(a, b, "x").weight = 5.0;
        n.edge(b, c, "x").weight = 1.0;
        n.prune(2.0);
        let mut ids: Vec<&str> = n.graph.node_weights().map(|n| n.id.as_str()).collect();
        ids.sort();
        assert_eq!(ids, ["a", "b", "d"]);
        assert_eq!(n.graph.edge_count(), 1);
    }
}
