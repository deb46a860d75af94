"""The metadata header of saved corpus files, so that a fetched page keeps its title, outlet and URL.

    ---
    title: "Troops reach the border"
    outlet: "example.org"
    url: "https://example.org/story"
    ---
    The article text...

Values are JSON strings, so any title survives; bare values are accepted for hand-written files.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

FIELDS = ("title", "outlet", "author", "published", "url")
# Written for people reading the file; not part of the Article.
INFORMATIVE_FIELDS = ("fetched_from",)
_ALIASES = {"date": "published", "site": "outlet", "source_url": "url"}
_LINE = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*)\s*:\s*(.*)$")
FENCE = "---"


@dataclass(frozen=True, slots=True)
class FrontMatter:
    fields: dict[str, str] = field(default_factory=dict)
    body: str = ""


def render(fields: dict[str, str | None], body: str) -> str:
    lines = [FENCE]
    for name in (*FIELDS, *INFORMATIVE_FIELDS):
        value = fields.get(name)
        if value:
            lines.append(f"{name}: {json.dumps(value, ensure_ascii=False)}")
    lines.append(FENCE)
    return "\n".join(lines) + "\n" + body.rstrip("\n") + "\n"


def parse(text: str) -> FrontMatter | None:
    """The header and the body after it, or None when the text does not open with a header.

    A header is a `---` line, then only `key: value` lines, then `---`; anything else is left
    as article text, so an article that happens to start with a rule is read whole.
    """
    if not text.startswith(FENCE + "\n"):
        return None
    end = text.find("\n" + FENCE + "\n", len(FENCE))
    if end < 0:
        return None
    values: dict[str, str] = {}
    for line in text[len(FENCE) + 1 : end].split("\n"):
        if not line.strip():
            continue
        match = _LINE.match(line)
        if match is None:
            return None
        key = _ALIASES.get(match.group(1).lower(), match.group(1).lower())
        value = _value(match.group(2))
        if key in FIELDS and value:
            values[key] = value
    return FrontMatter(fields=values, body=text[end + len(FENCE) + 2 :])


def _value(raw: str) -> str:
    raw = raw.strip()
    if raw.startswith('"'):
        try:
            decoded = json.loads(raw)
        except json.JSONDecodeError:
            return raw.strip('"')
        return decoded if isinstance(decoded, str) else raw
    return raw.strip("'")
