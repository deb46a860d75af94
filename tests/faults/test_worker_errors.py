"""An error that stops a run while spaCy's worker processes parse (--jobs 2): one line, exit 2, at once, no
worker left behind. It used to hang for ever: closing the parser waited for workers blocked on their pipes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
from conftest import group_alive, small_article, write_articles

# claimcheck's CLI with one step failing on the third article, as a store deleted or a disk filled mid-run would.
DRIVER = """
import sys
import claimcheck.pipeline as pipeline
from claimcheck.cli import main
from claimcheck.errors import StoreError
from claimcheck.store.corpus_store import CorpusStore
calls = []
def failing_on_the_third(real):
    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise StoreError("the corpus store went away (injected)")
        return real(*args, **kwargs)
    return failing
if sys.argv[1] == "verify":
    pipeline.report_on_article = failing_on_the_third(pipeline.report_on_article)
else:
    CorpusStore.put = failing_on_the_third(CorpusStore.put)
sys.argv = ["claimcheck", *sys.argv[1:]]
main()
"""



@pytest.mark.parametrize("command", ["verify", "index"])
def test_a_store_error_mid_run_with_two_jobs_ends_the_run_with_its_message(command, tmp_path):
    corpus = tmp_path / "corpus"
    write_articles(corpus, 5)
    folder = tmp_path / "news"
    folder.mkdir()
    # Long articles: the workers run ahead of the checking and fill their pipes, as they do on real news.
    for number in range(30):
        paragraphs = [small_article(number * 40 + part).split("\n\n", 1)[1] for part in range(40)]
        (folder / f"article-{number:03d}.txt").write_text(f"Report {number}\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    options = ["--against", str(corpus), "--format", "json"] if command == "verify" else []
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("CLAIMCHECK_DEBUG", None)
    process = subprocess.Popen(
        [sys.executable, "-c", DRIVER, command, str(folder), *options, "--jobs", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, start_new_session=True,
    )
    try:
        stdout, stderr = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise AssertionError("the run hung after the store error") from None
    finally:
        if group_alive(process.pid):
            os.killpg(process.pid, signal.SIGKILL)

    assert process.returncode == 2, stderr
    assert stderr.strip().splitlines()[-1] == "claimcheck: error: the corpus store went away (injected)"
    assert "Traceback" not in stderr and "W127" not in stderr
    assert stdout == ""
