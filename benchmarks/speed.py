"""Speed benchmark: indexing throughput against bare spaCy, verify time on a warm store, peak memory.

Not a test: it prints figures and, with --check, exits 1 when one misses its target.

    python benchmarks/build_corpus.py 1000 10000     # once; corpora go to /tmp/claimcheck-bench
    python benchmarks/speed.py                      # 1k and 10k
    python benchmarks/speed.py 1000 --check

For each corpus size it measures, each part in its own process so that memory and caches of one
part do not help or hurt another:

  index   a fresh store built from the corpus folder (claimcheck.indexing.sync_store): words/s, and
          peak RSS of the indexing process (target: <= 1.5 GB at 10k)
  bare    the same spaCy pipeline (claimcheck's, with its gazetteer: the same components, no more and
          no fewer; both parts record them) over the same paragraphs with nlp.pipe and the same
          batch size, doing nothing with the result: words/s
          (target: claimcheck's index throughput >= 0.85 x bare spaCy)
  verify  one new article checked against each warm store, the sizes taking turns (median of 5),
          in a process with the model loaded
          (target: <= 2 s at 10k, and the 10k time <= 2 x the 1k time); the wall time of the whole
          `claimcheck verify` command, model loading included, is printed beside it, and the time
          with --no-sync (the store as indexed, the corpus folder not listed; the same report)
  batch   a folder of 20 new articles verified in one pass (pipeline.iter_verified) with --jobs 1
          and 2: seconds (no target; the two reports must be the same)
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import build_corpus  # noqa: E402  (a sibling script, importable once HERE is on the path)

DEFAULT_ROOT = build_corpus.DEFAULT_OUT
TARGET_RATIO = 0.85
TARGET_VERIFY_S = 2.0
TARGET_VERIFY_GROWTH = 2.0
TARGET_RSS_MB = 1500.0
BATCH_SIZE = 64  # claimcheck.extract.iter_statements' default
BENCH_FINGERPRINT = "speed-benchmark"


def _pin_fingerprint() -> None:
    """Index and verify parts use one store fingerprint, even if claimcheck's code changes between them."""
    import claimcheck.indexing

    claimcheck.indexing.extractor_fingerprint = lambda: BENCH_FINGERPRINT  # type: ignore[assignment]


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (spaCy's workers with --jobs > 1)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _corpus(root: Path, size: int) -> dict[str, Any]:
    manifest = root / f"manifest-{size}.json"
    # A corpus from an older build_corpus has no batch folder: building again rewrites no corpus file.
    if not manifest.is_file() or "batch" not in json.loads(manifest.read_text(encoding="utf-8")):
        build_corpus.build(size, root, build_corpus.load_paragraphs(build_corpus.DEFAULT_BODIES))
    return json.loads(manifest.read_text(encoding="utf-8"))


def part_index(root: Path, size: int, jobs: int) -> dict[str, Any]:
    from claimcheck.extract import load_pipeline
    from claimcheck.indexing import open_store, sync_store

    _pin_fingerprint()
    corpus = _corpus(root, size)
    nlp = load_pipeline()
    store_path = root / f"store-{size}"
    shutil.rmtree(store_path, ignore_errors=True)
    with open_store(store_path) as store:
        started, cpu_started = time.perf_counter(), _cpu_seconds()
        result = sync_store(store, [corpus["corpus"]], nlp=nlp, jobs=jobs)
        seconds, cpu_seconds = time.perf_counter() - started, _cpu_seconds() - cpu_started
        statements = store.statement_count()
    return {
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "words": result.words_extracted,
        "articles": len(result.extracted),
        "statements": statements,
        "words_per_s": result.words_extracted / seconds,
        "peak_rss_mb": _peak_rss_mb(),
        "pipeline": list(nlp.pipe_names),
    }


def part_bare(root: Path, size: int, jobs: int) -> dict[str, Any]:
    from claimcheck.extract import _paragraphs, load_pipeline
    from claimcheck.ingest.files import article_files, read_file

    corpus = _corpus(root, size)
    nlp = load_pipeline()
    started, cpu_started = time.perf_counter(), _cpu_seconds()
    words = 0
    # Same work before spaCy as the indexer: read each file, split it into paragraphs.
    texts = []
    for path in article_files(Path(corpus["corpus"])):
        article = read_file(path)
        words += len(article.text.split())
        texts.extend(paragraph for _, paragraph in _paragraphs(article.text))
    sentences = 0
    for doc in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=jobs):
        sentences += sum(1 for _ in doc.sents)
    seconds, cpu_seconds = time.perf_counter() - started, _cpu_seconds() - cpu_started
    return {
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "words": words,
        "sentences": sentences,
        "words_per_s": words / seconds,
        "pipeline": list(nlp.pipe_names),
    }


def _warm_corpus(corpus: dict[str, Any], store_path: Path, nlp: Any) -> Any:
    """The corpus over its store, which must be warm: a timing that parsed corpus files is no timing of verify."""
    from claimcheck.indexing import load_stored_corpus

    loaded, result = load_stored_corpus([corpus["corpus"]], store_path, nlp=nlp)
    if result.extracted:
        raise SystemExit(f"speed: the store {store_path} was not warm ({len(result.extracted)} files parsed)")
    return loaded


def part_verify(root: Path, sizes: list[int], repeats: int = 5) -> dict[str, Any]:
    """One new article verified against each size's warm store, the sizes taking turns, repeats times.

    Taking turns puts every size through the same moments of a shared machine's load, so the
    growth from one size to the next is not a difference between two quiet or busy minutes.
    """
    from claimcheck.extract import load_pipeline
    from claimcheck.indexing import open_stored_corpus
    from claimcheck.pipeline import verify_articles

    _pin_fingerprint()
    corpora = {size: _corpus(root, size) for size in sizes}
    nlp = load_pipeline()
    nlp("Warm up the pipeline once.")
    times: dict[int, list[float]] = {size: [] for size in sizes}
    unsynced: dict[int, list[float]] = {size: [] for size in sizes}
    reports = {}
    for _ in range(repeats):
        for size in sizes:
            started = time.perf_counter()
            loaded = _warm_corpus(corpora[size], root / f"store-{size}", nlp)
            reports[size] = verify_articles([corpora[size]["probe"]], loaded, nlp=nlp)
            times[size].append(time.perf_counter() - started)
            # --no-sync: the store as it is, the corpus folder not listed again
            started = time.perf_counter()
            as_indexed = open_stored_corpus(root / f"store-{size}", location=corpora[size]["corpus"])
            if verify_articles([corpora[size]["probe"]], as_indexed, nlp=nlp) != reports[size]:
                raise SystemExit(f"speed: --no-sync gave another report against the {size} store")
            unsynced[size].append(time.perf_counter() - started)
    figures: dict[str, Any] = {}
    for size in sizes:
        labels: dict[str, int] = {}
        for verdict in reports[size].verdicts:
            labels[verdict.label] = labels.get(verdict.label, 0) + 1
        figures[str(size)] = {
            "seconds": statistics.median(times[size]), "all_seconds": times[size],
            "seconds_no_sync": statistics.median(unsynced[size]), "all_seconds_no_sync": unsynced[size],
            "claims": len(reports[size].verdicts), "labels": labels,
        }
    return figures


def part_batch(root: Path, size: int) -> dict[str, Any]:
    """A folder of new articles verified against the warm store in one pass, with 1 and 2 parsing processes."""
    from claimcheck.extract import load_pipeline
    from claimcheck.pipeline import iter_verified

    _pin_fingerprint()
    corpus = _corpus(root, size)
    nlp = load_pipeline()
    nlp("Warm up the pipeline once.")
    figures: dict[str, Any] = {"articles": corpus["batch_articles"]}
    reports = {}
    for jobs in (1, 2):
        started = time.perf_counter()
        loaded = _warm_corpus(corpus, root / f"store-{size}", nlp)
        parts = list(iter_verified([corpus["batch"]], loaded, nlp=nlp, jobs=jobs))
        figures[f"seconds_jobs{jobs}"] = time.perf_counter() - started
        reports[jobs] = [part.model_dump_json() for part in parts]
        figures["claims"] = sum(len(part.verdicts) for part in parts)
    figures["same_report"] = reports[1] == reports[2]
    return figures


def cli_verify_seconds(root: Path, size: int) -> float:
    """Wall time of the whole `claimcheck verify` command (interpreter start and model loading included)."""
    import sqlite3

    from claimcheck.indexing import extractor_fingerprint
    from claimcheck.store import STORE_FILE

    corpus = _corpus(root, size)
    database = root / f"store-{size}" / STORE_FILE

    def mark(fingerprint: str) -> None:
        with sqlite3.connect(database) as connection:
            connection.execute("UPDATE articles SET fingerprint = ?", (fingerprint,))

    # The store was made under the benchmark's pinned fingerprint: mark it as made by the installed
    # claimcheck for the command, so that it does not parse the corpus again, then mark it back.
    mark(extractor_fingerprint())
    command = [str(Path(sys.executable).parent / "claimcheck"), "verify", corpus["probe"], "--against",
               corpus["corpus"], "--store", str(root / f"store-{size}"), "--format", "jsonl"]
    try:
        started = time.perf_counter()
        subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return time.perf_counter() - started
    finally:
        mark(BENCH_FINGERPRINT)


def _start(part: str, root: Path, size: int, jobs: int) -> subprocess.Popen[str]:
    command = [sys.executable, __file__, "--part", part, "--root", str(root), "--jobs", str(jobs), str(size)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, text=True)


def _result(process: subprocess.Popen[str], part: str, root: Path, size: int) -> dict[str, Any]:
    out, _ = process.communicate()
    if process.returncode != 0:
        raise SystemExit(f"speed: the {part} part for {size} articles failed (exit {process.returncode})")
    figures: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    (root / f"result-{part}-{size}.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return figures


def _child(part: str, root: Path, size: int, jobs: int) -> dict[str, Any]:
    return _result(_start(part, root, size, jobs), part, root, size)


def _pair(args: argparse.Namespace, size: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """One round of the bare and index parts: (bare, index) figures."""
    if args.parallel:
        # Side by side on two cores: both runs see the same machine load.
        started = {part: _start(part, args.root, size, args.jobs) for part in ("bare", "index")}
        bare, index = (_result(started[part], part, args.root, size) for part in ("bare", "index"))
        return bare, index
    return _child("bare", args.root, size, args.jobs), _child("index", args.root, size, args.jobs)


def _saved(part: str, root: Path, size: int) -> dict[str, Any] | None:
    path = root / f"result-{part}-{size}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="where build_corpus.py wrote the corpora")
    parser.add_argument("--jobs", type=int, default=1, help="processes for spaCy, in both the index and bare runs")
    parser.add_argument("--check", action="store_true", help="exit 1 when a figure misses its target")
    parser.add_argument("--parallel", action="store_true", help="run the index and bare parts at the same time")
    parser.add_argument("--reuse", action="store_true", help="reuse index and bare figures saved by an earlier run")
    parser.add_argument("--rounds", type=int, default=1, help="index and bare rounds per size; the median ratio counts")
    parser.add_argument("--part", choices=("index", "bare", "verify", "batch"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.part == "verify":
        print(json.dumps(part_verify(args.root, args.sizes)))
        return 0
    if args.part:
        [size] = args.sizes
        if args.part == "index":
            figures = part_index(args.root, size, args.jobs)
        elif args.part == "bare":
            figures = part_bare(args.root, size, args.jobs)
        else:
            figures = part_batch(args.root, size)
        print(json.dumps(figures))
        return 0

    failures: list[str] = []
    verify_times: dict[int, float] = {}
    for size in args.sizes:
        corpus = _corpus(args.root, size)
        print(f"== {size} articles, {corpus['words']:,} words ({corpus['corpus']})", flush=True)
        saved_bare, saved_index = _saved("bare", args.root, size), _saved("index", args.root, size)
        if args.reuse and saved_bare is not None and saved_index is not None:
            rounds = [(saved_bare, saved_index)]
            print("(index and bare figures from an earlier run, --reuse)")
        else:
            rounds = [_pair(args, size) for _ in range(args.rounds)]
        # The round with the median ratio stands for the size; a shared machine moves single rounds.
        rounds.sort(key=lambda pair: pair[1]["words_per_s"] / pair[0]["words_per_s"])
        bare, index = rounds[len(rounds) // 2]
        ratio = index["words_per_s"] / bare["words_per_s"]
        for part, figures in (("bare", bare), ("index", index)):
            (args.root / f"result-{part}-{size}.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
        if index.get("pipeline") != bare.get("pipeline"):
            failures.append(f"{size}: index ran {index.get('pipeline')}, bare spaCy {bare.get('pipeline')}")
        print(f"index:  {index['words_per_s']:9,.0f} words/s  ({index['articles']:,} articles, "
              f"{index['statements']:,} sentences in {index['seconds']:.1f} s)")
        print(f"bare:   {bare['words_per_s']:9,.0f} words/s  (spaCy alone, {bare['seconds']:.1f} s)")
        if len(rounds) > 1:
            each = ", ".join(f"{pair[1]['words_per_s'] / pair[0]['words_per_s']:.2f}" for pair in rounds)
            print(f"ratio:  {ratio:.2f}  (target >= {TARGET_RATIO}; median of {len(rounds)} rounds: {each})")
        else:
            print(f"ratio:  {ratio:.2f}  (target >= {TARGET_RATIO})")
        if "cpu_seconds" in index and "cpu_seconds" in bare:
            cpu_ratio = (index["words"] / index["cpu_seconds"]) / (bare["words"] / bare["cpu_seconds"])
            print(f"cpu:    {cpu_ratio:.2f}  (the same ratio in CPU seconds: {index['cpu_seconds']:.1f} s vs "
                  f"{bare['cpu_seconds']:.1f} s; not a target, it shows how much of a gap is the machine)")
        print(f"spaCy components (both): {', '.join(index.get('pipeline') or ['not recorded'])}")
        print(f"peak RSS while indexing: {index['peak_rss_mb']:,.0f} MB")
        if ratio < TARGET_RATIO:
            failures.append(f"{size}: index/bare ratio {ratio:.2f} < {TARGET_RATIO}")
        if size >= 10000 and index["peak_rss_mb"] > TARGET_RSS_MB:
            failures.append(f"{size}: peak RSS {index['peak_rss_mb']:.0f} MB > {TARGET_RSS_MB:.0f} MB")
    # Verify runs after every size is indexed, the sizes taking turns in one process: the growth from
    # 1k to 10k then compares runs in one state of the machine, not a quiet minute with a busy one.
    command = [sys.executable, __file__, "--part", "verify", "--root", str(args.root), *map(str, args.sizes)]
    turns = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=False)
    if turns.returncode != 0:
        raise SystemExit(f"speed: the verify part failed (exit {turns.returncode})")
    verified: dict[str, Any] = json.loads(turns.stdout.strip().splitlines()[-1])
    for size in args.sizes:
        verify = verified[str(size)]
        (args.root / f"result-verify-{size}.json").write_text(json.dumps(verify, indent=2) + "\n", encoding="utf-8")
        print(f"== verify against the {size:,}-article store", flush=True)
        verify_times[size] = verify["seconds"]
        wall = cli_verify_seconds(args.root, size)
        print(f"verify one new article ({verify['claims']} claims {verify['labels']}): {verify['seconds']:.2f} s "
              f"with the model loaded; `claimcheck verify` wall time {wall:.2f} s", flush=True)
        if "seconds_no_sync" in verify:
            print(f"verify it with --no-sync (the store as indexed, the folder not listed): "
                  f"{verify['seconds_no_sync']:.2f} s, the same report", flush=True)
        if size >= 10000 and verify["seconds"] > TARGET_VERIFY_S:
            failures.append(f"{size}: verify {verify['seconds']:.2f} s > {TARGET_VERIFY_S} s")
        batch = _child("batch", args.root, size, args.jobs)
        print(f"verify a folder of {batch['articles']} new articles ({batch['claims']} claims): "
              f"{batch['seconds_jobs1']:.1f} s with --jobs 1 ({batch['seconds_jobs1'] / batch['articles']:.2f} s an "
              f"article), {batch['seconds_jobs2']:.1f} s with --jobs 2; same report: {batch['same_report']}", flush=True)
        if not batch["same_report"]:
            failures.append(f"{size}: --jobs 2 gave another report than --jobs 1")
    if 1000 in verify_times and 10000 in verify_times:
        growth = verify_times[10000] / verify_times[1000]
        print(f"verify 10k / 1k: {growth:.2f}  (target <= {TARGET_VERIFY_GROWTH})")
        if growth > TARGET_VERIFY_GROWTH:
            failures.append(f"verify time grows {growth:.2f}x from 1k to 10k > {TARGET_VERIFY_GROWTH}x")
    for failure in failures:
        print(f"MISSED: {failure}")
    return 1 if failures and args.check else 0


if __name__ == "__main__":
    raise SystemExit(main())
