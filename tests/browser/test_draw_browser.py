"""Draw your own on Evaluate (issue 15), in a real browser: train a tiny run, draw strokes with the mouse on the
canvas, and get the model's prediction with the preprocessing steps and softmax bars."""

from __future__ import annotations

import re
import tempfile

import pytest

from tests.browser.conftest import Server, exceptions_on, train_and_wait, wait_for_app
from ui.texts import TEXTS

pytestmark = pytest.mark.browser


# Dark pixels drawn on a canvas (Fabric.js draws the finished strokes on the drawing layer's lower canvas).
INK = """(c) => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && d[i] < 128) n++; return n; }"""


def _en(key: str) -> str:
    return TEXTS[key]["en"]


@pytest.fixture(scope="module")
def trained(browser):
    """A server with one tiny finished run (1 epoch on 200 real images) and the browser context that owns it."""
    with tempfile.TemporaryDirectory(prefix="playground-draw-browser-") as folder:
        server = Server(extra_env={"PLAYGROUND_MIN_TRAIN_SIZE": "200", "PLAYGROUND_DATA_DIR": folder})
        try:
            ctx = browser.new_context(viewport={"width": 1400, "height": 1400})
            pg = ctx.new_page()
            pg.goto(server.url("train?train_preset=quick&train_epochs=1&train_size=200"))
            wait_for_app(pg, timeout=120_000)
            train_and_wait(pg, timeout=480_000)
            yield server, ctx, pg
        finally:
            server.stop()


def test_drawing_with_the_mouse_gets_a_prediction(trained, artifacts):
    """Several strokes drawn with the mouse, then the canvas's ⬆ button: the drawing is preprocessed (steps shown)
    and classified by the trained model: a prediction line and the softmax bars appear, without an error."""
    server, ctx, pg = trained
    pg.goto(server.url("evaluate?evaluate_source=draw"))
    wait_for_app(pg, timeout=180_000)
    pg.get_by_role("tab", name=_en("evaluate.tab_inside")).click()
    wait_for_app(pg)  # the tab's own rerun (the server remembers it): strokes drawn during it would be wiped
    canvas = pg.locator(".st-key-evaluate_canvas canvas").last
    canvas.wait_for(timeout=60_000)
    canvas.scroll_into_view_if_needed()
    assert pg.get_by_text(_en("evaluate.draw_hint")[:25]).count() >= 1
    box = canvas.bounding_box()
    x, y, w, h = box["x"], box["y"], box["width"], box["height"]
    # A T-shirt-ish outline: shoulders, sleeves, body — three strokes.
    strokes = [
        [(0.3, 0.2), (0.7, 0.2), (0.9, 0.4), (0.8, 0.5), (0.7, 0.4), (0.7, 0.9), (0.3, 0.9), (0.3, 0.4)],
        [(0.3, 0.4), (0.2, 0.5), (0.1, 0.4), (0.3, 0.2)],
        [(0.4, 0.2), (0.5, 0.3), (0.6, 0.2)],
    ]
    ink = pg.locator(".st-key-evaluate_canvas canvas.dc-canvas.lower-canvas")  # in the component's shadow root
    for _attempt in range(3):  # strokes drawn before the canvas's script listens leave no ink: a person draws again
        for stroke in strokes:
            pg.mouse.move(x + stroke[0][0] * w, y + stroke[0][1] * h)
            pg.mouse.down()
            for fx, fy in stroke[1:]:
                pg.mouse.move(x + fx * w, y + fy * h, steps=8)
            pg.mouse.up()
            pg.wait_for_timeout(300)
        pg.wait_for_timeout(500)
        if ink.evaluate(INK) > 200:
            break
        pg.wait_for_timeout(2000)
    assert ink.evaluate(INK) > 200, "the strokes left no ink on the canvas"
    assert not pg.get_by_text(re.compile(re.escape(_en("evaluate.prediction").split("*")[0].strip()))).count()
    pg.get_by_title("Update the app with this drawing").or_(
        pg.get_by_role("button", name="Update the app with this drawing")
    ).first.click()  # the canvas sends the drawing with its ⬆ button
    prediction = re.compile(re.escape(_en("evaluate.prediction").split("*")[0].strip()))
    pg.get_by_text(prediction).first.wait_for(timeout=120_000)
    pg.locator(".st-key-evaluate_own_softmax .js-plotly-plot").wait_for(timeout=60_000)
    wait_for_app(pg, timeout=120_000)
    assert pg.get_by_text(_en("evaluate.draw_title").strip("*")).count() >= 1
    assert pg.locator(".st-key-evaluate_maps_0 .js-plotly-plot").count() >= 1
    assert not exceptions_on(pg)
    pg.screenshot(path=str(artifacts / "evaluate-draw.png"), full_page=True)
