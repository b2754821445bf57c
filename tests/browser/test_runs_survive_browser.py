"""Runs outlive the browser session (issue 12), in a real browser: train a tiny run, then F5, a new tab, another
browser, and a restarted server on the same data folder."""

from __future__ import annotations

import re
import tempfile

import pytest

from tests.browser.conftest import TRAINED, Server, exceptions_on, wait_for_app
from ui.texts import TEXTS

NO_RUNS = TEXTS["runs.none"]["en"].split("{")[0].strip()[:40]


def _server(data_dir: str) -> Server:
    return Server(extra_env={"PLAYGROUND_MIN_TRAIN_SIZE": "200", "PLAYGROUND_DATA_DIR": data_dir})


def owner_cookie(ctx, timeout_s: float = 20) -> str:
    """The owner token once the page's cookie element has written it (it mounts a moment after the first paint)."""
    import time

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        found = [c["value"] for c in ctx.cookies() if c["name"] == "cnn_playground_owner"]
        if found:
            return found[0]
        time.sleep(0.2)
    raise AssertionError("the owner cookie was not written")


def _evaluate_shows_run(pg, url: str, run_id: str) -> bool:
    """Open Evaluate; True when its run picker offers `run_id`, False when it says there are no runs."""
    pg.goto(url)
    wait_for_app(pg)
    picker = pg.locator(".st-key-evaluate_run")
    if picker.count() == 0:
        assert pg.get_by_text(NO_RUNS, exact=False).count() >= 1
        return False
    # This browser has exactly one run, so a run picker (instead of the "no runs" notice) means it came back; the
    # select box's value is drawn in a control whose text Playwright does not read, so the id is checked in the
    # page's test accuracy metric instead being present.
    return pg.get_by_text(TEXTS["evaluate.test_accuracy"]["en"]).count() > 0


@pytest.fixture(scope="module")
def data_dir():
    with tempfile.TemporaryDirectory(prefix="playground-runs-browser-") as folder:
        yield folder


def test_a_run_survives_reload_new_tab_and_server_restart_but_not_another_browser(
    data_dir, browser, artifacts, chromium_path
):
    server = _server(data_dir)
    try:
        ctx = browser.new_context(viewport={"width": 1280, "height": 1400})
        pg = ctx.new_page()
        pg.goto(server.url("train?train_preset=quick&train_epochs=1&train_size=200"))
        wait_for_app(pg)
        owner_cookie(ctx)
        pg.get_by_role("button", name=TEXTS["train.start"]["en"], exact=True).click()
        badge = pg.get_by_text(TRAINED).first
        try:
            badge.wait_for(timeout=480_000)
        except Exception as err:  # say what the page showed instead (a failed or stopped run, a lost connection …)
            pg.screenshot(path=str(artifacts / "runs-not-finished.png"), full_page=True)
            shown = pg.locator("body").inner_text()[:1500]
            raise AssertionError(f"the run did not finish (server log {server.log.name}); page: {shown!r}") from err
        run_id = re.search(r"run-\d+", badge.inner_text()).group(0)
        wait_for_app(pg)

        pg.reload()  # F5
        assert _evaluate_shows_run(pg, server.url("evaluate"), run_id)
        pg.locator(".st-key-evaluate_confusion .js-plotly-plot").wait_for(timeout=180_000)
        assert not exceptions_on(pg)

        tab = ctx.new_page()  # a new tab of the same browser
        assert _evaluate_shows_run(tab, server.url("evaluate"), run_id)

        stranger = browser.new_context()  # another browser: no cookie, no runs
        assert not _evaluate_shows_run(stranger.new_page(), server.url("evaluate"), run_id)
        stranger.close()
        pg.screenshot(path=str(artifacts / "runs-after-reload.png"))
    finally:
        server.stop()

    restarted = _server(data_dir)  # a new server process on the same data folder
    try:
        pg2 = ctx.new_page()
        assert _evaluate_shows_run(pg2, restarted.url("evaluate"), run_id)
        pg2.locator(".st-key-evaluate_confusion .js-plotly-plot").wait_for(timeout=180_000)
        assert not exceptions_on(pg2)
        ctx.close()
    finally:
        restarted.stop()


def test_a_shared_link_never_carries_the_owner_token(browser, server):
    """The owner token lives in a cookie; the URL a learner copies holds only page settings."""
    ctx = browser.new_context()
    pg = ctx.new_page()
    pg.goto(server.url("conv2d?conv2d_sh=2"))
    wait_for_app(pg)
    token = owner_cookie(ctx)
    assert len(token) >= 43 and token not in pg.url
    ctx.close()
