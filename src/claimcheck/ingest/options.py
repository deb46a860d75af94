"""How inputs are read: one frozen, typed object handed from the command line (or a caller) to ingest."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, InstanceOf

from claimcheck.ingest.address import AddressPolicy
from claimcheck.ingest.fetch import FetchSettings

__all__ = ["ReadOptions"]


class ReadOptions(BaseModel):
    """Options of read_inputs and read_items; the defaults read local files and fetch URLs politely.

    `offline` never touches the network (the page cache only), `refresh` never reads the cache.
    Hosts on private, loopback or link-local addresses are refused unless `allow_private`;
    `address_policy` replaces the address check (its resolver and exempt networks; `allow_private`
    still lifts it).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    offline: bool = Field(False, description="Read URLs from the page cache only; never fetch.")
    refresh: bool = Field(False, description="Fetch URLs again even when the page cache has them.")
    allow_private: bool = Field(False, description="Allow hosts on private, loopback or link-local addresses.")
    cache_dir: Path | None = Field(None, description="Page cache folder; default: ingest.cache.default_cache_dir().")
    fetch_settings: InstanceOf[FetchSettings] = Field(
        default_factory=FetchSettings, description="Limits of fetching: timeouts, sizes, retries, concurrency."
    )
    address_policy: InstanceOf[AddressPolicy] | None = Field(
        None, description="Which hosts may be contacted; default: public addresses only."
    )

    @property
    def policy(self) -> AddressPolicy:
        """The address check in force: address_policy (or the default), lifted by allow_private."""
        policy = self.address_policy or AddressPolicy()
        return replace(policy, allow_private=True) if self.allow_private else policy
