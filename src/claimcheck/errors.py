"""The one exception tree of claimcheck. Every message names the input and, where there is one, the fix."""

from __future__ import annotations


class ClaimcheckError(Exception):
    """Base of every error claimcheck raises on purpose."""


class ConfigError(ClaimcheckError):
    """Settings that cannot be used: a bad value in claimcheck.toml, pyproject.toml or CLAIMCHECK_*."""


class ArticleReadError(ClaimcheckError):
    """One input could not be read as an article. The batch records it and goes on."""

    def __init__(self, input: str, reason: str) -> None:
        super().__init__(f"{input}: {reason}")
        self.input = input
        self.reason = reason


class FetchError(ArticleReadError):
    """A URL could not be fetched or was refused (status, timeout, size, type, blocked address)."""


class ModelMissingError(ClaimcheckError):
    """The spaCy English pipeline is not installed."""


class CorpusError(ClaimcheckError):
    """The corpus cannot be used at all: no readable article in it."""


class OutputPathError(ClaimcheckError):
    """A file claimcheck was asked to write (-o, --write-baseline, fetch --out) cannot be written there."""


class StoreError(ClaimcheckError):
    """The on-disk corpus store cannot be opened or written."""


class ClusterError(ClaimcheckError):
    """The Dask cluster of --cluster cannot be used: no scheduler at the address, Dask not installed, workers unlike the driver."""
