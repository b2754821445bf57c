"""The 2-D convolution page in a real browser: clicking an output cell, each explanation view, nothing clipped,
input and output drawn at one scale, the feature map right under the controls on a phone (issue 10)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import exceptions_on, open_until_drawn, wait_for_app
from ui.i18n import t

pytestmark = pytest.mark.browser

PHOTO = "conv2d?conv2d_source=photo&conv2d_color=rgb"
WIDE = {"width": 1400, "height": 1000}
NARROW = {"width": 390, "height": 844}

# Where a cell's centre is on screen, from the chart's own axes (Plotly's linear-to-pixel maps).
CELL_CENTRE = """([key, row, col]) => {
  const gd = document.querySelector(`.st-key-${key} .js-plotly-plot`);
  const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis, box = gd.getBoundingClientRect();
  return [box.left + xa._offset + xa.l2p(col), box.top + ya._offset + ya.l2p(row)];
}"""

# Pixels per cell of a map chart (x and y), and the width of its drawn plot area.
CELL_PIXELS = """(key) => {
  const gd = document.querySelector(`.st-key-${key} .js-plotly-plot`);
  const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
  return [xa._length / (xa.range[1] - xa.range[0]), ya._length / Math.abs(ya.range[1] - ya.range[0])];
}"""

# Everything that could be clipped: each chart's texts against the chart, the chart against its column, the
# explanation picker's strip and the code block against their own boxes. Returns a list of problems.
CLIPPED = """() => {
  const problems = [];
  const inside = (inner, outer, slack = 1) => inner.left >= outer.left - slack && inner.right <= outer.right + slack
      && inner.top >= outer.top - slack && inner.bottom <= outer.bottom + slack;
  const main = document.querySelector('[data-testid="stMainBlockContainer"]').getBoundingClientRect();
  document.querySelectorAll('[data-testid="stMain"] .js-plotly-plot').forEach((gd, i) => {
    const chart = gd.getBoundingClientRect();
    const column = gd.closest('[data-testid="stColumn"], [data-testid="stVerticalBlock"]').getBoundingClientRect();
    if (!inside(chart, column)) problems.push(`chart ${i} sticks out of its column`);
    gd.querySelectorAll('.gtitle, .annotation-text, .xtitle, .ytitle, .xtick text, .ytick text, .cbaxis text')
      .forEach((el) => {
        const r = el.getBoundingClientRect();
        if (r.width && !inside(r, chart)) problems.push(`chart ${i}: "${el.textContent}" clipped`);
      });
    const modebar = gd.querySelector('.modebar');
    if (modebar && modebar.getBoundingClientRect().width) problems.push(`chart ${i} shows a toolbar`);
  });
  for (const sel of ['[data-testid="stButtonGroup"]', '[data-testid="stCode"] pre', '.playground-code pre',
                     '[data-testid="stMarkdown"]',
                     '[data-testid="stMetric"]', '[data-testid="stHeading"]']) {
    document.querySelectorAll('[data-testid="stMain"] ' + sel).forEach((el, i) => {
      if (el.scrollWidth > el.clientWidth + 1) problems.push(`${sel} ${i} scrolls sideways`);
      if (!inside(el.getBoundingClientRect(), main)) problems.push(`${sel} ${i} outside the page`);
    });
  }
  return problems;
}"""


def _open(browser, server, path: str, viewport: dict):
    return open_until_drawn(browser, server, path, viewport, "conv2d_output_chart")


def _number(pg, label: str):
    return pg.locator('[data-testid="stMain"]').get_by_label(label, exact=True)


def test_clicking_an_output_cell_selects_it(browser, server, artifacts):
    """A mouse click on cell (3, 2) of the 5×5 feature map sets Row 3 / Column 2, the heading shows that cell and
    its receptive field moves to input rows 3–5, columns 2–4."""
    context, pg = _open(browser, server, "conv2d", WIDE)
    try:
        expect(pg.get_by_text(re.compile(r"Output cell \(0, 0\)"))).to_be_visible()
        x, y = pg.evaluate(CELL_CENTRE, ["conv2d_output_chart", 3, 2])
        pg.mouse.move(x - 3, y - 3)
        pg.mouse.move(x, y)  # Plotly picks the cell under the pointer on hover; the click then selects it
        pg.wait_for_timeout(200)
        pg.mouse.click(x, y)
        expect(_number(pg, t("conv2d.row"))).to_have_value("3", timeout=30_000)
        expect(_number(pg, t("conv2d.col"))).to_have_value("2")
        wait_for_app(pg)
        main = pg.locator('[data-testid="stMain"]')
        expect(main.get_by_text(re.compile(r"Output cell \(3, 2\) = "))).to_be_visible()
        expect(main.get_by_text("Input rows 3, 4, 5 and columns 2, 3, 4")).to_be_visible()
        assert "conv2d_row=3" in pg.url and "conv2d_col=2" in pg.url
        assert not exceptions_on(pg)
        pg.screenshot(path=str(artifacts / "conv2d-clicked-cell.png"), full_page=True)
    finally:
        context.close()


def test_clicking_a_photo_output_cell_selects_it(browser, server):
    """On a photo (110×110 feature map: a picture, with an invisible heatmap over it as click targets) a click selects
    the cell under the pointer."""
    context, pg = _open(browser, server, PHOTO, WIDE)
    try:
        x, y = pg.evaluate(CELL_CENTRE, ["conv2d_output_chart", 40, 70])
        pg.mouse.move(x - 3, y - 3)
        pg.mouse.move(x, y)
        pg.wait_for_timeout(200)
        pg.mouse.click(x, y)
        expect(_number(pg, t("conv2d.row"))).to_have_value("40", timeout=30_000)
        expect(_number(pg, t("conv2d.col"))).to_have_value("70")
        wait_for_app(pg)
        expect(
            pg.locator('[data-testid="stMain"]').get_by_text(re.compile(r"Output cell \(40, 70\) = "))
        ).to_be_visible()
        assert not exceptions_on(pg)
    finally:
        context.close()


def test_each_explanation_view_renders(browser, server, artifacts):
    """Each option of the 'Explain' picker, clicked, shows its own charts without exception and keeps it in the
    URL (conv2d_view)."""
    context, pg = _open(browser, server, PHOTO, WIDE)
    charts = {"cell": 4, "channels": 4, "flip": 3, "stack": 3}  # the two maps + the view's own charts
    try:
        for view, count in charts.items():
            pg.locator(
                '[data-testid="stMain"] [data-testid="stButtonGroup"] button', has_text=t(f"conv2d.tab_{view}")
            ).click()
            wait_for_app(pg)
            assert not exceptions_on(pg), (view, exceptions_on(pg))
            expect(pg.locator('[data-testid="stMain"] .js-plotly-plot')).to_have_count(count)
            assert (f"conv2d_view={view}" in pg.url) == (view != "cell")
            pg.screenshot(path=str(artifacts / f"conv2d-view-{view}.png"), full_page=True)
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [WIDE, NARROW], ids=["1400px", "390px"])
@pytest.mark.parametrize("path", ["conv2d", PHOTO], ids=["grid", "photo"])
def test_nothing_clipped_and_maps_at_one_scale(browser, server, artifacts, viewport, path):
    """Chart texts inside their charts, no chart toolbar, the picker strip, code block, texts and metrics inside the
    page without a sideways scroll; input and output cells the same size on screen."""
    context, pg = _open(browser, server, path, viewport)
    try:
        name = f"conv2d-{'photo' if '?' in path else 'grid'}-{viewport['width']}"
        pg.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)
        problems = pg.evaluate(CLIPPED)
        assert not problems, problems
        cell_in = pg.evaluate(CELL_PIXELS, "conv2d_input_chart")
        cell_out = pg.evaluate(CELL_PIXELS, "conv2d_output_chart")
        assert cell_in == pytest.approx(cell_out, rel=0.01)
        assert cell_in[0] == pytest.approx(cell_in[1], rel=0.01)  # square cells
        assert cell_in[0] * (112 if "?" in path else 7) > 200  # not a thumbnail
    finally:
        context.close()


def test_on_a_phone_the_feature_map_follows_the_controls(browser, server):
    """At 390 px the feature map is the first thing after the layer controls (before the input picture)."""
    context, pg = _open(browser, server, PHOTO, NARROW)
    try:
        bias = pg.get_by_label(t("conv2d.bias")).bounding_box()
        output = pg.locator(".st-key-conv2d_output_chart").bounding_box()
        picture = pg.locator(".st-key-conv2d_input_chart").bounding_box()
        assert 0 < output["y"] - (bias["y"] + bias["height"]) < 150
        assert output["y"] < picture["y"]
    finally:
        context.close()


# The value the output chart draws at (row, col) (its heatmap's calcdata: rows × columns).
OUTPUT_AT = """([row, col]) => {
  const gd = document.querySelector('.st-key-conv2d_output_chart .js-plotly-plot');
  return gd.calcdata.find(cd => cd[0].trace.type === 'heatmap')[0].z[row][col];
}"""


def test_a_kernel_weight_typed_in_its_editor_changes_the_map_and_stays(browser, server):
    """A click on "Edit the kernel's weights" opens the kernel's editor (built only then); a click on the centre
    weight, a typed 2 and Enter double the identity kernel's output; closed again, the map and the kernel's table keep
    the 2."""
    context, pg = open_until_drawn(browser, server, "conv2d", WIDE, "conv2d_output_chart")
    try:
        assert pg.evaluate(OUTPUT_AT, [0, 0]) == 9  # identity kernel on the digit 7: input (1, 1)
        assert pg.locator('[data-testid="stDataFrame"]').count() == 0  # no editor's grid on the first paint
        pg.locator('[data-testid="stExpander"] summary', has_text="Edit the kernel's weights").click()
        editor = pg.locator(".st-key-conv2d_kernel_editor_identity_3_3")
        expect(editor.locator("canvas").first).to_be_visible(timeout=60_000)
        wait_for_app(pg)
        editor.scroll_into_view_if_needed()
        box = editor.bounding_box()
        rows = 4  # the header and three rows of weights, of one height each
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] * 2.5 / rows
        pg.mouse.click(x, y)  # the centre weight: column 1, row 1
        pg.wait_for_timeout(300)  # as a person looks at the selected cell before typing
        pg.keyboard.type("2")
        overlay = pg.locator("#portal textarea, #portal input").first  # glide-data-grid's cell editor
        expect(overlay).to_have_value("2", timeout=10_000)
        pg.keyboard.press("Enter")
        pg.wait_for_function(f"() => ({OUTPUT_AT})([0, 0]) === 18", timeout=60_000)
        wait_for_app(pg)
        pg.locator('[data-testid="stExpander"] summary', has_text="Edit the kernel's weights").click()
        expect(pg.locator(".st-key-conv2d_kernel_editor_identity_3_3 canvas")).to_have_count(0, timeout=60_000)
        wait_for_app(pg)
        table = pg.locator('[data-testid="stTable"]').first
        expect(table.locator("tr").nth(2)).to_contain_text("2")
        assert pg.evaluate(OUTPUT_AT, [0, 0]) == 18
        assert not exceptions_on(pg)
    finally:
        context.close()


# The drawn heatmap's rows and columns of the chart `key`, or None while it is not drawn.
DRAWN_SHAPE = """(key) => {
  const gd = document.querySelector(`.st-key-${key} .js-plotly-plot`);
  const map = gd && gd.calcdata && gd.calcdata.find(cd => cd[0].trace.type === 'heatmap');
  return map ? [map[0].z.length, map[0].z[0].length] : null;
}"""


def test_compare_with_another_setting_puts_two_maps_side_by_side(browser, server):
    """The Compare switch, clicked: this padding's 5×5 map beside padding="same"'s 7×7; the "stride 1 ↔ 2" chip then
    puts strides=(2, 2)'s 3×3 beside it; both labelled with their shapes and drawn at those shapes; the switch is in
    the link; switched off, the maps go."""
    context, pg = _open(browser, server, "conv2d", WIDE)
    try:
        main = pg.locator('[data-testid="stMain"]')
        pg.get_by_text("Compare with another setting", exact=True).click()
        expect(main).to_contain_text('Feature map (output) · padding="same" · 7×7', timeout=30_000)
        expect(main).to_contain_text('Feature map (output) · padding="valid" · 5×5')
        other = "conv2d_compare_chart_other"
        pg.locator(f".st-key-{other}").scroll_into_view_if_needed()
        pg.wait_for_function(f"() => ({DRAWN_SHAPE})('{other}')?.[0] === 7", timeout=30_000)
        assert "conv2d_compare=true" in pg.url

        pg.locator('[data-testid="stButtonGroup"] button', has_text="stride 1 ↔ 2").click()
        expect(main).to_contain_text("Feature map (output) · strides=(2, 2) · 3×3", timeout=30_000)
        expect(main).to_contain_text("Feature map (output) · strides=(1, 1) · 5×5")
        pg.wait_for_function(f"() => ({DRAWN_SHAPE})('{other}')?.[0] === 3", timeout=30_000)
        assert pg.evaluate(DRAWN_SHAPE, "conv2d_compare_chart_this") == [5, 5]

        pg.get_by_text("Compare with another setting", exact=True).click()
        expect(pg.locator(f".st-key-{other}")).to_have_count(0, timeout=30_000)
        assert not exceptions_on(pg)
    finally:
        context.close()
