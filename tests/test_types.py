"""The type checker is part of the test run: mypy over playground/ and ui/ (the files and settings of
[tool.mypy] in pyproject.toml) reports no error. A few seconds with its cache (.mypy_cache), about a minute cold."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_mypy_reports_no_errors():
    """`python -m mypy` exits 0; on failure the message is mypy's own report (file:line: error …)."""
    result = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, timeout=600, check=False
    )
    report = (result.stdout + result.stderr).strip()
    assert result.returncode == 0, f"mypy found type errors:\n{report}"
