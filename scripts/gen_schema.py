"""Write docs/schema/report.schema.json, the JSON Schema of `claimcheck verify --format json`.

Run after changing claimcheck.models:  python scripts/gen_schema.py
tests/test_formats.py fails when the file in docs no longer matches the models.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from claimcheck.models import Report

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "docs" / "schema" / "report.schema.json"


def build_schema() -> dict[str, Any]:
    schema = Report.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
    }


def render_schema() -> str:
    return json.dumps(build_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main() -> int:
    SCHEMA_PATH.parent.mkdir(parents=True, exist_ok=True)
    SCHEMA_PATH.write_text(render_schema(), encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
