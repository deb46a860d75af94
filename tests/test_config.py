"""Settings: defaults < claimcheck.toml or [tool.claimcheck] < CLAIMCHECK_* environment < flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.config import find_config_file, load_settings
from claimcheck.errors import ConfigError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_any_settings(tmp_path: Path) -> None:
    settings = load_settings(start=tmp_path, environ={})
    assert (settings.format, settings.jobs, settings.fail_on, settings.config_file) == ("table", 1, [], None)
    assert settings.min_relevance == 0.5


def test_pyproject_tool_table_is_read(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.claimcheck]\nformat = "json"\njobs = 3\nfail-on = ["contradicted"]\n')
    settings = load_settings(start=tmp_path, environ={})
    assert (settings.format, settings.jobs, settings.fail_on) == ("json", 3, ["contradicted"])
    assert settings.config_file == str(tmp_path / "pyproject.toml")


def test_pyproject_without_a_claimcheck_table_is_ignored(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    assert find_config_file(tmp_path) is None
    assert load_settings(start=tmp_path, environ={}).config_file is None


def test_claimcheck_toml_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.claimcheck]\nformat = "json"\n')
    write(tmp_path / "claimcheck.toml", 'format = "jsonl"\n')
    assert load_settings(start=tmp_path, environ={}).format == "jsonl"


def test_settings_file_is_found_from_a_subfolder(tmp_path: Path) -> None:
    write(tmp_path / "claimcheck.toml", "jobs = 2\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert load_settings(start=deep, environ={}).jobs == 2


def test_relative_paths_in_the_file_are_relative_to_the_file(tmp_path: Path) -> None:
    write(tmp_path / "claimcheck.toml", 'corpus = ["corpus", "https://example.org/feed"]\nstore = ".cache/store"\nbaseline = "ci/known.json"\n')
    deep = tmp_path / "articles"
    deep.mkdir()
    settings = load_settings(start=deep, environ={})
    assert settings.corpus == [str(tmp_path / "corpus"), "https://example.org/feed"]
    assert settings.store == str(tmp_path / ".cache" / "store")
    assert settings.baseline == str(tmp_path / "ci" / "known.json")


def test_environment_beats_the_file(tmp_path: Path) -> None:
    write(tmp_path / "claimcheck.toml", 'format = "json"\njobs = 2\nfail_on = ["unmatched"]\n')
    environ = {"CLAIMCHECK_FORMAT": "csv", "CLAIMCHECK_JOBS": "4", "CLAIMCHECK_FAIL_ON": "contradicted, single-sourced"}
    settings = load_settings(start=tmp_path, environ=environ)
    assert (settings.format, settings.jobs) == ("csv", 4)
    assert settings.fail_on == ["contradicted", "single-sourced"]


def test_flags_beat_the_environment_and_the_file(tmp_path: Path) -> None:
    write(tmp_path / "claimcheck.toml", 'format = "json"\njobs = 2\n')
    settings = load_settings(
        start=tmp_path, environ={"CLAIMCHECK_FORMAT": "csv"}, overrides={"format": "sarif", "jobs": 8}
    )
    assert (settings.format, settings.jobs) == ("sarif", 8)


def test_flags_left_unset_do_not_override(tmp_path: Path) -> None:
    write(tmp_path / "claimcheck.toml", 'format = "json"\nfail_on = ["contradicted"]\ncorpus = ["c"]\n')
    settings = load_settings(start=tmp_path, environ={}, overrides={"format": None, "fail_on": (), "corpus": []})
    assert settings.format == "json"
    assert settings.fail_on == ["contradicted"]
    assert settings.corpus == [str(tmp_path / "c")]


def test_a_single_string_becomes_a_list(tmp_path: Path) -> None:
    write(tmp_path / "claimcheck.toml", 'corpus = "corpus"\nfail_on = "contradicted"\n')
    settings = load_settings(start=tmp_path, environ={})
    assert settings.corpus == [str(tmp_path / "corpus")]
    assert settings.fail_on == ["contradicted"]


def test_environment_variables_of_other_tools_are_ignored(tmp_path: Path) -> None:
    settings = load_settings(start=tmp_path, environ={"CLAIMCHECK_CONFIG_FILE": "/etc/x", "OTHER_FORMAT": "csv"})
    assert settings.config_file is None and settings.format == "table"


def test_invalid_value_in_the_file_names_the_file_and_the_setting(tmp_path: Path) -> None:
    config = write(tmp_path / "claimcheck.toml", "jobs = 0\n")
    with pytest.raises(ConfigError, match=rf"^{config}: jobs = 0: Input should be greater than or equal to 1$"):
        load_settings(start=tmp_path, environ={})


def test_unknown_setting_in_the_file_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "claimcheck.toml", "colour = true\n")
    with pytest.raises(ConfigError, match="colour"):
        load_settings(start=tmp_path, environ={})


def test_invalid_environment_value_names_the_variable_and_its_value(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"^CLAIMCHECK_JOBS=many: Input should be a valid integer"):
        load_settings(start=tmp_path, environ={"CLAIMCHECK_JOBS": "many"})


def test_unknown_format_in_the_environment_is_refused_with_the_choices(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as raised:
        load_settings(start=tmp_path, environ={"CLAIMCHECK_FORMAT": "sarif2"})
    assert str(raised.value) == (
        "CLAIMCHECK_FORMAT=sarif2: unknown format; choose from table, json, jsonl, csv, markdown, sarif, junit, html"
    )


def test_unknown_format_in_the_file_names_the_file_and_the_line(tmp_path: Path) -> None:
    config = write(tmp_path / "claimcheck.toml", 'format = "sarif2"\n')
    with pytest.raises(ConfigError, match=rf'^{config}: format = "sarif2": unknown format; choose from table, json'):
        load_settings(start=tmp_path, environ={})


def test_unknown_label_is_refused_where_it_was_set(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"^CLAIMCHECK_FAIL_ON=contradicted,false: unknown label 'false'; use one"):
        load_settings(start=tmp_path, environ={"CLAIMCHECK_FAIL_ON": "contradicted,false"})
    with pytest.raises(ConfigError, match=r"^--fail-on: unknown label 'maybe'"):
        load_settings(start=tmp_path, environ={}, overrides={"fail_on": ["maybe"]})
    config = write(tmp_path / "pyproject.toml", '[tool.claimcheck]\nfail-on = ["nope"]\n')
    with pytest.raises(ConfigError, match=rf"""^{config}: fail-on = \["nope"\]: unknown label 'nope'"""):
        load_settings(start=tmp_path, environ={})


def test_an_empty_environment_variable_counts_as_unset(tmp_path: Path) -> None:
    write(tmp_path / "claimcheck.toml", 'format = "json"\n')
    assert load_settings(start=tmp_path, environ={"CLAIMCHECK_FORMAT": "", "CLAIMCHECK_JOBS": ""}).format == "json"


def test_cache_dir_comes_from_the_environment_or_relative_to_the_file(tmp_path: Path) -> None:
    assert load_settings(start=tmp_path, environ={"CLAIMCHECK_CACHE_DIR": "/srv/pages"}).cache_dir == "/srv/pages"
    write(tmp_path / "claimcheck.toml", 'cache_dir = "pages"\n')
    assert load_settings(start=tmp_path, environ={}).cache_dir == str(tmp_path / "pages")


def test_broken_toml_names_the_file(tmp_path: Path) -> None:
    config = write(tmp_path / "claimcheck.toml", "format = \n")
    with pytest.raises(ConfigError, match=rf"{config}: cannot read settings"):
        load_settings(start=tmp_path, environ={})
