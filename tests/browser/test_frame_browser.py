"""The frame in a real browser, driven as a person does: the language switch relabels every picker at once (no
reload, the chosen option kept), and a link copied from the address bar opens the same view elsewhere."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import exceptions_on, wait_for_app
from ui.texts import TEXTS

pytestmark = pytest.mark.browser


def label(key: str, lang: str) -> str:
    return TEXTS[key][lang]


def pick(pg, key: str, option: str) -> None:
    """Open the selectbox with widget key `key` by clicking it and click the option shown as `option`."""
    pg.locator(f".st-key-{key} input").click()
    pg.get_by_role("option", name=option, exact=True).click()
    wait_for_app(pg)


def switch_language(pg, name: str) -> None:
    """Click the language switch in the sidebar ("English" / "한국어")."""
    pg.locator('[data-testid="stSidebar"] [data-testid="stRadio"] label', has_text=name).click()
    wait_for_app(pg)


def shown(pg, key: str) -> str:
    """The option a selectbox shows as chosen."""
    return pg.locator(f".st-key-{key} input").input_value()


def expect_shown(pg, key: str, text: str) -> None:
    expect(pg.locator(f".st-key-{key} input")).to_have_value(text, timeout=15_000)


def expect_segment(pg, key: str, text: str) -> None:
    """The segmented control `key` shows `text` as its chosen segment."""
    chosen = pg.locator(f".st-key-{key} [role='radio'][aria-checked='true']")
    expect(chosen).to_have_text(text, timeout=15_000)


# (page, selectbox key, the option to choose as a translation key, the default option shown before, its URL value)
PICKERS = [
    ("conv2d", "conv2d_grid", "conv2d.grid_cross", "conv2d.grid_digit_7", "cross"),
    ("data", "data_class", "class.1", "class.0", "1"),
    ("train", "train_preset", "train.preset.accurate", "train.preset.quick", "accurate"),
]


@pytest.mark.parametrize(("path", "key", "chosen", "default", "url_value"), PICKERS, ids=[p[1] for p in PICKERS])
def test_language_switch_relabels_pickers_at_once(server, page, path, key, chosen, default, url_value):
    """Clicking 한국어 in the sidebar makes the selectbox show the Korean label of the option chosen before, without
    a reload; clicking English brings the English label back; the choice and its link parameter are kept."""
    page.goto(server.url(path))
    wait_for_app(page)
    assert shown(page, key) == label(default, "en")
    pick(page, key, label(chosen, "en"))
    expect_shown(page, key, label(chosen, "en"))
    assert f"{key}={url_value}" in page.url

    page.evaluate("window.__not_reloaded = true")  # gone if the page reloads
    switch_language(page, "한국어")
    expect_shown(page, key, label(chosen, "ko"))
    assert page.evaluate("window.__not_reloaded === true"), "the language switch reloaded the page"
    assert f"{key}={url_value}" in page.url and "lang=ko" in page.url
    assert not exceptions_on(page)

    switch_language(page, "English")
    expect_shown(page, key, label(chosen, "en"))
    assert f"{key}={url_value}" in page.url
    assert page.evaluate("window.__not_reloaded === true")


def test_language_switch_relabels_every_picker_of_a_page(server, page):
    """On the 2-D convolution page every picker (the input's segmented control, the grid and kernel selectboxes, the
    kernel-stack chips) shows Korean right after the switch, and English again after switching back."""
    page.goto(server.url("conv2d?conv2d_view=stack"))  # the kernel-stack chips show in the stack view
    wait_for_app(page)
    switch_language(page, "한국어")
    expect_segment(page, "conv2d_source", label("conv2d.source_grid", "ko"))
    expect_shown(page, "conv2d_grid", label("conv2d.grid_digit_7", "ko"))
    expect_shown(page, "conv2d_kernel", label("conv2d.kernel_identity", "ko"))
    texts = page.locator(".st-key-conv2d_stack").text_content()  # the chips (the tab holding them may be hidden)
    assert label("conv2d.kernel_sobel_x", "ko") in texts, texts
    assert label("conv2d.kernel_sobel_x", "en") not in texts, texts
    switch_language(page, "English")
    expect_shown(page, "conv2d_kernel", label("conv2d.kernel_identity", "en"))
    expect_segment(page, "conv2d_source", label("conv2d.source_grid", "en"))


def test_share_link_opens_the_same_view(server, browser, page):
    """A setting changed by hand is in the address bar; that address opened in another browser (a new context: no
    cookies, no session) shows the same setting."""
    page.goto(server.url("conv2d"))
    wait_for_app(page)
    pick(page, "conv2d_grid", label("conv2d.grid_cross", "en"))
    stride = page.locator(".st-key-conv2d_sh input")
    stride.click()
    stride.press("ArrowUp")
    wait_for_app(page)
    expect(stride).to_have_value("2")
    link = page.url
    assert "conv2d_sh=2" in link and "conv2d_grid=cross" in link, link

    other = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        pg = other.new_page()
        pg.goto(link)
        wait_for_app(pg)
        expect(pg.locator(".st-key-conv2d_sh input")).to_have_value("2", timeout=15_000)
        expect_shown(pg, "conv2d_grid", label("conv2d.grid_cross", "en"))
        assert not exceptions_on(pg)
    finally:
        other.close()


@pytest.mark.parametrize(("path", "lang"), [("home", "en"), ("home?lang=ko", "ko"), ("home?home_typo=1", "en")])
def test_home_by_its_name_opens_the_home_page(server, page, path, lang):
    """`/home` (the home page's url_path in ui/pages.py, and what a person types) opens the home page at `/` with the
    link's settings, not Streamlit's "Page not found"; a setting the link got wrong is named, as on `/`."""
    page.goto(server.url(path))
    wait_for_app(page)
    expect(page.locator('[data-testid="stMain"] h1').first).to_have_text(label("home.title", lang))
    assert page.url.split("?")[0] == server.url(""), page.url
    assert ("lang=ko" in page.url) == (lang == "ko"), page.url
    assert not page.get_by_text("Page not found").count()
    if "typo" in path:
        expect(page.locator('[data-testid="stAlert"]', has_text="home_typo=1")).to_be_visible()
    assert not exceptions_on(page)


def test_a_typing_mistake_is_said_in_the_language_switched_to(server, page):
    """A kernel typed with a word in it (click the box, select all, type, Enter) is refused with the core's reason;
    clicking 한국어 says the same reason in Korean at once (the argument and what was typed kept), English again
    after switching back. What was typed stays in the box throughout."""
    page.goto(server.url("conv1d"))
    wait_for_app(page)
    box = page.locator(".st-key-conv1d_kernel input")
    box.click()
    box.press("ControlOrMeta+a")
    box.type("1, two")
    box.press("Enter")
    wait_for_app(page)
    warning = page.locator('[data-testid="stAlertContentWarning"]').first
    expect(warning).to_contain_text("Check the numbers you typed", timeout=15_000)
    expect(warning).to_contain_text("Expected numbers separated by commas")

    switch_language(page, "한국어")
    expect(warning).to_contain_text(label("common.typed_numbers", "ko").split(":")[0], timeout=15_000)
    expect(warning).to_contain_text("허용: 1, 2, 3처럼 쉼표로 구분한 숫자들")
    expect(warning).to_contain_text("'1, two' 안의 'two'")
    expect(warning).not_to_contain_text("Expected")
    expect(box).to_have_value("1, two")

    switch_language(page, "English")
    expect(warning).to_contain_text("Expected numbers separated by commas", timeout=15_000)
    expect(box).to_have_value("1, two")
    assert not exceptions_on(page)
