"""Save & restore in a real browser: replacing the model file after one was loaded.

The bug this guards against: loading a model creates the session's first run, and the next script run draws a new
section ("What the files hold") above the restore tabs. Streamlit's frontend keys blocks by their position, so the
tabs moved one place down were rebuilt, and a file uploader rebuilt while it was still sending the next file
forgot it: the file disappeared and "Load" stayed disabled. Under load this happened to about one upload in ten;
here the upload is slowed down (1.5 s) so the next script run always lands while it is in flight.
"""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from tests import hostile_files as hf
from tests.browser.conftest import exceptions_on, wait_for_app
from tests.browser.load_harness import wait_idle
from ui.i18n import t

pytestmark = pytest.mark.browser

LOADED = t("models.keras_loaded", run="X").split("**")[0]  # "Loaded as the new run "
UPLOADER = ".st-key-models_keras_file"
LOAD = ".st-key-models_load_keras button"


def _slow_put(route) -> None:
    if route.request.method == "PUT":
        time.sleep(1.5)
    route.continue_()


def _choose(pg, name: str, data: bytes) -> None:
    pg.locator(f"{UPLOADER} input[type=file]").set_input_files(
        {"name": name, "mimeType": "application/octet-stream", "buffer": data}
    )


def test_a_second_model_file_survives_the_page_growing_while_it_uploads(browser, server):
    data = hf.small_dense_keras()
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    ctx.set_default_timeout(60_000)
    try:
        pg = ctx.new_page()
        pg.goto(server.url("models"))
        wait_for_app(pg)
        tab = pg.get_by_role("tab", name=t("models.tab_keras"))
        tab.click()
        expect(tab).to_have_attribute("aria-selected", "true")
        wait_for_app(pg)  # the tab's own rerun (on_change="rerun") has ended: it cannot overlap the first upload

        _choose(pg, "first.keras", data)
        expect(pg.locator(UPLOADER)).to_contain_text("first.keras")
        pg.locator(LOAD).click()  # Playwright waits until the upload's rerun has enabled it
        pg.get_by_text(LOADED).first.wait_for()
        wait_idle(pg)
        assert not pg.get_by_text(t("models.inside_title")).count()  # drawn before the run existed

        pg.route("**/_stcore/upload_file/**", _slow_put)
        _choose(pg, "second.keras", data)
        pg.get_by_text(t("models.inside_title")).wait_for()  # the page grew while the file was on its way
        pg.locator(LOAD).click(timeout=30_000)
        pg.get_by_text(LOADED).first.wait_for()
        wait_idle(pg)
        assert "second.keras" in pg.locator(UPLOADER).inner_text()
        assert not exceptions_on(pg)
    finally:
        ctx.close()
