"""A short name for a claim, for tables: 'North Korea sent 10,000 troops to Russia'."""

from __future__ import annotations

import re

from claimcheck.models import Statement

MAX_NAME_CHARS = 60
LEAD_INS = re.compile(
    r"^(?:(?:according to [^,]+|in (?:a|an|the) [^,]{0,40}|however|meanwhile|additionally|moreover|"
    r"furthermore|also|thus far|so far|recent reports indicate that|reports (?:say|indicate|estimate) that),\s*)+",
    re.IGNORECASE,
)


LEADING_ADVERBIAL = re.compile(
    r"^(?:(?:since|in|on|at|after|before|during|amid|amidst|while|as|with|despite|although|though|"
    r"following|earlier|later|last|this|on [a-z]+day)\b[^,]{0,60}|[A-Z][a-z]+day|yesterday|today),\s+",
    re.IGNORECASE,
)


def claim_name(statement: Statement) -> str:
    """The sentence with lead-ins and trailing clauses trimmed, cut at a word boundary."""
    text = LEAD_INS.sub("", statement.text).strip()
    # "In June, Putin visited Kim" -> "Putin visited Kim": a short opening adverbial is not the claim
    while True:
        opening = LEADING_ADVERBIAL.match(text)
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
