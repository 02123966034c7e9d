//! The Council's decisions as the `citations` view needs them: how each
//! state voted on each resolution or vetoed draft, and which it sponsored,
//! so that an edge from a state to what it cites says how it voted.

use super::model::Value;
use super::source::{local_name, Source};
use crate::error::Result;
use crate::rdf::vocab::council;
use oxigraph::model::Term;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Votes and sponsorships by (decision IRI, state IRI).
#[derive(Debug, Default)]
pub struct Decisions {
    votes: HashMap<(String, String), String>,
    sponsors: HashSet<(String, String)>,
}

impl Decisions {
    /// Reads every vote and sponsor of the store.
    pub fn read(src: &Source) -> Result<Decisions> {
        let mut out = Decisions::default();
        let query = format!(
            "SELECT DISTINCT ?d ?s ?p WHERE {{ ?v {} ?d ; {} ?s ; {} ?p }}",
            council::ON_DECISION,
            council::VOTER,
            council::POSITION
        );
        src.select(&query, &["d", "s", "p"], |row| {
            if let [Some(Term::NamedNode(d)), Some(Term::NamedNode(s)), Some(Term::NamedNode(p))] = row {
                out.votes.insert((d.as_str().to_owned(), s.as_str().to_owned()), position_label(local_name(p.as_str())).to_owned());
            }
        })?;
        src.scan(council::SPONSOR, |d, s| {
            if let Term::NamedNode(s) = s {
                out.sponsors.insert((d.to_owned(), s.as_str().to_owned()));
            }
        })?;
        Ok(out)
    }

    /// The attributes of an edge from `state` to the `cited` decision:
    /// `vote` (in favour, against, abstention, absent, or none where the
    /// store records no vote of that state) and `sponsor`.
    pub fn edge_attributes(&self, state: &str, cited: &str) -> BTreeMap<String, Value> {
        let key = (cited.to_owned(), state.to_owned());
        let vote = self.votes.get(&key).cloned().unwrap_or_else(|| "none".to_owned());
        BTreeMap::from([("vote".to_owned(), Value::Str(vote)), ("sponsor".to_owned(), Value::Bool(self.sponsors.contains(&key)))])
    }
}

/// The words for a position individual (as its skos:prefLabel says).
fn position_label(local: &str) -> &'static str {
    use crate::decisions::Position;
    let position = match local {
        council::local::IN_FAVOUR => Position::InFavour,
        council::local::AGAINST => Position::Against,
        council::local::ABSTENTION => Position::Abstention,
        _ => Position::Absent,
    };
    position.label()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edge_says_how_the_state_voted_and_whether_it_sponsored() {
        let mut d = Decisions::default();
        d.votes.insert(("r".into(), "s".into()), "abstention".into());
        d.sponsors.insert(("r".into(), "t".into()));
        assert_eq!(d.edge_attributes("s", "r")["vote"], Value::Str("abstention".into()));
        assert_eq!(d.edge_attributes("s", "r")["sponsor"], Value::Bool(false));
        assert_eq!(d.edge_attributes("t", "r")["vote"], Value::Str("none".into()));
        assert_eq!(d.edge_attributes("t", "r")["sponsor"], Value::Bool(true));
        assert_eq!(position_label(council::local::IN_FAVOUR), "in favour");
    }
}
