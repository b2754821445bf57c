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


def test_layers_sent_to_the_lab_reach_it_and_can_be_removed_there(server, page):
    """RandomZoom unticked and RandomContrast ticked, "Train with these layers" clicked: the page confirms the three
    layers; its "Open the training lab" link opens the lab, whose Data augmentation box lists them; "Remove
    augmentation" there empties it; the lab's link back to this page says the lab trains without augmentation,
    and the layers ticked here are still ticked."""
    page.goto(server.url("augmentation"))
    wait_for_app(page, timeout=120_000)
    main = page.locator('[data-testid="stMain"]')
    expect(main).to_contain_text("The training lab currently trains without augmentation.")
    page.get_by_text("RandomZoom", exact=True).click()
    wait_for_app(page)
    page.get_by_text("RandomContrast", exact=True).click()
    wait_for_app(page)
    page.get_by_role("button", name="Train with these layers").click()
    sent = page.locator('[data-testid="stAlertContentSuccess"]')
    expect(sent).to_contain_text("3 augmentation layer(s)", timeout=30_000)
    expect(sent).to_contain_text("RandomContrast(")
    expect(sent).not_to_contain_text("RandomZoom")

    page.get_by_role("link", name="Open the training lab").click()
    page.wait_for_url("**/train**", timeout=30_000)
    wait_for_app(page, timeout=120_000)
    box = main.locator('[data-testid="stExpander"]', has_text="Data augmentation").first
    box.locator("summary").click()
    expect(box).to_contain_text("These layers go in front of the model", timeout=30_000)
    expect(box).to_contain_text("RandomContrast")
    expect(box).to_contain_text("RandomRotation")
    expect(box).not_to_contain_text("RandomZoom")
    box.get_by_role("button", name="Remove augmentation").click()
    expect(box).to_contain_text("None. Choose augmentation layers", timeout=30_000)

    box.get_by_role("link", name="Data augmentation page").click()
    page.wait_for_url("**/augmentation**", timeout=30_000)
    wait_for_app(page, timeout=120_000)
    expect(main).to_contain_text("The training lab currently trains without augmentation.", timeout=30_000)
    expect(page.get_by_role("checkbox", name="RandomContrast")).to_be_checked()
    expect(page.get_by_role("checkbox", name="RandomZoom")).not_to_be_checked()
    assert exceptions_on(page) == []
