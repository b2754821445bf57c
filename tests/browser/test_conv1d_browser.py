"""The 1-D convolution page in a real browser: Play / Pause in the figure, Back / Next, nothing clipped."""

from __future__ import annotations

import re

import numpy as np
import pytest
from playwright.sync_api import expect

from playground.convolution import conv1d_steps
from tests.browser.conftest import exceptions_on, wait_for_app

STEP_CHART = ".st-key-conv1d_step_chart"
WIDTHS = {"wide": {"width": 1400, "height": 1000}, "phone": {"width": 390, "height": 844}}

# Every text a person reads in a chart (titles, annotations, axis labels, buttons) and code block, each inside the
# box it belongs to; and nothing wider than the screen.
CLIPPED = """() => {
  const out = [];
  const inside = (inner, outer, slack = 1) => inner.left >= outer.left - slack && inner.right <= outer.right + slack
      && inner.top >= outer.top - slack && inner.bottom <= outer.bottom + slack;
  for (const chart of document.querySelectorAll('.js-plotly-plot')) {
    const box = chart.getBoundingClientRect();
    for (const el of chart.querySelectorAll('.gtitle, .annotation-text, .updatemenu-button, .slider-group text, '
        + '.xtitle, .ytitle, .xtick text, .ytick text')) {
      const r = el.getBoundingClientRect();
      if (r.width && !inside(r, box)) out.push('chart text "' + (el.textContent || '').slice(0, 40) + '"');
    }
    const modebar = chart.querySelector('.modebar');
    const title = chart.querySelector('.gtitle');
    if (modebar && title && modebar.getBoundingClientRect().width) {
      const a = modebar.getBoundingClientRect(), b = title.getBoundingClientRect();
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) out.push('modebar over title');
    }
  }
  const boxes = '[data-testid="stCode"], .playground-code, [data-testid="stMetric"], .stButton button';
  for (const el of document.querySelectorAll(boxes)) {
    const parent = el.parentElement.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    if (r.width > parent.width + 1) out.push('box ' + el.getAttribute('data-testid'));
  }
  const main = document.querySelector('[data-testid="stMain"]');
  if (main.scrollWidth > main.clientWidth + 1) out.push('page scrolls sideways');
  return out;
}"""


def clipped(pg) -> list[str]:
    """What overflows its box on the page now (empty when nothing does)."""
    return pg.evaluate(CLIPPED)


def step_title(pg) -> str:
    """The step the figure shows, from its title: "Step j of n" and the multiply-add (once a redraw is over: while
    Streamlit swaps a chart, the old one is briefly there too)."""
    title = pg.locator(f"{STEP_CHART} .gtitle")
    expect(title).to_have_count(1, timeout=30_000)
    return title.text_content()


def shown_step(pg) -> int:
    return int(re.search(r"Step (\d+) of", step_title(pg)).group(1))


def slider_step(pg) -> int:
    """The step the figure's own slider marks."""
    return pg.evaluate(f"() => document.querySelector('{STEP_CHART} .js-plotly-plot')._fullLayout.sliders[0].active")


@pytest.fixture
def conv1d(server, browser):
    context = browser.new_context(viewport=WIDTHS["wide"])
    pg = context.new_page()
    pg.goto(server.url("conv1d"))
    wait_for_app(pg, timeout=120_000)
    yield pg
    context.close()


def test_play_then_pause_stops_on_a_step_the_title_and_slider_agree_on(conv1d):
    """▶ Play runs through the steps in the browser (no script run); ❚❚ Pause stops it: the shown step stops
    changing and the figure's title and slider name the same step."""
    pg = conv1d
    assert shown_step(pg) == 0
    runs_before = pg.evaluate(
        "document.querySelector('[data-testid=\"stApp\"]').getAttribute('data-test-script-state')"
    )
    pg.locator(f"{STEP_CHART} .updatemenu-button", has_text="Play").click()
    pg.wait_for_function(
        f"() => /Step [12] of/.test(document.querySelector('{STEP_CHART} .gtitle').textContent)", timeout=20_000
    )
    pg.locator(f"{STEP_CHART} .updatemenu-button", has_text="Pause").click()
    pg.wait_for_timeout(300)
    paused = shown_step(pg)
    pg.wait_for_timeout(2500)  # three playback intervals
    assert shown_step(pg) == paused < 4
    assert slider_step(pg) == paused
    step = conv1d_steps([1, 2, 3, 4], [1, 2])[paused]
    assert f"y[{paused}] = {step.expression()}" in step_title(pg)
    assert runs_before == "notRunning" and not exceptions_on(pg)


def test_next_and_back_change_the_title_and_the_figure(conv1d):
    """The page's Next / Back buttons move the figure one step (title, slider and multiply-add)."""
    pg = conv1d
    pg.get_by_role("button", name="Next").click()
    expect(pg.locator(f"{STEP_CHART} .gtitle").last).to_contain_text("Step 1 of 4", timeout=30_000)
    assert "y[1] = 1·2 + 2·1 = 4" in step_title(pg) and slider_step(pg) == 1
    pg.get_by_role("button", name="Next").click()
    expect(pg.locator(f"{STEP_CHART} .gtitle").last).to_contain_text("Step 2 of 4", timeout=30_000)
    pg.get_by_role("button", name="Back").click()
    expect(pg.locator(f"{STEP_CHART} .gtitle").last).to_contain_text("Step 1 of 4", timeout=30_000)
    assert shown_step(pg) == 1 and slider_step(pg) == 1


def page_step(pg) -> int:
    """The page's own step slider (Back / Next count from it)."""
    return int(pg.locator(".st-key-conv1d_step input[type=range]").input_value())


def test_back_and_next_count_from_where_the_figure_was_paused(conv1d):
    """Pausing the figure's playback moves the page's step slider to the step on screen, so Back then shows the step
    before that one (not the one before where the slider had been)."""
    pg = conv1d
    slider = pg.locator(".st-key-conv1d_step input[type=range]")
    slider.focus()
    slider.press("End")
    expect(pg.locator(f"{STEP_CHART} .gtitle").last).to_contain_text("Step 4 of 4", timeout=30_000)
    wait_for_app(pg)
    pg.locator(f"{STEP_CHART} .updatemenu-button", has_text="Play").click()  # from the last step: from the first
    pg.wait_for_function(
        f"() => /Step [12] of/.test(document.querySelector('{STEP_CHART} .gtitle').textContent)", timeout=20_000
    )
    pg.locator(f"{STEP_CHART} .updatemenu-button", has_text="Pause").click()
    pg.wait_for_timeout(300)
    paused = shown_step(pg)
    expect(slider).to_have_value(str(paused), timeout=30_000)
    wait_for_app(pg)
    assert shown_step(pg) == paused == slider_step(pg)
    pg.get_by_role("button", name="Back").click()
    expect(pg.locator(f"{STEP_CHART} .gtitle").last).to_contain_text(f"Step {paused - 1} of 4", timeout=30_000)
    assert page_step(pg) == paused - 1 and not exceptions_on(pg)


def test_example_picker_typed_numbers_and_the_operation(conv1d):
    """Typing into the signal box turns the Example picker to "Your own numbers"; picking "Asymmetric kernel" with the
    mouse fills both boxes with its numbers; each of the two operations, clicked, shows step 0's output equal to
    scipy.signal's convolve / correlate (they differ here: the kernel is not symmetric)."""
    import scipy.signal

    from playground.convolution import PRESETS_1D

    pg = conv1d
    picker = pg.locator(".st-key-conv1d_preset input")
    signal_box = pg.get_by_role("textbox", name="Signal")
    signal_box.fill("1, 2, 3, 5")
    signal_box.press("Enter")
    expect(picker).to_have_value("Your own numbers", timeout=30_000)

    picker.click()
    pg.get_by_role("option", name="Asymmetric kernel (flip matters)").click()
    signal, kernel = PRESETS_1D["asymmetric"]
    expect(signal_box).to_have_value(", ".join(f"{v:g}" for v in signal), timeout=30_000)
    for operation, reference in (("correlate", scipy.signal.correlate), ("convolve", scipy.signal.convolve)):
        pg.get_by_text(f"{operation} (", exact=False).first.click()
        expected = reference(np.array(signal, float), np.array(kernel, float), mode="full")[0]
        pg.wait_for_function(
            f"""() => {{ const t = document.querySelector('{STEP_CHART} .gtitle');
                return t && / = {expected:g}$/.test(t.textContent.trim()); }}""",
            timeout=30_000,
        )
        assert "y[0] =" in step_title(pg)
    assert not exceptions_on(pg)


@pytest.mark.parametrize("width", list(WIDTHS))
def test_nothing_is_clipped(server, browser, artifacts, width):
    """At 1400 px and 390 px no chart title, button, axis label or code block overflows its box."""
    context = browser.new_context(viewport=WIDTHS[width])
    try:
        pg = context.new_page()
        pg.goto(server.url("conv1d?conv1d_kernel=1.5,-2.25,0.5,3&conv1d_signal=3,-1,4,1,5,9,2,6"))
        wait_for_app(pg, timeout=120_000)
        assert not exceptions_on(pg)
        assert clipped(pg) == []
        pg.screenshot(path=str(artifacts / f"conv1d-{width}.png"), full_page=True)
    finally:
        context.close()
