"""The pooling page in a real browser: a control changes the output shape, a click picks an output cell, nothing
clipped."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from playground.figures.convolution import SMALL_MAP
from tests.browser.conftest import exceptions_on, wait_for_app
from tests.browser.test_conv1d_browser import WIDTHS, clipped


def output_shape(pg) -> str:
    metric = pg.locator("[data-testid='stMetric']").filter(has_text="Output shape")
    return metric.locator("[data-testid='stMetricValue']").inner_text()


@pytest.fixture
def pooling(server, browser):
    context = browser.new_context(viewport=WIDTHS["wide"])
    pg = context.new_page()
    pg.goto(server.url("pooling"))
    wait_for_app(pg, timeout=120_000)
    yield pg
    context.close()


def test_pool_size_key_press_changes_the_output_shape(pooling):
    """Pool size 2 → 3 with the arrow key on its slider: a 7×7 map pools to 2×2 (floor((7 − 3) / 3) + 1)."""
    pg = pooling
    assert output_shape(pg) == "3×3"
    pg.get_by_role("slider", name="Pool size").focus()
    pg.keyboard.press("ArrowRight")
    expect(pg.locator("[data-testid='stMetric']").filter(has_text="Output shape")).to_contain_text(
        "2×2", timeout=30_000
    )
    wait_for_app(pg, timeout=120_000)
    assert not exceptions_on(pg)


def test_clicking_an_output_cell_picks_it(pooling):
    """A click on cell (2, 1) of the pooled output selects it: row and column follow, and so does the sentence."""
    pg = pooling
    output_axes = pg.locator(".st-key-pooling_chart .nsewdrag").nth(1)  # the second subplot: the pooled output
    box = output_axes.bounding_box()
    pg.mouse.click(box["x"] + box["width"] * 1.5 / 3, box["y"] + box["height"] * 2.5 / 3)
    expect(pg.get_by_role("spinbutton", name="Row")).to_have_value("2", timeout=30_000)
    expect(pg.get_by_role("spinbutton", name="Column")).to_have_value("1", timeout=30_000)
    expect(pg.locator("[data-testid='stMain']")).to_contain_text("Output (2, 1) =", timeout=30_000)


def test_clicking_a_cell_of_a_pooled_photo_picks_it(server, browser):
    """A big output (the photo with pool size 1: 32×32 cells) answers clicks through an invisible heatmap (hundreds of
    SVG markers draw slowly): a click 30 % across and 60 % down the pooled output picks the cell under the pointer."""
    context = browser.new_context(viewport=WIDTHS["wide"])
    try:
        pg = context.new_page()
        pg.goto(server.url("pooling?pooling_source=photo&pooling_size=1"))
        wait_for_app(pg, timeout=120_000)
        rows = int(pg.get_by_role("spinbutton", name="Row").get_attribute("max") or 0) + 1
        cols = int(pg.get_by_role("spinbutton", name="Column").get_attribute("max") or 0) + 1
        assert min(rows, cols) > SMALL_MAP, (rows, cols)  # the heatmap targets, not the markers
        output_axes = pg.locator(".st-key-pooling_chart .nsewdrag").nth(1)
        box = output_axes.bounding_box()
        pg.mouse.click(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.6)
        row, col = int(0.6 * rows), int(0.3 * cols)
        row_box, col_box = pg.get_by_role("spinbutton", name="Row"), pg.get_by_role("spinbutton", name="Column")
        expect(row_box).not_to_have_value("0", timeout=30_000)
        assert abs(int(row_box.input_value()) - row) <= 1 and abs(int(col_box.input_value()) - col) <= 1
        assert not exceptions_on(pg)
    finally:
        context.close()


@pytest.mark.parametrize("source", ["feature_map", "photo"])
@pytest.mark.parametrize("width", list(WIDTHS))
def test_nothing_is_clipped(server, browser, artifacts, width, source):
    """At 1400 px and 390 px no chart title, axis label, metric or code block overflows its box."""
    context = browser.new_context(viewport=WIDTHS[width])
    try:
        pg = context.new_page()
        pg.goto(server.url(f"pooling?pooling_source={source}&pooling_padding=same&pooling_size=3"))
        wait_for_app(pg, timeout=120_000)
        assert not exceptions_on(pg)
        assert clipped(pg) == []
        pg.screenshot(path=str(artifacts / f"pooling-{source}-{width}.png"), full_page=True)
    finally:
        context.close()


def test_compare_and_step_through_switches(pooling):
    """The two switches below the explanation, clicked: Compare shows padding="same"'s 4×4 beside this 3×3, and the
    "max ↔ average" chip puts AveragePooling2D beside MaxPooling2D; "Show the step-through" brings the window player
    (its Step ▷ button moves to cell 2 of 9) and takes it away again. Both switches are in the link."""
    pg = pooling
    main = pg.locator("[data-testid='stMain']")
    pg.get_by_text("Compare with another setting", exact=True).click()
    expect(main).to_contain_text('Pooled output · padding="same" · 4×4', timeout=30_000)
    expect(main).to_contain_text('Pooled output · padding="valid" · 3×3')
    pg.locator('[data-testid="stButtonGroup"] button', has_text="max ↔ average").click()
    expect(main).to_contain_text("Pooled output · AveragePooling2D · 3×3", timeout=30_000)
    expect(main).to_contain_text("Pooled output · MaxPooling2D · 3×3")
    assert "pooling_compare=true" in pg.url

    chart = pg.locator(".st-key-pooling_steps_chart")
    expect(chart).to_have_count(0)
    pg.get_by_text("Show the step-through", exact=True).click()
    chart.scroll_into_view_if_needed(timeout=30_000)
    expect(chart.locator(".gtitle")).to_contain_text("cell 1 of 9", timeout=30_000)
    chart.locator(".updatemenu-button", has_text="Step").click()
    expect(chart.locator(".gtitle")).to_contain_text("cell 2 of 9", timeout=30_000)
    assert "pooling_steps=true" in pg.url
    pg.get_by_text("Show the step-through", exact=True).click()
    expect(chart).to_have_count(0, timeout=30_000)
    assert not exceptions_on(pg)


def test_a_picked_input_and_the_shift_sliders_give_the_cores_change(pooling):
    """Input "Small grid" picked with the mouse, then Shift down 0 → 1 and Shift right 1 → 2 with the arrow keys: the
    two percentages are what `compare_shifted` computes for the digit-7 grid (max pooling 2×2), and they are in the
    link."""
    from playground.convolution import GRIDS
    from playground.pooling import compare_shifted

    pg = pooling
    pg.locator('[data-testid="stSelectbox"]', has_text="Input").first.click()
    pg.get_by_role("option", name="Small grid").click()
    wait_for_app(pg, timeout=120_000)
    for label in ("Shift down (rows)", "Shift right (columns)"):
        pg.locator('[data-testid="stSlider"]', has_text=label).first.get_by_role("slider").focus()
        pg.keyboard.press("ArrowRight")
        wait_for_app(pg)
    shifted = compare_shifted(GRIDS["digit_7"], rows=1, cols=2, pool_size=2, mode="max")
    metric = pg.locator("[data-testid='stMetric']")
    expect(metric.filter(has_text="Pooled cells that changed")).to_contain_text(
        f"{shifted.pooled_changed:.0%}", timeout=30_000
    )
    expect(metric.filter(has_text="Input cells that changed")).to_contain_text(f"{shifted.input_changed:.0%}")
    assert "pooling_shift_rows=1" in pg.url and "pooling_shift_cols=2" in pg.url
    assert not exceptions_on(pg)
