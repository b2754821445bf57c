"""Every page in a real browser, in both languages: renders, no exception element, no console error; screenshots."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Server, exceptions_on, wait_for_app
from ui.pages import HOME, PAGES

# Console noise that is not ours: chromium's offline fetches, Streamlit's optional endpoints.
IGNORED_CONSOLE = ("net::ERR_", "favicon", "Failed to load resource", "host-config", "_stcore/metrics")


def real_errors(messages: list[str]) -> list[str]:
    return [m for m in messages if not any(s in m for s in IGNORED_CONSOLE)]


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("page_def", [HOME, *PAGES], ids=lambda p: p.url_path)
def test_page_renders_in_browser(server, page, artifacts, page_def, lang):
    """The page renders inside the frame with its title, shows no exception and logs no console error."""
    path = "" if page_def is HOME else page_def.url_path
    page.goto(server.url(f"{path}?lang={lang}"))
    wait_for_app(page)
    assert not exceptions_on(page), exceptions_on(page)
    heading = page.locator("h1").first.inner_text()
    assert heading.strip(), "page has no title"
    if lang == "ko":
        assert any("\uac00" <= ch <= "\ud7a3" for ch in page.locator("[data-testid='stMain']").inner_text())
    page.screenshot(path=str(artifacts / f"{page_def.url_path}-{lang}.png"), full_page=True)
    assert not real_errors(page.console_errors), page.console_errors


def test_cold_deep_link_renders_the_page_in_the_frame(artifacts, browser):
    """A shared deep link as the very first request of a fresh server shows that page, inside the frame."""
    srv = Server()
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        pg = context.new_page()
        pg.goto(srv.url("conv2d?lang=ko&conv2d_sh=2"))
        wait_for_app(pg)
        body = pg.locator("body").inner_text()
        assert "not found" not in body.lower()
        assert pg.locator("h1").first.inner_text().strip() == "2차원 합성곱"
        # The frame is there: the sidebar navigation lists the other pages.
        assert pg.locator("[data-testid='stSidebarNav']").count() == 1
        assert not exceptions_on(pg)
        # The link's settings were applied, not dropped: the stride stays in the URL and in its widget.
        assert "conv2d_sh=2" in pg.url
        # The number input is drawn first with its default and then takes the URL value, a moment later on a busy
        # machine (the page text does not change, so wait_for_app may return in between): wait for the value.
        expect(pg.get_by_label("스트라이드(행)").first).to_have_value("2", timeout=30_000)
        pg.screenshot(path=str(artifacts / "cold-deep-link.png"))
        context.close()
    finally:
        srv.stop()
