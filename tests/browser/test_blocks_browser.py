"""The building-blocks pages and data augmentation in chromium: their mouse/keyboard affordances, driven as a person
does (clicks, key presses), each asserting what the page shows; and nothing clipped at 1400 px and 390 px."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, ROOT, Server, exceptions_on, scroll_through, wait_for_app

pytestmark = pytest.mark.browser

ACTIVATIONS_SECTIONS = ("vanishing", "softmax", "perceptron")  # the first, "curves", is the page as it opens
PAGES = (
    "activations",
    *(f"activations?activations_section={s}" for s in ACTIVATIONS_SECTIONS),
    "dropout",
    "optimizers",
    "optimizers?optimizers_section=batch",
    "shapes",
    "augmentation",
)

# Every element that must fit its own box, and, for Plotly, titles that must fit the chart and stay clear of
# Plotly's toolbar (shown on hover, top right). Returns a description of each offender.
OVERFLOWS = """
() => {
  const bad = [];
  const main = document.querySelector('[data-testid="stMain"]');
  const name = (e) => (e.innerText || e.textContent || '').trim().slice(0, 60);
  const checks = [
    ['tab strip', '[role="tablist"]'],
    ['row of chips', '[data-testid="stButtonGroup"], [data-testid="stButtonGroup"] > div'],
    ['chip', '[data-testid="stButtonGroup"] button, [data-baseweb="tag"]'],
    ['button', '[data-testid="stButton"] button, [data-testid="stDownloadButton"] button'],
    ['code block', '[data-testid="stCode"] pre, .playground-code pre'],
    ['table', '[data-testid="stTable"]'],
  ];
  for (const [kind, selector] of checks) {
    for (const e of main.querySelectorAll(selector)) {
      if (e.offsetParent === null) continue;  // not displayed (e.g. a collapsed expander)
      if (e.scrollWidth > e.clientWidth + 1) bad.push(`${kind} "${name(e)}": ${e.scrollWidth} > ${e.clientWidth}`);
    }
  }
  for (const plot of main.querySelectorAll('.js-plotly-plot')) {
    const box = plot.getBoundingClientRect();
    const bar = plot.querySelector('.modebar');
    const barBox = bar ? bar.getBoundingClientRect() : null;
    for (const title of plot.querySelectorAll('.gtitle, .annotation-text')) {
      const r = title.getBoundingClientRect();
      if (r.width === 0) continue;
      if (r.left < box.left - 1 || r.right > box.right + 1) bad.push(`chart title "${name(title)}" is cut`);
      if (title.classList.contains('gtitle') && barBox && barBox.width > 0 && r.right > barBox.left
          && r.left < barBox.right && r.bottom > barBox.top && r.top < barBox.bottom) {
        bad.push(`chart title "${name(title)}" lies under the toolbar`);
      }
    }
  }
  if (main.scrollWidth > main.clientWidth + 1) bad.push(`page: ${main.scrollWidth} > ${main.clientWidth}`);
  return bad;
}
"""


@pytest.fixture
def person(browser):
    """A fresh browser tab at a laptop width (1400 × 900)."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()


def open_page(pg, server, path: str) -> None:
    pg.goto(server.url(path))
    wait_for_app(pg, timeout=180_000)
    assert not exceptions_on(pg)


def slider(pg, label: str):
    """The keyboard-focusable thumb of the slider labelled `label`."""
    return pg.locator('[data-testid="stSlider"]', has_text=label).first.locator("input[type=range]")


def settle(pg) -> None:
    wait_for_app(pg, settle_ms=600)


WAIT_MS = 60_000  # a shared 2-core box can be slow; the assertions wait for what a person would see


def legend(pg, chart: int = 0):
    """The legend entries of the page's `chart`-th Plotly chart (SVG text)."""
    return pg.locator('[data-testid="stMain"] .js-plotly-plot').nth(chart).locator(".legendtext")


def test_activations_pills_and_range(person, server):
    """Clicking the leaky_relu chip adds its curve; arrow keys on the input range change the charts' z axis."""
    pg = person
    open_page(pg, server, "activations")
    expect(legend(pg)).to_have_count(3)
    pg.locator('[data-testid="stButtonGroup"] button', has_text="leaky_relu").first.click()
    expect(legend(pg).filter(has_text="leaky ReLU")).to_have_count(1, timeout=WAIT_MS)
    ticks = pg.locator('[data-testid="stMain"] .js-plotly-plot').first.locator(".xtick text")
    expect(ticks.filter(has_text="10")).to_have_count(0)
    slider(pg, "Input range").focus()
    for _ in range(10):  # 6 → 11
        pg.keyboard.press("ArrowRight")
    expect(pg.locator('[data-testid="stSlider"]', has_text="Input range").first).to_contain_text("11.00")
    expect(ticks.filter(has_text="10").first).to_be_visible(timeout=WAIT_MS)  # the z axis now reaches ±10
    assert not exceptions_on(pg)


def section(pg, label: str, page: str = "activations"):
    """The button of `page`'s section `label` (the segmented control above the sections)."""
    return pg.locator(f".st-key-{page}_section button", has_text=label).first


def test_activations_sections_keep_every_setting_in_the_link(person, server):
    """Clicking a section builds it in place of the one shown; a setting moved in one section stays, on screen and in
    the page's link, while others are shown, and a reload of that link brings back the section and every setting.
    A link's out-of-range setting of a section not shown is reported when that section is picked."""
    pg = person
    open_page(pg, server, "activations?activations_depth=99")
    assert not pg.locator('[data-testid="stAlert"]').count()  # the depth belongs to a section not shown yet
    section(pg, "Softmax").click()
    expect(pg.locator(".st-key-activations_softmax_chart .main-svg").first).to_be_visible(timeout=WAIT_MS)
    expect(pg.locator(".st-key-activations_functions_chart")).to_have_count(0)
    slider(pg, "Temperature").focus()
    for _ in range(10):  # 1.0 → 2.0
        pg.keyboard.press("ArrowRight")
    expect(pg.locator('[data-testid="stSlider"]', has_text="Temperature").first).to_contain_text("2.00")
    settle(pg)
    section(pg, "Vanishing").click()
    notice = pg.locator('[data-testid="stAlert"]', has_text="activations_depth=99")
    expect(notice).to_be_visible(timeout=WAIT_MS)  # judged now that its slider is drawn: out of 1-40
    expect(pg.locator('[data-testid="stSlider"]', has_text="Number of layers").first).to_contain_text("10")
    slider(pg, "Number of layers").focus()
    pg.keyboard.press("ArrowRight")  # 10 → 11
    expect(pg.locator('[data-testid="stSlider"]', has_text="Number of layers").first).to_contain_text("11")
    settle(pg)
    query = parse_qs(urlparse(pg.url).query)
    assert query["activations_section"] == ["vanishing"], query
    assert query["activations_temperature"] == ["2.0"] and query["activations_depth"] == ["11"], query
    pg.reload()
    wait_for_app(pg)
    expect(pg.locator(".st-key-activations_vanishing_chart")).to_have_count(1)
    expect(pg.locator('[data-testid="stSlider"]', has_text="Number of layers").first).to_contain_text("11")
    section(pg, "Softmax").click()
    expect(pg.locator('[data-testid="stSlider"]', has_text="Temperature").first).to_contain_text("2.00")
    assert not exceptions_on(pg)


def test_activations_keep_their_settings_through_the_sidebar_but_a_lesson_link_wins(person, server):
    """Back on the activations page through the sidebar, the learner finds the section and the value they left; opened
    from a lesson's "Open this view on its own page", the page shows the scene's settings and defaults instead."""
    pg = person
    open_page(pg, server, "activations")
    layers = pg.locator('[data-testid="stSlider"]', has_text="Number of layers").first
    section(pg, "Vanishing").click()
    expect(layers).to_contain_text("10", timeout=WAIT_MS)
    slider(pg, "Number of layers").focus()
    pg.keyboard.press("ArrowRight")  # 10 → 11
    expect(layers).to_contain_text("11")
    settle(pg)
    sidebar = pg.locator('[data-testid="stSidebarNav"]')
    sidebar.get_by_role("link", name="Dropout", exact=True).click()
    pg.wait_for_url("**/dropout**")
    settle(pg)
    sidebar.get_by_role("link", name="Activations", exact=True).click()
    pg.wait_for_url("**/activations**")
    expect(layers).to_contain_text("11", timeout=WAIT_MS)
    settle(pg)
    assert parse_qs(urlparse(pg.url).query).get("activations_depth") == ["11"], pg.url
    sidebar.get_by_role("link", name="Lessons", exact=True).click()
    pg.wait_for_url("**/lessons**")
    heading = pg.locator('[data-testid="stMain"] h3').first
    for _ in range(3):  # to scene 4: the activation functions
        settle(pg)
        pg.get_by_role("button", name="Next").click()
    expect(heading).to_contain_text("Activation functions", timeout=WAIT_MS)
    settle(pg)
    pg.get_by_text("Open this view on its own page").click()
    pg.wait_for_url("**/activations?**")
    expect(legend(pg).filter(has_text="leaky ReLU")).to_have_count(1, timeout=WAIT_MS)  # the scene: all four
    expect(legend(pg)).to_have_count(4)
    section(pg, "Vanishing").click()
    expect(layers).to_contain_text("10", timeout=WAIT_MS)  # the default: the link did not carry the kept 11
    assert not exceptions_on(pg)


def test_activations_neuron_inputs_give_keras_dense_output(person, server):
    """The neuron section: tanh picked from the list, x₁ 1.0 → 1.5 (five → presses) and the bias 0.5 → -0.5 (ten ←):
    the weighted sum and the output are what keras.layers.Dense(1, activation="tanh") computes with these weights
    (computed here, by Keras)."""
    import keras
    import numpy as np

    pg = person
    open_page(pg, server, "activations?activations_section=perceptron")
    pg.locator('[data-testid="stSelectbox"]', has_text="Activation of the neuron").first.click()
    pg.get_by_role("option", name="tanh", exact=True).click()
    wait_for_app(pg)
    for label, key, presses in (("x₁", "ArrowRight", 5), ("Bias b", "ArrowLeft", 10)):
        slider(pg, label).focus()
        for _ in range(presses):
            pg.keyboard.press(key)
        settle(pg)
    layer = keras.layers.Dense(1, activation="tanh")
    layer.build((None, 2))
    layer.set_weights([np.array([[0.8], [1.2]]), np.array([-0.5])])
    out = float(keras.ops.convert_to_numpy(layer(np.array([[1.5, -0.5]], dtype="float32")))[0, 0])
    metric = pg.locator('[data-testid="stMetric"]')
    expect(metric.filter(has_text="weighted sum z")).to_contain_text(f"{0.8 * 1.5 + 1.2 * -0.5 - 0.5:.4f}")
    expect(metric.filter(has_text="output a = f(z)")).to_contain_text(f"{out:.4f}", timeout=WAIT_MS)
    expect(pg.locator(".st-key-activations_neuron_code")).to_contain_text('activation="tanh"')
    assert not exceptions_on(pg)


def test_dropout_resample_and_rate(person, server):
    """The re-sample button draws a new seed (the mask changes); ArrowRight on the rate changes the kept scale."""
    pg = person
    open_page(pg, server, "dropout")
    seed = pg.locator('[data-testid="stNumberInput"]', has_text="Seed").first.locator("input")
    expect(seed).to_have_value("42")
    pg.get_by_role("button", name="Re-sample").click()
    expect(seed).not_to_have_value("42", timeout=WAIT_MS)
    scale = pg.locator('[data-testid="stMetric"]', has_text="scale").first
    expect(scale).to_contain_text("× 2")
    slider(pg, "Dropout rate").focus()
    pg.keyboard.press("ArrowRight")  # 0.5 → 0.55: kept units × 1/0.45
    expect(scale).to_contain_text(f"× {1 / 0.45:.4g}", timeout=WAIT_MS)
    assert not exceptions_on(pg)


def test_dropout_inference_and_keras_masks_switches(person, server):
    """ "Training (fit)" switched off: inference, every unit kept, scale × 1, nothing to re-sample, training=False in
    the code. Switched on again and "Masks drawn by Keras" on: the kept count is the one keras.layers.Dropout itself
    keeps for these units and this seed (computed here, by Keras), and the code says the mask shown is Keras's."""
    import keras

    from playground.dropout import example_units

    pg = person
    open_page(pg, server, "dropout")
    metric = pg.locator('[data-testid="stMetric"]')
    code = pg.locator(".st-key-dropout_code")
    pg.get_by_text("Training (fit)", exact=True).click()
    expect(metric.filter(has_text="units kept")).to_contain_text("24 / 24", timeout=WAIT_MS)
    expect(metric.filter(has_text="scale of kept units")).to_contain_text("× 1")
    expect(metric.first).to_contain_text("inference")
    expect(pg.get_by_role("button", name="Re-sample")).to_be_disabled()
    expect(code).to_contain_text("training=False")

    pg.get_by_text("Training (fit)", exact=True).click()
    expect(metric.first).to_contain_text("training", timeout=WAIT_MS)
    pg.get_by_text("Masks drawn by Keras", exact=True).click()
    units = example_units(24).astype("float32")[None, :]
    kept = int((keras.ops.convert_to_numpy(keras.layers.Dropout(0.5, seed=42)(units, training=True)) != 0).sum())
    expect(code).to_contain_text(f"keeps {kept} of 24 units", timeout=WAIT_MS)
    expect(metric.filter(has_text="units kept")).to_contain_text(f"{kept} / 24")
    assert "dropout_keras=true" in pg.url
    assert not exceptions_on(pg)


def _row(pg, racer: str):
    """The summary table's row of `racer` (its position and distance to the minimum)."""
    return pg.locator('[data-testid="stTable"]').first.locator("tr", has_text=racer).first


def test_optimizers_race_picker_and_tuning(person, server):
    """Clicking a chip enters Nesterov in the race; a racer's learning rate and the steps respond to the keys."""
    pg = person
    open_page(pg, server, "optimizers")
    expect(legend(pg).filter(has_text="Nesterov")).to_have_count(0)
    pg.locator('[data-testid="stButtonGroup"] button', has_text="nesterov").first.click()
    expect(legend(pg).filter(has_text="Nesterov")).to_have_count(1, timeout=WAIT_MS)
    expect(_row(pg, "Nesterov")).to_be_visible()

    before = _row(pg, "Momentum").text_content()
    pg.locator('[data-testid="stExpander"] summary', has_text="Momentum").first.click()
    lr = pg.locator('[data-testid="stExpander"]', has_text="Momentum").first.locator("input").first
    lr.focus()
    pg.keyboard.press("ArrowDown")
    expect(_row(pg, "Momentum")).not_to_have_text(before, timeout=WAIT_MS)

    before = _row(pg, "Adam").text_content()
    slider(pg, "Steps").focus()
    pg.keyboard.press("ArrowLeft")  # 150 → 140 steps
    expect(_row(pg, "Adam")).not_to_have_text(before, timeout=WAIT_MS)
    expect(pg.locator('[data-testid="stSlider"]', has_text="Show step").first).to_contain_text("140")
    assert not exceptions_on(pg)


def test_optimizers_closed_racers_and_sections_keep_their_settings(person, server):
    """Adam's expander builds its sliders when clicked open; beta_1 moved with the keys changes Adam's row, which stays
    so once the expander is closed again and the batch-size section is shown; a reload of the page's link brings back
    the batch section's setting and, in the race, Adam's beta_1."""
    pg = person
    open_page(pg, server, "optimizers?optimizers_racers=adam")
    adam = pg.locator('[data-testid="stExpander"]', has_text="Adam").first
    expect(adam.locator('[data-testid="stSlider"]')).to_have_count(0)  # closed: not built
    before = _row(pg, "Adam").text_content()
    adam.locator("summary").click()
    beta = adam.locator('[data-testid="stSlider"]', has_text="beta_1").first
    beta.locator("input[type=range]").focus()
    pg.keyboard.press("ArrowLeft")  # 0.9 → 0.899
    expect(beta).to_contain_text("0.899", timeout=WAIT_MS)
    expect(_row(pg, "Adam")).not_to_have_text(before, timeout=WAIT_MS)
    moved = _row(pg, "Adam").text_content()
    settle(pg)
    adam.locator("summary").click()
    expect(adam.locator('[data-testid="stSlider"]')).to_have_count(0, timeout=WAIT_MS)
    settle(pg)
    expect(_row(pg, "Adam")).to_have_text(moved)

    section(pg, "Batch size", page="optimizers").click()
    steps = pg.locator('[data-testid="stSlider"]', has_text="steps").first
    expect(steps).to_contain_text("100", timeout=WAIT_MS)
    expect(_row(pg, "Adam")).to_have_count(0)
    steps.locator("input[type=range]").focus()
    pg.keyboard.press("ArrowRight")  # 100 → 110 steps
    expect(steps).to_contain_text("110")
    settle(pg)
    query = parse_qs(urlparse(pg.url).query)
    assert query["optimizers_section"] == ["batch"] and query["optimizers_batch_steps"] == ["110"], query
    assert query["optimizers_adam_beta_1"] == ["0.899"], query  # the race's setting, its section not shown
    pg.reload()
    wait_for_app(pg)
    expect(steps).to_contain_text("110", timeout=WAIT_MS)
    section(pg, "race", page="optimizers").click()
    expect(_row(pg, "Adam")).to_have_text(moved, timeout=WAIT_MS)
    assert not exceptions_on(pg)


def test_optimizers_suggest_and_a_new_surface_reset_start_and_learning_rates(person, server):
    """A link's own start and learning rate, then the Suggest button clicked: Rosenbrock's start point and Adam's
    learning rate come back (what SURFACES suggests); picking Beale from the surface list with the mouse moves
    them to Beale's. Adam's expander title shows the rate in use."""
    from playground.surfaces import SURFACES

    pg = person
    open_page(
        pg,
        server,
        "optimizers?optimizers_surface=rosenbrock&optimizers_racers=adam"
        "&optimizers_start_x=1&optimizers_adam_learning_rate=0.5",
    )
    start_x = pg.locator('[data-testid="stNumberInput"]', has_text="Start x").first.locator("input")
    adam = pg.locator('[data-testid="stExpander"] summary', has_text="Adam").first
    expect(start_x).to_have_value("1.00")
    expect(adam).to_contain_text("lr = 0.5")
    pg.get_by_role("button", name="Suggested learning rates for this surface").click()
    rosenbrock = SURFACES["rosenbrock"]
    expect(start_x).to_have_value(f"{rosenbrock.start[0]:.2f}", timeout=WAIT_MS)
    expect(adam).to_contain_text(f"lr = {rosenbrock.learning_rates['adam']:.5g}", timeout=WAIT_MS)

    pg.locator('[data-testid="stSelectbox"]', has_text="Loss surface").first.click()
    pg.get_by_role("option", name="Beale (plateaus and cliffs)").click()
    beale = SURFACES["beale"]
    expect(start_x).to_have_value(f"{beale.start[0]:.2f}", timeout=WAIT_MS)
    expect(adam).to_contain_text(f"lr = {beale.learning_rates['adam']:.5g}", timeout=WAIT_MS)
    settle(pg)
    assert "optimizers_surface=beale" in pg.url
    assert not exceptions_on(pg)


def test_optimizers_play_replays_the_race(person, server):
    """The chart's ▶ button moves the optimizers' points back to the start and along their paths in the browser."""
    pg = person
    open_page(pg, server, "optimizers?optimizers_racers=adam")
    heads = (
        pg.locator('[data-testid="stMain"] .js-plotly-plot')
        .first.locator(".scatterlayer .trace")
        .last.locator(".point")
    )
    end = heads.first.get_attribute("transform")
    pg.locator('[data-testid="stMain"] .js-plotly-plot').first.locator(".updatemenu-button").first.click()
    seen = set()
    for _ in range(40):
        seen.add(heads.first.get_attribute("transform"))
        pg.wait_for_timeout(50)
    assert len(seen - {end}) >= 3  # it ran through several other places
    pg.wait_for_timeout(3000)
    assert heads.first.get_attribute("transform") == end  # and stops where the shown step is


def test_shapes_input_height(person, server):
    """ArrowUp in the custom input height changes the summary's first output shape."""
    pg = person
    open_page(pg, server, "shapes?shapes_input=custom")
    first_layer = pg.locator('[data-testid="stTable"]').first.locator("tbody tr").first
    expect(first_layer).to_contain_text("64")
    height = pg.get_by_role("spinbutton", name="Height", exact=True)  # the input's, not a kernel's height
    height.focus()
    pg.keyboard.press("ArrowUp")
    expect(height).to_have_value("65")
    expect(first_layer).to_contain_text("65", timeout=WAIT_MS)
    assert not exceptions_on(pg)


def test_shapes_layer_card_opens_edits_and_closes(person, server):
    """A layer card's form is built when the card is clicked open; ArrowUp in its filters changes the layer (card
    label, summary row) and the card stays open; a click closes it again and its form is gone."""
    pg = person
    open_page(pg, server, "shapes")
    card = pg.locator(".st-key-shapes_stack__0__card")
    expect(card).to_contain_text("1. Conv2D · 16 ·")
    expect(card.get_by_role("spinbutton", name="filters")).to_have_count(0)  # closed: no form on the page
    card.locator("summary").click()
    filters = card.get_by_role("spinbutton", name="filters")
    expect(filters).to_have_value("16", timeout=WAIT_MS)
    filters.focus()
    pg.keyboard.press("ArrowUp")
    expect(card.locator("summary")).to_contain_text("1. Conv2D · 17 ·", timeout=WAIT_MS)
    first_layer = pg.locator('[data-testid="stTable"]').first.locator("tbody tr").first
    expect(first_layer).to_contain_text("17)")
    expect(filters).to_be_visible()
    expect(filters).to_have_value("17")
    card.locator("summary").click()
    expect(card.get_by_role("spinbutton", name="filters")).to_have_count(0, timeout=WAIT_MS)
    assert not exceptions_on(pg)


def test_augmentation_factor_redraws_keras_images(person, server):
    """The page paints, Keras's images follow by themselves; a new rotation factor sends new images."""
    pg = person
    open_page(pg, server, "augmentation")
    images = pg.locator('[data-testid="stImage"] img')
    images.first.wait_for(timeout=180_000)
    settle(pg)
    expect(images).to_have_count(2 * 10 + 3)  # item and photo: original + 9 versions; then training vs inference
    before = images.nth(1).get_attribute("src")
    slider(pg, "fraction of a full turn").focus()
    for _ in range(5):
        pg.keyboard.press("ArrowRight")
    expect(images.nth(1)).not_to_have_attribute("src", before, timeout=WAIT_MS)
    assert not exceptions_on(pg)


@pytest.mark.parametrize("width", [1400, 390])
def test_nothing_clipped(browser, server, width):
    """At 1400 px and 390 px (and in Korean at 390 px) no chart title, tab strip, chip, button, code block or table
    of these pages overflows its box, and no chart title lies under Plotly's toolbar (there, shown or not)."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    pg = context.new_page()
    try:
        problems = []
        for path in PAGES:
            for lang in ("en", "ko") if width == 390 else ("en",):
                open_page(pg, server, path + (("&" if "?" in path else "?") + "lang=ko" if lang == "ko" else ""))
                if path == "augmentation":
                    pg.locator('[data-testid="stImage"] img').first.wait_for(timeout=180_000)
                    settle(pg)
                scroll_through(pg)  # charts are drawn when scrolled to: read the page to its end
                problems += [f"{path} ({lang}, {width} px): {p}" for p in pg.evaluate(OVERFLOWS)]
                ARTIFACTS.mkdir(parents=True, exist_ok=True)
                name = re.sub(r"\W+", "-", path)
                pg.screenshot(path=ARTIFACTS / f"blocks-{name}-{width}-{lang}.png")
        assert not problems, "\n".join(problems)
    finally:
        context.close()


def test_code_box_copies_its_code_and_follows_the_settings(browser, server):
    """The Keras code box (ui.code_block) is highlighted, its copy button puts the code on the clipboard (as a person
    clicks it: hover, click), and a moved widget changes the code in the same box."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    pg = context.new_page()
    try:
        open_page(pg, server, "activations")
        box = pg.locator(".st-key-activations_code .playground-code")
        expect(box).to_contain_text("keras.activations.relu(x)")
        keyword = box.locator("span.kn", has_text="import").first
        assert keyword.evaluate("e => getComputedStyle(e).color") == "rgb(28, 131, 225)"  # st.code's keyword blue
        assert pg.locator('[data-testid="stCode"]').count() == 0  # Streamlit's highlighter is not loaded
        shown = box.locator("code").text_content() or ""  # innerText would double the newlines of the line blocks
        box.hover()
        button = box.get_by_role("button", name="Copy code")
        expect(button).to_be_visible()
        button.click()
        expect(button).to_have_class(re.compile(r"\bcopied\b"))  # the tick a person sees for 1.5 s
        copied = pg.evaluate("navigator.clipboard.readText()")
        assert copied.strip() == shown.strip() and copied.startswith("import keras\n")
        pg.locator('[data-testid="stButtonGroup"] button', has_text="leaky_relu").first.click()
        expect(box).to_contain_text("negative_slope=", timeout=WAIT_MS)  # same box, new code
        assert pg.locator(".playground-code").count() == pg.locator(".playground-code pre").count()
        # On a phone a long line wraps with a hanging indent: on four columns right of where the line starts.
        pg.set_viewport_size({"width": 390, "height": 900})
        pg.wait_for_function(WRAPPED, arg=box.element_handle(), timeout=WAIT_MS)
        for line in box.evaluate(HANGING):
            assert abs(line["first"] - line["box"]) < 1.5, line
            assert abs(line["next"] - (line["box"] + (line["indent"] + 4) * line["ch"])) < 1.5, line
        assert not exceptions_on(pg)
    finally:
        context.close()


# Every wrapped line of a code box: its indent (--i), one column's width, and where its box, its first and its second
# row begin (px).
HANGING = """(box) => {
  const probe = document.createElement('span');
  probe.textContent = '0'.repeat(10);
  box.querySelector('code').appendChild(probe);
  const ch = probe.getBoundingClientRect().width / 10;
  probe.remove();
  const out = [];
  for (const line of box.querySelectorAll('.ln')) {
    const range = document.createRange();
    range.selectNodeContents(line);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    const rows = [...new Set(rects.map((r) => Math.round(r.top)))].sort((a, b) => a - b);
    if (rows.length < 2) continue;
    const start = (row) => Math.min(...rects.filter((r) => Math.round(r.top) === row).map((r) => r.left));
    out.push({ indent: Number(getComputedStyle(line).getPropertyValue('--i')), ch,
               box: line.getBoundingClientRect().left, first: start(rows[0]), next: start(rows[1]) });
  }
  return out;
}"""
WRAPPED = "(box) => (" + HANGING + ")(box).length > 0"
# For every line of a code box: how far below the line's first row its first visible character sits (px; 0 when the
# line's first word starts on its first row).
FIRST_WORD_DROP = r"""(box) => [...box.querySelectorAll('.ln')].map((line) => {
  const all = document.createRange();
  all.selectNodeContents(line);
  const tops = [...all.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top));
  const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const i = node.data.search(/\S/);
    if (i < 0) continue;
    const range = document.createRange();
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    return Math.round(range.getBoundingClientRect().top) - Math.min(...tops);
  }
  return 0;
})"""


def test_a_long_first_word_wraps_on_its_own_row(browser):
    """On a phone, an indented line whose first word is longer than the rest of its row starts that word on the
    line's first row (broken inside it, as any word too long for a row), not after a row of blanks; the word goes on
    with the hanging indent. A small app with one such code box (tests/browser/code_wrap_app.py)."""
    with Server(app=ROOT / "tests" / "browser" / "code_wrap_app.py") as srv:
        context = browser.new_context(viewport={"width": 390, "height": 900})
        pg = context.new_page()
        try:
            pg.goto(srv.url())
            wait_for_app(pg)
            box = pg.locator(".st-key-wrap_code .playground-code")
            expect(box).to_contain_text("MaxPooling2D")
            wrapped = box.evaluate(HANGING)
            assert len(wrapped) == 1, wrapped  # the model.add(…) line, and only it, wraps at 390 px
            line = wrapped[0]
            assert abs(line["next"] - (line["box"] + (line["indent"] + 4) * line["ch"])) < 1.5, line
            assert box.evaluate(FIRST_WORD_DROP) == [0, 0, 0]
            assert not exceptions_on(pg)
        finally:
            context.close()
