"""Bytes -> text: refuse known binary formats; else the charset a page declares (BOM, HTTP header, meta
tag), else UTF-8, else the charset detected from the bytes (charset-normalizer), Windows-1252 on a tie.

A detection that is not confident is logged as a warning on the "claimcheck" logger, naming the input.
"""

from __future__ import annotations

import codecs
import logging
import re

from claimcheck.errors import ArticleReadError
from claimcheck.ingest.sniff import not_text_reason

log = logging.getLogger("claimcheck.ingest")

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
    refused = not_text_reason(data)
    if refused is not None:
        raise ArticleReadError(input, refused)
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
    return _detected(data, input=input)


# The legacy encodings news pages and files come in; DOS code pages and the like are left out,
# since on short texts they win detections they should not.
DETECTION_CANDIDATES = (
    "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "koi8_r", "koi8_u",
    "iso8859_2", "iso8859_7", "iso8859_15", "cp874", "mac_roman", "shift_jis", "euc_jp", "gb18030", "big5", "euc_kr",
)
MIN_COHERENCE = 0.2  # charset-normalizer's share of the text that reads as a known language
MAX_CHAOS = 0.1  # its share of the text that looks like mojibake
TIE_MARGIN = 0.05
_MULTIBYTE = frozenset({"shift_jis", "euc_jp", "gb18030", "big5", "euc_kr"})
# Read as Windows-1252, Western text holds ASCII, accented Latin letters and typographic punctuation;
# anything else (superscripts inside words, box or currency signs, C1 controls) hints at another code page.
_UNUSUAL_IN_WESTERN = re.compile("[^\x00-\x7f\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u00a0\u00a3\u00a7\u00a9\u00ab\u00ae\u00b0\u00b7\u00bb\u00bf\u00a1\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2022\u2026\u20ac\u2122]")


def _detected(data: bytes, *, input: str) -> str:
    """Bytes that are not UTF-8 and declare no charset, decoded as charset-normalizer reads them.

    Windows-1252 (what browsers assume) wins a tie. An unconfident detection is logged as a warning;
    bytes no candidate recognises a language in and that are not Windows-1252 either are refused.
    """
    from charset_normalizer import from_bytes

    results = list(from_bytes(data, cp_isolation=list(DETECTION_CANDIDATES)))
    best = results[0] if results else None
    if best is not None and best.coherence == 0 and best.encoding not in _MULTIBYTE and not _decodes(data, "cp1252"):
        best = None  # a single-byte code page decodes anything: with no language recognised, it proves nothing
    if best is None:
        try:
            data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise ArticleReadError(
                input,
                f"undecodable bytes at offset {exc.start} (not UTF-8 or Windows-1252, and no charset declared or "
                "recognised); re-save it as UTF-8",
            ) from None
        raise AssertionError("unreachable: cp1252 decodes what no detection found")  # pragma: no cover
    chosen = best.encoding
    for result in results:
        if "cp1252" in result.could_be_from_charset and (
            result is best or (result.chaos <= best.chaos + TIE_MARGIN and result.coherence >= best.coherence - TIE_MARGIN)
        ):
            chosen = "cp1252"
            break
    text = data.decode(chosen)
    rivals = [
        result for result in results
        if str(result) != text and result.chaos <= best.chaos + 2 * TIE_MARGIN and result.coherence >= best.coherence - 2 * TIE_MARGIN
    ]
    if chosen == "cp1252":
        unsure = bool(_UNUSUAL_IN_WESTERN.search(text))
    else:
        unsure = best.coherence < MIN_COHERENCE or best.chaos > MAX_CHAOS or bool(rivals)
    if unsure:
        log.warning(
            "%s: no charset declared; read as %s, detected with low confidence%s; "
            "if the text looks wrong, re-save the file as UTF-8",
            input, charset_label(chosen), f" (or {charset_label(rivals[0].encoding)})" if rivals else "",
        )
    return text


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def charset_label(codec: str) -> str:
    """A charset as people name it: 'Windows-1251' for cp1251, 'KOI8-R' for koi8_r."""
    if re.fullmatch(r"cp125\d", codec):
        return f"Windows-{codec[2:]}"
    return codec.upper().replace("_", "-")


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
