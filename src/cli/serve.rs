//! `unkg serve`: a SPARQL endpoint and linked-data server over a store.

use crate::error::Result;
use crate::serve::{serve, ServeOptions, CANONICAL_BASE};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// Arguments of `unkg serve`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The store's folder.
    #[arg(long)]
    pub store: PathBuf,
    /// Address and port to listen on; loopback unless told otherwise.
    #[arg(long, default_value = "127.0.0.1:7878")]
    pub bind: SocketAddr,
    /// The public IRI the server's root stands for: `{base}id/...` resolves
    /// to `/id/...` here. Resource descriptions use it in place of the
    /// store's https://w3id.org/unkg/ so that their links resolve.
    #[arg(long, default_value = CANONICAL_BASE)]
    pub base: String,
    /// Longest a query may run, in seconds.
    #[arg(long, default_value_t = 30.0)]
    pub timeout: f64,
    /// Largest request body accepted, in bytes.
    #[arg(long, default_value_t = 1 << 20)]
    pub max_body: u64,
    /// Most connections served at once; more wait in the queue.
    #[arg(long, default_value_t = 64)]
    pub max_connections: usize,
    /// Accept SPARQL Update (opens the store for writing); without it every
    /// update gets 403.
    #[arg(long)]
    pub allow_update: bool,
}

/// Serves until the process is stopped.
pub fn run(args: Args) -> Result<i32> {
    if !(args.timeout > 0.0 && args.timeout.is_finite()) {
        return Err(crate::error::Error::Usage(format!("--timeout {}: give a positive number of seconds", args.timeout)));
    }
    serve(ServeOptions {
        store: args.store,
        bind: args.bind,
        base: args.base,
        timeout: Duration::from_secs_f64(args.timeout),
        max_body: args.max_body,
        max_connections: args.max_connections,
        allow_update: args.allow_update,
    })?;
    Ok(0)
}
