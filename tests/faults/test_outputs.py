"""Output paths: checked before the work (one line naming the path, exit 2), no temporary files left, the umask respected."""

from __future__ import annotations

import http.server
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import GOOD_ARTICLE, require_unprivileged_runs, run_cli, stderr_lines, write_articles


@pytest.fixture
def news(tmp_path) -> Path:
    folder = tmp_path / "news"
    write_articles(folder, 2)
    return folder


def verify_args(news: Path) -> list[str]:
    return ["verify", str(news / "article-000.txt"), "--against", str(news), "--format", "json"]


def files_under(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: (tmp / "out").mkdir() or tmp / "out", "cannot write the output: it is a folder; give a file name"),
        (lambda tmp: (tmp / "plain").write_text("x") and tmp / "plain" / "out.json",
         "cannot write the output: {tmp}/plain is not a folder"),
        (lambda tmp: (tmp / "plain").write_text("x") and tmp / "plain" / "deeper" / "out.json",
         "cannot write the output: {tmp}/plain is not a folder"),
    ],
    ids=["onto-a-folder", "parent-is-a-file", "grandparent-is-a-file"],
)
def test_an_output_path_that_cannot_be_written_fails_before_the_work(invoke, news, tmp_path, make, message):
    target = make(tmp_path)
    before = files_under(tmp_path)

    result = invoke(*verify_args(news), "-o", str(target))

    assert result.exit_code == 2
    assert stderr_lines(result) == [f"claimcheck: error: {target}: {message.format(tmp=tmp_path)}"]
    assert result.stdout == ""
    assert files_under(tmp_path) == before  # nothing indexed, no store, no temporary file


def test_a_baseline_path_that_cannot_be_written_fails_before_the_work(invoke, news, tmp_path):
    (tmp_path / "baselines").mkdir()

    result = invoke(*verify_args(news), "--write-baseline", str(tmp_path / "baselines"))

    assert result.exit_code == 2
    assert stderr_lines(result) == [
        f"claimcheck: error: {tmp_path / 'baselines'}: cannot write the baseline: it is a folder; give a file name"
    ]
    assert not (news / ".claimcheck").exists()


def test_check_refuses_an_output_onto_a_folder_before_reading_the_corpus(invoke, news, tmp_path):
    result = invoke("check", "The city of Oslo opened a tram line of 5 kilometres on Monday.", "--against", str(news),
                    "-o", str(tmp_path))

    assert result.exit_code == 2
    assert "it is a folder; give a file name" in result.stderr
    assert not (news / ".claimcheck").exists()


def test_an_output_into_a_folder_the_user_cannot_write_fails_before_the_work(shared_tmp):
    require_unprivileged_runs()  # as 'nobody' when we are root, whom modes do not stop
    news = shared_tmp / "news"
    write_articles(news, 2)
    locked = shared_tmp / "locked"
    locked.mkdir(mode=0o755)

    result = run_cli(*verify_args(news), "-o", str(locked / "out.json"), as_nobody=True)

    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines() == [
        f"claimcheck: error: {locked / 'out.json'}: cannot write the output: no permission to write into {locked}"
    ]
    assert list(locked.iterdir()) == []


@pytest.fixture
def umask() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_reports_and_baselines_get_the_mode_the_umask_allows(invoke, news, tmp_path, umask):
    report, baseline = tmp_path / "out" / "report.json", tmp_path / "baseline.json"

    result = invoke(*verify_args(news), "-o", str(report), "--write-baseline", str(baseline))

    assert result.exit_code == 0, result.output
    assert json.loads(report.read_text())["verdicts"]
    assert (mode(report), mode(baseline)) == (0o644, 0o644)
    os.umask(0o077)
    report.chmod(0o640)  # a file written over keeps its mode; a new one follows the umask
    assert invoke(*verify_args(news), "-o", str(report), "--write-baseline", str(tmp_path / "b2.json")).exit_code == 0
    assert (mode(report), mode(tmp_path / "b2.json")) == (0o640, 0o600)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b2.json", "baseline.json", "news", "out"]
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["report.json"]


class _Page(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = f"<html><head><title>Bridge</title></head><body><article><p>{GOOD_ARTICLE}</p></article></body></html>"
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def page_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_fetched_articles_get_the_mode_the_umask_allows(invoke, page_server, tmp_path, umask):
    result = invoke("fetch", f"{page_server}/story", "--out", str(tmp_path / "corpus"), "--allow-private",
                    "--cache-dir", str(tmp_path / "cache"))

    assert result.exit_code == 0, result.output
    saved = [path for path in (tmp_path / "corpus").iterdir()]
    assert len(saved) == 1 and not saved[0].name.startswith(".")
    assert mode(saved[0]) == 0o644
