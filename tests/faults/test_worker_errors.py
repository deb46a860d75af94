"""An error that stops a run while spaCy's worker processes parse (--jobs 2): one line, exit 2, at once, no
worker left behind. It used to hang for ever: closing the parser waited for workers blocked on their pipes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from conftest import small_article, write_articles

# claimcheck's CLI with the store failing on the third article it checks, as a store deleted mid-run would.
DRIVER = """
import sys
import claimcheck.pipeline as pipeline
from claimcheck.cli import main
from claimcheck.errors import StoreError
checked = []
real = pipeline.report_on_article
def failing(*args, **kwargs):
    checked.append(args[0].source)
    if len(checked) == 3:
        raise StoreError("the corpus store went away (injected)")
    return real(*args, **kwargs)
pipeline.report_on_article = failing
sys.argv = ["claimcheck", *sys.argv[1:]]
main()
"""


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_store_error_mid_run_with_two_jobs_ends_the_run_with_its_message(tmp_path):
    corpus = tmp_path / "corpus"
    write_articles(corpus, 5)
    folder = tmp_path / "news"
    folder.mkdir()
    # Long articles: the workers run ahead of the checking and fill their pipes, as they do on real news.
    for number in range(30):
        paragraphs = [small_article(number * 40 + part).split("\n\n", 1)[1] for part in range(40)]
        (folder / f"article-{number:03d}.txt").write_text(f"Report {number}\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("CLAIMCHECK_DEBUG", None)
    process = subprocess.Popen(
        [sys.executable, "-c", DRIVER, "verify", str(folder), "--against", str(corpus), "--jobs", "2", "--format", "json"],
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
