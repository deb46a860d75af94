"""Continuous-integration rules: which labels fail a run, and a baseline of known findings.

A finding is a verdict that is not corroborated. Its key is stable across runs: it depends on
the article, the label and the claim's wording (case and spacing folded), never on line numbers,
so editing other parts of an article does not bring a known finding back. A baseline also matches
a finding by its file name without the folders (`portable_key`), so a corpus that moved (another
checkout, absolute paths) still matches the baseline written before, old baselines included.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import get_args

from claimcheck.atomic import write_atomic
from claimcheck.errors import ConfigError
from claimcheck.models import BaselineInfo, Label, Report, Verdict

__all__ = [
    "BASELINE_FORMAT",
    "FINDING_LABELS",
    "LABELS",
    "Baselined",
    "apply_baseline",
    "baseline_entries",
    "failing_verdicts",
    "finding_key",
    "is_finding",
    "label_names",
    "load_baseline",
    "parse_labels",
    "portable_key",
    "write_baseline",
]

LABELS: tuple[Label, ...] = get_args(Label)
FINDING_LABELS: tuple[Label, ...] = tuple(label for label in LABELS if label != "corroborated")
BASELINE_FORMAT = 1


def parse_labels(values: Iterable[str], *, origin: str = "--fail-on") -> tuple[Label, ...]:
    """'contradicted,single-sourced' or a list of such -> labels, in the canonical order.

    Raises ConfigError naming where the labels came from (origin), the unknown label and the valid ones.
    """
    try:
        return label_names(values)
    except ValueError as exc:
        raise ConfigError(f"{origin}: {exc}") from None


def label_names(values: Iterable[str]) -> tuple[Label, ...]:
    """parse_labels without the origin: raises ValueError naming the unknown label and the valid ones."""
    wanted: set[str] = set()
    for value in values:
        for part in value.split(","):
            name = part.strip().lower().replace("_", "-")
            if not name:
                continue
            if name == "single":
                name = "single-sourced"
            if name not in LABELS:
                raise ValueError(f"unknown label {part.strip()!r}; use one or more of {', '.join(LABELS)}")
            wanted.add(name)
    return tuple(label for label in LABELS if label in wanted)


def is_finding(verdict: Verdict) -> bool:
    return verdict.label != "corroborated"


def _normalised_claim(text: str) -> str:
    return " ".join(text.casefold().split())


def _normalised_source(source: str | None) -> str:
    if not source:
        return ""
    return source.replace("\\", "/").removeprefix("./")


def finding_key(verdict: Verdict) -> str:
    """A stable key for a finding: label, then a hash of source and claim wording."""
    material = f"{_normalised_source(verdict.source)}\n{_normalised_claim(verdict.claim)}"
    digest = hashlib.sha256(material.encode("utf-8")).hexdigest()[:20]
    return f"{verdict.label}:{digest}"


def portable_key(verdict: Verdict) -> str:
    """The key of a finding wherever its corpus lies: label, the file name without its folders, the claim's wording."""
    return _portable_key(verdict.label, verdict.source, verdict.claim)


def _portable_key(label: str, source: str | None, claim: str) -> str:
    source = _normalised_source(source)
    name = source if "://" in source else source.rsplit("/", 1)[-1]
    digest = hashlib.sha256(f"{name}\n{_normalised_claim(claim)}".encode()).hexdigest()[:20]
    return f"{label}:name:{digest}"


def failing_verdicts(report: Report, labels: Iterable[str]) -> list[Verdict]:
    """The verdicts whose label is one of labels (e.g. from --fail-on), in report order."""
    wanted = set(parse_labels(labels))
    return [verdict for verdict in report.verdicts if verdict.label in wanted]


@dataclass(frozen=True)
class Baselined:
    """A report with the baseline's known findings taken out, and what was taken out."""

    report: Report
    suppressed: list[Verdict]


def apply_baseline(report: Report, keys: set[str], *, file: str | None = None) -> Baselined:
    """Remove the findings whose key is in the baseline. Corroborated verdicts are never removed.

    The removed verdicts are returned beside the report, and the report records how many there
    were (Report.baseline, with file: the baseline file the keys came from).
    """
    kept: list[Verdict] = []
    suppressed: list[Verdict] = []
    for verdict in report.verdicts:
        if is_finding(verdict) and (finding_key(verdict) in keys or portable_key(verdict) in keys):
            suppressed.append(verdict)
        else:
            kept.append(verdict)
    baseline = BaselineInfo(file=file, suppressed=len(suppressed))
    return Baselined(report=report.model_copy(update={"verdicts": kept, "baseline": baseline}), suppressed=suppressed)


def baseline_entries(verdicts: Sequence[Verdict]) -> list[dict[str, str | None]]:
    """The baseline records of the findings among verdicts, sorted by key, one per key."""
    entries: dict[str, dict[str, str | None]] = {}
    for verdict in verdicts:
        if not is_finding(verdict):
            continue
        key = finding_key(verdict)
        entries[key] = {"key": key, "label": verdict.label, "source": verdict.source, "claim": verdict.claim}
    return [entries[key] for key in sorted(entries)]


def write_baseline(report: Report, path: Path, *, keep: Iterable[Verdict] = ()) -> int:
    """Record every finding of the report (and of keep, e.g. already suppressed ones) in path, atomically.

    The file is JSON, sorted, one entry per finding with its label, source and claim so that a
    reviewer can read what is being accepted. Returns the number of findings written.
    """
    entries = baseline_entries([*report.verdicts, *keep])
    payload = {"claimcheck_baseline": BASELINE_FORMAT, "findings": entries}
    text = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    write_atomic(path, text, what="baseline")
    return len(entries)


def load_baseline(path: Path) -> set[str]:
    """The finding keys recorded in a baseline file written by write_baseline, with their portable_key forms.

    Raises ConfigError naming the file when it is missing or not a claimcheck baseline.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(
            f"{path}: no such baseline file; create it with --write-baseline {path}"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the baseline ({exc})") from None
    except json.JSONDecodeError as exc:
        raise ConfigError(
            f"{path}: not a claimcheck baseline (invalid JSON at line {exc.lineno}); "
            f"write a new one with --write-baseline {path}"
        ) from None
    if not isinstance(data, dict) or "claimcheck_baseline" not in data or not isinstance(data.get("findings"), list):
        raise ConfigError(
            f"{path}: not a claimcheck baseline (no 'claimcheck_baseline' and 'findings'); "
            f"write a new one with --write-baseline {path}"
        )
    if data["claimcheck_baseline"] != BASELINE_FORMAT:
        raise ConfigError(
            f"{path}: baseline format {data['claimcheck_baseline']!r} is not supported (this claimcheck writes "
            f"{BASELINE_FORMAT}); write a new one with --write-baseline {path}"
        )
    keys: set[str] = set()
    for number, entry in enumerate(data["findings"]):
        key = entry.get("key") if isinstance(entry, dict) else None
        if not isinstance(key, str) or not key:
            raise ConfigError(f"{path}: finding {number + 1} has no 'key'; write a new one with --write-baseline")
        keys.add(key)
        if isinstance(entry.get("label"), str) and isinstance(entry.get("claim"), str):
            keys.add(_portable_key(entry["label"], entry.get("source"), entry["claim"]))
    return keys
