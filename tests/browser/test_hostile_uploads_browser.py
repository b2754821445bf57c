"""Hostile uploads through a real `streamlit run` server (issue 6, item 2): the part AppTest cannot see.

It lives beside the other browser tests so it shares their one session-wide Playwright instance (a second
`sync_playwright()` started while the first is alive fails with "Sync API inside the asyncio loop").
"""

from __future__ import annotations

import pytest

from tests import hostile_files as hf
from tests.browser.conftest import Server, exceptions_on
from tests.browser.load_harness import main_text, wait_idle
from ui.i18n import t


@pytest.mark.browser
def test_over_limit_upload_is_refused_by_the_real_server(browser, artifacts):
    """In a real browser the 20 MB `server.maxUploadSize` refuses the over-limit file before the page sees it:
    the file chip is marked as an error, no exception, and the page keeps its 'no file yet' state."""
    big = next(f for f in hf.image_corpus() if f.name == "over_limit.png")
    assert len(big.data) > hf.UPLOAD_LIMIT_BYTES
    server = Server()
    try:
        ctx = browser.new_context(viewport={"width": 1280, "height": 900})
        ctx.set_default_timeout(120_000)
        pg = ctx.new_page()
        pg.goto(server.url("conv2d?conv2d_source=upload"))
        wait_idle(pg, 120_000)
        uploader = pg.locator(".st-key-conv2d_upload")
        uploader.locator("input[type=file]").set_input_files(
            {"name": big.name, "mimeType": big.mime, "buffer": big.data}
        )
        pg.wait_for_timeout(2000)
        wait_idle(pg, 120_000)
        text = uploader.inner_text()
        pg.screenshot(path=str(artifacts / "hostile-over-limit.png"), full_page=True)
        assert big.name in text, text  # the browser tried it (the file chip shows, with an error mark)
        assert not exceptions_on(pg)
        assert t("conv2d.upload_hint") in main_text(pg)
        ctx.close()
    finally:
        server.stop()
