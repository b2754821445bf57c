"""2-D step-through in a real browser (issue 15): on 2-D convolution and pooling, ▶ Play moves the window across
the output in the browser, ❚❚ Pause stops it, Step ▷ moves exactly one cell; the numbers are the core's."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from playground.convolution import GRIDS, explain_conv2d_cell
from playground.kernels import KERNELS
from playground.pooling import explain_pool2d_cell
from tests.browser.conftest import exceptions_on, scroll_to, wait_for_app

pytestmark = pytest.mark.browser

WIDE = {"width": 1400, "height": 1000}
PAGES = {
    # page URL, chart key, cells in the output, output width
    "conv2d": ("conv2d?conv2d_view=steps&conv2d_kernel=sobel_x", "conv2d_steps_chart", 25, 5),
    "pooling": ("pooling?pooling_source=grid&pooling_steps=true", "pooling_steps_chart", 9, 3),
}


def title(pg, chart: str) -> str:
    """The figure's title (the cell shown and its sum), once Streamlit has only one copy of the chart on screen."""
    locator = pg.locator(f".st-key-{chart} .gtitle")
    expect(locator).to_have_count(1, timeout=30_000)
    return locator.text_content()


def shown_cell(pg, chart: str) -> int:
    """The cell the figure shows (0-based reading order), from its title "… cell n of N"."""
    return int(re.search(r"cell (\d+) of", title(pg, chart)).group(1)) - 1


def slider_cell(pg, chart: str) -> int:
    return pg.evaluate(f"() => document.querySelector('.st-key-{chart} .js-plotly-plot')._fullLayout.sliders[0].active")


def press(pg, chart: str, label: str) -> None:
    pg.locator(f".st-key-{chart} .updatemenu-button", has_text=label).click()


@pytest.fixture(params=list(PAGES))
def page(request, server, browser):
    url, chart, cells, width = PAGES[request.param]
    context = browser.new_context(viewport=WIDE)
    pg = context.new_page()
    pg.goto(server.url(url))
    wait_for_app(pg, timeout=120_000)
    pg.locator(f".st-key-{chart}").scroll_into_view_if_needed()
    yield request.param, pg, chart, cells, width
    context.close()


def test_step_moves_one_cell_play_advances_pause_stops(page):
    """Step ▷ shows the next cell and stays there; ▶ Play moves on by itself; ❚❚ Pause stops it on a cell the title
    and slider agree on; all without a script run, and the title's sum is the core's (= Keras's) for that cell."""
    name, pg, chart, cells, width = page
    assert shown_cell(pg, chart) == 0
    state = "document.querySelector('[data-testid=\"stApp\"]').getAttribute('data-test-script-state')"
    for expected in (1, 2, 3):
        press(pg, chart, "Step")
        expect(pg.locator(f".st-key-{chart} .gtitle")).to_contain_text(f"cell {expected + 1} of {cells}")
        pg.wait_for_timeout(1200)  # longer than a playback step: Step holds the cell
        assert shown_cell(pg, chart) == expected and slider_cell(pg, chart) == expected
    press(pg, chart, "Play")
    pg.wait_for_function(
        f"() => /cell ([5-9]|1\\d) of/.test(document.querySelector('.st-key-{chart} .gtitle').textContent)",
        timeout=20_000,
    )
    press(pg, chart, "Pause")
    pg.wait_for_timeout(300)
    paused = shown_cell(pg, chart)
    pg.wait_for_timeout(2500)  # three playback intervals
    assert shown_cell(pg, chart) == paused == slider_cell(pg, chart)
    press(pg, chart, "Step")
    expect(pg.locator(f".st-key-{chart} .gtitle")).to_contain_text(f"cell {paused + 2} of {cells}")
    r, c = divmod(paused + 1, width)
    if name == "conv2d":
        cell = explain_conv2d_cell(GRIDS["digit_7"], KERNELS["sobel_x"], r, c)
        expected = f"y[{r}, {c}] = {cell.expression(0)}"
    else:
        expected = explain_pool2d_cell(GRIDS["digit_7"], r, c, pool_size=2).expression()
    assert expected.replace(" ", "") in title(pg, chart).replace(" ", "")  # the title's lines join without spaces
    assert pg.evaluate(state) == "notRunning" and not exceptions_on(pg)


def change_setting(pg, name: str) -> None:
    """Change a setting the window's numbers depend on, as a person does: bias 1 (typed) / average pooling (clicked)."""
    if name == "conv2d":
        field = pg.locator(".st-key-conv2d_bias input")
        field.fill("1")
        field.press("Enter")
    else:
        pg.locator(".st-key-pooling_mode [role=radio], .st-key-pooling_mode button", has_text="Average").first.click()


def expected_title(name: str, r: int, c: int) -> str:
    """The equation of output cell (r, c) after `change_setting`, from the core."""
    if name == "conv2d":
        cell = explain_conv2d_cell(GRIDS["digit_7"], KERNELS["sobel_x"], r, c, bias=1.0)
        return f"y[{r}, {c}] = {cell.expression(0)} → {cell.value - 1:.4g} + 1 = {cell.value:.4g}"
    return explain_pool2d_cell(GRIDS["digit_7"], r, c, pool_size=2, mode="average").expression()


def test_a_setting_changed_during_play_ends_it_and_step_counts_from_the_new_figure(page):
    """Changing a setting while ▶ Play runs: the figure stops on the new settings' first cell (not the old frames
    playing on to the end with the old numbers), and Step ▷ then shows the next cell of the new figure (not the
    one after where the old playback was)."""
    name, pg, chart, cells, width = page
    press(pg, chart, "Play")
    pg.wait_for_function(
        f"() => /cell ([3-9]) of/.test(document.querySelector('.st-key-{chart} .gtitle').textContent)",
        timeout=20_000,
    )
    change_setting(pg, name)  # its control may be above the window: the click scrolls up to it
    scroll_to(pg, pg.locator(f".st-key-{chart}"))  # and back to the chart, drawn when it comes into the window
    flat = expected_title(name, 0, 0).replace(" ", "")
    pg.wait_for_function(
        f"t => document.querySelector('.st-key-{chart} .gtitle').textContent.replace(/ /g, '').includes(t)",
        arg=flat,
        timeout=30_000,
    )
    wait_for_app(pg)
    pg.wait_for_timeout(2500)  # three playback intervals: nothing plays on
    assert shown_cell(pg, chart) == 0 == slider_cell(pg, chart)
    assert flat in title(pg, chart).replace(" ", "")
    press(pg, chart, "Step")
    expect(pg.locator(f".st-key-{chart} .gtitle")).to_contain_text(f"cell 2 of {cells}")
    assert expected_title(name, 0, 1).replace(" ", "") in title(pg, chart).replace(" ", "")
    assert not exceptions_on(pg)
