"""Transfer learning in a real browser: pretrain a base with a click, then run the three modes on it.

The settings are made with the keyboard (Home on each slider: 10 labelled images per class, 1 epoch, 500 source
images per class), so both trainings take seconds. The numbers the page shows are checked against the core run in
this process with the same settings: `transfer.pretrain_base` and `transfer.run_transfer` are deterministic for a
seed (the same accuracies in two processes), so the page's must be the same, within two images (a thread pool sized
otherwise could move one).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from playground.transfer import TARGET_CLASSES
from tests.browser.conftest import exceptions_on, scroll_to, trace_values, wait_for_app
from ui.i18n import t

pytestmark = pytest.mark.browser

LONG = 180_000  # ms: a training on a busy CI box
VAL_PER_CLASS = 200  # app_pages/transfer.py
SOURCE_TEST = 5_000  # test images of the five source classes


@pytest.fixture(scope="module")
def core():
    """What the core computes for the settings the test makes: the pretrained base, then the three modes on it."""
    from playground import transfer
    from playground.data import load_fashion_mnist

    (x_train, y_train), (x_test, y_test) = load_fashion_mnist()
    live = transfer.pretrain_base(x_train, y_train, x_test, y_test, epochs=1, train_size=500, seed=0)
    results = transfer.run_transfer(
        x_train, y_train, x_test, y_test, base_weights=live.weights, labels_per_class=10, epochs=1, seed=0,
        learning_rate=1e-3, fine_tune_learning_rate=1e-4, val_per_class=VAL_PER_CLASS,  # the page's constants
    )  # fmt: skip
    return live, results


def _percent(text: str) -> float:
    """The first "12.3%" in `text`, as a fraction."""
    return float(re.search(r"(\d+(?:\.\d+)?)%", text).group(1)) / 100


def _watch_progress(pg) -> None:
    """Note whether a progress bar shows from now on (a short training's bar can come and go between two looks)."""
    pg.evaluate(
        """() => { window.__sawProgress = false;
          const look = () => { if (document.querySelector('[data-testid="stProgress"]')) window.__sawProgress = true; };
          new MutationObserver(look).observe(document.body, {childList: true, subtree: true}); }"""
    )


def _home(pg, key: str) -> None:
    """Focus the slider with widget key `key` and press Home (its smallest value), as a keyboard user does."""
    scroll_to(pg, pg.locator(f".st-key-{key}"))
    thumb = pg.locator(f".st-key-{key} input[type=range]")
    thumb.focus()
    thumb.press("Home")
    wait_for_app(pg)


def test_pretrain_then_run_the_three_modes(page, server, core):
    """Pretrain (1 epoch, 500 images per source class) → a progress bar, then the base picker turns to "Pretrained
    here" with the core's source accuracy; Run the three modes (10 labels, 1 epoch) → a progress bar, then three
    metrics equal to the core's validation accuracies, and each mode's validation curve equal to the core's history.
    Then the Loss tab stays open when a setting is changed (the "made with other settings" caption appears above)."""
    live, results = core
    pg = page
    pg.set_viewport_size({"width": 1280, "height": 1000})
    pg.goto(server.url("transfer"))
    wait_for_app(pg, timeout=LONG)
    _home(pg, "transfer_labels")
    _home(pg, "transfer_epochs")
    assert "transfer_labels=10" in pg.url and "transfer_epochs=1" in pg.url, pg.url

    heading = pg.get_by_text(t("transfer.pretrain_heading"), exact=True)
    scroll_to(pg, heading)
    heading.click()
    _home(pg, "transfer_pretrain_size")  # 500 source images per class: the accuracy below is the core's for 500
    _watch_progress(pg)
    pg.get_by_role("button", name=t("transfer.pretrain_button")).click()
    live_caption = pg.get_by_text(t("transfer.live_accuracy", accuracy=0).split("0")[0])
    live_caption.wait_for(timeout=LONG)
    wait_for_app(pg, timeout=LONG)
    assert pg.evaluate("window.__sawProgress"), "no progress bar while pretraining"
    # The same training in two processes gives the same accuracy; a thread pool sized otherwise may move an image.
    assert _percent(live_caption.inner_text()) == pytest.approx(live.test_accuracy, abs=2 / SOURCE_TEST + 5e-4)
    picked = pg.locator(".st-key-transfer_base").get_by_role("radio", checked=True)
    expect(picked).to_have_accessible_name(t("transfer.base_live"))

    run = pg.get_by_role("button", name=t("transfer.run"))
    scroll_to(pg, run)
    _watch_progress(pg)
    run.click()
    chart = pg.locator(".st-key-transfer_accuracy_chart .js-plotly-plot .main-svg").first
    chart.wait_for(state="attached", timeout=LONG)
    wait_for_app(pg, timeout=LONG)
    assert pg.evaluate("window.__sawProgress"), "no progress bar while the three modes trained"
    modes = list(results)
    near = 2 / (VAL_PER_CLASS * len(TARGET_CLASSES))  # two validation images
    metrics = pg.locator('[data-testid="stMetric"]')
    expect(metrics).to_have_count(len(modes))
    for n, mode in enumerate(modes):
        metric = metrics.nth(n)
        expect(metric.locator('[data-testid="stMetricLabel"]')).to_have_text(t(f"transfer.mode_{mode}"))
        shown = _percent(metric.locator('[data-testid="stMetricValue"]').inner_text())
        assert shown == pytest.approx(results[mode].val_accuracy, abs=near + 5e-4), (mode, shown)
    scroll_to(pg, pg.locator(".st-key-transfer_accuracy_chart"))
    curves = trace_values(pg, "transfer_accuracy_chart")
    by_name = {tr["name"]: dict(zip(tr["x"], tr["y"], strict=True)) for tr in curves}
    for mode, result in results.items():  # each mode's own epochs sit at first_epoch … on the shared axis
        points = by_name[f"{t(f'transfer.mode_{mode}')} · {t('transfer.validation')}"]
        for k, want in enumerate(result.history["val_accuracy"]):
            assert points[result.first_epoch + k] == pytest.approx(want, abs=near), (mode, points, result.history)

    # The Loss tab stays open when a changed setting puts the "made with other settings" caption above the tabs.
    # (A rerun first, which the run's emptied progress bar would otherwise make up for: the caption then moves the
    # tabs one place down, which rebuilds a tab strip Streamlit knows only by its place.)
    more = pg.locator(".st-key-transfer_pretrain_epochs input[type=range]")
    scroll_to(pg, pg.locator(".st-key-transfer_pretrain_epochs"))
    more.focus()
    more.press("ArrowRight")  # 1 → 2 pretraining epochs: not a setting of the results
    wait_for_app(pg)
    loss = pg.get_by_role("tab", name=t("transfer.loss_title"))
    scroll_to(pg, loss)
    loss.click()
    expect(loss).to_have_attribute("aria-selected", "true")
    labels = pg.locator(".st-key-transfer_labels input[type=range]")
    scroll_to(pg, pg.locator(".st-key-transfer_labels"))
    labels.focus()
    labels.press("ArrowRight")  # 10 → 20 labelled images per class
    stale = t("transfer.stale", settings="x").split("(")[0]
    expect(pg.get_by_text(stale)).to_be_visible(timeout=30_000)
    wait_for_app(pg)
    expect(loss).to_have_attribute("aria-selected", "true")
    assert not exceptions_on(pg)
