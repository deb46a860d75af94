"""Odd folders: every entry that cannot be read is named with its reason, counted (exit 3), and the rest is checked."""

from __future__ import annotations

import json
import os
import shutil
import sys

import pytest
from conftest import GOOD_ARTICLE, require_unprivileged_runs, run_cli, write_articles


def sources_checked(stdout: str) -> set[str]:
    return {verdict["source"] for verdict in json.loads(stdout)["verdicts"]}


@pytest.fixture
def news(tmp_path):
    folder = tmp_path / "news"
    write_articles(folder, 2)
    return folder


def test_a_link_loop_in_the_folder_is_one_failed_input_and_the_rest_is_checked(invoke, news):
    (news / "a.txt").symlink_to(news / "b.txt")
    (news / "b.txt").symlink_to(news / "a.txt")

    result = invoke("verify", str(news), "--format", "json")

    assert result.exit_code == 3, result.output
    assert f"claimcheck: {news / 'a.txt'}: cannot be read (a link loop: too many levels of symbolic links)" in result.stderr
    assert f"claimcheck: {news / 'b.txt'}: cannot be read" in result.stderr
    assert sources_checked(result.stdout) == {str(news / "article-000.txt"), str(news / "article-001.txt")}


def test_a_broken_link_is_named_not_skipped(invoke, news):
    (news / "gone.txt").symlink_to(news / "deleted.txt")

    result = invoke("verify", str(news), "--format", "json")

    assert result.exit_code == 3
    assert f"{news / 'gone.txt'}: broken link" in result.stderr


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse names that are not UTF-8")
def test_a_file_name_that_is_not_utf8_is_named_readably_and_the_rest_is_checked(invoke, news):
    (news / os.fsdecode(b"caf\xe9.txt")).write_text(GOOD_ARTICLE, encoding="utf-8")

    result = invoke("verify", str(news), "--format", "json")

    assert result.exit_code == 3, result.output
    assert f"claimcheck: {news}/caf\\xe9.txt: file name is not valid UTF-8; rename the file to read it" in result.stderr
    assert len(sources_checked(result.stdout)) == 2


def test_a_corpus_folder_holding_a_name_that_is_not_utf8_still_indexes(invoke, news, tmp_path):
    # The store keeps sources as UTF-8 text: such a name must never reach it.
    (news / os.fsdecode(b"\xff\xfe.md")).write_text(GOOD_ARTICLE, encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text(GOOD_ARTICLE, encoding="utf-8")

    result = invoke("verify", str(draft), "--against", str(news), "--format", "json")

    assert result.exit_code == 3, result.output
    assert "\\xff\\xfe.md: file name is not valid UTF-8" in result.stderr
    assert sources_checked(result.stdout) == {str(draft)}


def test_a_sub_folder_that_cannot_be_read_is_reported_not_silently_skipped(shared_tmp):
    # Run as 'nobody' when the tests run as root (as in CI): root reads every folder whatever its mode.
    require_unprivileged_runs()
    news = shared_tmp / "news"
    write_articles(news, 2)
    locked = news / "locked"
    write_articles(locked, 1)
    news.chmod(0o777)  # the store is written into the folder
    locked.chmod(0o000)
    try:
        result = run_cli("verify", str(news), "--format", "json", as_nobody=True)
    finally:
        locked.chmod(0o755)
        shutil.rmtree(news / ".claimcheck", ignore_errors=True)

    assert result.returncode == 3, result.stderr
    assert f"claimcheck: {locked}: folder cannot be read (permission denied); its files were not checked" in result.stderr
    assert sources_checked(result.stdout) == {str(news / "article-000.txt"), str(news / "article-001.txt")}
