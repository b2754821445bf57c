"""Issue 13 on a real `streamlit run` server: a hostile upload must not take the server's memory.

Each hostile file goes through the real page in Chromium (Playwright) while the server's resident memory (the
process and its children, psutil) is sampled every 0.2 s:

* the peak during the request is at most `PER_REQUEST_MB` above the memory before it;
* a few seconds after the refusal, memory is back within `RETURNED_MB` of where it started;
* `-m long`: three sessions sending the files at once stay within `THREE_AT_ONCE_MB`.

Before the fixes, a 1.2 KB `.keras` asking for Dense(30000) took +1.1 GB (Keras built the layers before anything
refused the file) and a 481 KB float TIFF within the pixel cap +980 MB per decode.

The models page is warmed up first with a valid `.keras` (importing TensorFlow and loading one small model costs
a few hundred MB once per server; that is the server starting, not the hostile request).
"""

from __future__ import annotations

import re
import time

import pytest

from tests import hostile_files as hf
from tests.browser.conftest import Server, exceptions_on
from tests.browser.load_harness import RssSampler, wait_idle
from ui.i18n import t

PER_REQUEST_MB = 256
RETURNED_MB = 100
THREE_AT_ONCE_MB = 600
LOADED = t("models.keras_loaded", run="X").split("**")[0]  # "Loaded as the new run "
REFUSED = re.compile(r"MB per image|this server accepts up to")

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def model_files() -> dict[str, bytes]:
    """A valid small model (the warm-up) and the two hostile `.keras` files of issue 13."""
    valid = hf.small_dense_keras()
    return {
        "valid.keras": valid,
        "dense30000.keras": hf.huge_dense_keras(valid),
        "padding300.keras": hf.padding_keras(),
    }


@pytest.fixture(scope="module")
def memory_server():
    with Server() as srv:
        yield srv


def _open(browser, server: Server, path: str):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    ctx.set_default_timeout(120_000)
    pg = ctx.new_page()
    pg.goto(server.url(path))
    wait_idle(pg, 120_000)
    return ctx, pg


ENABLED = "() => { const b = document.querySelector('.st-key-models_load_keras button'); return b && !b.disabled; }"


def _refused(pg) -> None:
    """The answer to a hostile model: its refusal on the page, and the page idle again."""
    pg.get_by_text(REFUSED).first.wait_for(timeout=180_000)
    wait_idle(pg, 120_000)


def _send_image(pg, name: str, data: bytes, mime: str) -> None:
    pg.locator(".st-key-conv2d_upload input[type=file]").set_input_files(
        {"name": name, "mimeType": mime, "buffer": data}
    )


def _open_models(browser, server: Server):
    ctx, pg = _open(browser, server, "models")
    pg.get_by_role("tab", name=t("models.tab_keras")).click()
    wait_idle(pg, 120_000)
    pg.locator(".st-key-models_keras_file input[type=file]").wait_for(state="attached")
    return ctx, pg


def _send_model(pg, name: str, data: bytes) -> None:
    tab = pg.get_by_role("tab", name=t("models.tab_keras"))
    if tab.get_attribute("aria-selected") != "true":
        tab.click()
        wait_idle(pg, 120_000)  # choosing a tab reruns the page (the server keeps the chosen tab)
    pg.locator(".st-key-models_keras_file input[type=file]").set_input_files(
        {"name": name, "mimeType": "application/octet-stream", "buffer": data}
    )
    pg.locator(".st-key-models_keras_file").get_by_text(name).wait_for(state="attached")  # the new file
    wait_idle(pg, 120_000)
    pg.wait_for_function(ENABLED)
    # A real click: Playwright waits until the button is attached, visible, enabled and still (a rerun may redraw it).
    pg.locator(".st-key-models_load_keras button").click(timeout=120_000)


def _measure(server: Server, send, wait, settle_s: float = 4.0) -> tuple[float, float, float]:
    """(MB before, peak MB during, MB after `settle_s`) of the server around `send()` … `wait()`. A request that
    does not finish in time is reported with the memory it had taken by then (the memory is the question)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    sampler = RssSampler(server.proc.pid, interval=0.2)
    before = sampler.rss() / 2**20
    sampler.start()
    timed_out = False
    try:
        send()
        try:
            wait()
        except PlaywrightTimeout:
            timed_out = True
        time.sleep(settle_s)
    finally:
        sampler.stop()
    if timed_out:
        peak = sampler.peak_mb
        assert peak - before <= PER_REQUEST_MB, f"+{peak - before:.0f} MB and still not answered"
        raise AssertionError(f"the server did not answer in time (+{peak - before:.0f} MB)")
    return before, sampler.peak_mb, sampler.rss() / 2**20


def _check(label: str, before: float, peak: float, after: float, budget: float) -> None:
    print(f"{label}: {before:.0f} MB → peak {peak:.0f} MB (+{peak - before:.0f}) → {after:.0f} MB")
    assert peak - before <= budget, f"{label}: +{peak - before:.0f} MB (budget {budget} MB)"
    assert after - before <= RETURNED_MB, f"{label}: still +{after - before:.0f} MB afterwards"


@pytest.mark.parametrize("item", hf.memory_images(), ids=lambda f: f.id)
def test_a_small_image_that_decodes_big_is_refused_cheaply(browser, memory_server, item):
    """The 481 KB float TIFF and the 5000 × 5000 RGBA / 16-bit PNGs on 2-D convolution: refused from the header
    (the decode budget), at most +256 MB while it happens, memory given back."""
    ctx, pg = _open(browser, memory_server, "conv2d?conv2d_source=upload")
    try:
        before, peak, after = _measure(
            memory_server, lambda: _send_image(pg, item.name, item.data, item.mime), lambda: _refused(pg)
        )
        _check(item.name, before, peak, after, PER_REQUEST_MB)
        assert pg.get_by_text(REFUSED).count(), "no refusal shown"
        assert not exceptions_on(pg)
    finally:
        ctx.close()


@pytest.mark.parametrize("name", ["dense30000.keras", "padding300.keras"])
def test_a_model_over_budget_is_refused_before_keras_builds_it(browser, memory_server, model_files, name):
    """Issue 13's 1.2 KB Dense(30000) `.keras` and the valid ZeroPadding2D(300) model on Save & restore: refused
    with the numbers, at most +256 MB, memory given back (a valid model loads first, as the warm-up)."""
    ctx, pg = _open_models(browser, memory_server)
    try:
        _send_model(pg, "valid.keras", model_files["valid.keras"])
        pg.get_by_text(LOADED).first.wait_for()
        wait_idle(pg, 120_000)
        before, peak, after = _measure(
            memory_server, lambda: _send_model(pg, name, model_files[name]), lambda: _refused(pg)
        )
        _check(name, before, peak, after, PER_REQUEST_MB)
        assert pg.get_by_text(REFUSED).count(), "no refusal shown"
        text = pg.get_by_text(REFUSED).first.inner_text()
        assert re.search(r"[\d,]+ (parameters|values per image)", text), text
        assert not exceptions_on(pg)
    finally:
        ctx.close()


@pytest.mark.long
def test_three_hostile_sessions_at_once(browser, memory_server, model_files):
    """Three sessions send a hostile file each at the same moment (the float TIFF, the RGBA PNG, the Dense(30000)
    model): together at most +600 MB, memory given back afterwards."""
    images = {f.name: f for f in hf.memory_images()}
    sessions = [_open(browser, memory_server, "conv2d?conv2d_source=upload") for _ in range(2)]
    sessions.append(_open_models(browser, memory_server))
    models_pg = sessions[2][1]
    _send_model(models_pg, "valid.keras", model_files["valid.keras"])  # the warm-up (TensorFlow import)
    models_pg.get_by_text(LOADED).first.wait_for()
    wait_idle(models_pg, 120_000)

    def send() -> None:
        for (_ctx, pg), name in zip(sessions[:2], ["float_5000.tif", "rgba_5000.png"], strict=True):
            _send_image(pg, name, images[name].data, images[name].mime)
        _send_model(models_pg, "dense30000.keras", model_files["dense30000.keras"])

    def wait() -> None:  # each answer is a refusal, as in the one-at-a-time tests
        for _ctx, pg in sessions:
            _refused(pg)

    try:
        before, peak, after = _measure(memory_server, send, wait)
        _check("three at once", before, peak, after, THREE_AT_ONCE_MB)
        for n, (_ctx, pg) in enumerate(sessions):
            assert not exceptions_on(pg), n
    finally:
        for ctx, _pg in sessions:
            ctx.close()
