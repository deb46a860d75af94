"""What a file is, from its first bytes (magic numbers), before anything tries to decode it as text.

A PDF whose streams are uncompressed, an RTF file or an XML-based Office file can decode as text
without error and would then yield "claims" made of markup; the content decides, not the name.
"""

from __future__ import annotations

__all__ = ["not_text_reason", "sniff_document"]

_HINT_CONVERT = "save it as text or HTML and pass that file"
_HINT_MEDIA = "pass an HTML, text or Markdown file"
_HINT_ARCHIVE = "unpack it and pass the folder"

# (magic bytes at offset 0, what the file is, how to get an article out of it)
_PREFIXES: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "a PDF document", "extract its text first (e.g. pdftotext) and pass the .txt"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Office document (.doc, .xls, .ppt)", _HINT_CONVERT),
    (b"{\\rtf", "an RTF document", _HINT_CONVERT),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", _HINT_MEDIA),
    (b"\xff\xd8\xff", "a JPEG image", _HINT_MEDIA),
    (b"GIF87a", "a GIF image", _HINT_MEDIA),
    (b"GIF89a", "a GIF image", _HINT_MEDIA),
    (b"II*\x00", "a TIFF image", _HINT_MEDIA),
    (b"MM\x00*", "a TIFF image", _HINT_MEDIA),
    (b"ID3\x02\x00", "an MP3 audio file", _HINT_MEDIA),
    (b"ID3\x03\x00", "an MP3 audio file", _HINT_MEDIA),
    (b"ID3\x04\x00", "an MP3 audio file", _HINT_MEDIA),
    (b"OggS\x00", "an Ogg audio or video file", _HINT_MEDIA),
    (b"fLaC", "a FLAC audio file", _HINT_MEDIA),
    (b"\x1a\x45\xdf\xa3", "a Matroska or WebM video", _HINT_MEDIA),
    (b"\x1f\x8b", "a gzip archive", _HINT_ARCHIVE),
    (b"\xfd7zXZ\x00", "an xz archive", _HINT_ARCHIVE),
    (b"\x28\xb5\x2f\xfd", "a zstd archive", _HINT_ARCHIVE),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", _HINT_ARCHIVE),
    (b"Rar!\x1a\x07", "a RAR archive", _HINT_ARCHIVE),
    (b"\x7fELF", "a program (ELF executable)", _HINT_MEDIA),
    (b"SQLite format 3\x00", "an SQLite database", _HINT_MEDIA),
    (b"wOFF", "a web font", _HINT_MEDIA),
    (b"wOF2", "a web font", _HINT_MEDIA),
)
_ZIP_PREFIXES = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
# What a zip holds, by the names of its first entries (stored uncompressed in the local headers).
_ZIP_KINDS: tuple[tuple[bytes, str], ...] = (
    (b"mimetypeapplication/epub+zip", "an EPUB e-book"),
    (b"mimetypeapplication/vnd.oasis.opendocument", "an OpenDocument file (.odt, .ods, .odp)"),
    (b"word/", "a Word document (.docx)"),
    (b"xl/", "an Excel workbook (.xlsx)"),
    (b"ppt/", "a PowerPoint presentation (.pptx)"),
)
_RIFF_KINDS = {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file", b"AVI ": "an AVI video"}
_FTYP_IMAGES = (b"heic", b"heix", b"mif1", b"avif")


def sniff_document(data: bytes) -> tuple[str, str] | None:
    """(what the bytes are, how to get an article from it) for a known non-text format, else None."""
    head = data[:1024]
    for magic, kind, hint in _PREFIXES:
        if head.startswith(magic):
            return kind, hint
    if head.startswith(_ZIP_PREFIXES):
        for marker, kind in _ZIP_KINDS:
            if marker in data[:4096]:
                return kind, _HINT_CONVERT
        return "a zip archive", _HINT_ARCHIVE
    if head.startswith(b"RIFF") and head[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[head[8:12]], _HINT_MEDIA
    if head[4:8] == b"ftyp":
        kind = "an image (HEIF/AVIF)" if head[8:12] in _FTYP_IMAGES else "a video or audio file (MP4 family)"
        return kind, _HINT_MEDIA
    if len(data) > 262 and data[257:262] == b"ustar":
        return "a tar archive", _HINT_ARCHIVE
    # PDF allows bytes before its header; an uncompressed one is otherwise plain ASCII.
    if b"%PDF-" in head and b"endobj" in data:
        return "a PDF document", "extract its text first (e.g. pdftotext) and pass the .txt"
    return None


def not_text_reason(data: bytes) -> str | None:
    """The reason to refuse data as an article when its content is a known non-text format, else None."""
    found = sniff_document(data)
    if found is None:
        return None
    kind, hint = found
    return f"not an article but {kind}; {hint}"
