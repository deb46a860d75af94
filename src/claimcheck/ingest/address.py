"""Which hosts may be fetched: by default only those whose every address is public.

A claimcheck run fed a list of URLs must not become a way to read an internal network
(router pages, cloud metadata at 169.254.169.254, services on localhost).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from claimcheck.errors import FetchError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str, int], Sequence[str]]


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for the host."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


def _kind(address: IPAddress) -> str | None:
    """Why an address is not public, or None when it is."""
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:
        return "link-local"
    if address.is_unspecified:
        return "unspecified"
    if address.is_multicast:
        return "multicast"
    if address.is_private:
        return "private"
    if address.is_reserved or not address.is_global:
        return "reserved"
    return None


@dataclass(frozen=True, slots=True, kw_only=True)
class AddressPolicy:
    """Decides whether a host may be contacted.

    allow_private: fetch from any address (the --allow-private flag).
    resolve: host name -> addresses; swapped in tests to give names fixed addresses.
    treat_as_public: networks to let through although not public, e.g. a test server on 127.0.0.1.
    """

    allow_private: bool = False
    resolve: Resolver = system_resolver
    treat_as_public: tuple[IPNetwork, ...] = field(default_factory=tuple)

    def check(self, url: str, host: str, port: int) -> None:
        """Raise FetchError naming the host and address when the host may not be contacted."""
        if self.allow_private:
            return
        try:
            literal: IPAddress | None = ipaddress.ip_address(host.strip("[]"))
        except ValueError:
            literal = None
        if literal is not None:
            addresses = [str(literal)]
        else:
            try:
                addresses = list(self.resolve(host, port))
            except (OSError, UnicodeError) as exc:
                raise FetchError(url, f"cannot resolve host {host!r}: {getattr(exc, 'strerror', None) or exc}") from None
            if not addresses:
                raise FetchError(url, f"cannot resolve host {host!r}: no address")
        for text in addresses:
            address = ipaddress.ip_address(text.split("%", 1)[0])
            if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
                address = address.ipv4_mapped
            if any(address in network for network in self.treat_as_public):
                continue
            kind = _kind(address)
            if kind is not None:
                where = f"host {host!r} resolves to" if literal is None else "host is"
                raise FetchError(
                    url,
                    f"blocked address: {where} {kind} address {address}; "
                    "pass --allow-private to fetch from local or private networks",
                )
