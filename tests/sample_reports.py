"""Hand-built reports for the output-format and CI tests: article files on disk, verdicts with real spans."""

from __future__ import annotations

from pathlib import Path

from claimcheck.models import CorpusInfo, Evidence, EvidenceRule, ReadFailure, Report, Verdict

ARTICLE = """Troops at the border

Officials met on Monday to discuss the situation.
North Korea has sent about 10,000 troops to Russia, the agency said.

The bridge will reopen in May.
Analysts said the =SUM(A1) figure was "unclear" | disputed.
"""

HTML_ARTICLE = """<!doctype html>
<html><head><title>Report</title></head>
<body>
<article>
<p>The ministry said on Tuesday that
the <b>new missile</b> was tested twice.</p>
</article>
</body></html>
"""

CORPUS_TEXT = "Intro line.\nSeoul says North Korea has not sent troops to Russia.\n"


def _span(text: str, sentence: str) -> tuple[int, int]:
    start = text.index(sentence)
    return start, start + len(sentence)


def write_articles(folder: Path) -> tuple[str, str, str]:
    """Write the article files; returns (text article, html article, corpus source) as relative-or-absolute sources."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "page.html").write_text(HTML_ARTICLE, encoding="utf-8")
    (folder / "corpus").mkdir(exist_ok=True)
    (folder / "corpus" / "seoul.txt").write_text(CORPUS_TEXT, encoding="utf-8")
    return str(folder / "article.txt"), str(folder / "page.html"), str(folder / "corpus" / "seoul.txt")


def sample_report(folder: Path) -> Report:
    article, page, seoul = write_articles(folder)
    troops = "North Korea has sent about 10,000 troops to Russia, the agency said."
    bridge = "The bridge will reopen in May."
    analysts = 'Analysts said the =SUM(A1) figure was "unclear" | disputed.'
    missile = "The ministry said on Tuesday that the new missile was tested twice."
    denial = "Seoul says North Korea has not sent troops to Russia."
    evidence = Evidence(
        source=seoul,
        origin="seoul",
        sentence=denial,
        start=_span(CORPUS_TEXT, denial)[0],
        end=_span(CORPUS_TEXT, denial)[1],
        stance="contradicts",
        rule=EvidenceRule.NEGATION,
        reason="negated: 'has not sent'",
        relevance=0.9,
    )
    support = evidence.model_copy(update={"stance": "supports", "rule": EvidenceRule.RESTATEMENT, "reason": "same numbers and entities", "origin": "wire"})
    verdicts = [
        Verdict(
            id="c-troops",
            claim=troops,
            name="North Korean troops in Russia",
            source=article,
            span=_span(ARTICLE, troops),
            label="contradicted",
            supporting_origins=0,
            contradicting_origins=1,
            reason="1 independent origin contradicts it",
            evidence=[evidence],
        ),
        Verdict(
            id="c-bridge",
            claim=bridge,
            name="Bridge reopens in May",
            source=article,
            span=_span(ARTICLE, bridge),
            label="single-sourced",
            supporting_origins=0,
            contradicting_origins=0,
            reason="no independent source supports it",
        ),
        Verdict(
            id="c-analysts",
            claim=analysts,
            name="=Analysts dispute the figure",
            source=article,
            span=_span(ARTICLE, analysts),
            label="corroborated",
            supporting_origins=1,
            contradicting_origins=0,
            reason="1 independent origin supports it",
            evidence=[support],
        ),
        Verdict(
            id="c-missile",
            claim=missile,
            name="Missile tested twice",
            source=page,
            span=(0, len(missile)),
            label="unmatched",
            supporting_origins=0,
            contradicting_origins=0,
            reason="no source in the corpus mentions it",
        ),
    ]
    return Report(
        corpus=CorpusInfo(location=str(folder / "corpus"), sources=1, origins=1, statements=2),
        verdicts=verdicts,
        failures=[ReadFailure(input=str(folder / "broken.pdf"), reason="not text (binary data); pass an HTML, text or Markdown file")],
    )


def line_of(text: str, sentence: str) -> int:
    return text[: text.index(sentence)].count("\n") + 1
