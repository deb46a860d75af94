"""Settings, in rising order of strength: defaults < claimcheck.toml or [tool.claimcheck] in
pyproject.toml < CLAIMCHECK_* environment variables < command-line flags.

Every value is validated where it is read, as its flag would be, so that an error names where the
value came from: `CLAIMCHECK_FORMAT=sarif2: unknown format; choose from table, json, ...`,
`claimcheck.toml: jobs = 0: ...`, `--fail-on: unknown label 'false'; ...`.
"""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from claimcheck.ci import label_names
from claimcheck.errors import ConfigError

__all__ = [
    "ENV_PREFIX",
    "FORMAT_NAMES",
    "SORT_NAMES",
    "OutputFormat",
    "Settings",
    "SortOrder",
    "find_config_file",
    "load_settings",
]

ENV_PREFIX = "CLAIMCHECK_"


class OutputFormat(StrEnum):
    """The output formats of verify and check; claimcheck.report has one renderer for each."""

    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    MARKDOWN = "markdown"
    SARIF = "sarif"
    JUNIT = "junit"
    HTML = "html"


FORMAT_NAMES: tuple[str, ...] = tuple(member.value for member in OutputFormat)


class SortOrder(StrEnum):
    """The order of the claims in an output of verify and check."""

    INPUT = "input"  # as the articles (or the claims typed) give them
    WORTH = "worth"  # most worth checking first; ties keep the input order


SORT_NAMES: tuple[str, ...] = tuple(member.value for member in SortOrder)
# The settings chosen from a closed list: field -> (what an error calls it, the names allowed).
_CHOICES: dict[str, tuple[str, tuple[str, ...]]] = {"format": ("format", FORMAT_NAMES), "sort": ("order", SORT_NAMES)}
# Settings that name files or folders: in a settings file they are relative to that file.
_PATH_SETTINGS = ("corpus", "store", "baseline", "cache_dir")


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    corpus: list[str] = Field(default_factory=list, description="Corpus folders, files or URLs to check against.")
    store: str | None = Field(None, description="Where the corpus index lives; default .claimcheck/ beside the corpus.")
    format: OutputFormat = Field(OutputFormat.TABLE, description="Output format.")
    fail_on: list[str] = Field(default_factory=list, description="Labels that make the run exit 1.")
    baseline: str | None = Field(None, description="A file of known findings to ignore.")
    jobs: int = Field(1, ge=1, le=64, description="Processes for language processing.")
    min_relevance: float = Field(0.5, ge=0, le=1, description="Share of a claim a sentence must cover to be evidence.")
    cache_dir: str | None = Field(None, description="Page cache folder; default ~/.cache/claimcheck/pages.")
    min_worth: float = Field(0.0, ge=0, le=1, description="Leave out claims whose worth-checking score is below this.")
    sort: SortOrder = Field(SortOrder.INPUT, description="Order of the claims: input, or worth (most check-worthy first).")
    cluster: str | None = Field(
        None, description="A Dask scheduler to index and verify on (tcp://HOST:PORT), or local:N for N local worker processes."
    )
    config_file: str | None = Field(None, description="The settings file these came from, if any.")

    @field_validator("format", "sort", mode="before")
    @classmethod
    def _known_choice(cls, value: Any, info: ValidationInfo) -> Any:
        what, names = _CHOICES[info.field_name or ""]
        if value not in names:
            raise ValueError(f"unknown {what}; choose from {', '.join(names)}")
        return value

    @field_validator("cluster")
    @classmethod
    def _cluster_address(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = value.strip()
        if value.startswith("local:"):
            count = value.removeprefix("local:")
            if not count.isdigit() or not 1 <= int(count) <= 64:
                raise ValueError("local:N needs a number of worker processes from 1 to 64, such as local:2")
            return value
        scheme, _, rest = value.rpartition("://")
        host, _, port = rest.rpartition(":")
        if scheme not in ("", "tcp", "tls", "ws", "wss", "ucx") or not host or not port.isdigit():
            raise ValueError("not a Dask scheduler address; give tcp://HOST:PORT (or local:N for worker processes on this machine)")
        return value

    @field_validator("fail_on")
    @classmethod
    def _known_labels(cls, value: list[str]) -> list[str]:
        label_names(value)  # raises ValueError naming the unknown label
        return value


_SETTABLE = tuple(name for name in Settings.model_fields if name != "config_file")


def find_config_file(start: Path) -> Path | None:
    """The nearest claimcheck.toml, or pyproject.toml with a [tool.claimcheck] table, from start upwards."""
    for folder in (start, *start.parents):
        candidate = folder / "claimcheck.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "claimcheck" in _read_toml(pyproject).get("tool", {}):
            return pyproject
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read settings: {exc}") from None


def _validated(name: str, value: Any, origin: str) -> Any:
    """The value of one setting, validated as Settings validates it; ConfigError names origin."""
    if name not in _SETTABLE:
        raise ConfigError(f"{origin}: unknown setting; the settings are {', '.join(_SETTABLE)}")
    if name in ("corpus", "fail_on") and isinstance(value, str):
        value = [value]
    try:
        return getattr(Settings.model_validate({name: value}), name)
    except ValidationError as exc:
        problems = "; ".join(str(error["msg"]).removeprefix("Value error, ") for error in exc.errors())
        raise ConfigError(f"{origin}: {problems}") from None


def _file_values(path: Path) -> dict[str, Any]:
    data = _read_toml(path)
    table = data.get("tool", {}).get("claimcheck", {}) if path.name == "pyproject.toml" else data
    values: dict[str, Any] = {}
    for key, raw in table.items():
        name = key.replace("-", "_")
        # Relative corpus and store paths mean: relative to the settings file, not to where the user stands.
        value = _relative_to(path.parent, raw) if name in _PATH_SETTINGS else raw
        values[name] = _validated(name, value, f"{path}: {key} = {json.dumps(raw, ensure_ascii=False, default=str)}")
    return values


def _relative_to(folder: Path, value: Any) -> Any:
    def anchor(item: str) -> str:
        if "://" in item or Path(item).is_absolute():
            return item
        return str(folder / item)

    if isinstance(value, str):
        return anchor(value)
    if isinstance(value, list):
        return [anchor(str(item)) for item in value]
    return value


def _env_values(environ: Mapping[str, str]) -> dict[str, Any]:
    """CLAIMCHECK_<NAME> for each setting; an empty variable counts as unset, lists are comma-separated."""
    values: dict[str, Any] = {}
    for name in _SETTABLE:
        variable = ENV_PREFIX + name.upper()
        raw = environ.get(variable)
        if not raw:
            continue
        value: Any = raw
        if Settings.model_fields[name].annotation == list[str]:
            value = [part.strip() for part in raw.split(",") if part.strip()]
        values[name] = _validated(name, value, f"{variable}={raw}")
    return values


def load_settings(
    *,
    start: Path | None = None,
    environ: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Settings:
    """Merge the layers; flags (overrides) that are None, empty tuples or lists do not override anything.

    An override's errors name its flag (`--fail-on`), so overrides are keyed by setting name.
    """
    values: dict[str, Any] = {}
    config_file = find_config_file((start or Path.cwd()).resolve())
    if config_file is not None:
        values.update(_file_values(config_file))
    values.update(_env_values(os.environ if environ is None else environ))
    for name, value in (overrides or {}).items():
        if value not in (None, (), []):
            values[name] = _validated(name, value, "--" + name.replace("_", "-"))
    return Settings(**values, config_file=str(config_file) if config_file is not None else None)
