"""Content that is not an article is recognised by its bytes; undeclared encodings are detected, unsure ones warned about."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from conftest import GOOD_ARTICLE, run_cli, write_articles

# A one-page PDF whose content stream is not compressed: it decodes as text without a single error.
PLAIN_PDF = b"""%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj
4 0 obj << /Length 98 >> stream
BT /F1 12 Tf 72 712 Td (The city council approved a budget of 12 million euros for the bridge.) Tj ET
endstream endobj
5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj
trailer << /Root 1 0 R >>
%%EOF
"""
RTF = rb"{\rtf1\ansi{\fonttbl\f0\fswiss Helvetica;}\f0\pard The city council approved a budget of 12 million euros for the bridge on Tuesday.\par}"


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", f"<w:document><w:t>{GOOD_ARTICLE}</w:t></w:document>")
    return buffer.getvalue()


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x01" * 40


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("report.pdf", PLAIN_PDF, "not an article but a PDF document; extract its text first (e.g. pdftotext) and pass the .txt"),
        ("report.txt", PLAIN_PDF, "not an article but a PDF document; extract its text first (e.g. pdftotext) and pass the .txt"),
        ("memo.txt", RTF, "not an article but an RTF document; save it as text or HTML and pass that file"),
        ("memo.md", docx_bytes(), "not an article but a Word document (.docx); save it as text or HTML and pass that file"),
        ("photo.html", PNG, "not an article but a PNG image; pass an HTML, text or Markdown file"),
    ],
    ids=["pdf", "pdf-named-txt", "rtf", "docx", "png"],
)
def test_documents_that_are_not_articles_are_refused_by_their_content(invoke, tmp_path, name, data, reason):
    news = tmp_path / "news"
    write_articles(news, 2)
    odd = tmp_path / name
    odd.write_bytes(data)

    result = invoke("verify", str(news / "article-000.txt"), str(odd), "--against", str(news), "--format", "json")

    assert result.exit_code == 3, result.output
    assert f"claimcheck: {odd}: {reason}" in result.stderr
    assert {verdict["source"] for verdict in json.loads(result.stdout)["verdicts"]} == {str(news / "article-000.txt")}


RUSSIAN = (
    "Президент России заявил во вторник, что переговоры продолжатся в Москве. "
    "Министр обороны сообщил о новых поставках техники на север страны.\n"
)


def extracted_text(path: Path) -> tuple[str, str]:
    result = run_cli("extract", "--format", "jsonl", str(path))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["text"], result.stderr


def test_an_undeclared_windows_1251_file_is_read_as_russian_not_mojibake(invoke, tmp_path):
    article = tmp_path / "moscow.txt"
    article.write_bytes(RUSSIAN.encode("cp1251"))

    result = invoke("extract", "--format", "jsonl", str(article))

    assert result.exit_code == 0
    assert json.loads(result.stdout)["text"].strip() == RUSSIAN.strip()


def test_an_undeclared_koi8_html_page_is_read_as_russian(invoke, tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(f"<html><body><article><p>{RUSSIAN}</p></article></body></html>".encode("koi8_r"))

    result = invoke("extract", "--format", "jsonl", str(page))

    assert result.exit_code == 0
    assert "Президент России" in json.loads(result.stdout)["text"]


def test_an_encoding_guessed_with_low_confidence_is_a_warning_naming_the_file(tmp_path):
    short = tmp_path / "short.txt"
    short.write_bytes("Привет из Москвы, где идёт снег.\n".encode("cp1251"))
    western = tmp_path / "western.txt"
    western.write_bytes("Señor Muñoz said the bridge would reopen in May, “on time” — officials agreed.\n".encode("cp1252"))

    text, stderr = extracted_text(short)

    assert text.strip() == "Привет из Москвы, где идёт снег."
    assert f"claimcheck: warning: {short}: no charset declared; read as Windows-1251, detected with low confidence" in stderr
    text, stderr = extracted_text(western)
    assert text.startswith("Señor Muñoz said")
    assert "warning" not in stderr  # plain Western text in Windows-1252 reads as it always did, without noise
