//! `unkg push`: copy the store's named graphs to a Graph Store Protocol endpoint.

use crate::error::{Error, Result};
use crate::push::{push, redact, Credentials, PASSWORD_VAR};
use crate::store::KgStore;
use std::path::PathBuf;
use std::time::Duration;

/// Arguments of `unkg push`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The store's folder.
    #[arg(long)]
    pub store: PathBuf,
    /// The SPARQL 1.1 Graph Store Protocol endpoint, e.g.
    /// http://localhost:7878/store for `oxigraph serve`.
    #[arg(long)]
    pub endpoint: String,
    /// Only this named graph (repeatable); all of them by default.
    #[arg(long)]
    pub graph: Vec<String>,
    /// Longest the endpoint may stay silent (connecting, or one read or
    /// write of a graph's transfer), in seconds, 1 to 86400.
    #[arg(long, default_value_t = 300, value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub timeout: u64,
    /// Authenticate as this user (HTTP Basic); the password is read from
    /// the environment variable UNKG_PUSH_PASSWORD, never from the command
    /// line or the URL.
    #[arg(long)]
    pub user: Option<String>,
    /// No line per graph.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Pushes; prints one line per graph and a summary.
pub fn run(args: Args) -> Result<i32> {
    let store = KgStore::open_read_only(&args.store)?;
    let quiet = args.quiet;
    let credentials = match &args.user {
        None => None,
        Some(user) => match std::env::var(PASSWORD_VAR) {
            Ok(password) => Some(Credentials::new(user.clone(), password)),
            Err(_) => return Err(Error::usage(format!("--user {user}: set the password in the environment variable {PASSWORD_VAR}"))),
        },
    };
    let timeout = Duration::from_secs(args.timeout);
    let report = push(&store, &args.endpoint, &args.graph, timeout, credentials.as_ref(), |g, n| {
        if !quiet {
            eprintln!("{g}: {n} triples");
        }
    })?;
    eprintln!("pushed {} graphs, {} triples to {}", report.graphs, report.triples, redact(&args.endpoint).0);
    Ok(0)
}
