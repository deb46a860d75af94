"""Which stance rules are right, item by item: every supporting or contradicting evidence item of
`claimcheck verify`, over a sentence-labelled set, checked against the files gold lists for its sentence.

    python scripts/evidence_audit.py DIR [DIR ...] [--cmd .venv/bin/claimcheck] [--show model,supports]

DIR holds `corpus/` and `gold.jsonl` (../shared/eval/verify-dev/, or a set that benchmarks/verify_fnc.py
wrote with --out). Each article is verified against its corpus (`--store DIR/store`); the reports are kept in
DIR/audit/ and reused (delete the folder after changing claimcheck). Prints, per (rule, stance): items whose
source gold lists with that stance (right), items it does not (wrong), and items on sentences gold does not
label. Items of the claim's own origin (`same_origin`) are left out. --show RULE,STANCE lists the wrong items
with their sentences: do not use it on a set kept unread (benchmarks/verify-fnc3, -fnc4).
"""

from __future__ import annotations

import argparse
import json
import subprocess
from collections import Counter, defaultdict
from pathlib import Path


def _report(article: Path, folder: Path, cmd: str) -> dict:
    kept = folder / "audit" / f"{article.name}.json"
    if not kept.exists():
        kept.parent.mkdir(exist_ok=True)
        done = subprocess.run(
            [cmd, "verify", str(article), "--against", str(folder / "corpus"), "--store", str(folder / "store"),
             "--format", "json"], capture_output=True, text=True, check=False)
        if done.returncode not in (0, 1):
            raise SystemExit(f"evidence_audit: claimcheck failed on {article}: {done.stderr.strip()[-300:]}")
        kept.write_text(done.stdout, encoding="utf-8")
    return json.loads(kept.read_text(encoding="utf-8"))


def audit(folder: Path, cmd: str, counts: defaultdict[tuple[str, str], Counter], wrong: list[tuple[str, ...]]) -> None:
    gold = [json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
    for article in sorted(p for p in (folder / "corpus").iterdir() if p.is_file() and not p.name.startswith(".")):
        for verdict in _report(article, folder, cmd)["verdicts"]:
            start, end = verdict["span"]
            rows = [g for g in gold if g["source"] == article.name and g["start"] < end and start < g["end"]]
            for item in verdict["evidence"]:
                if item["stance"] == "mentions" or item.get("same_origin"):
                    continue
                key = (item["rule"], item["stance"])
                if not rows:
                    counts[key]["unlabelled"] += 1
                    continue
                wanted = set().union(*(set(row.get(item["stance"]) or []) for row in rows))
                source = Path(item["source"]).name
                counts[key]["right" if source in wanted else "wrong"] += 1
                if source not in wanted:
                    wrong.append((*key, folder.name, article.name, verdict["claim"], source, item["sentence"]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--cmd", default="claimcheck")
    parser.add_argument("--show", help="RULE,STANCE: list the wrong items of this rule")
    args = parser.parse_args(argv)
    counts: defaultdict[tuple[str, str], Counter] = defaultdict(Counter)
    wrong: list[tuple[str, ...]] = []
    for folder in args.sets:
        audit(folder, args.cmd, counts, wrong)
    for (rule, stance), found in sorted(counts.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"{rule:<26} {stance:<12} right {found['right']:>4}  wrong {found['wrong']:>4}  "
              f"unlabelled {found['unlabelled']:>4}")
    if args.show:
        shown = tuple(args.show.split(","))
        for rule, stance, set_name, article, claim, source, sentence in wrong:
            if (rule, stance) == shown:
                print(f"{set_name}/{article}: {claim[:120]!r}\n    <- {source}: {sentence[:160]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
