"""Shared test setup.

In CI (CI=true) a skipped test is a failure: the browser and real-data tests must run there, so a missing
chromium or Fashion-MNIST shows up as red, not as a quiet "s".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# Keep TensorFlow quiet and small in tests (2-core machines; several test processes may share them).
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

# Runs the tests make go to a throw-away run store, never to the user's own (~/.cache/cnn-playground). Servers the
# browser tests start inherit it.
if "PLAYGROUND_DATA_DIR" not in os.environ:
    import tempfile

    os.environ["PLAYGROUND_DATA_DIR"] = tempfile.mkdtemp(prefix="playground-test-runs-")

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if IN_CI and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.longrepr = f"skipped in CI, which counts as a failure here: {reason}"


def page_app(script: str):
    """An AppTest of one page *inside the frame*: app.py with the page selected, as a browser would see it.

    Query parameters set before the first `run()` act like a shared deep link opened as the first request
    (this works because every page's url_path equals its file name; see ui/pages.py).
    """
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page(script)
    return at


@pytest.fixture
def app_for():
    """Factory fixture: `app_for("app_pages/conv2d.py")` → an AppTest ready to `.run()`."""
    return page_app


@pytest.fixture
def open_link():
    """Factory fixture: `open_link("app_pages/x.py", lang="ko", x_stride="2")` → that page opened as a shared link
    (the parameters are in the URL before the first run, as in a browser), already run once."""

    def open_(script: str, **params: str):
        at = page_app(script)
        for key, value in params.items():
            at.query_params[key] = value
        at.run()
        return at

    return open_
