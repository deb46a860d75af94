"""Options shared by the commands that check against a corpus: --against, settings, output."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from claimcheck.config import Settings, load_settings

F = TypeVar("F", bound=Callable[..., Any])


def against_option(func: F) -> F:
    return click.option(
        "--against",
        "against",
        multiple=True,
        metavar="PATH|URL",
        help="Corpus to check against: folders, files or URLs (repeatable). Default: the 'corpus' setting, "
        "else the other articles in the article's folder.",
    )(func)


def evidence_option(func: F) -> F:
    return click.option(
        "--evidence/--no-evidence", default=False, help="Show the sentences and reasons behind each label in the table."
    )(func)


def resolve_corpus(against: Sequence[str], settings: Settings, articles: Sequence[str] = ()) -> list[str]:
    """--against, else the settings' corpus, else the folder of the first article."""
    if against:
        return list(against)
    if settings.corpus:
        return list(settings.corpus)
    for item in articles:
        if item == "-" or "://" in item:
            continue
        path = Path(item)
        return [str(path if path.is_dir() else path.parent)]
    raise click.UsageError("no corpus: pass --against PATH, or set 'corpus' in claimcheck.toml")


def settings_for(**flags: Any) -> Settings:
    return load_settings(overrides=flags)
