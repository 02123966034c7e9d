//! `unkg extract`: speech files in, N-Quads part files out, no store (the
//! map step; `unkg load` makes the store).

use crate::error::{Context, Diagnostic, Error, Result};
use crate::extract::Extractors;
use crate::map::{plan, read_speech, Job, Mapped, NQuadsWriter};
use crate::pipeline::Pipeline;
use crate::reference::Reference;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Speeches per part file at most...
const PART_SPEECHES: usize = 256;

/// ...and bytes of speech files per part, about (a part ends once its files
/// reach this many): parts are mapped in parallel, and a part's speeches
/// share its corpus-graph quads.
const PART_BYTES: u64 = 4 << 20;

/// Arguments of `unkg extract`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The folder to write `part-NNNNN.nq` files into (created if missing;
    /// it must hold no part files yet).
    #[arg(long)]
    pub output: PathBuf,
    /// Metadata tables to use besides those found beside the speeches
    /// (meta_speeches_*.tsv, meta_meetings_*.tsv, Speakers_by_session.csv).
    #[arg(long)]
    pub meta: Vec<PathBuf>,
    /// Refuse speech files larger than this (bytes, or with a K, M or G
    /// suffix); a refused file is an error that costs only that file.
    #[arg(long, value_name = "SIZE", default_value = "20M", value_parser = super::parse_size)]
    pub max_file_size: u64,
    /// Speech files, or folders searched for .txt files.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
}

/// What one part file holds.
#[derive(Default)]
struct PartReport {
    speeches: usize,
    quads: u64,
    bytes: u64,
    warnings: Vec<Diagnostic>,
    errors: Vec<Diagnostic>,
}

/// Writes the part files, prints every problem and the summary; exit code
/// 1 if a file could not be mapped (all others are written all the same).
pub fn run(args: Args) -> Result<i32> {
    let started = Instant::now();
    prepare(&args.output)?;
    let plan = plan(&args.paths, &args.meta);
    let reference = Reference::bundled();
    let extractors = Extractors::new(reference.gazetteer());
    let pipeline = Pipeline::new(&reference, &extractors);
    let parts = parts(&plan.jobs);
    let reports: Vec<PartReport> = parts
        .par_iter()
        .enumerate()
        .map(|(n, range)| {
            // The entries the plan could not take are told in the first part,
            // so that `unkg load` reports them too.
            let told = if n == 0 { plan.errors.as_slice() } else { &[] };
            write_part(&pipeline, &plan.jobs[range.clone()], told, &args.output, n, args.max_file_size)
        })
        .collect::<Result<_>>()?;
    let mut total = PartReport { errors: plan.errors, warnings: plan.warnings, ..PartReport::default() };
    for part in reports {
        total.speeches += part.speeches;
        total.quads += part.quads;
        total.bytes += part.bytes;
        total.warnings.extend(part.warnings);
        total.errors.extend(part.errors);
    }
    let summary = format!(
        "{} speeches from {} files, {} failed; {} quads in {} part files in {}; {} warnings, {} errors; {:.2} MB in {:.2} s",
        total.speeches,
        plan.files,
        total.errors.len(),
        total.quads,
        parts.len(),
        args.output.display(),
        total.warnings.len(),
        total.errors.len(),
        total.bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(super::finish(&total.warnings, &total.errors, &summary))
}

/// Makes the output folder; refuses one with part files already, which
/// `unkg load` would read with the new ones.
fn prepare(output: &Path) -> Result<()> {
    std::fs::create_dir_all(output).writing(output)?;
    for entry in std::fs::read_dir(output).at(output)? {
        let name = entry.at(output)?.file_name();
        if name.to_string_lossy().starts_with("part-") {
            return Err(Error::usage(format!(
                "{} holds part files already (from an earlier extract?): give a new or empty folder",
                output.display()
            )));
        }
    }
    Ok(())
}

/// Cuts the jobs into parts of at most [`PART_SPEECHES`] speeches and
/// about [`PART_BYTES`] bytes.
fn parts(jobs: &[Job]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, job) in jobs.iter().enumerate() {
        if i > start && (i - start >= PART_SPEECHES || bytes >= PART_BYTES) {
            out.push(start..i);
            (start, bytes) = (i, 0);
        }
        bytes += job.size;
    }
    if start < jobs.len() {
        out.push(start..jobs.len());
    }
    out
}

/// Maps `jobs` into `part-NNNNN.nq` of `dir` after the comments telling
/// `told`, written under a hidden name
/// and renamed when whole: an interrupted extract leaves no part that
/// `unkg load` would take for whole.
fn write_part(
    pipeline: &Pipeline<'_>,
    jobs: &[Job],
    told: &[Diagnostic],
    dir: &Path,
    n: usize,
    max_file_size: u64,
) -> Result<PartReport> {
    let path = dir.join(format!("part-{n:05}.nq"));
    let partial = dir.join(format!(".part-{n:05}.nq.partial"));
    let file = std::fs::File::create(&partial).writing(&partial)?;
    let mut writer = NQuadsWriter::new(std::io::BufWriter::new(file), &partial);
    for problem in told {
        writer.failed(problem)?;
    }
    let mut report = PartReport::default();
    for job in jobs {
        let bytes = match read_speech(&job.path, max_file_size) {
            Ok(bytes) => bytes,
            Err(e) => {
                let problem = Diagnostic::from_error(&job.path, e);
                writer.failed(&problem)?;
                report.errors.push(problem);
                continue;
            }
        };
        match writer.speech(pipeline, &job.path, &bytes, job.meta.clone())? {
            Mapped::Written { warnings, .. } => {
                report.speeches += 1;
                report.bytes += bytes.len() as u64;
                report.warnings.extend(warnings);
            }
            Mapped::Failed(problem) => report.errors.push(problem),
        }
    }
    report.quads = writer.quads();
    writer.finish()?.into_inner().map_err(|e| Error::output(&partial, e.into_error()))?.sync_all().writing(&partial)?;
    std::fs::rename(&partial, &path).writing(&path)?;
    Ok(report)
}
