"""Report -> SARIF 2.1.0, for code-scanning tools (GitHub code scanning, GitLab, VS Code SARIF viewer).

One result per claim that is not corroborated, located at the claim's line in the article file:

    contradicted    level "error"    another independent source says otherwise
    single-sourced  level "warning"  only the article itself, or sources of the same origin, say it
    unmatched       level "note"     no source in the corpus speaks to the claim

Corroborated claims are not results: there is nothing to act on. The evidence sentences are
related locations; inputs that could not be read are tool execution notifications. Each result
carries the baseline key of claimcheck.ci as a partial fingerprint, so a code-scanning service
tracks a finding across runs the same way --baseline does.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from typing import Any

from claimcheck import __version__
from claimcheck.ci import finding_key
from claimcheck.ingest.lines import Locator, no_locator
from claimcheck.models import Label, Report, Verdict
from claimcheck.report.evidence_text import evidence_line

__all__ = ["SARIF_LEVELS", "SARIF_SCHEMA", "render_sarif"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVELS: dict[Label, str] = {"contradicted": "error", "single-sourced": "warning", "unmatched": "note"}

_RULES: dict[Label, tuple[str, str, str]] = {
    "contradicted": (
        "ContradictedClaim",
        "An independent source contradicts this claim.",
        (
            "Another source of a different origin states something incompatible: other numbers, a negation, "
            "a denial or a correction. Read the evidence, then correct the claim or attribute it."
        ),
    ),
    "single-sourced": (
        "SingleSourcedClaim",
        "Only one origin makes this claim.",
        (
            "No independent source in the corpus supports the claim: every supporting sentence comes from the "
            "article itself or from copies and outlets of the same origin. Find a second source or attribute it."
        ),
    ),
    "unmatched": (
        "UnmatchedClaim",
        "No source in the corpus speaks to this claim.",
        (
            "The corpus has no sentence about this claim, so it could be checked against nothing. "
            "Add sources to the corpus or check the claim by hand."
        ),
    ),
}


def _rule_id(label: Label) -> str:
    return f"claimcheck/{label}"


def _rules() -> list[dict[str, Any]]:
    return [
        {
            "id": _rule_id(label),
            "name": name,
            "shortDescription": {"text": short},
            "fullDescription": {"text": full},
            "help": {"text": full},
            "defaultConfiguration": {"level": SARIF_LEVELS[label]},
            "properties": {"tags": ["claimcheck", label]},
        }
        for label, (name, short, full) in _RULES.items()
    ]


def _uri(source: str) -> tuple[str, str | None]:
    """An artifact URI for a source, and its uriBaseId: relative paths are relative to %SRCROOT%."""
    if "://" in source:
        return source, None
    path = Path(source)
    if path.is_absolute():
        try:
            path = path.relative_to(Path.cwd())
        except ValueError:
            return path.as_uri(), None
    return str(PurePosixPath(*path.parts)) if path.parts else source, "%SRCROOT%"


def _physical(source: str, span: tuple[int, int] | None, sentence: str, locate: Locator) -> dict[str, Any]:
    uri, base = _uri(source)
    artifact: dict[str, Any] = {"uri": uri}
    if base is not None:
        artifact["uriBaseId"] = base
    lines = locate(source, span, sentence) if span is not None else None
    # Code-scanning services want a line for every result; the first line stands for "somewhere in the file".
    first, last = lines if lines is not None else (1, 1)
    region: dict[str, Any] = {"startLine": first, "endLine": last, "snippet": {"text": sentence}}
    return {"physicalLocation": {"artifactLocation": artifact, "region": region}}


def _message(verdict: Verdict) -> str:
    lines = [f"{verdict.label}: \"{verdict.claim}\" ({verdict.reason})"]
    for evidence in verdict.evidence:
        lines.append(evidence_line(evidence))
    return "\n".join(lines)


def _result(verdict: Verdict, rule_index: int, locate: Locator) -> dict[str, Any]:
    label = verdict.label
    result: dict[str, Any] = {
        "ruleId": _rule_id(label),
        "ruleIndex": rule_index,
        "level": SARIF_LEVELS[label],
        "message": {"text": _message(verdict)},
        "partialFingerprints": {"claimcheckFinding/v1": finding_key(verdict)},
        "properties": {
            "claimId": verdict.id,
            "name": verdict.name,
            "label": label,
            "supportingOrigins": verdict.supporting_origins,
            "contradictingOrigins": verdict.contradicting_origins,
        },
    }
    if verdict.source:
        result["locations"] = [_physical(verdict.source, verdict.span, verdict.claim, locate)]
    related = []
    for number, evidence in enumerate(verdict.evidence, start=1):
        location = _physical(evidence.source, (evidence.start, evidence.end), evidence.sentence, locate)
        location["id"] = number
        location["message"] = {"text": f"{evidence.stance} [{evidence.rule}]: {evidence.reason}"}
        related.append(location)
    if related:
        result["relatedLocations"] = related
    return result


def render_sarif(report: Report, *, locate: Locator | None = None) -> str:
    """The report as a SARIF 2.1.0 log (JSON text, deterministic).

    locate maps a claim's span to lines (claimcheck.ingest.lines.file_locator reads the article
    files); without it, or for sources it cannot place, a result points at line 1.
    """
    locate = locate or no_locator
    labels = list(_RULES)
    results = [
        _result(verdict, labels.index(verdict.label), locate)
        for verdict in report.verdicts
        if verdict.label in SARIF_LEVELS
    ]
    notifications = [
        {"level": "error", "message": {"text": f"{failure.input}: {failure.reason}"}} for failure in report.failures
    ]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "claimcheck",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": _rules(),
                    }
                },
                "invocations": [
                    {"executionSuccessful": True, "toolExecutionNotifications": notifications},
                ],
                "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "The folder claimcheck ran in."}}},
                "results": results,
                "properties": {
                    "schemaVersion": report.schema_version,
                    "corpus": report.corpus.model_dump(mode="json"),
                    "claims": len(report.verdicts),
                    **({"baseline": report.baseline.model_dump(mode="json")} if report.baseline else {}),
                },
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
