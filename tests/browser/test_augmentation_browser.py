"""Data augmentation in a real browser: the seed field after "Re-sample", emptied by the learner."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import exceptions_on, wait_for_app

pytestmark = pytest.mark.browser


def test_emptied_seed_after_resample_keeps_a_number(server, page):
    """Clicking Re-sample writes the next seed into the field; selecting the field's text, deleting it and pressing
    Enter leaves a number there: Streamlit puts the field's default back (0). The page once let the field be empty,
    took it as None and failed in `int(seed)`."""
    page.goto(server.url("augmentation"))
    wait_for_app(page)
    seed = page.locator(".st-key-augment_seed input")
    expect(seed).to_have_value("0", timeout=30_000)

    page.locator(".st-key-augment_resample button").click()
    wait_for_app(page)
    expect(seed).to_have_value("1", timeout=30_000)
    assert "augment_seed=1" in page.url

    seed.click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.press("Backspace")
    page.keyboard.press("Enter")
    wait_for_app(page)
    page.keyboard.press("Tab")  # leave the field, as a person moving on would
    wait_for_app(page)

    assert exceptions_on(page) == []
    expect(seed).to_have_value("0", timeout=30_000)
    expect(page.locator(".st-key-augment_code")).to_contain_text("seed=0")
