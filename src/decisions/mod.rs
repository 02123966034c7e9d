//! Security Council decisions from `data/`: how each member voted on each
//! resolution, who sponsored it, which drafts were vetoed and by whom, and
//! the presidential statements made at each meeting; and the meetings
//! themselves, with their dates and topics.
//!
//! The tables are embedded like the gazetteers (see [`crate::gazetteer`])
//! and parsed once, into [`Decisions`], a part of
//! [`crate::reference::Reference`]; member names stay as the sources write
//! them and are linked to state keys by [`members`], through the directory
//! speakers are linked with. Each row remembers its line, so that a name that links to
//! no state is reported as `data/votes.csv:LINE`.

pub mod members;

use crate::gazetteer;
use crate::rdf::iri::symbol_slug;
use std::collections::HashMap;

const VOTES: &str = include_str!("../../data/votes.csv");
const VETOES: &str = include_str!("../../data/vetoes.csv");
const STATEMENTS: &str = include_str!("../../data/statements.csv");
const MEETINGS: &str = include_str!("../../data/meetings.csv");

/// Where a member stood in a vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Position {
    /// Voted for the draft.
    InFavour,
    /// Voted against it (a permanent member's vote against is a veto).
    Against,
    /// Abstained.
    Abstention,
    /// Did not take part in the vote.
    Absent,
}

impl Position {
    /// The words the canned queries and GraphML use.
    pub fn label(self) -> &'static str {
        match self {
            Position::InFavour => "in favour",
            Position::Against => "against",
            Position::Abstention => "abstention",
            Position::Absent => "absent",
        }
    }
}

/// The numbers of votes in favour, against and abstaining.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    /// Votes in favour.
    pub in_favour: u32,
    /// Votes against.
    pub against: u32,
    /// Abstentions.
    pub abstaining: u32,
}

/// How a resolution was adopted and voted on: one row of `data/votes.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolutionVote {
    /// Line in `data/votes.csv`.
    pub line: u64,
    /// The resolution's number ("2334").
    pub number: String,
    /// Symbol of the draft put to the vote ("S/2016/1100"), or "".
    pub draft: String,
    /// The agenda item, or "".
    pub agenda_item: String,
    /// `vote`, `written vote`, `without vote` or `acclamation`.
    pub adoption: String,
    /// The tally, where a vote was taken and the sources give it.
    pub tally: Option<Tally>,
    /// Members by position, names as the source writes them (2000 on).
    pub members: Vec<(Position, String)>,
    /// Sponsors of the draft, names as the source writes them.
    pub sponsors: Vec<String>,
}

/// One vetoed draft: one row of `data/vetoes.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Veto {
    /// Line in `data/vetoes.csv`.
    pub line: u64,
    /// Date of the vote, `YYYY-MM-DD`.
    pub date: String,
    /// Unique key of the draft, its IRI's last part: the symbol, or for a
    /// draft without one the meeting record and its place ("S/PV.57 draft 2").
    pub key: String,
    /// The draft's document symbol, or "" where the source has none.
    pub draft: String,
    /// The draft as the source writes it ("S/3713/Rev.1 (as amended)").
    pub draft_as_given: String,
    /// The meeting record(s) of the vote (for the 2020 videoconferences,
    /// the letters recording them).
    pub meetings: Vec<String>,
    /// The agenda item.
    pub agenda_item: String,
    /// The vetoing members, as the source writes them ("USSR", "USA").
    pub vetoed_by: Vec<String>,
}

/// A presidential statement: one row of `data/statements.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// Its symbol ("S/PRST/2020/1").
    pub symbol: String,
    /// The date of its meeting, or "".
    pub date: String,
    /// The meeting record at which it was made, or "".
    pub meeting: String,
}

/// A Security Council meeting: one row of `data/meetings.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    /// The symbol of its record ("S/PV.8699").
    pub symbol: String,
    /// Its date, `YYYY-MM-DD`, or "".
    pub date: String,
    /// Its topic, or "".
    pub topic: String,
}

/// Every decision table, parsed, with the lookups the RDF stage makes.
#[derive(Debug, Clone)]
pub struct Decisions {
    votes: Vec<ResolutionVote>,
    vetoes: Vec<Veto>,
    statements: Vec<Statement>,
    meetings: Vec<Meeting>,
    /// The symbol of each draft and statement the tables name, by its slug:
    /// the slug is what a speech's citation and the IRI share.
    documents: HashMap<String, String>,
    /// Index into `meetings` by the slug of the symbol; a symbol listed
    /// twice means its last row.
    meeting_by_slug: HashMap<String, usize>,
}

impl Decisions {
    /// The bundled tables. A malformed row panics: a build defect the unit
    /// tests catch, like a bad row of the gazetteers.
    pub fn bundled() -> Self {
        let votes = resolution_votes();
        let vetoes = vetoes();
        let statements = statements();
        let meetings = gazetteer::parse("meetings.csv", MEETINGS, |f| Meeting {
            symbol: f("meeting_record"),
            date: f("date"),
            topic: f("topic"),
        });
        let drafts = votes.iter().map(|r| r.draft.as_str());
        let vetoed = vetoes.iter().map(|v| v.draft.as_str());
        let stated = statements.iter().map(|s| s.symbol.as_str());
        let documents =
            drafts.chain(vetoed).chain(stated).filter(|s| !s.is_empty()).map(|s| (symbol_slug(s), s.to_owned())).collect();
        let meeting_by_slug = meetings.iter().enumerate().map(|(i, m)| (symbol_slug(&m.symbol), i)).collect();
        Decisions { votes, vetoes, statements, meetings, documents, meeting_by_slug }
    }

    /// Every row of `data/votes.csv`, in file order.
    pub fn resolution_votes(&self) -> &[ResolutionVote] {
        &self.votes
    }

    /// Every row of `data/vetoes.csv`, in file order (by date).
    pub fn vetoes(&self) -> &[Veto] {
        &self.vetoes
    }

    /// Every row of `data/statements.csv`, in file order.
    pub fn statements(&self) -> &[Statement] {
        &self.statements
    }

    /// Every row of `data/meetings.csv`, in file order.
    pub fn meetings(&self) -> &[Meeting] {
        &self.meetings
    }

    /// The symbol of the draft or presidential statement whose symbol has
    /// the slug `slug` ("S-PRST-2020-1"), if the tables name it.
    pub fn document_symbol(&self, slug: &str) -> Option<&str> {
        self.documents.get(slug).map(String::as_str)
    }

    /// The meeting whose record's symbol has the slug `slug` ("S-PV-8699").
    pub fn meeting(&self, slug: &str) -> Option<&Meeting> {
        self.meeting_by_slug.get(slug).map(|&i| &self.meetings[i])
    }
}

/// A `|`-separated list field.
fn list(field: &str) -> Vec<String> {
    field.split('|').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

/// A tally cell; an unreadable one is a build defect, like any bad row of
/// an embedded table.
fn number(field: &str) -> u32 {
    field.parse().unwrap_or_else(|_| panic!("data/votes.csv: expected a count, found {field:?}"))
}

/// Every row of `data/votes.csv`, in file order.
fn resolution_votes() -> Vec<ResolutionVote> {
    let rows = gazetteer::parse("votes.csv", VOTES, |f| {
        let tally = (!f("in_favour").is_empty()).then(|| Tally {
            in_favour: number(&f("in_favour")),
            against: number(&f("against")),
            abstaining: number(&f("abstaining")),
        });
        let mut members = Vec::new();
        for (column, position) in [
            ("members_in_favour", Position::InFavour),
            ("members_against", Position::Against),
            ("members_abstaining", Position::Abstention),
            ("members_absent", Position::Absent),
        ] {
            members.extend(list(&f(column)).into_iter().map(|name| (position, name)));
        }
        ResolutionVote {
            line: 0,
            number: f("number"),
            draft: f("draft"),
            agenda_item: f("agenda_item"),
            adoption: f("adoption"),
            tally,
            members,
            sponsors: list(&f("sponsors")),
        }
    });
    numbered(rows, |r, line| r.line = line)
}

/// Every row of `data/vetoes.csv`, in file order (by date).
fn vetoes() -> Vec<Veto> {
    let rows = gazetteer::parse("vetoes.csv", VETOES, |f| Veto {
        line: 0,
        date: f("date"),
        key: f("key"),
        draft: f("draft"),
        draft_as_given: f("draft_as_given"),
        meetings: list(&f("meeting_record")),
        agenda_item: f("agenda_item"),
        vetoed_by: list(&f("vetoed_by")),
    });
    numbered(rows, |r, line| r.line = line)
}

/// Every row of `data/statements.csv`, in file order.
fn statements() -> Vec<Statement> {
    gazetteer::parse("statements.csv", STATEMENTS, |f| Statement {
        symbol: f("symbol"),
        date: f("date"),
        meeting: f("meeting_record"),
    })
}

/// Gives each row its line: the header is line 1 and the tables hold no
/// line breaks inside fields (a test checks), so row i is line i + 2.
fn numbered<T>(mut rows: Vec<T>, set: impl Fn(&mut T, u64)) -> Vec<T> {
    for (i, row) in rows.iter_mut().enumerate() {
        set(row, i as u64 + 2);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decisions() -> &'static Decisions {
        crate::reference::Reference::for_tests().decisions()
    }

    #[test]
    fn rows_are_lines() {
        let d = decisions();
        for (name, text, rows) in [
            ("votes.csv", VOTES, d.resolution_votes().len()),
            ("vetoes.csv", VETOES, d.vetoes().len()),
            ("statements.csv", STATEMENTS, d.statements().len()),
        ] {
            assert_eq!(text.lines().count(), rows + 1, "data/{name} has a line break inside a field");
        }
    }

    #[test]
    fn resolution_2334_is_14_0_1_with_the_united_states_abstaining() {
        let r = decisions().resolution_votes().iter().find(|r| r.number == "2334").expect("2334");
        assert_eq!(r.tally, Some(Tally { in_favour: 14, against: 0, abstaining: 1 }));
        assert_eq!(r.draft, "S/2016/1100");
        let abstaining: Vec<&str> =
            r.members.iter().filter(|(p, _)| *p == Position::Abstention).map(|(_, n)| n.as_str()).collect();
        assert_eq!(abstaining, ["UNITED STATES"]);
        assert_eq!(r.members.len(), 15);
        assert!(r.sponsors.iter().any(|s| s == "NEW ZEALAND"));
    }

    #[test]
    fn vetoes_have_unique_keys_and_vetoing_members() {
        let d = decisions();
        let mut keys = std::collections::HashSet::new();
        for v in d.vetoes() {
            assert!(keys.insert(&v.key), "data/vetoes.csv:{}: key {} twice", v.line, v.key);
            assert!(!v.vetoed_by.is_empty(), "data/vetoes.csv:{}: no vetoing member", v.line);
            assert_eq!(v.date.len(), 10, "data/vetoes.csv:{}: date {:?}", v.line, v.date);
        }
        assert!(d.vetoes().len() >= 214);
        assert!(d.statements().iter().any(|s| s.symbol == "S/PRST/2020/1"));
    }
}
