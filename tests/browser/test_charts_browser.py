"""ui/charts.py in a real browser (issue 10): a chart whose figure changes stays the same element and is drawn once,
it looks as Streamlit draws charts, and it keeps filling its column when the window changes."""

from __future__ import annotations

import numpy as np
import pytest

from tests.browser.conftest import (
    MAIN_SCROLL,
    NEAR_CHARTS_DRAWN,
    UNDRAWN,
    exceptions_on,
    open_until_drawn,
    scroll_main,
    wait_for_app,
)

pytestmark = pytest.mark.browser

OUTPUT = ".st-key-conv2d_output_chart .js-plotly-plot"

# Marks the output chart's graph div and counts its draws (Plotly's `plotly_afterplot` event, once per draw).
MARK = """(sel) => {
  const gd = document.querySelector(sel);
  gd.__marked = true;
  gd.__draws = 0;
  gd.on('plotly_afterplot', () => { gd.__draws += 1; });
}"""
STATE = """(sel) => {
  const gd = document.querySelector(sel);
  const z = gd.calcdata.find(cd => cd[0].trace.type === 'heatmap')[0].z;  // the drawn map, rows × columns
  return {marked: !!gd.__marked, draws: gd.__draws, rows: z.length, cols: z[0].length,
          font: gd._fullLayout.font.family, width: gd._fullLayout.width,
          column: gd.closest('[data-testid="stColumn"]').getBoundingClientRect().width};
}"""


@pytest.fixture
def conv2d(browser, server):
    """The 2-D convolution page (7×7 grid) at 1400 px, its output chart drawn."""
    context, pg = open_until_drawn(browser, server, "conv2d", {"width": 1400, "height": 1000}, "conv2d_output_chart")
    try:
        yield pg
    finally:
        context.close()


def test_a_changed_chart_is_redrawn_in_place_once(conv2d):
    """Kernel rows 3 → 2 → 5 on the 7×7 grid: the output chart is the same element throughout (not mounted again),
    shows the new 6×5 and 3×5 maps, and each change costs exactly one draw. The theme is Streamlit's font."""
    pg = conv2d
    pg.wait_for_timeout(500)
    pg.evaluate(MARK, OUTPUT)
    box = pg.locator(".st-key-conv2d_kh input")
    for rows in (2, 5):
        before = pg.evaluate(STATE, OUTPUT)["draws"]
        box.fill(str(rows))
        box.press("Enter")
        pg.wait_for_function(f"([sel, n]) => ({STATE})(sel).rows === n", arg=[OUTPUT, 7 - rows + 1])
        pg.wait_for_timeout(800)  # any further draw would come now
        state = pg.evaluate(STATE, OUTPUT)
        assert state["marked"], "the chart was mounted again (a new element)"
        assert (state["rows"], state["cols"]) == (7 - rows + 1, 5)
        assert state["draws"] - before == 1, f"{state['draws'] - before} draws for one change"
    assert "Source Sans" in state["font"]
    assert not exceptions_on(pg)


def test_a_chart_follows_its_column_when_the_window_resizes(conv2d):
    """Narrowing the window narrows the chart with its column (Plotly resizes; no reload, no rerun)."""
    pg = conv2d
    wide = pg.evaluate(STATE, OUTPUT)
    pg.set_viewport_size({"width": 1000, "height": 1000})
    pg.wait_for_function(
        "([sel, w]) => document.querySelector(sel)._fullLayout.width < w - 20", arg=[OUTPUT, wide["width"]]
    )
    narrow = pg.evaluate(STATE, OUTPUT)
    assert abs(narrow["width"] - narrow["column"]) <= 2, narrow


def test_per_class_accuracy_labels_every_class_even_at_zero(browser):
    """Evaluate's per-class bars: a class the model never gets right has no bar, so its label must still be drawn
    ("0.0%" after the empty bar, inside the plot), not vanish and read as missing data."""
    import json

    from playground.figures.evaluation import per_class_figure
    from ui.charts import _plotly_js_source

    figure = per_class_figure(
        np.array([0.0, 0.05, 0.9]), ["Trouser", "Sandal", "Bag"], x_title="accuracy", y_title="class"
    ).to_plotly_json()
    pg = browser.new_page(viewport={"width": 700, "height": 500})
    try:
        pg.set_content('<div id="chart" style="width:640px"></div>')
        pg.add_script_tag(path=str(_plotly_js_source()))
        texts = pg.evaluate(
            """async (fig) => {
              const gd = document.getElementById('chart');
              await Plotly.newPlot(gd, fig.data, fig.layout);
              const box = gd.getBoundingClientRect();
              return [...gd.querySelectorAll('.bartext')].map(t => {
                const r = t.getBoundingClientRect();
                return {text: t.textContent, visible: r.width > 0 && r.left >= box.left && r.right <= box.right};
              });
            }""",
            json.loads(json.dumps(figure, default=lambda v: v.tolist())),
        )
    finally:
        pg.close()
    assert [t["text"] for t in texts] == ["0.0%", "5.0%", "90.0%"], texts
    assert all(t["visible"] for t in texts), texts


@pytest.mark.parametrize(("width", "toolbar"), [(1400, True), (390, False)])
def test_a_titled_chart_on_a_phone_has_no_toolbar_on_its_title(browser, server, width, toolbar):
    """Plotly's toolbar sits at a chart's top right, where a phone-width chart's own title runs (it covered the
    compare page's "Accuracy per epoch"): a titled chart narrower than 520 px has none; a wide one keeps it."""
    key = "activations_neuron_chart"  # a chart with a title of its own, a column wide at 1400 px
    path = "activations?activations_section=perceptron"
    context, pg = open_until_drawn(browser, server, path, {"width": width, "height": 900}, key)
    try:
        assert pg.locator(f".st-key-{key} .gtitle").count() == 1
        assert (pg.locator(f".st-key-{key} .modebar").count() > 0) is toolbar
        assert not exceptions_on(pg)
    finally:
        context.close()


# What a chart shows: drawn at all, the names of the traces it draws and its box's height.
SHOWN = """key => { const gd = document.querySelector(`.st-key-${key} .playground-chart`);
  return {drawn: !!gd.querySelector('.main-svg'), names: (gd.data || []).map(t => t.name),
          last: gd._fullData ? Array.from(gd._fullData[gd._fullData.length - 1].y || []) : [],
          height: Math.round(gd.parentElement.getBoundingClientRect().height)}; }"""
# Registered after the page's own listener: what every chart shows at the moment the page is printed.
AT_PRINT = """() => addEventListener('beforeprint', () => { window.__atPrint = [...document.querySelectorAll(
  '[data-testid="stMain"] .playground-chart')].map(gd => !!gd.querySelector('.main-svg') && gd.__drawn === gd.__data);
})"""


def test_a_chart_further_down_is_drawn_when_scrolled_to(browser, server):
    """A first paint draws the charts in and near the window; one further down keeps its height (the page does not
    jump) and is drawn when the mouse wheel brings it near, with the newest settings (a change made while it was out
    of sight shows when it comes back), and printing the page draws every chart."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    try:
        pg = context.new_page()
        pg.goto(server.url("dropout"))
        wait_for_app(pg)
        pg.wait_for_function(NEAR_CHARTS_DRAWN)
        far = "dropout_expected_chart"  # ~1,500 px down: out of a 900 px window
        assert pg.evaluate(SHOWN, "dropout_units_chart")["drawn"]
        before = pg.evaluate(SHOWN, far)
        assert not before["drawn"], "a chart far below the window was drawn at first paint"
        assert before["height"] == 300, before  # its figure's height, held until it is drawn
        height = pg.evaluate(MAIN_SCROLL)[1]
        assert scroll_main(pg, 800)
        shown = pg.evaluate(SHOWN, far)
        assert shown["drawn"] and shown["height"] == 300 and shown["last"], shown
        assert abs(pg.evaluate(MAIN_SCROLL)[1] - height) <= 2, "the page's height changed when the chart was drawn"
        # back up, change the rate: the chart, out of sight, is not drawn again until it comes back into view
        while scroll_main(pg, -2000):
            pass
        rate = pg.locator('[data-testid="stSlider"]', has_text="Dropout rate").first.locator("input[type=range]")
        rate.focus()
        for _ in range(4):  # 0.5 → 0.3: fewer units dropped, another mean of the outputs
            pg.keyboard.press("ArrowLeft")
        expect_rate = pg.locator('[data-testid="stSlider"]', has_text="Dropout rate").first
        pg.wait_for_function("el => el.textContent.includes('0.30')", arg=expect_rate.element_handle())
        wait_for_app(pg, settle_ms=500)
        # out of sight, it is not drawn with the new rate: it still shows the old one (or, if Streamlit mounted it
        # afresh in that rerun, nothing yet)
        assert pg.evaluate(SHOWN, far)["last"] in (shown["last"], [])
        assert scroll_main(pg, 800)
        now = pg.evaluate(SHOWN, far)
        assert now["drawn"] and now["last"] != shown["last"], "the chart did not show the new rate when scrolled to"
        assert not exceptions_on(pg)
        # the pooling page in a short window: the charts further down were never scrolled to (which ones depends on
        # how the page grew while it loaded); printing draws them (and every other chart) first
        pg.set_viewport_size({"width": 1400, "height": 500})
        pg.goto(server.url("pooling"))
        wait_for_app(pg)
        pg.wait_for_function(NEAR_CHARTS_DRAWN)
        assert pg.evaluate(UNDRAWN), "every chart of the pooling page was drawn before printing"
        pg.evaluate(AT_PRINT)
        pg.pdf()
        at_print = pg.evaluate("window.__atPrint")
        assert at_print and len(at_print) >= 2 and all(at_print), at_print
        assert not exceptions_on(pg)
    finally:
        context.close()
