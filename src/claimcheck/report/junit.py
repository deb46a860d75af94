"""Report -> JUnit XML, for CI systems that show test results (GitLab, Jenkins, Azure, CircleCI).

Each article is a test suite and each of its claims a test case. A claim whose label is in
fail_on (default: contradicted) is a <failure>; other claims pass, with their label and reason in
<system-out>. An input that could not be read is an <error> in a suite named "inputs".
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable

from claimcheck.ci import parse_labels
from claimcheck.ingest.lines import Locator, no_locator
from claimcheck.models import Report, Verdict
from claimcheck.report.evidence_text import evidence_line

__all__ = ["TYPED_SUITE", "render_junit"]

TYPED_SUITE = "typed claims"


def _details(verdict: Verdict) -> str:
    lines = [f"{verdict.label}: {verdict.reason}"]
    lines.append(f"supporting origins: {verdict.supporting_origins}; contradicting origins: {verdict.contradicting_origins}")
    for evidence in verdict.evidence:
        lines.append(evidence_line(evidence))
    return "\n".join(lines)


def _case_name(verdict: Verdict) -> str:
    return verdict.claim if len(verdict.claim) <= 200 else verdict.claim[:199] + "…"


def render_junit(report: Report, *, fail_on: Iterable[str] = ("contradicted",), locate: Locator | None = None) -> str:
    """The report as JUnit XML text (deterministic: suites in report order, no timestamps)."""
    failing = set(parse_labels(fail_on))
    locate = locate or no_locator
    suites: dict[str, list[Verdict]] = {}
    for verdict in report.verdicts:
        suites.setdefault(verdict.source or TYPED_SUITE, []).append(verdict)

    root = ET.Element("testsuites", name="claimcheck")
    total_tests = total_failures = total_errors = 0
    for name, verdicts in suites.items():
        failures = sum(1 for v in verdicts if v.label in failing)
        suite = ET.SubElement(
            root, "testsuite", name=name, tests=str(len(verdicts)), failures=str(failures), errors="0", skipped="0"
        )
        for verdict in verdicts:
            attributes = {"classname": name, "name": _case_name(verdict)}
            if verdict.source:
                attributes["file"] = verdict.source
                lines = locate(verdict.source, verdict.span, verdict.claim) if verdict.span else None
                if lines is not None:
                    attributes["line"] = str(lines[0])
            case = ET.SubElement(suite, "testcase", attributes)
            if verdict.label in failing:
                failure = ET.SubElement(case, "failure", type=verdict.label, message=f"{verdict.label}: {verdict.reason}")
                failure.text = _details(verdict)
            else:
                ET.SubElement(case, "system-out").text = _details(verdict)
        total_tests += len(verdicts)
        total_failures += failures
    if report.failures:
        suite = ET.SubElement(
            root, "testsuite", name="inputs", tests=str(len(report.failures)), failures="0",
            errors=str(len(report.failures)), skipped="0",
        )
        for read_failure in report.failures:
            case = ET.SubElement(suite, "testcase", classname="inputs", name=read_failure.input)
            error = ET.SubElement(case, "error", type="read-failure", message=read_failure.reason)
            error.text = f"{read_failure.input}: {read_failure.reason}"
        total_tests += len(report.failures)
        total_errors += len(report.failures)
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", str(total_errors))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
