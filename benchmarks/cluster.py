"""Local processes (--jobs N) against a Dask cluster of as many workers (--cluster local:N), same run.

    python benchmarks/build_corpus.py 200 --out /tmp/dask-bench        # once, outside the repository
    python benchmarks/cluster.py 200 --root /tmp/dask-bench [--workers 2] [--drafts 10] [--fts 1000 10000]

Runs the claimcheck command as a user does (interpreter start and model loading included), taking
turns: index the corpus into a fresh store with --jobs N, then with --cluster local:N; verify the
first --drafts new articles of batch-SIZE/ against it both ways. Prints wall time, CPU seconds (every
process, children included) per article, words a second, the store's size per article, the
jobs/cluster throughput ratios, and whether the stores and the reports are the same (they must be).

--fts SIZES also times FTS retrieval (CorpusStore.candidates, 200 candidates for a sentence's terms) on
SYNTHETIC stores of that many articles, filled without spaCy by copying the indexed corpus's articles
under new names: the posting lists grow as in a corpus of repeated stories, not one of new ones.
Figures are saved to ROOT/result-cluster-SIZE.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
CLAIMCHECK = str(Path(sys.executable).with_name("claimcheck"))


def _cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(arguments: list[str]) -> dict[str, Any]:
    """One claimcheck command: wall and CPU seconds (its processes included), exit code, output."""
    cpu, started = _cpu_children(), time.perf_counter()
    done = subprocess.run([CLAIMCHECK, *arguments], capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
    wall = time.perf_counter() - started
    if done.returncode not in (0, 3):
        sys.exit(f"claimcheck {' '.join(arguments)} failed ({done.returncode}): {done.stderr[-2000:]}")
    return {"wall_s": round(wall, 2), "cpu_s": round(_cpu_children() - cpu, 2), "stdout": done.stdout, "stderr": done.stderr}


def store_contents(path: Path) -> list[Any]:
    from claimcheck.store import CorpusStore

    with CorpusStore.open(path) as store:
        return [
            [article.model_dump() for article in store.articles()],
            [statement.model_dump() for statement in store.statements()],
            store.cached_origins(),
            sorted(store.copy_keys()),
        ]


def words_in(folder: Path) -> int:
    return sum(len(path.read_text(encoding="utf-8").split()) for path in folder.rglob("*.txt"))


def fts_latency(source_store: Path, sizes: list[int], work: Path, queries: int = 50) -> dict[str, Any]:
    """Median and 90th-percentile time of one candidates() call on synthetic stores of each size."""
    from claimcheck.store import CorpusStore

    with CorpusStore.open(source_store) as source:
        articles = source.articles()
        statements = {article.source: list(source.statements(article.source)) for article in articles}
    rng = random.Random(7)
    probes = rng.sample([s for found in statements.values() for s in found if len(s.core_terms) >= 4], queries)
    figures: dict[str, Any] = {}
    for size in sizes:
        path = work / f"synthetic-{size}"
        shutil.rmtree(path, ignore_errors=True)
        started = time.perf_counter()
        with CorpusStore.open(path) as store:
            for number in range(size):
                article = articles[number % len(articles)]
                name = f"synthetic/{number:07d}-{Path(article.source).name}"
                text = f"{article.text}\n(copy {number})\n"
                copy = article.model_copy(update={"source": name, "text": text, "content_hash": f"{number:016x}"})
                store.put(copy, [s.model_copy(update={"source": name}) for s in statements[article.source]])
        filled = time.perf_counter() - started
        with CorpusStore.open(path) as store:
            times = []
            for probe in probes:
                begun = time.perf_counter()
                store.candidates(list(probe.core_terms or probe.terms), exclude_source=None)
                times.append(time.perf_counter() - begun)
            size_mb = (path / "corpus.sqlite3").stat().st_size / 1e6 if (path / "corpus.sqlite3").exists() else None
        times.sort()
        figures[str(size)] = {
            "synthetic": True, "fill_s": round(filled, 1), "store_mb": size_mb,
            "median_ms": round(statistics.median(times) * 1000, 1), "p90_ms": round(times[int(0.9 * len(times))] * 1000, 1),
        }
        print(f"  FTS candidates at {size:,} synthetic articles: median {figures[str(size)]['median_ms']} ms, "
              f"p90 {figures[str(size)]['p90_ms']} ms ({queries} sentences' terms; store filled in {filled:.0f} s)")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("size", type=int, nargs="?", default=200)
    parser.add_argument("--root", type=Path, default=Path("/tmp/dask-bench"))
    parser.add_argument("--workers", type=int, default=2, help="--jobs N and --cluster local:N")
    parser.add_argument("--drafts", type=int, default=10, help="new articles to verify (from batch-SIZE/)")
    parser.add_argument("--fts", type=int, nargs="*", default=[], help="synthetic store sizes for the FTS latency")
    args = parser.parse_args()
    corpus, work = args.root / f"corpus-{args.size}", args.root / f"run-{args.size}"
    shutil.rmtree(work, ignore_errors=True)
    drafts = work / "drafts"
    drafts.mkdir(parents=True)
    for path in sorted((args.root / f"batch-{args.size}").glob("*.txt"))[: args.drafts]:
        shutil.copy2(path, drafts / path.name)
    n, jobs, cluster = args.size, ["--jobs", str(args.workers)], ["--cluster", f"local:{args.workers}"]
    words = words_in(corpus)
    # One article each way, for the cost of starting (interpreter, spaCy, models, the cluster): what an
    # article costs is then the difference, divided by the other articles.
    one = work / "one"
    one.mkdir()
    first_draft = sorted(drafts.glob("*.txt"))[0]
    shutil.copy2(sorted(corpus.rglob("*.txt"))[0], one / "article.txt")

    print(f"corpus {corpus}: {n} articles, {words:,} words; {args.drafts} drafts; {args.workers} processes each way")
    index_jobs = run(["index", str(corpus), "--store", str(work / "store-jobs"), *jobs])
    index_cluster = run(["index", str(corpus), "--store", str(work / "store-cluster"), *cluster])
    same_store = store_contents(work / "store-jobs") == store_contents(work / "store-cluster")
    verify = ["verify", str(drafts), "--against", str(corpus), "--store", str(work / "store-jobs"), "--format", "json"]
    verify_jobs = run([*verify, *jobs])
    verify_cluster = run([*verify, *cluster])
    same_report = verify_jobs["stdout"] == verify_cluster["stdout"]
    index_one = run(["index", str(one), "--store", str(work / "store-one"), "--jobs", "1"])
    verify_one = run(["verify", str(first_draft), "--against", str(corpus), "--store", str(work / "store-jobs"), "--jobs", "1",
                      "--format", "json"])
    store_bytes = sum(path.stat().st_size for path in (work / "store-jobs").iterdir())
    claims = len(json.loads(verify_jobs["stdout"])["verdicts"])

    figures: dict[str, Any] = {
        "articles": n, "words": words, "drafts": args.drafts, "claims": claims, "workers": args.workers,
        "index": {"jobs": index_jobs["wall_s"], "cluster": index_cluster["wall_s"],
                  "cpu_s_per_article": round(index_jobs["cpu_s"] / n, 3),
                  "cluster_cpu_s_per_article": round(index_cluster["cpu_s"] / n, 3),
                  "cluster_over_jobs_throughput": round(index_jobs["wall_s"] / index_cluster["wall_s"], 2)},
        "verify": {"jobs": verify_jobs["wall_s"], "cluster": verify_cluster["wall_s"],
                   "cpu_s_per_article": round(verify_jobs["cpu_s"] / args.drafts, 2),
                   "cluster_cpu_s_per_article": round(verify_cluster["cpu_s"] / args.drafts, 2),
                   "cluster_over_jobs_throughput": round(verify_jobs["wall_s"] / verify_cluster["wall_s"], 2)},
        "marginal_cpu_s_per_article": {
            "index": round((index_jobs["cpu_s"] - index_one["cpu_s"]) / (n - 1), 3),
            "verify": round((verify_jobs["cpu_s"] - verify_one["cpu_s"]) / (args.drafts - 1), 2),
            "start_index_cpu_s": index_one["cpu_s"], "start_verify_cpu_s": verify_one["cpu_s"],
        },
        "store_kb_per_article": round(store_bytes / n / 1000, 1),
        "same_store": same_store, "same_report": same_report,
    }
    for part in ("index", "verify"):
        got = figures[part]
        count = n if part == "index" else args.drafts
        print(f"{part}: --jobs {args.workers} {got['jobs']:.1f} s ({count / got['jobs']:.2f} articles/s), "
              f"--cluster local:{args.workers} {got['cluster']:.1f} s ({count / got['cluster']:.2f} articles/s); "
              f"cluster throughput / local = {got['cluster_over_jobs_throughput']}; CPU per article {got['cpu_s_per_article']} s "
              f"local, {got['cluster_cpu_s_per_article']} s cluster")
    marginal = figures["marginal_cpu_s_per_article"]
    print(f"CPU per article past the start (run of N minus a run of one): index {marginal['index']} s, "
          f"verify {marginal['verify']} s (a run of one: index {marginal['start_index_cpu_s']} s, "
          f"verify {marginal['start_verify_cpu_s']} s)")
    print(f"index words/s (--jobs {args.workers}, wall): {words / index_jobs['wall_s']:,.0f}")
    print(f"store: {figures['store_kb_per_article']} kB per article; same store: {same_store}; same report: {same_report} "
          f"({claims} claims)")
    if args.fts:
        figures["fts"] = fts_latency(work / "store-jobs", args.fts, work)
    (args.root / f"result-cluster-{n}.json").write_text(json.dumps(figures, indent=2) + "\n")
    if not (same_store and same_report):
        sys.exit("the cluster's store or report differs from the local run's")


if __name__ == "__main__":
    main()
