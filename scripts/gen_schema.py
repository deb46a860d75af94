"""Write docs/schema/report.schema.json, the JSON Schema of `claimcheck verify --format json`, and
docs/schema/map.schema.json, that of `claimcheck map --format json`.

Run after changing claimcheck.models:  python scripts/gen_schema.py
tests/test_formats.py and tests/test_map.py fail when a file in docs no longer matches the models.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from claimcheck.models import ClaimMap, Report

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "docs" / "schema" / "report.schema.json"
MAP_SCHEMA_PATH = SCHEMA_PATH.with_name("map.schema.json")


def build_schema(model: type[BaseModel] = Report) -> dict[str, Any]:
    schema = model.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
    }


def render_schema(model: type[BaseModel] = Report) -> str:
    return json.dumps(build_schema(model), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main() -> int:
    SCHEMA_PATH.parent.mkdir(parents=True, exist_ok=True)
    for path, model in ((SCHEMA_PATH, Report), (MAP_SCHEMA_PATH, ClaimMap)):
        path.write_text(render_schema(model), encoding="utf-8")
        print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
