#!/usr/bin/env python3
"""Compare every output format of claimcheck at a reference commit with the working tree.

A refactor must not change what users see. This runs `verify fixtures/articles/ --against
fixtures/articles/` and `check --claims` over the shared dev probes in every output format, once
with the source of REF (checked out into a temporary worktree) and once with the working tree,
and compares the bytes. Differences that a change declares on purpose can be ignored:

    scripts/compare_outputs.py 292663c                       # byte for byte
    scripts/compare_outputs.py 292663c --ignore-key rule --ignore-key schema_version

`--ignore-key` drops that key wherever it occurs in JSON (json, jsonl, sarif) and the lines that
name it in the text formats, before comparing (its camelCase spelling too, as SARIF writes
schema_version). Exit 0 when everything is the same, 1 otherwise.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBES = ROOT.parent / "shared" / "eval" / "probes-dev.jsonl"
FORMATS = ("table", "json", "jsonl", "csv", "markdown", "sarif", "junit")
JSON_FORMATS = {"json", "jsonl", "sarif"}
RULE_IN_TEXT = re.compile(r" \[[a-z]+(?:-[a-z]+)*\]|; rule `[a-z-]+`")


def write_claims_file(folder: Path) -> Path:
    """The probe claims in the `check --claims` format ({"id", "text"} per line)."""
    claims = folder / "claims.jsonl"
    lines = []
    for line in PROBES.read_text(encoding="utf-8").splitlines():
        if line.strip():
            probe = json.loads(line)
            lines.append(json.dumps({"id": probe["id"], "text": probe["claim"]}))
    claims.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return claims


def run_outputs(src: Path, work: Path, claims: Path) -> dict[str, bytes]:
    """Every output of both commands, run with the package found under `src`."""
    env = {**os.environ, "PYTHONPATH": str(src), "NO_COLOR": "1", "COLUMNS": "120"}
    env.pop("CLAIMCHECK_FORMAT", None)
    outputs: dict[str, bytes] = {}
    for fmt in FORMATS:
        for name, args in (
            ("verify", ["verify", "fixtures/articles/", "--against", "fixtures/articles/", "--evidence"]),
            ("check", ["check", "--claims", str(claims), "--against", "fixtures/articles/", "--evidence"]),
        ):
            if fmt != "table":
                args = [a for a in args if a != "--evidence"]
            store = work / f"store-{src.parent.name}-{name}"
            command = [sys.executable, "-m", "claimcheck", *args, "--format", fmt, "--store", str(store)]
            proc = subprocess.run(command, cwd=ROOT, env=env, capture_output=True)
            outputs[f"{name}.{fmt}"] = proc.stdout + f"\n[exit {proc.returncode}]\n".encode()
    return outputs


def drop_keys(value: object, keys: set[str]) -> object:
    if isinstance(value, dict):
        return {k: drop_keys(v, keys) for k, v in value.items() if k not in keys}
    if isinstance(value, list):
        return [drop_keys(v, keys) for v in value]
    return value


def normalise(name: str, data: bytes, keys: set[str]) -> list[str]:
    text = data.decode("utf-8", errors="replace")
    if not keys:
        return text.splitlines()
    fmt = name.split(".", 1)[1]
    body, _, tail = text.rpartition("\n[exit ")
    if fmt in JSON_FORMATS:
        if fmt == "jsonl":
            rows = [json.dumps(drop_keys(json.loads(line), keys), sort_keys=True)
                    for line in body.splitlines() if line.strip()]
        else:
            rows = json.dumps(drop_keys(json.loads(body), keys), indent=1, sort_keys=True).splitlines()
        if "rule" in keys:  # SARIF messages write the id in text too
            rows = [RULE_IN_TEXT.sub("", row) for row in rows]
        return [*rows, f"[exit {tail}"]
    lines = text.splitlines()
    if "rule" in keys and fmt == "table":
        # The table wraps its cells, so an added id moves line breaks: compare the words instead.
        return [word for word in text.split() if not re.fullmatch(r"\[[a-z]+(?:-[a-z]+)*\]", word)]
    if "rule" in keys:
        # The text formats write a rule id as "stance [rule-id]", "reason [rule-id]" or "reason; rule `rule-id`".
        lines = [RULE_IN_TEXT.sub("", line) for line in lines]
    named = [k for k in keys if k not in ("rule",)]
    if not named:
        return lines
    pattern = re.compile("|".join(re.escape(k) for k in named), re.IGNORECASE)
    return [line for line in lines if not pattern.search(line)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("ref", help="the commit to compare against, e.g. the one before a refactor")
    parser.add_argument("--ignore-key", action="append", default=[], help="a key added on purpose")
    args = parser.parse_args()
    keys = set(args.ignore_key)
    # SARIF spells the report's keys in camelCase ("schemaVersion" in the run's properties): the same datum.
    keys |= {re.sub(r"_(\w)", lambda m: m.group(1).upper(), key) for key in keys}
    with tempfile.TemporaryDirectory(prefix="claimcheck-compare-") as tmp:
        work = Path(tmp)
        ref_tree = work / "ref"
        subprocess.run(["git", "worktree", "add", "--detach", str(ref_tree), args.ref],
                       cwd=ROOT, check=True, capture_output=True)
        try:
            claims = write_claims_file(work)
            before = run_outputs(ref_tree / "src", work, claims)
            after = run_outputs(ROOT / "src", work, claims)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(ref_tree)], cwd=ROOT, capture_output=True)
    differing = 0
    for name in before:
        old, new = normalise(name, before[name], keys), normalise(name, after[name], keys)
        if old == new:
            print(f"same     {name} ({len(after[name])} bytes)")
            continue
        differing += 1
        print(f"DIFFERS  {name}")
        for line in list(difflib.unified_diff(old, new, "before", "after", lineterm="", n=1))[:40]:
            print(f"    {line}")
    print(f"compare: {len(before) - differing}/{len(before)} outputs the same as {args.ref}"
          + (f" (ignoring {', '.join(sorted(keys))})" if keys else ""))
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
