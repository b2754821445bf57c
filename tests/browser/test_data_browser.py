"""The Fashion-MNIST page in a real browser, on the real files: each control, moved as a person does, changes what
the page shows to what the data itself says (computed here from the same files)."""

from __future__ import annotations

import numpy as np
import pytest
from playwright.sync_api import expect

from playground import data
from tests.browser.conftest import exceptions_on, wait_for_app

pytestmark = [pytest.mark.browser, pytest.mark.realdata]

WAIT_MS = 60_000
# The drawn sample grid's columns of images (each image 28 px wide on the chart's x axis).
GRID_COLUMNS = """() => { const gd = document.querySelector('.st-key-data_grid_chart .js-plotly-plot');
  return gd && gd.calcdata ? gd.calcdata[0][0].z[0].length / 28 : null; }"""


def _slider(pg, label: str):
    return pg.locator('[data-testid="stSlider"]', has_text=label).first


def test_samples_pixels_and_split_follow_their_controls(server, page):
    """Images per class 8 → 6 (two ← presses): the grid is 6 images wide. Pixel matrix tab, class Trouser picked and
    image 5 typed: the title names that class's sixth training image and the sentence gives its min, max, mean and
    zeros. Class balance tab, validation share 0.2 → 0.25 (→): 45,000 training and 15,000 validation images."""
    (x_train, y_train), _ = data.load_fashion_mnist()
    page.goto(server.url("data"))
    wait_for_app(page, timeout=120_000)
    main = page.locator('[data-testid="stMain"]')
    page.wait_for_function(f"() => ({GRID_COLUMNS})() === 8", timeout=WAIT_MS)
    _slider(page, "Images per class").get_by_role("slider").focus()
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    expect(main).to_contain_text("6 random training images per class", timeout=WAIT_MS)
    page.wait_for_function(f"() => ({GRID_COLUMNS})() === 6", timeout=WAIT_MS)

    page.get_by_role("tab", name="Pixel matrix").click()
    page.locator('[data-testid="stSelectbox"]', has_text="Class").first.click()
    page.get_by_role("option", name="Trouser").click()
    wait_for_app(page)
    index = main.get_by_label("Image of that class (0 … 5999)")
    index.fill("5")
    index.press("Enter")
    picked = int(np.flatnonzero(y_train == 1)[5])
    image = x_train[picked]
    expect(main).to_contain_text(f"Trouser: training image #{picked}", timeout=WAIT_MS)
    expect(main).to_contain_text(
        f"min {int(image.min())}, max {int(image.max())}, mean {image.mean():.1f}, {int((image == 0).sum())} pixels"
    )
    assert "data_index=5" in page.url

    page.get_by_role("tab", name="Class balance & split").click()
    _slider(page, "Validation share").get_by_role("slider").focus()
    page.keyboard.press("ArrowRight")
    metric = page.locator('[data-testid="stMetric"]')
    expect(metric.filter(has_text="Validation")).to_contain_text("15,000", timeout=WAIT_MS)
    expect(metric.filter(has_text="Training")).to_contain_text("45,000")
    assert not exceptions_on(page)
