//! `unkg validate`: does the store satisfy the SHACL shapes?

use crate::error::{Context, Result};
use crate::store::KgStore;
use crate::validate::{validate, SHAPES_TTL};
use std::path::PathBuf;

/// How the report is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// One line per violation and a summary.
    Text,
    /// The report as JSON.
    Json,
    /// A SHACL validation report in Turtle.
    Turtle,
}

/// Arguments of `unkg validate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The store's folder.
    #[arg(long)]
    pub store: PathBuf,
    /// Shapes to use instead of unkg's own (ontology/shapes.ttl), in Turtle.
    #[arg(long)]
    pub shapes: Option<PathBuf>,
    /// The report's format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ReportFormat,
}

/// Validates; exit code 0 when the store conforms, 1 when it does not.
pub fn run(args: Args) -> Result<i32> {
    let (ttl, origin) = match &args.shapes {
        Some(p) => (std::fs::read_to_string(p).at(p)?, p.display().to_string()),
        None => (SHAPES_TTL.to_owned(), "ontology/shapes.ttl".to_owned()),
    };
    let store = KgStore::open_read_only(&args.store)?;
    let report = validate(&store, &ttl, &origin)?;
    match args.format {
        ReportFormat::Json => {
            println!("{}", serde_json::to_string_pretty(&report)?);
        }
        ReportFormat::Turtle => print!("{}", report.to_turtle()),
        ReportFormat::Text => {
            for v in &report.violations {
                let value = v.value.as_deref().map(|x| format!(" (value {x})")).unwrap_or_default();
                println!("{}: <{}>: {}{value}", v.shape, v.focus, v.message);
            }
            let verdict = if report.conforms { "conforms" } else { "does not conform" };
            eprintln!(
                "{}: {verdict}: {} violation{} of {} constraints in {} shapes ({origin})",
                args.store.display(),
                report.violations.len(),
                if report.violations.len() == 1 { "" } else { "s" },
                report.constraints,
                report.shapes
            );
        }
    }
    Ok(if report.conforms { 0 } else { 1 })
}
