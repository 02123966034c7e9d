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
    /// Largest query answer sent (K, M, G suffixes); a larger one gets 422.
    #[arg(long, value_name = "SIZE", default_value = "256M", value_parser = super::parse_size)]
    pub max_result_bytes: u64,
    /// Most memory a query may take (K, M, G suffixes); its worker is
    /// stopped past it and the client gets 422.
    #[arg(long, value_name = "SIZE", default_value = "2G", value_parser = super::parse_size)]
    pub max_query_memory: u64,
    /// How many queries run at once, each in a worker process that is killed
    /// when its query passes a limit; more queries wait for a free one.
    /// Default: the number of cores.
    #[arg(long)]
    pub query_workers: Option<usize>,
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
        return Err(crate::error::Error::usage(format!("--timeout {}: give a positive number of seconds", args.timeout)));
    }
    serve(ServeOptions {
        store: args.store,
        bind: args.bind,
        base: args.base,
        timeout: Duration::from_secs_f64(args.timeout),
        max_body: args.max_body,
        max_result_bytes: args.max_result_bytes,
        max_query_memory: args.max_query_memory,
        query_workers: args
            .query_workers
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get))
            .max(1),
        max_connections: args.max_connections,
        allow_update: args.allow_update,
    })?;
    Ok(0)
}
