"""index, verify and map on a Dask cluster (--cluster): the same store and the same report as a local run.

A LocalCluster of two worker processes is started once for the module; `local:2` starts its own.
Nothing here touches the network beyond 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.errors import ClusterError
from claimcheck.store import CorpusStore
from tests.conftest import SEEDS

distributed = pytest.importorskip("distributed", reason="the cluster extra is not installed: pip install -e '.[cluster]'")
DRAFTS = ["001_afec0359e47d1f55.txt", "003_a4435aa4fe306851.txt"]


@pytest.fixture(scope="module")
def scheduler():
    """The address of a LocalCluster of two single-threaded worker processes."""
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None, silence_logs=40
    ) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    """A corpus (the seeds) and a folder of drafts outside it (copies of two seeds, so parsed again)."""
    root = tmp_path_factory.mktemp("cluster")
    corpus, drafts = root / "corpus", root / "drafts"
    shutil.copytree(SEEDS, corpus)
    drafts.mkdir()
    for name in DRAFTS:
        shutil.copy2(SEEDS / name, drafts / name)
    return corpus, drafts


def _contents(store_path: Path) -> dict[str, object]:
    """What a store holds, as data: not its bytes (SQLite pages differ with the order of writes)."""
    with CorpusStore.open(store_path) as store:
        return {
            "articles": [article.model_dump() for article in store.articles()],
            "statements": [statement.model_dump() for statement in store.statements()],
            "origins": store.cached_origins(),
            "copy_keys": sorted(store.copy_keys()),
            "files": store.file_records(),
        }


def test_index_on_local_cluster_stores_what_a_local_run_stores(folders, tmp_path):
    corpus, _ = folders
    runner = CliRunner()
    local = runner.invoke(cli, ["index", str(corpus), "--store", str(tmp_path / "local")])
    on_cluster = runner.invoke(cli, ["index", str(corpus), "--store", str(tmp_path / "cluster"), "--cluster", "local:2"])
    assert local.exit_code == 0, local.stderr
    assert on_cluster.exit_code == 0, on_cluster.stderr
    assert "indexed 5 new or changed" in on_cluster.stderr
    assert _contents(tmp_path / "cluster") == _contents(tmp_path / "local")
    again = runner.invoke(cli, ["index", str(corpus), "--store", str(tmp_path / "cluster"), "--cluster", "local:1"])
    assert "indexed 0 new or changed, 5 unchanged" in again.stderr  # as resumable as a local store


def test_verify_on_cluster_prints_the_local_report(folders, scheduler):
    corpus, drafts = folders
    runner = CliRunner()
    base = ["verify", str(drafts), "--against", str(corpus), "--format", "json"]
    local = runner.invoke(cli, base)
    on_cluster = runner.invoke(cli, [*base, "--cluster", scheduler])
    assert local.exit_code == 0, local.stderr
    assert on_cluster.exit_code == 0, on_cluster.stderr
    assert json.loads(on_cluster.stdout) == json.loads(local.stdout)
    assert on_cluster.stdout == local.stdout and on_cluster.stderr == local.stderr


def test_map_on_cluster_prints_the_local_map_and_keeps_its_verdicts_for_the_next_map(folders, scheduler, tmp_path):
    corpus, _ = folders
    runner = CliRunner()
    local = runner.invoke(cli, ["map", str(corpus), "--store", str(tmp_path / "local"), "--format", "json"])
    base = ["map", str(corpus), "--store", str(tmp_path / "cluster"), "--format", "json"]
    on_cluster = runner.invoke(cli, [*base, "--cluster", scheduler])
    assert local.exit_code == 0, local.stderr
    assert on_cluster.exit_code == 0, on_cluster.stderr
    assert on_cluster.stdout == local.stdout
    again = runner.invoke(cli, base)
    assert "the verdicts of 5 of 5 articles were reused from the store" in again.stderr
    assert again.stdout == local.stdout


def test_cluster_setting_comes_from_the_environment(folders, scheduler, tmp_path):
    corpus, _ = folders
    result = CliRunner().invoke(
        cli, ["index", str(corpus), "--store", str(tmp_path / "s")], env={"CLAIMCHECK_CLUSTER": scheduler}
    )
    assert result.exit_code == 0, result.stderr
    assert "indexed 5 new or changed" in result.stderr


def test_a_scheduler_that_does_not_answer_is_a_clear_error_within_the_timeout(folders):
    from claimcheck.distributed import open_cluster

    started = time.monotonic()
    with pytest.raises(ClusterError, match=r"tcp://127\.0\.0\.1:1: no Dask scheduler answered within 2 s"), \
            open_cluster("tcp://127.0.0.1:1", connect_timeout_s=2):
        pass
    assert time.monotonic() - started < 8
    corpus, _ = folders
    result = CliRunner().invoke(cli, ["index", str(corpus), "--cluster", "tcp://127.0.0.1:1"])
    assert result.exit_code == 2
    assert result.stderr.startswith("claimcheck: error: tcp://127.0.0.1:1: no Dask scheduler answered")


def test_a_bad_cluster_address_is_a_usage_error(folders):
    corpus, _ = folders
    result = CliRunner().invoke(cli, ["index", str(corpus), "--cluster", "scheduler"])
    assert result.exit_code == 2
    assert "--cluster: not a Dask scheduler address" in result.stderr


def test_a_run_without_cluster_imports_no_dask(folders, tmp_path):
    corpus, _ = folders
    script = (
        "import sys; from click.testing import CliRunner; from claimcheck.cli import cli; "
        f"r = CliRunner().invoke(cli, ['index', {str(corpus)!r}, '--store', {str(tmp_path / 's')!r}]); "
        "assert r.exit_code == 0, r.stderr; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=dict(os.environ))
    assert out.stdout.strip() == "[]"


def _fail_on(marker: str, how: str) -> None:
    """Run on each worker: checking an article whose source holds marker raises (how='raise'), or kills
    the worker process once (how='die': the first worker to meet it exits; the retry then succeeds)."""
    import claimcheck.distributed as module

    checked = module.report_on_article

    def faulty(article, *args, **kwargs):
        if marker in article.source:
            if how == "raise":
                raise RuntimeError("injected fault")
            flag = Path(os.environ.get("TMPDIR", "/tmp")) / f"claimcheck-died-{marker}"
            if not flag.exists():
                flag.write_text("")
                os._exit(1)
        return checked(article, *args, **kwargs)

    module.report_on_article = faulty


@pytest.fixture()
def faulty_workers(scheduler):
    import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    client = distributed.Client(scheduler, timeout=10)

    def install(marker: str, how: str) -> None:
        client.run(_fail_on, marker, how)

    yield install
    client.run(_restore)
    client.close()


def _restore() -> None:
    import claimcheck.distributed as module
    from claimcheck.pipeline import report_on_article

    module.report_on_article = report_on_article


def test_a_worker_failure_on_one_article_is_that_articles_failure(folders, scheduler, faulty_workers):
    corpus, drafts = folders
    faulty_workers(DRAFTS[0][:8], "raise")
    result = CliRunner().invoke(cli, ["verify", str(drafts), "--against", str(corpus), "--format", "json", "--cluster", scheduler])
    assert result.exit_code == 3, result.stderr
    assert f"{drafts / DRAFTS[0]}: failed on a cluster worker (RuntimeError: injected fault)" in result.stderr
    sources = {verdict["source"] for verdict in json.loads(result.stdout)["verdicts"]}
    assert sources == {str(drafts / DRAFTS[1])}


def test_a_worker_killed_mid_run_does_not_end_the_run(folders, scheduler, faulty_workers, tmp_path, monkeypatch):
    corpus, drafts = folders
    marker = f"{DRAFTS[1][:8]}"
    (Path(os.environ.get("TMPDIR", "/tmp")) / f"claimcheck-died-{marker}").unlink(missing_ok=True)
    faulty_workers(marker, "die")
    result = CliRunner().invoke(cli, ["verify", str(drafts), "--against", str(corpus), "--format", "json", "--cluster", scheduler])
    assert (Path(os.environ.get("TMPDIR", "/tmp")) / f"claimcheck-died-{marker}").exists()  # a worker did die
    assert result.exit_code == 0, result.stderr
    sources = {verdict["source"] for verdict in json.loads(result.stdout)["verdicts"]}
    assert sources == {str(drafts / name) for name in DRAFTS}
