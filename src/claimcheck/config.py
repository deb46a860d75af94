"""Settings, in rising order of strength: defaults < claimcheck.toml or [tool.claimcheck] in
pyproject.toml < CLAIMCHECK_* environment variables < command-line flags."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from claimcheck.errors import ConfigError

ENV_PREFIX = "CLAIMCHECK_"


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    corpus: list[str] = Field(default_factory=list, description="Corpus folders, files or URLs to check against.")
    store: str | None = Field(None, description="Where the corpus index lives; default .claimcheck/ beside the corpus.")
    format: str = Field("table", description="Output format.")
    fail_on: list[str] = Field(default_factory=list, description="Labels that make the run exit 1.")
    baseline: str | None = Field(None, description="A file of known findings to ignore.")
    jobs: int = Field(1, ge=1, le=64, description="Processes for language processing.")
    min_relevance: float = Field(0.5, ge=0, le=1, description="Share of a claim a sentence must cover to be evidence.")
    config_file: str | None = Field(None, description="The settings file these came from, if any.")


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


def _file_values(path: Path) -> dict[str, Any]:
    data = _read_toml(path)
    table = data.get("tool", {}).get("claimcheck", {}) if path.name == "pyproject.toml" else data
    values = {key.replace("-", "_"): value for key, value in table.items()}
    # Relative corpus and store paths mean: relative to the settings file, not to where the user stands.
    for key in ("corpus", "store", "baseline"):
        if key in values:
            values[key] = _relative_to(path.parent, values[key])
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
    values: dict[str, Any] = {}
    for name, field in Settings.model_fields.items():
        raw = environ.get(ENV_PREFIX + name.upper())
        if raw is None or name == "config_file":
            continue
        if field.annotation == list[str]:
            values[name] = [part.strip() for part in raw.split(",") if part.strip()]
        else:
            values[name] = raw
    return values


def load_settings(
    *,
    start: Path | None = None,
    environ: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Settings:
    """Merge the layers; flags (overrides) that are None do not override anything."""
    values: dict[str, Any] = {}
    config_file = find_config_file((start or Path.cwd()).resolve())
    if config_file is not None:
        values.update(_file_values(config_file))
        values["config_file"] = str(config_file)
    values.update(_env_values(os.environ if environ is None else environ))
    values.update({key: value for key, value in (overrides or {}).items() if value not in (None, (), [])})
    for name in ("corpus", "fail_on"):
        if isinstance(values.get(name), str):
            values[name] = [values[name]]
    try:
        return Settings(**values)
    except ValidationError as exc:
        where = config_file or "environment"
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise ConfigError(f"{where}: invalid settings: {problems}") from None
