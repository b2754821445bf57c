"""The training lab in a real browser: train one short epoch, see the live curves, then the confusion matrix."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import Server, exceptions_on, wait_for_app
from ui.texts import TEXTS


@pytest.fixture(scope="module")
def small_server(artifacts, chromium_path):
    """A server that allows a 200-image training subset, so one epoch takes seconds."""
    srv = Server(extra_env={"PLAYGROUND_MIN_TRAIN_SIZE": "200"})
    yield srv
    srv.stop()


def test_train_one_epoch_then_confusion_matrix(small_server, browser, artifacts):
    """Train (Quick preset, 1 epoch, 200 images) → loss curve with a point; Evaluate → confusion matrix of 10k."""
    context = browser.new_context(viewport={"width": 1280, "height": 1600})
    pg = context.new_page()
    pg.goto(small_server.url("train?train_preset=quick&train_epochs=1&train_size=200"))
    wait_for_app(pg)
    pg.get_by_role("button", name=TEXTS["train.start"]["en"], exact=True).click()
    # The live fragment polls the job: wait until this session's run is filed (the badge says finished).
    finished = re.escape(TEXTS["train.badge_done"]["en"].split("{")[0].strip())
    pg.get_by_text(re.compile(finished)).first.wait_for(timeout=180_000)
    wait_for_app(pg)
    loss_chart = pg.locator(".st-key-train_chart_loss .js-plotly-plot")
    loss_chart.wait_for(timeout=30_000)
    # One epoch → the training-loss trace has exactly one point with a finite value.
    ys = pg.evaluate(
        "() => document.querySelector('.st-key-train_chart_loss .js-plotly-plot').data"
        ".filter(t => t.y && t.y.length).map(t => Array.from(t.y))"
    )
    assert ys and all(len(y) >= 1 for y in ys), ys
    assert all(v == v and v >= 0 for y in ys for v in y), ys
    pg.screenshot(path=str(artifacts / "training-lab-after-one-epoch.png"))
    assert not exceptions_on(pg)

    # Same session, client-side navigation to the Evaluate page.
    pg.get_by_role("link", name=TEXTS["evaluate.title"]["en"]).first.click()
    pg.locator(".st-key-evaluate_confusion .js-plotly-plot").wait_for(timeout=180_000)
    wait_for_app(pg)
    z = pg.evaluate(  # plotly keeps typed arrays; _inputArray is the nested list it was given
        "() => { const z = document.querySelector('.st-key-evaluate_confusion .js-plotly-plot').data[0].z;"
        " const rows = z._inputArray || z; return Array.from(rows, r => Array.from(r)); }"
    )
    assert len(z) == 10 and all(len(row) == 10 for row in z)
    assert sum(sum(row) for row in z) == 10_000  # every test image counted once
    pg.screenshot(path=str(artifacts / "evaluate-after-one-epoch.png"))
    assert not exceptions_on(pg)
    context.close()
