"""Build a synthetic news corpus of N articles from real text, for the speed benchmark.

Paragraphs of the FNC-1 training bodies (../shared/eval/fnc1/train_bodies.csv) are recombined
into articles of 6 to 14 paragraphs with a fixed seed, so the same N always gives the same files.
Real paragraphs keep the language (names, numbers, attributions) realistic, and because each
paragraph appears in several articles the matcher has real overlaps to find.

The corpus is written OUTSIDE the repository (default /tmp/claimcheck-bench/corpus-N):

    python benchmarks/build_corpus.py 1000 10000
    python benchmarks/build_corpus.py 1000 --out /tmp/bench

Besides the articles, each corpus folder gets a `probe-N/` sibling with one new article (not in the
corpus) for the verify timing, a `batch-N/` folder of 20 new articles for the batch timing, and a
manifest-N.json with the counts.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_BODIES = REPO.parent / "shared" / "eval" / "fnc1" / "train_bodies.csv"
DEFAULT_OUT = Path("/tmp/claimcheck-bench")
SEED = 20241122
MIN_PARAGRAPH_WORDS = 12
PARAGRAPHS_PER_ARTICLE = (6, 14)
BATCH_ARTICLES = 20  # new articles in a folder, for the batch verify timing


def load_paragraphs(bodies: Path) -> list[str]:
    """Every paragraph of at least MIN_PARAGRAPH_WORDS words, in file order, duplicates removed."""
    csv.field_size_limit(1 << 27)
    with bodies.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    seen: dict[str, None] = {}
    for row in rows:
        for paragraph in re.split(r"\n\s*\n|\n", row["articleBody"]):
            text = " ".join(paragraph.split())
            if len(text.split()) >= MIN_PARAGRAPH_WORDS:
                seen.setdefault(text, None)
    return list(seen)


def make_article(rng: random.Random, paragraphs: list[str]) -> str:
    count = rng.randint(*PARAGRAPHS_PER_ARTICLE)
    return "\n\n".join(rng.sample(paragraphs, count)) + "\n"


def build(count: int, out: Path, paragraphs: list[str]) -> dict[str, object]:
    """Write count articles to out/corpus-count/ and one probe article; returns the manifest."""
    rng = random.Random(f"{SEED}-{count}")
    corpus = out / f"corpus-{count}"
    corpus.mkdir(parents=True, exist_ok=True)
    words = 0
    names = set()
    for number in range(count):
        # Folders of 1,000 files keep directory listings fast.
        path = corpus / f"{number // 1000:03d}" / f"article-{number:05d}.txt"
        path.parent.mkdir(exist_ok=True)
        text = make_article(rng, paragraphs)
        words += len(text.split())
        names.add(path)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    # Files from an earlier, larger build of the same size would change the corpus: remove them.
    for stale in corpus.rglob("article-*.txt"):
        if stale not in names:
            stale.unlink()
    probe = out / f"probe-{count}"
    probe.mkdir(parents=True, exist_ok=True)
    probe_text = make_article(random.Random(f"{SEED}-probe"), paragraphs)
    (probe / "new-article.txt").write_text(probe_text, encoding="utf-8")
    batch = out / f"batch-{count}"
    batch.mkdir(parents=True, exist_ok=True)
    batch_rng = random.Random(f"{SEED}-batch")
    for number in range(BATCH_ARTICLES):
        (batch / f"new-{number:02d}.txt").write_text(make_article(batch_rng, paragraphs), encoding="utf-8")
    manifest = {
        "articles": count,
        "words": words,
        "corpus": str(corpus),
        "probe": str(probe / "new-article.txt"),
        "probe_words": len(probe_text.split()),
        "batch": str(batch),
        "batch_articles": BATCH_ARTICLES,
        "seed": SEED,
    }
    (out / f"manifest-{count}.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000], help="corpus sizes (articles)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write (outside the repository)")
    parser.add_argument("--bodies", type=Path, default=DEFAULT_BODIES, help="FNC-1 train_bodies.csv")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    if out == REPO or REPO in out.parents:
        print(f"build_corpus: {out} is inside the repository; pass --out with a folder outside it", file=sys.stderr)
        return 2
    if not args.bodies.is_file():
        print(f"build_corpus: {args.bodies}: not found; pass --bodies with FNC-1 train_bodies.csv", file=sys.stderr)
        return 2
    paragraphs = load_paragraphs(args.bodies)
    for size in args.sizes:
        manifest = build(size, out, paragraphs)
        print(json.dumps(manifest))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
