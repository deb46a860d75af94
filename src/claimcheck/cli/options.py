"""Every option of the commands, declared once; and the typed objects the flags become.

Commands stack these decorators; `labelling_options` is the whole set verify and check share.
Flags become Settings (claimcheck.config: flags beat the environment and the settings file) and
ReadOptions (claimcheck.ingest) here, so commands never pass dicts of keywords along.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import click

from claimcheck.config import FORMAT_NAMES, SORT_NAMES, Settings, load_settings
from claimcheck.ingest import FetchSettings, ReadOptions

F = TypeVar("F", bound=Callable[..., Any])


def _stack(func: F, options: Iterable[Callable[[F], F]]) -> F:
    """Apply options so that --help lists them in the order given."""
    for option in reversed(list(options)):
        func = option(func)
    return func


def format_option(choices: Iterable[str] = FORMAT_NAMES) -> Callable[[F], F]:
    return click.option(
        "--format", "output_format", type=click.Choice([str(choice) for choice in choices]), default=None,
        help="Output format (default: table, or the 'format' setting).",
    )


output_option = click.option(
    "-o", "--output", "output_path", default=None, help="Write to this file (atomically) instead of stdout."
)
store_option = click.option(
    "--store", "store", default=None, metavar="PATH",
    help="Where the corpus index lives (default: .claimcheck/ inside the corpus folder, or the 'store' setting).",
)
jobs_option = click.option(
    "--jobs", "-j", "jobs", type=click.IntRange(1, 64), default=None,
    help="Processes for language processing (default: 1, or the 'jobs' setting).",
)
cluster_option = click.option(
    "--cluster", "cluster", default=None, metavar="ADDRESS",
    help="Parse and check on a Dask cluster: its scheduler (tcp://HOST:PORT), or local:N worker processes here "
    "(default: none, or the 'cluster' setting; needs pip install 'claimcheck[cluster]').",
)
_WEB_OPTIONS = (
    click.option("--offline", is_flag=True, help="Read URLs from the page cache only; never touch the network."),
    click.option("--refresh", is_flag=True, help="Fetch URLs again even when the page cache has them."),
    click.option(
        "--allow-private", is_flag=True,
        help="Allow URLs whose host is on a private, loopback or link-local address (refused by default).",
    ),
    click.option(
        "--cache-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
        help="Page cache folder (default: $CLAIMCHECK_CACHE_DIR or ~/.cache/claimcheck/pages).",
    ),
    click.option(
        "--timeout", "timeout_s", type=click.FloatRange(min=0.1), default=None,
        help="Seconds to wait for a server to connect or send data (default 10 to connect, 20 to send).",
    ),
)
_LABELLING_OPTIONS = (
    click.option(
        "--against", "against", multiple=True, metavar="PATH|URL",
        help="Corpus to check against: folders, files or URLs (repeatable). Default: the 'corpus' setting, "
        "else the other articles in the article's folder.",
    ),
    store_option,
    click.option(
        "--no-sync", "no_sync", is_flag=True, default=False,
        help="Check against the corpus store as it is, without looking at the corpus files again: fast for a big "
        "corpus indexed with `claimcheck index` (run it again after the corpus changes).",
    ),
    jobs_option,
    format_option(),
    click.option(
        "--evidence/--no-evidence", default=False, help="Show the sentences and reasons behind each label in the table."
    ),
    click.option(
        "--min-worth", "min_worth", type=click.FloatRange(0, 1), default=None, metavar="X",
        help="Leave out claims whose worth-checking score (0 to 1) is below X (default 0, or the 'min_worth' setting).",
    ),
    click.option(
        "--sort", "sort", type=click.Choice(SORT_NAMES), default=None,
        help="Order of the claims: input (default) or worth, the most check-worthy first (or the 'sort' setting).",
    ),
    click.option(
        "--fail-on", "fail_on", multiple=True, metavar="LABEL[,LABEL]",
        help="Exit 1 when a claim gets one of these labels: contradicted, single-sourced, unmatched (repeatable).",
    ),
    click.option(
        "--baseline", "baseline", default=None, metavar="FILE",
        help="Ignore the findings recorded in FILE (written by --write-baseline); default: the 'baseline' setting.",
    ),
    click.option(
        "--write-baseline", "write_baseline_path", default=None, metavar="FILE",
        help="Record every current finding in FILE, to be ignored by later runs with --baseline FILE.",
    ),
    output_option,
    *_WEB_OPTIONS,
)


def web_options(func: F) -> F:
    """--offline, --refresh, --allow-private, --cache-dir and --timeout: every command that reads URLs."""
    return _stack(func, _WEB_OPTIONS)


def labelling_options(func: F) -> F:
    """The options verify and check share; the command receives them as keywords for LabelFlags."""
    return _stack(func, _LABELLING_OPTIONS)


@dataclass(frozen=True, slots=True, kw_only=True)
class WebFlags:
    """The web options as given on the command line."""

    offline: bool = False
    refresh: bool = False
    allow_private: bool = False
    cache_dir: Path | None = None
    timeout_s: float | None = None

    def read_options(self, settings: Settings) -> ReadOptions:
        """How to read inputs: these flags, and the page cache of the settings (--cache-dir is one of their layers)."""
        if self.offline and self.refresh:
            raise click.UsageError("--offline and --refresh contradict each other: pick one")
        timeout = self.timeout_s
        fetch = FetchSettings() if timeout is None else FetchSettings(connect_timeout_s=timeout, read_timeout_s=timeout)
        cache_dir = Path(settings.cache_dir) if settings.cache_dir else None
        return ReadOptions(
            offline=self.offline, refresh=self.refresh, allow_private=self.allow_private, cache_dir=cache_dir,
            fetch_settings=fetch,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class LabelFlags(WebFlags):
    """Everything `labelling_options` adds, as given on the command line (None and () mean: not given)."""

    against: tuple[str, ...] = ()
    store: str | None = None
    no_sync: bool = False
    jobs: int | None = None
    output_format: str | None = None
    evidence: bool = False
    min_worth: float | None = None
    sort: str | None = None
    fail_on: tuple[str, ...] = ()
    baseline: str | None = None
    write_baseline_path: str | None = None
    output_path: str | None = None
    cluster: str | None = None  # verify only (cluster_option)

    def settings(self) -> Settings:
        return settings_for(
            format=self.output_format, store=self.store, jobs=self.jobs, fail_on=list(self.fail_on),
            baseline=self.baseline, cache_dir=self.cache_dir, min_worth=self.min_worth, sort=self.sort,
            cluster=self.cluster,
        )


def settings_for(**flags: Any) -> Settings:
    """The settings, with the flags given (None, () and [] mean not given) beating every other layer."""
    return load_settings(overrides={name: str(value) if isinstance(value, Path) else value for name, value in flags.items()})
