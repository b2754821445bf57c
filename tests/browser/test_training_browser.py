"""The training lab in a real browser: train one short epoch, see the live curves, then the confusion matrix."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Server, exceptions_on, train_and_wait, wait_for_app
from ui.texts import TEXTS


@pytest.fixture(scope="module")
def small_server(artifacts, chromium_path):
    """A server that allows a 200-image training subset, so one epoch takes seconds."""
    srv = Server(extra_env={"PLAYGROUND_MIN_TRAIN_SIZE": "200"})
    yield srv
    srv.stop()


def test_train_one_epoch_then_confusion_matrix(small_server, browser, artifacts):
    """Train (Quick preset, 1 epoch, 200 images) → loss curve with a point; Evaluate → confusion matrix of 10k."""
    context = browser.new_context(viewport={"width": 1280, "height": 1600})
    pg = context.new_page()
    pg.goto(small_server.url("train?train_preset=quick&train_epochs=1&train_size=200"))
    wait_for_app(pg)
    train_and_wait(pg)  # the live fragment polls the job until this session's run is filed
    loss_chart = pg.locator(".st-key-train_chart_loss .js-plotly-plot")
    loss_chart.wait_for(timeout=30_000)
    # One epoch → the training-loss trace has exactly one point with a finite value.
    ys = pg.evaluate(
        "() => document.querySelector('.st-key-train_chart_loss .js-plotly-plot').data"
        ".filter(t => t.y && t.y.length).map(t => Array.from(t.y))"
    )
    assert ys and all(len(y) >= 1 for y in ys), ys
    assert all(v == v and v >= 0 for y in ys for v in y), ys
    pg.screenshot(path=str(artifacts / "training-lab-after-one-epoch.png"))
    assert not exceptions_on(pg)

    # Same session, client-side navigation to the Evaluate page.
    pg.get_by_role("link", name=TEXTS["evaluate.title"]["en"]).first.click()
    pg.locator(".st-key-evaluate_confusion .js-plotly-plot").wait_for(timeout=180_000)
    wait_for_app(pg)
    z = pg.evaluate(  # plotly keeps typed arrays; _inputArray is the nested list it was given
        "() => { const z = document.querySelector('.st-key-evaluate_confusion .js-plotly-plot').data[0].z;"
        " const rows = z._inputArray || z; return Array.from(rows, r => Array.from(r)); }"
    )
    assert len(z) == 10 and all(len(row) == 10 for row in z)
    assert sum(sum(row) for row in z) == 10_000  # every test image counted once
    pg.screenshot(path=str(artifacts / "evaluate-after-one-epoch.png"))
    assert not exceptions_on(pg)

    # One prediction: test image 7 typed; its true class is the real file's label.
    from playground import data
    from playground.architecture import summarize
    from playground.lab.options import PRESETS

    _, (_, y_test) = data.load_fashion_mnist()
    main = pg.locator('[data-testid="stMain"]')
    pg.get_by_role("tab", name=TEXTS["evaluate.tab_predict"]["en"]).click()
    wait_for_app(pg)  # a tab click reruns the page (the server remembers the tab)
    number = main.get_by_role("spinbutton", name=TEXTS["evaluate.image_index"]["en"])
    number.fill("7")
    number.press("Enter")
    true_class = TEXTS[f"class.{int(y_test[7])}"]["en"]
    expect(main).to_contain_text(TEXTS["evaluate.true_label"]["en"].format(label=true_class), timeout=60_000)
    # Inside the model: the second layer's tab shows that layer's maps, of the shape the summary gives
    pg.get_by_role("tab", name=TEXTS["evaluate.tab_inside"]["en"]).click()
    wait_for_app(pg)
    layer = summarize(list(PRESETS["quick"].specs), (28, 28, 1))[1]
    h, w, c = layer["output_shape"]
    pg.get_by_role("tab", name=f"{layer['name']} ({layer['type']})").click()
    caption = TEXTS["evaluate.layer_maps"]["en"].format(h=h, w=w, c=c)
    expect(main.get_by_text(caption)).to_be_visible(timeout=60_000)
    assert not exceptions_on(pg)

    # The open tab is remembered: to another page and back through the sidebar, then the language switch.
    inside = {lang: TEXTS["evaluate.tab_inside"][lang] for lang in ("en", "ko")}
    sidebar = pg.locator('[data-testid="stSidebar"]')
    sidebar.get_by_role("link", name=TEXTS["shapes.title"]["en"]).click()
    pg.wait_for_url("**/shapes**")
    wait_for_app(pg)
    sidebar.get_by_role("link", name=TEXTS["evaluate.title"]["en"]).click()
    pg.wait_for_url("**/evaluate**")
    wait_for_app(pg)
    expect(pg.get_by_role("tab", selected=True).first).to_have_text(inside["en"])
    expect(main.get_by_text(TEXTS["evaluate.source"]["en"]).first).to_be_visible()
    sidebar.locator('[data-testid="stRadio"] label', has_text="한국어").click()
    wait_for_app(pg)
    expect(pg.get_by_role("tab", selected=True).first).to_have_text(inside["ko"])
    sidebar.locator('[data-testid="stRadio"] label', has_text="English").click()
    wait_for_app(pg)
    expect(pg.get_by_role("tab", selected=True).first).to_have_text(inside["en"])
    assert not exceptions_on(pg)
    context.close()


def test_model_checkpoint_switched_on_then_the_best_epoch_restored(small_server, browser):
    """ModelCheckpoint switched on in the lab's Callbacks box (a click), two epochs trained: Save & restore says which
    epoch the checkpoint holds and "Load the best checkpoint" makes it a new run "…-best", which Evaluate then shows
    first among the runs (the newest)."""
    context = browser.new_context(viewport={"width": 1280, "height": 1400})
    try:
        pg = context.new_page()
        pg.goto(small_server.url("train?train_preset=quick&train_epochs=2&train_size=200"))
        wait_for_app(pg)
        pg.locator(".st-key-train_ckpt label").first.click()
        wait_for_app(pg)
        assert "train_ckpt=true" in pg.url
        train_and_wait(pg)

        pg.get_by_role("link", name=TEXTS["models.title"]["en"]).first.click()
        main = pg.locator('[data-testid="stMain"]')
        expect(main).to_contain_text("its ModelCheckpoint file holds the model of its best epoch", timeout=120_000)
        pg.get_by_role("button", name=TEXTS["models.load_checkpoint"]["en"]).click()
        loaded = pg.locator('[data-testid="stAlertContentSuccess"]', has_text="Loaded the best checkpoint")
        expect(loaded).to_be_visible(timeout=120_000)
        best = re.search(r"new run (\S+-best)", loaded.inner_text()).group(1)
        pg.get_by_role("link", name=TEXTS["models.to_evaluate"]["en"]).click()
        pg.wait_for_url("**/evaluate**", timeout=30_000)
        wait_for_app(pg, timeout=120_000)
        expect(pg.locator(".st-key-evaluate_run input")).to_have_value(re.compile(re.escape(best)), timeout=60_000)
        assert not exceptions_on(pg)
    finally:
        context.close()
