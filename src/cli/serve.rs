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
    /// Longest a query may run, in seconds (at most a day).
    #[arg(long, value_name = "SECONDS", default_value = "30", value_parser = super::parse_seconds)]
    pub timeout: Duration,
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
    /// How many queries run at once (1 to 256), each in a worker process
    /// that is killed when its query passes a limit; more queries wait for
    /// a free one. Default: the number of cores.
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub query_workers: Option<u16>,
    /// Most requests answered at once (1 to 4096); more wait up to 2 s for
    /// a turn, then get 503. Up to 4 times as many connections may stay
    /// open waiting for a request.
    #[arg(long, default_value_t = 64, value_parser = clap::value_parser!(u16).range(1..=4096))]
    pub max_connections: u16,
    /// Accept SPARQL Update (opens the store for writing); without it every
    /// update gets 403.
    #[arg(long)]
    pub allow_update: bool,
}

/// Serves until the process is stopped.
pub fn run(args: Args) -> Result<i32> {
    serve(ServeOptions {
        store: args.store,
        bind: args.bind,
        base: args.base,
        timeout: args.timeout,
        max_body: args.max_body,
        max_result_bytes: args.max_result_bytes,
        max_query_memory: args.max_query_memory,
        query_workers: args
            .query_workers
            .map(usize::from)
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get))
            .max(1),
        max_connections: usize::from(args.max_connections),
        allow_update: args.allow_update,
    })?;
    Ok(0)
}
