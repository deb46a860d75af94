"""Bytes -> text: the charset a page declares (BOM, HTTP header, meta tag), else UTF-8, else Windows-1252."""

from __future__ import annotations

import codecs
import re

from claimcheck.errors import ArticleReadError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">, in the
# first bytes of the page as browsers look for them.
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
META_SCAN_BYTES = 4096
# Browsers read these labels as Windows-1252 (WHATWG Encoding standard); pages that say
# latin-1 mostly hold Windows-1252 quotes and dashes.
_AS_WINDOWS_1252 = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii"})


def codec_name(label: str | None) -> str | None:
    """Python's codec for a charset label, or None when Python does not know it."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _AS_WINDOWS_1252:
        label = "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:META_SCAN_BYTES])
    if not match:
        return None
    name = codec_name(match.group(1).decode("ascii", "replace"))
    # A meta tag is readable only in an ASCII-compatible encoding, so one claiming UTF-16 is wrong.
    return "utf-8" if name and name.startswith("utf-16") else name


def decode_bytes(data: bytes, *, input: str, declared: str | None = None, html: bool = False) -> str:
    """Decode text strictly; binary data and undecodable bytes raise ArticleReadError naming the input.

    Order of trust: byte-order mark, then the charset the HTTP header declares, then (for HTML)
    the meta tag, then UTF-8, then Windows-1252.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, input=input, origin="its byte-order mark")
    if b"\x00" in data[:8192]:
        raise ArticleReadError(input, "not text (binary data); pass an HTML, text or Markdown file")
    header_codec = codec_name(declared)
    if header_codec:
        return _strict(data, header_codec, input=input, origin="the HTTP Content-Type header")
    meta_codec = meta_charset(data) if html else None
    if meta_codec:
        return _strict(data, meta_codec, input=input, origin="its <meta charset> tag")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise ArticleReadError(
            input,
            f"undecodable bytes at offset {exc.start} (not UTF-8 or Windows-1252, and no charset declared); "
            "re-save it as UTF-8",
        ) from None


def _strict(data: bytes, encoding: str, *, input: str, origin: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ArticleReadError(
            input,
            f"undecodable bytes at offset {exc.start}: not valid {encoding} as {origin} declares; "
            "the declared charset is wrong or the content is damaged",
        ) from None
    return text.removeprefix("\ufeff")
