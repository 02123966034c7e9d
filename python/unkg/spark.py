"""unkg's map step on Spark: speech files to N-Quads part files on any
cluster, then ``unkg load`` makes the store.

    python -m unkg.spark --input data/speeches --output nq [--master local[2]]
    unkg load --store store nq

or, from a Spark program, :func:`extract`. The driver finds the speech
files and their metadata tables as ``unkg build`` does (:func:`unkg.plan`)
and broadcasts the tables' bytes; each partition builds one
:class:`unkg.Pipeline` over them and maps its speeches with one mapper into
one part file (what its speeches share written once), in ``mapPartitions``.
A speech that is no speech (binary, empty, over ``--max-file-size``,
unreadable) fails alone: its ``# unkg error: path:line: reason`` comment is
in the part file it would have been in (``unkg load`` reports it), and the
driver prints it and exits 1; the job itself goes on.

Executors read the speech files by path, so the paths must be readable from
every executor (local mode, or a file system all nodes mount), and every
executor needs this package installed (``pip install .``, or the wheel).
"""

import argparse
import os
import sys
import time

from pyspark.accumulators import AccumulatorParam

from . import MAX_FILE_SIZE

__all__ = ["extract", "main"]


class _Problems(AccumulatorParam):
    """Errors and warnings of the map step, gathered from the executors as
    ``(kind, message)`` pairs."""

    def zero(self, value):
        return []

    def addInPlace(self, a, b):
        a.extend(b)
        return a


def _map_partition(jobs, tables, max_file_size, problems, speeches, cpu):
    """Maps one partition's ``(name, path)`` jobs; yields each speech's
    N-Quads."""
    import unkg

    started = time.process_time()
    pipeline = unkg.Pipeline(metadata=tables, max_file_size=max_file_size)
    mapper = pipeline.mapper()
    found, mapped = [], 0
    for name, path in jobs:
        try:
            text, warnings, error = mapper.map_file(path, name)
        except Exception as e:  # a failure of unkg itself: still this record's alone
            error, warnings = f"{name}: {e}".replace("\n", " "), []
            text = f"# unkg error: {error}\n"
        found.extend(("warning", w) for w in warnings)
        if error is None:
            mapped += 1
        else:
            found.append(("error", error))
        # A speech's lines as one record (saveAsTextFile ends each with a
        # line break): a record per line costs the Python-to-JVM pipe most
        # of the job's time.
        if text:
            yield text[:-1] if text.endswith("\n") else text
    problems.add(found)
    speeches.add(mapped)
    # The worker's own processor time: what the map step costs per core,
    # whatever else the machine runs.
    cpu.add(time.process_time() - started)


def extract(spark, inputs, output, meta=(), partitions=None, max_file_size=MAX_FILE_SIZE):
    """Maps the speech files at or below ``inputs`` (files, or folders
    searched for ``.txt`` files) into N-Quads part files in the new folder
    ``output``, with the metadata tables ``meta`` and those found beside the
    speeches. ``partitions``: how many part files (by default Spark's
    default parallelism: one per core). Returns a dict: ``files``,
    ``speeches`` (mapped), ``errors`` and ``warnings`` (messages
    ``path:line: what``), ``partitions``, ``seconds`` (the job's, with the
    plan; not the Spark session's start), ``cpu_seconds`` (the processor
    time of the map step in the Python workers, all partitions together)."""
    import unkg

    started = time.monotonic()
    sc = spark.sparkContext
    plan = unkg.plan([os.fspath(p) for p in inputs], [os.fspath(m) for m in meta])
    tables = []
    for table in plan["tables"]:
        with open(table, "rb") as f:
            tables.append((os.path.basename(table), f.read()))
    tables = sc.broadcast(tables)
    problems = sc.accumulator([], _Problems())
    speeches = sc.accumulator(0)
    cpu = sc.accumulator(0.0)
    # A speech is named by its path as found (its unkg:sourcePath, as in a
    # build of the same inputs) and read by its absolute path.
    jobs = [(f, os.path.abspath(f)) for f in plan["files"]]
    slices = partitions or sc.defaultParallelism
    slices = max(1, min(slices, len(jobs)))
    (
        sc.parallelize(jobs, slices)
        .mapPartitions(lambda part: _map_partition(part, tables.value, max_file_size, problems, speeches, cpu))
        .saveAsTextFile(os.fspath(output))
    )
    errors = plan["errors"] + sorted(m for kind, m in problems.value if kind == "error")
    warnings = plan["warnings"] + sorted(m for kind, m in problems.value if kind == "warning")
    return {
        "files": len(plan["files"]) + len(plan["errors"]),
        "speeches": speeches.value,
        "errors": errors,
        "warnings": warnings,
        "partitions": slices,
        "seconds": time.monotonic() - started,
        "cpu_seconds": cpu.value,
    }


def _size(text):
    units = {"K": 10, "M": 20, "G": 30}
    text = text.strip()
    if text and text[-1].upper() in units:
        return int(text[:-1]) << units[text[-1].upper()]
    return int(text)


def main(argv=None):
    """``python -m unkg.spark``: prints every problem and a summary; exit
    code 1 if a speech could not be mapped, as ``unkg extract``."""
    parser = argparse.ArgumentParser(prog="python -m unkg.spark", description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", nargs="+", required=True, help="speech files, or folders searched for .txt files")
    parser.add_argument("--output", required=True, help="the new folder for the N-Quads part files")
    parser.add_argument("--meta", nargs="*", default=[], help="metadata tables besides those found beside the speeches")
    parser.add_argument("--master", help="Spark master (local[2], spark://...); by default spark-submit's or local[*]")
    parser.add_argument("--partitions", type=int, help="part files to write (default: one per core)")
    parser.add_argument("--max-file-size", type=_size, default=MAX_FILE_SIZE, help="refuse larger speech files (20M)")
    args = parser.parse_args(argv)

    # Local workers run the driver's Python, which has unkg installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    # No progress bar: it shares standard error with the report.
    builder = SparkSession.builder.appName("unkg extract").config("spark.ui.showConsoleProgress", "false")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    try:
        report = extract(spark, args.input, args.output, args.meta, args.partitions, args.max_file_size)
    finally:
        spark.stop()
    for w in report["warnings"]:
        print(f"warning: {w}", file=sys.stderr)
    for e in report["errors"]:
        print(f"error: {e}", file=sys.stderr)
    print(
        f"{report['speeches']} speeches from {report['files']} files, {len(report['errors'])} failed; "
        f"{report['partitions']} part files in {args.output}; {len(report['warnings'])} warnings, "
        f"{len(report['errors'])} errors; {report['cpu_seconds']:.2f} s of CPU in the map step; {report['seconds']:.2f} s",
        file=sys.stderr,
    )
    return 1 if report["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
