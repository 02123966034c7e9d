//! `unkg query`: SPARQL from a file or the command line.

use crate::error::{Context, Error, Result};
use crate::query::{run as run_query, Format, QueryError};
use crate::store::KgStore;
use std::path::PathBuf;

/// Arguments of `unkg query`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The store's folder.
    #[arg(long)]
    pub store: PathBuf,
    /// Output format: table, csv, tsv, json, xml for SELECT and ASK;
    /// turtle, ntriples, jsonld for CONSTRUCT and DESCRIBE.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// The query itself, instead of a file.
    #[arg(short = 'e', long = "expr", conflicts_with = "file")]
    pub expr: Option<String>,
    /// A file holding the query (`-` for standard input).
    #[arg(required_unless_present = "expr")]
    pub file: Option<PathBuf>,
    /// After the answer, print to standard error the plan oxigraph
    /// evaluated, with the rows and time of each step.
    #[arg(long)]
    pub explain: bool,
}

/// Runs the query and prints the answer.
pub fn run(args: Args) -> Result<i32> {
    let (query, origin) = match (&args.expr, &args.file) {
        (Some(q), _) => (q.clone(), "-e".to_owned()),
        (None, Some(p)) if p.as_os_str() == "-" => {
            let mut q = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut q).at("<stdin>")?;
            (q, "<stdin>".to_owned())
        }
        (None, Some(p)) => (std::fs::read_to_string(p).at(p)?, p.display().to_string()),
        (None, None) => return Err(Error::usage("give a query file or -e QUERY")),
    };
    // Refused before parsing, which is where deep nesting would overflow.
    crate::query::guard::check_nesting(&query).map_err(|e| QueryError::new(&origin, &e))?;
    let plan = crate::query::guard::on_query_stack(|| -> Result<Option<String>> {
        let store = KgStore::open_read_only(&args.store)?;
        let mut out = super::output(None)?;
        let plan = run_query(&store, &query, &origin, args.format, args.explain, &mut out)?;
        out.flush().writing("<stdout>")?;
        Ok(plan)
    })
    .map_err(|e| QueryError::new(&origin, &e))??;
    if let Some(plan) = plan {
        eprintln!("{plan}");
    }
    Ok(0)
}

use std::io::Write;
