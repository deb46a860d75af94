"""A short name for a claim, for tables: 'North Korea sent 10,000 troops to Russia'."""

from __future__ import annotations

import re

from claimcheck.extract.cues import cues
from claimcheck.models import Statement

MAX_NAME_CHARS = 60


def claim_name(statement: Statement) -> str:
    """The sentence with lead-ins and trailing clauses trimmed, cut at a word boundary."""
    patterns = cues()
    text = patterns.lead_ins.sub("", statement.text).strip()
    # "In June, Putin visited Kim" -> "Putin visited Kim": a short opening adverbial is not the claim
    while True:
        opening = patterns.leading_adverbial.match(text)
        if opening is None or len(text) - opening.end() < 20:
            break
        text = text[opening.end():]
    text = re.sub(r"\s*[.;:!]+$", "", text)
    if len(text) > MAX_NAME_CHARS:
        first_clause = re.split(r",\s|\s[–—-]\s|;\s", text)[0]
        text = first_clause if 20 <= len(first_clause) <= MAX_NAME_CHARS else text
    if len(text) > MAX_NAME_CHARS:
        cut = text[:MAX_NAME_CHARS].rsplit(" ", 1)[0]
        text = cut.rstrip(",;:") + "…"
    return text[:1].upper() + text[1:]
