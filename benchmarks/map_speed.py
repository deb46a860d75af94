"""Speed of `claimcheck map` (pipeline.map_corpus) over the first N articles of a benchmark corpus.

Not a test: it prints figures. Each size runs in its own process; the store is built (or synced)
first and not timed, so the figures are the map's own work: every article verified against the
others (pipeline.verify_articles), then the clusters and figure groups.

    python benchmarks/build_corpus.py 1000                   # once: /tmp/claimcheck-bench/corpus-1000
    python benchmarks/map_speed.py 100 200 1000              # subsets in /tmp/claimcheck-map-bench
    python benchmarks/map_speed.py 100 --profile map-100.prof --json map-100.json
    python benchmarks/map_speed.py 10000 --cluster local:2 --resume   # stop it and run it again: it resumes

A size N below the source corpus's size takes its first N articles (by file name), copied into
ROOT/corpus-N/; its store is ROOT/store-N/. Wall and CPU seconds (this process and its finished
children) are printed side by side: on a shared machine the CPU figure moves less.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

DEFAULT_SOURCE = Path("/tmp/claimcheck-bench/corpus-1000")
DEFAULT_ROOT = Path("/tmp/claimcheck-map-bench")


def _cpu_seconds() -> float:
    """CPU seconds of this process, its finished children and (Linux) its live descendants, such as Dask workers."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime + _live_descendants_cpu(os.getpid())


def _live_descendants_cpu(pid: int) -> float:
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total = 0.0
    children: list[str] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):  # a process started by any thread (Dask starts its workers from one)
        try:
            children += (task / "children").read_text().split()
        except OSError:
            continue
    for child in children:
        try:
            fields = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(value) for value in fields[11:15]) / ticks  # utime, stime, cutime, cstime
        total += _live_descendants_cpu(int(child))
    return total


def _subset(source: Path, root: Path, size: int) -> Path:
    """ROOT/corpus-N holding the first N article files of source (the source itself when it has N)."""
    files = sorted(path for path in source.rglob("*") if path.is_file() and ".claimcheck" not in path.parts)
    if len(files) == size:
        return source
    if len(files) < size:
        raise SystemExit(f"map_speed: {source} holds {len(files)} articles, fewer than {size}")
    target = root / f"corpus-{size}"
    wanted = {path.relative_to(source) for path in files[:size]}
    present = {p.relative_to(target) for p in target.rglob("*") if p.is_file()} if target.exists() else set()
    if present != wanted:
        shutil.rmtree(target, ignore_errors=True)
        for relative in sorted(wanted):
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source / relative, target / relative)
    return target


def measure(source: Path, root: Path, size: int, jobs: int, profile: str | None, json_out: str | None,
            fingerprint: str | None = None, sample: int = 0, cluster: str | None = None,
            resume: bool = False, reverse: bool = False) -> dict[str, Any]:
    import claimcheck.indexing
    from claimcheck.extract import load_pipeline
    from claimcheck.indexing import load_stored_corpus
    from claimcheck.pipeline import map_corpus, verify_articles
    from claimcheck.report.claim_map import render_map
    from claimcheck.saved_checks import SavedChecks

    real_fingerprint = claimcheck.indexing.extractor_fingerprint
    if fingerprint:
        # A store made by benchmarks/speed.py (copied into ROOT) holds its pinned fingerprint: keep it warm.
        claimcheck.indexing.extractor_fingerprint = lambda: fingerprint  # type: ignore[assignment]
    corpus_dir = _subset(source, root, size)
    nlp = load_pipeline()
    nlp("Warm up the pipeline once.")
    started = time.perf_counter()
    corpus, result = load_stored_corpus([str(corpus_dir)], root / f"store-{size}", nlp=nlp, jobs=jobs)
    index_seconds = time.perf_counter() - started
    # Synced: the real one again, which a cluster's workers report and pickle by name.
    claimcheck.indexing.extractor_fingerprint = real_fingerprint  # type: ignore[assignment]
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
    started, cpu_started = time.perf_counter(), _cpu_seconds()
    if profiler:
        profiler.enable()
    saved = SavedChecks.of(corpus, min_relevance=0.5, use_model=True) if resume else None
    running = _running_file(root, size, reverse)
    inputs = [str(corpus_dir)]
    if reverse:  # the same map, its articles taken from the other end (a second process beside a resumable map)
        inputs = [str(p) for p in sorted(p for p in corpus_dir.rglob("*") if p.is_file() and ".claimcheck" not in p.parts)]
        inputs.reverse()

    def heartbeat(_: str, done: int, total: int) -> None:
        # A resumable run that is killed leaves its last heartbeat, logged by the next run as an interrupted run.
        if resume and (done % 50 == 0 or done == total):
            running.write_text(json.dumps({
                "corpus_articles": total, "articles": done, "reused": saved.reused if saved else 0,
                "seconds": time.perf_counter() - started, "cpu_seconds": _cpu_seconds() - cpu_started,
                "interrupted": True,
            }), encoding="utf-8")
    if sample:
        # The map's own work for `sample` of its articles: each checked against the whole corpus, as
        # map_corpus checks every one (the clustering after it is linear in the evidence and cheap).
        files = sorted(p for p in corpus_dir.rglob("*") if p.is_file() and ".claimcheck" not in p.parts)[:sample]
        report = verify_articles([str(p) for p in files], corpus, nlp=nlp, jobs=jobs)
    elif cluster:
        from claimcheck.distributed import map_corpus_on_cluster, open_cluster

        with open_cluster(cluster) as opened:
            claim_map = map_corpus_on_cluster(opened, inputs, corpus, saved=saved, on_progress=heartbeat)
    else:
        claim_map = map_corpus(inputs, corpus, nlp=nlp, jobs=jobs, saved=saved, on_progress=heartbeat)
    if profiler:
        profiler.disable()
        profiler.dump_stats(profile)
    seconds, cpu_seconds = time.perf_counter() - started, _cpu_seconds() - cpu_started
    if sample:
        articles, claims, clusters = sample, len(report.verdicts), None
    else:
        if json_out:
            Path(json_out).write_text(render_map(claim_map, "json", color=False), encoding="utf-8")
        articles, claims, clusters = claim_map.corpus.sources, sum(len(c.members) for c in claim_map.clusters), \
            len(claim_map.clusters)
    return {
        "corpus_articles": corpus.info().sources,
        "articles": articles,
        "claims": claims,
        "clusters": clusters,
        "index_seconds": index_seconds,
        "indexed_now": len(result.extracted),
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "ms_per_article": 1000 * seconds / max(articles, 1),
        "cpu_ms_per_article": 1000 * cpu_seconds / max(articles, 1),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "jobs": jobs,
        "cluster": cluster,
        "reused": saved.reused if saved is not None else 0,
        "reverse": reverse,
    }


def _running_file(root: Path, size: int, reverse: bool) -> Path:
    return root / f"map-run-{size}{'-reverse' if reverse else ''}.running.json"


def _print_resumed(log: Path, figures: dict[str, Any]) -> None:
    """Log this run of a resumable map and print the totals of every run logged (delete the log to count
    afresh). Runs side by side (--reverse) each count their own wall time."""
    with log.open("a", encoding="utf-8") as out:
        out.write(json.dumps(figures) + "\n")
    runs = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines() if line.strip()]
    seconds, cpu = sum(run["seconds"] for run in runs), sum(run["cpu_seconds"] for run in runs)
    print(f"resumable map: this run reused {figures['reused']:,} articles' verdicts and checked "
          f"{figures['articles'] - figures['reused']:,}; {len(runs)} run(s) logged: "
          f"{seconds:.0f} s wall, {cpu:.0f} s CPU in all ({1000 * seconds / max(figures['articles'], 1):.0f} ms / "
          f"{1000 * cpu / max(figures['articles'], 1):.0f} ms CPU an article)", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="+", type=int)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="the benchmark corpus to take articles from")
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="where the subsets and their stores go")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--profile", help="write cProfile stats here (one size only)")
    parser.add_argument("--json", dest="json_out", help="write the map as JSON here (one size only)")
    parser.add_argument("--fingerprint", help="pin the store fingerprint (speed.py's stores use 'speed-benchmark')")
    parser.add_argument("--sample", type=int, default=0, metavar="K",
                        help="check only the first K articles against the whole corpus (a map's cost per article "
                             "at that size, for sizes whose whole map takes too long here); prints the projection")
    parser.add_argument("--cluster", help="check the articles on a Dask cluster (local:2: two worker processes here)")
    parser.add_argument("--resume", action="store_true",
                        help="keep each article's verdicts in the store and reuse those an earlier run kept (as the "
                             "CLI's map does); every run is logged to ROOT/map-runs-N.jsonl and the totals printed")
    parser.add_argument("--reverse", action="store_true",
                        help="with --resume: check the articles last to first, so that a second process started beside "
                             "a resumable map takes them from the other end (each skips what the other has kept)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        figures = measure(args.source, args.root, args.sizes[0], args.jobs, args.profile, args.json_out, args.fingerprint,
                          args.sample, args.cluster, args.resume, args.reverse)
        print(json.dumps(figures))
        return
    args.root.mkdir(parents=True, exist_ok=True)
    for size in args.sizes:
        command = [sys.executable, __file__, "--child", "--source", str(args.source), "--root", str(args.root),
                   "--jobs", str(args.jobs), str(size)]
        if args.profile:
            command += ["--profile", args.profile]
        if args.json_out:
            command += ["--json", args.json_out]
        if args.fingerprint:
            command += ["--fingerprint", args.fingerprint]
        if args.sample:
            command += ["--sample", str(args.sample)]
        if args.cluster:
            command += ["--cluster", args.cluster]
        if args.resume:
            command += ["--resume"]
        if args.reverse:
            command += ["--reverse"]
        load = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else []
        interrupted = _running_file(args.root, size, args.reverse)
        if args.resume and interrupted.exists():  # the last run was killed: its time counts too
            with (args.root / f"map-runs-{size}.jsonl").open("a", encoding="utf-8") as log:
                log.write(interrupted.read_text(encoding="utf-8").strip() + "\n")
            interrupted.unlink()
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        figures = json.loads(output.strip().splitlines()[-1])
        (args.root / f"result-map-{size}.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
        if args.resume:
            _running_file(args.root, size, args.reverse).unlink(missing_ok=True)
            _print_resumed(args.root / f"map-runs-{size}.jsonl", figures)
        if args.sample:
            per_article = figures["seconds"] / figures["articles"]
            cpu_per_article = figures["cpu_seconds"] / figures["articles"]
            print(f"map of {figures['corpus_articles']:,} articles, sampled: {figures['articles']} articles "
                  f"({figures['claims']:,} claims) checked against all of them in {figures['seconds']:.1f} s wall, "
                  f"{figures['cpu_seconds']:.1f} s CPU ({1000 * per_article:.0f} ms / {1000 * cpu_per_article:.0f} ms "
                  f"CPU an article); whole map projected at {per_article * figures['corpus_articles']:.0f} s wall, "
                  f"{cpu_per_article * figures['corpus_articles']:.0f} s CPU; --jobs {args.jobs}, load before "
                  f"{' '.join(load)}", flush=True)
            continue
        print(f"map {figures['articles']:,} articles, {figures['claims']:,} claims, {figures['clusters']:,} clusters: "
              f"{figures['seconds']:.1f} s wall, {figures['cpu_seconds']:.1f} s CPU "
              f"({figures['ms_per_article']:.0f} ms / {figures['cpu_ms_per_article']:.0f} ms CPU an article), "
              f"--jobs {args.jobs}, peak RSS {figures['peak_rss_mb']:.0f} MB, load before {' '.join(load)}"
              + (f"; store built first in {figures['index_seconds']:.0f} s" if figures["indexed_now"] else ""),
              flush=True)


if __name__ == "__main__":
    main()
