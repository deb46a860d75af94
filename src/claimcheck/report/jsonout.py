"""Report -> JSON and JSON Lines. Pydantic models are the schema; output is deterministic."""

from __future__ import annotations

import json

from claimcheck.models import SCHEMA_VERSION, Report, Verdict


def render_json(report: Report) -> str:
    return json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def verdict_line(verdict: Verdict) -> str:
    """One verdict as one JSON line, carrying the schema version so a stream explains itself."""
    return json.dumps({"schema_version": SCHEMA_VERSION, **verdict.model_dump(mode="json")}, ensure_ascii=False) + "\n"


def render_jsonl(report: Report) -> str:
    return "".join(verdict_line(v) for v in report.verdicts)
