"""Extraction quality has a floor: the shared benchmark of 88 news pages must stay at F1 >= 0.965."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"
FLOOR_F1 = 0.965


@pytest.mark.skipif(not (EVAL / "extraction" / "truth.json").exists(), reason="../shared/eval is not beside the repo")
def test_extraction_f1_stays_above_its_floor():
    proc = subprocess.run(
        [
            sys.executable, str(EVAL / "check_extraction.py"),
            "--html", str(EVAL / "extraction" / "html"),
            "--truth", str(EVAL / "extraction" / "truth.json"),
            "--cmd", f"{sys.executable} -m claimcheck",
            "--min-f1", str(FLOOR_F1),
        ],
        capture_output=True, text=True, timeout=600, check=False,
    )

    last_line = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else proc.stderr[-2000:]
    assert proc.returncode == 0, last_line
