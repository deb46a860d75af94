"""The HTML report: the marks, the escaping, a page that loads nothing, and the page in a real browser.

The browser tests run the real CLI on a small corpus (one article holds script and onerror markup,
two disagree on a figure), open the page in headless Chromium through Playwright and click its
filters. They need Debian's chromium: without it they skip, unless CI is set (.ci/run installs it),
where they fail.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sample_reports import sample_report

from claimcheck.cli import cli
from claimcheck.models import CorpusInfo, Report
from claimcheck.report import render
from claimcheck.report.highlight import Segment, claim_segments, decisive_segments
from claimcheck.report.html import render_html, source_href

LOCAL = """Sweden pledges aid to Ukraine

Sweden announced a $5 billion aid package for Ukraine on Monday.
The Swedish navy will train Ukrainian sailors in the Baltic Sea next spring.
"""
WIRE = """Stockholm backs Kyiv

Sweden announced a $2.2 billion aid package for Ukraine on Monday, according to the Swedish defence ministry.
The Swedish navy will train Ukrainian sailors in the Baltic Sea next spring, officials said.
"""
SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
BLOG = f"""Nordic defence notes {SCRIPT}

The Swedish navy will train Ukrainian sailors {IMG} in the Baltic Sea next spring.
Finland opened a new border crossing with Norway in Lapland on Tuesday {SCRIPT}.
"""


def marked(segments: list[Segment]) -> list[tuple[str, str | None]]:
    return [(segment.text, segment.kind) for segment in segments if segment.kind]


# -- the decisive words (a pure function) ---------------------------------------------------------


def test_the_disagreeing_figure_is_marked_with_its_currency_and_scale() -> None:
    sentence = "Sweden announced a $2.2 billion aid package for Ukraine on Monday."
    segments = decisive_segments(sentence, reason="numbers disagree: $5 billion vs $2.2 billion", rule="number-conflict")
    assert marked(segments) == [("$2.2 billion", "figure")]
    assert "".join(segment.text for segment in segments) == sentence


def test_figures_are_whole_numbers_written_either_way() -> None:
    reason = "numbers agree: about 10,000 vs 10000"
    sentence = "Some 10000 soldiers, 2.2 or 10,0005 of them, and 10,000 more, 21% of the force."
    assert marked(decisive_segments(sentence, reason=reason, rule="number-agreement")) == [("10000", "figure"), ("10,000", "figure")]
    years = decisive_segments("The 2019 flood hit 20 towns.", reason="another time: 2019, the claim 2023", rule="other-time")
    assert marked(years) == [("2019", "figure")]
    percent = decisive_segments("Turnout rose 62 % and 5m voted.", reason="numbers disagree: 60% vs 62 %", rule="number-conflict")
    assert marked(percent) == [("62 %", "figure")]


def test_numbers_of_a_coverage_or_model_reason_are_not_figures_of_the_sentence() -> None:
    sentence = "About 62% of the 100 voters stayed home."
    assert marked(decisive_segments(sentence, reason="related: covers 62% of the claim", rule="related")) == []
    assert marked(decisive_segments(sentence, reason="model reads the source as supports (62%): ...", rule="model")) == []


def test_quoted_cues_are_marked_as_whole_words_in_any_case() -> None:
    sentence = "Seoul says North Korea has not  sent troops; it Denied the report."
    assert marked(decisive_segments(sentence, reason="negated: 'has not sent'", rule="negation")) == [("has not  sent", "cue")]
    assert marked(decisive_segments(sentence, reason="denied: 'denied'", rule="denial")) == [("Denied", "cue")]
    assert marked(decisive_segments("It was undenied.", reason="denied: 'denied'", rule="denial")) == []
    # an apostrophe inside a quotation does not end it; a long quotation is a sentence, not a cue
    assert marked(decisive_segments("They didn't go.", reason="negated: 'didn't'", rule="negation")) == [("didn't", "cue")]
    tale = "Turns out, the entire tale is rubbish, a spokesman said."
    assert marked(decisive_segments(tale, reason=f"denies the story as a whole: '{tale}'", rule="denied-tale")) == []
    # a quoted figure ('2') is no word to mark inside '$2.2 billion'
    assert marked(decisive_segments("It gave $2.2 billion.", reason="covers 17% (missing 'sweden', '2')", rule="model")) == []


def test_the_party_the_source_cites_is_marked() -> None:
    sentence = "Sweden pledged $2.2 billion, according to the Swedish Defence Ministry."
    segments = decisive_segments(
        sentence, reason="numbers disagree: $5 billion vs $2.2 billion", rule="number-conflict",
        attributed_to="the Swedish defence ministry",
    )
    assert marked(segments) == [("$2.2 billion", "figure"), ("the Swedish Defence Ministry", "party")]


def test_overlapping_marks_keep_the_first_and_the_sentence_whole() -> None:
    sentence = "Officials denied it."
    segments = decisive_segments(sentence, reason="denied: 'officials denied'", rule="denial", attributed_to="Officials")
    assert marked(segments) == [("Officials denied", "cue")]
    assert "".join(segment.text for segment in segments) == sentence
    assert decisive_segments("", reason="x", rule="negation") == [Segment("")]


def test_a_claim_that_is_one_clause_is_marked_in_its_sentence() -> None:
    sentence = "The army retreated, and the ministry sent 300 troops."
    assert marked(claim_segments(sentence, "the ministry sent 300 troops")) == [("the ministry sent 300 troops", "claim")]
    assert claim_segments(sentence, sentence) == [Segment(sentence)]
    assert claim_segments(sentence, "words not in it") == [Segment(sentence)]


# -- the page as text ----------------------------------------------------------------------------


class _Resources(HTMLParser):
    """Every attribute that makes a browser load something, and the contents of style and script elements."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []
        self.inline: dict[str, list[str]] = {"style": [], "script": []}
        self.csp: str | None = None
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("src", "srcset", "poster", "data", "action", "formaction", "background"):
            if name in values:
                self.loads.append(f"<{tag} {name}={values[name]}>")
        if "href" in values and tag != "a":  # <link href>, <base href>: a stylesheet, a font, a base
            self.loads.append(f"<{tag} href={values['href']}>")
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "content-security-policy":
            self.csp = values.get("content")
        self._open = tag if tag in self.inline else None
        if self._open:
            self.inline[self._open].append("")

    def handle_data(self, data: str) -> None:
        if self._open:
            self.inline[self._open][-1] += data

    def handle_endtag(self, tag: str) -> None:
        self._open = None


def _csp_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def test_html_loads_nothing_and_allows_only_its_own_inline_style_and_script(tmp_path: Path) -> None:
    report = sample_report(tmp_path)
    fetched = report.verdicts[0].model_copy(update={"source": "https://example.org/story"})
    page = render_html(report.model_copy(update={"verdicts": [fetched, *report.verdicts[1:]]}))

    parsed = _Resources()
    parsed.feed(page)
    assert parsed.loads == []
    assert not re.search(r"""(?:src|href)\s*=\s*["']?https?://""", page.replace('<a href="https://example.org/story"', ""))
    assert '<a href="https://example.org/story">' in page  # a fetched source is a link to follow, not a load
    [style], [script] = parsed.inline["style"], parsed.inline["script"]
    assert "url(" not in style and "@import" not in style and "fetch(" not in script and "XMLHttpRequest" not in script
    assert parsed.csp is not None
    policy = dict(part.strip().split(" ", 1) for part in parsed.csp.split(";"))
    assert policy["default-src"] == "'none'"
    assert policy["style-src"] == _csp_source(style) and policy["script-src"] == _csp_source(script)


def test_html_escapes_article_text_everywhere(tmp_path: Path) -> None:
    report = sample_report(tmp_path)
    evil = report.verdicts[0].evidence[0].model_copy(update={
        "sentence": f"Seoul says {SCRIPT} North Korea has not sent troops {IMG}.",
        "source": 'corpus/"><script>x()</script>.txt', "attributed_to": "<b>the ministry</b>",
    })
    verdict = report.verdicts[0].model_copy(update={"evidence": [evil], "claim": IMG, "name": SCRIPT, "reason": "<i>why</i>"})
    page = render_html(report.model_copy(update={"verdicts": [verdict]}))
    assert page.count("<script>") == 1  # the page's own
    assert "<img" not in page and "<b>" not in page and "<i>" not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert 'data-source="corpus/&#34;&gt;&lt;script&gt;x()&lt;/script&gt;.txt"' in page
    assert '<mark class="cue">has not sent</mark>' in page


def test_html_is_the_same_bytes_for_the_same_report_and_renders_an_empty_one(tmp_path: Path) -> None:
    report = sample_report(tmp_path)
    assert render_html(report) == render_html(report) == render(report, "html")
    empty = render_html(Report(corpus=CorpusInfo(location="c", sources=0, origins=0, statements=0)))
    assert "No claims were found to check." in empty


def test_html_names_every_label_count_the_failures_and_the_lines(tmp_path: Path) -> None:
    report = sample_report(tmp_path)
    page = render(report, "html", locate=lambda source, span, text: (4, 4) if text.startswith("North Korea") else None)
    for label in ("contradicted", "single-sourced", "unmatched", "corroborated"):
        assert f'<td class="number" data-count="{label}">1</td>' in page
    assert "1 input could not be read" in page and "broken.pdf" in page
    assert ", line 4," in page


def test_source_links_are_file_urls_or_the_fetched_url(tmp_path: Path) -> None:
    assert source_href("corpus/a b.txt", cwd=tmp_path) == (tmp_path / "corpus" / "a b.txt").as_uri()
    assert source_href("/srv/x.txt") == "file:///srv/x.txt"
    assert source_href("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert source_href("javascript:alert(1)", cwd=Path("/w")) == "file:///w/javascript%3Aalert%281%29"
    assert source_href("-") is None and source_href(None) is None


# -- the page in a browser ------------------------------------------------------------------------


def _chromium() -> str:
    """The system chromium, or skip (no CI) / fail (CI): CI must run these tests."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    playwright_missing = False
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        playwright_missing = True
    if found and not playwright_missing:
        return found
    missing = "the playwright package (pip install -e '.[dev]')" if playwright_missing else "chromium (apt-get install chromium)"
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but {missing} is missing: .ci/run installs both")
    pytest.skip(f"browser test: {missing} is not installed; CI runs it")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = _chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, headless=True)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("html-report")
    corpus = folder / "corpus"
    corpus.mkdir()
    (corpus / "a_local.txt").write_text(LOCAL, encoding="utf-8")
    (corpus / "b_wire.txt").write_text(WIRE, encoding="utf-8")
    (corpus / "c_blog.txt").write_text(BLOG, encoding="utf-8")
    return folder


def _run(workspace: Path, *args: str) -> tuple[Path, dict[str, Any]]:
    """Run the real CLI twice, as HTML and as JSON (what the page should show); the HTML file and the JSON report."""
    corpus = str(workspace / "corpus")
    name = args[0]
    html = workspace / f"{name}.html"
    runner = CliRunner()
    written = runner.invoke(cli, [*args, "--against", corpus, "--format", "html", "-o", str(html)])
    assert written.exit_code == 0, written.stderr
    assert written.stdout == ""
    as_json = runner.invoke(cli, [*args, "--against", corpus, "--format", "json"])
    return html, json.loads(as_json.stdout)


@pytest.fixture(scope="module")
def verified(workspace: Path) -> tuple[Path, dict[str, Any]]:
    return _run(workspace, "verify", str(workspace / "corpus"))


@pytest.fixture
def page_errors() -> list[str]:
    """What the page logged as errors: script exceptions, and anything its CSP refused."""
    return []


@pytest.fixture
def page(browser: Any, page_errors: list[str]) -> Iterator[Any]:
    opened = browser.new_page(viewport={"width": 1366, "height": 768})  # a laptop screen
    opened.on("console", lambda message: page_errors.append(message.text) if message.type == "error" else None)
    opened.on("pageerror", lambda error: page_errors.append(str(error)))
    yield opened
    opened.close()


def _open(page: Any, html: Path) -> Any:
    page.goto(html.as_uri())
    page.wait_for_selector("#filters:not([hidden])", timeout=10_000)  # the page's script ran (its CSP hash holds)
    return page


def _visible_labels(page: Any) -> list[str]:
    return page.eval_on_selector_all("article.claim:not([hidden])", "els => els.map(e => e.dataset.label)")


def test_browser_label_filter_hides_the_other_claims(page: Any, page_errors: list[str], verified: tuple[Path, dict[str, Any]]) -> None:
    html, report = verified
    labels = [verdict["label"] for verdict in report["verdicts"]]
    assert {"contradicted", "corroborated", "single-sourced"} <= set(labels)
    _open(page, html)
    assert _visible_labels(page) == labels
    assert page.inner_text("#shown") == f"showing {len(labels)} of {len(labels)} claims"

    for label in ("single-sourced", "unmatched", "corroborated"):
        page.uncheck(f"#filters input[value={label}]")
    assert _visible_labels(page) == ["contradicted"] * labels.count("contradicted")
    assert page.locator("article.claim:visible").count() == labels.count("contradicted")
    assert page.inner_text("#shown") == f"showing {labels.count('contradicted')} of {len(labels)} claims"

    page.check("#filters input[value=corroborated]")
    local = str(Path(html.parent / "corpus" / "a_local.txt"))
    page.select_option("#source-filter", f"article:{local}")
    shown = page.eval_on_selector_all("article.claim:not([hidden])", "els => els.map(e => [e.dataset.article, e.dataset.label])")
    expected = [[v["source"], v["label"]] for v in report["verdicts"] if v["source"] == local and v["label"] in {"contradicted", "corroborated"}]
    assert shown == expected and expected
    assert page.locator("section.article:visible").count() == 1
    assert page_errors == []


def test_browser_marks_the_disagreeing_figures(page: Any, verified: tuple[Path, dict[str, Any]]) -> None:
    html, report = verified
    _open(page, html)
    local = str(html.parent / "corpus" / "a_local.txt")
    [conflict] = [v for v in report["verdicts"] if v["source"] == local and v["label"] == "contradicted"]
    assert [e["reason"] for e in conflict["evidence"]] == ["numbers disagree: $5 billion vs $2.2 billion"]
    block = page.locator(f"article.claim#claim-{conflict['id']}")
    assert block.locator("mark.figure").all_inner_texts() == ["$2.2 billion"]
    assert block.locator("mark.party").all_inner_texts() == ["the Swedish defence ministry"]
    assert "according to the Swedish defence ministry" in block.locator(".evidence-head").inner_text()
    # and the other way round: the wire's claim, contradicted by the local figure
    wire = str(html.parent / "corpus" / "b_wire.txt")
    [other] = [v for v in report["verdicts"] if v["source"] == wire and v["label"] == "contradicted"]
    assert page.locator(f"article.claim#claim-{other['id']} mark.figure").all_inner_texts() == ["$5 billion"]


def test_browser_runs_no_script_from_the_corpus(page: Any, page_errors: list[str], verified: tuple[Path, dict[str, Any]]) -> None:
    html, _ = verified
    _open(page, html)
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    text = page.inner_text("main")
    assert SCRIPT in text and IMG in text  # shown as the words they are
    assert page.locator("main img, main script").count() == 0
    assert page_errors == []  # nothing was refused by the policy either: nothing tried to load


def test_browser_print_shows_every_claim_without_the_filters(page: Any, verified: tuple[Path, dict[str, Any]]) -> None:
    html, report = verified
    _open(page, html)
    page.uncheck("#filters input[value=contradicted]")
    page.emulate_media(media="print")
    assert not page.is_visible("#filters")
    assert page.locator("article.claim:visible").count() == len(report["verdicts"])


def test_browser_screenshot_of_the_report(page: Any, verified: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    html, _ = verified
    _open(page, html)
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=True)
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000


def test_browser_check_report_shows_typed_claims_with_their_evidence(page: Any, page_errors: list[str], workspace: Path) -> None:
    html, report = _run(workspace, "check", "Sweden announced a $5 billion aid package for Ukraine on Monday.")
    assert [v["label"] for v in report["verdicts"]] == ["contradicted"]
    _open(page, html)
    assert page.inner_text("main h2") == "Typed claims"
    claim = page.locator("article.claim")
    assert claim.get_attribute("data-article") == ""
    assert "typed claim" in claim.locator(".where").inner_text()
    assert "$2.2 billion" in claim.locator("mark.figure").all_inner_texts()
    wire = str(workspace / "corpus" / "b_wire.txt")
    page.select_option("#source-filter", f"evidence:{wire}")
    assert page.locator("article.claim:visible").count() == 1
    page.select_option("#source-filter", "article:")
    assert page.locator("article.claim:visible").count() == 1
    assert page_errors == []


def test_browser_map_page_shows_the_conflict_first_and_runs_no_script(
    page: Any, page_errors: list[str], workspace: Path, tmp_path: Path
) -> None:
    corpus = str(workspace / "corpus")
    html = tmp_path / "map.html"
    runner = CliRunner()
    store = str(tmp_path / "store")
    written = runner.invoke(cli, ["map", corpus, "--store", store, "--format", "html", "-o", str(html)])
    assert written.exit_code == 0, written.stderr
    clusters = json.loads(runner.invoke(cli, ["map", corpus, "--store", store, "--format", "json"]).stdout)["clusters"]
    assert clusters[0]["label"] == "contradicted"

    page.goto(html.as_uri())

    first = page.locator("section.claim").first
    assert "contradicted" in first.locator("h2 .badge").inner_text()
    assert clusters[0]["name"] in first.locator("h2").inner_text()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert "<script>window.__pwned=1</script>" in page.inner_text("body")  # shown as text, not run
    shot = tmp_path / "map.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert page_errors == []
