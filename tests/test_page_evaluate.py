"""The Evaluate & look inside page with tiny trained runs in session_state: the numbers on screen are Keras's."""

from __future__ import annotations

import sys
import types

import numpy as np
import pytest

import ui.runs
from playground import evaluation as ev
from tests.helpers import codes
from tests.test_evaluation import fashion_subset, tiny_run

N_TEST = 300


@pytest.fixture(autouse=True)
def small_test_set(monkeypatch):
    """The page evaluates on the first 300 real test images (fast), through the same accessor as in the app."""
    monkeypatch.setattr(ui.runs, "load_test_set", lambda: fashion_subset()[1])


@pytest.fixture
def page(app_for):
    run = tiny_run()
    run.test_metrics = None
    at = app_for("app_pages/evaluate.py")
    at.session_state["lab_runs"] = [run]
    return at, run


def _metric(at, label_start: str):
    return next(m for m in at.metric if m.label.startswith(label_start))


def test_no_runs_shows_the_way_to_the_lab(app_for):
    """Without runs: a friendly notice (no exception) and nothing else computed."""
    at = app_for("app_pages/evaluate.py")
    at.run()
    assert not at.exception
    assert any("training lab" in i.value for i in at.info)
    assert not at.metric


def test_metrics_equal_model_evaluate_and_are_cached_on_the_run(page):
    """Test accuracy/loss shown equal model.evaluate on the test images; cached in run.test_metrics."""
    at, run = page
    at.run()
    assert not at.exception
    x, y = fashion_subset()[1]
    want = run.model.evaluate(x[..., None], y, verbose=0, return_dict=True)
    assert _metric(at, "Test accuracy").value == f"{want['accuracy']:.2%}"
    assert _metric(at, "Test loss").value == f"{want['loss']:.4f}"
    assert run.test_metrics["accuracy"] == pytest.approx(want["accuracy"])
    wrong = int((ev.predict_proba(run.model, x).argmax(axis=1) != y).sum())
    assert _metric(at, "Wrong predictions").value == f"{wrong:,}"
    assert _metric(at, "Wrong predictions").label == f"Wrong predictions (of {N_TEST})"
    assert at.get_by_key("evaluate_confusion") is not None


def test_paging_through_test_images_shows_the_argmax(page):
    """Choosing image #7 shows its softmax chart and the argmax class with Keras's probability."""
    at, run = page
    at.run()
    at.number_input(key="evaluate_image").set_value(7).run()
    assert not at.exception
    x, y = fashion_subset()[1]
    p = run.model.predict(x[7:8, ..., None], verbose=0)[0]
    guess = int(np.argmax(p))
    from playground.data import CLASS_NAMES

    shown = [*at.success, *at.error]
    assert len(shown) == 1 and CLASS_NAMES[guess] in shown[0].value and f"{p[guess]:.1%}" in shown[0].value
    assert ("correct" in shown[0].value) == (guess == y[7])
    assert "x_test[7]" in codes(at)[1].value


def test_korean_run(page):
    """The page renders in Korean without errors, with Korean labels."""
    at, _ = page
    at.query_params["lang"] = "ko"
    at.run()
    assert not at.exception
    assert any(m.label.startswith("테스트 정확도") for m in at.metric)


def test_tampered_url_params_are_ignored_with_a_notice(page):
    """Out-of-range and wrong-type URL values don't crash; the frame says they were ignored."""
    at, _ = page
    at.query_params["evaluate_image"] = "99999"
    at.query_params["evaluate_mistakes"] = "lots"
    at.query_params["evaluate_source"] = "ftp"
    at.run()
    assert not at.exception
    assert any("ignored" in i.value for i in at.info)


def test_uploaded_photo_is_converted_and_its_feature_maps_shown(page, monkeypatch):
    """The sample-photo source shows the conversion steps and one feature-map grid per conv/pool layer."""
    at, run = page
    at.query_params["evaluate_source"] = "sample"
    at.run()
    assert not at.exception
    for n in range(4):
        assert at.get_by_key(f"evaluate_maps_{n}") is not None
    captions = [c.value for c in at.caption]
    assert any("Fashion-MNIST items are light objects" in c for c in captions)


def test_an_upload_is_decoded_once_per_session(page, monkeypatch):
    """Issue 13: Evaluate decoded the same upload on every rerun (2.5–4.1 s each for a big one). The decoded image is
    kept per session and uploader: reruns reuse it; another file is decoded once; clearing the uploader drops it.
    A refused file says what is wrong with the file (not "these settings") and is not decoded again either."""
    from PIL import Image

    from playground import images
    from tests.test_images import encode, quadrants

    calls: list[int] = []
    real = images.load_image

    def counting(data, **kwargs):
        calls.append(len(data))
        return real(data, **kwargs)

    monkeypatch.setattr(images, "load_image", counting)
    at, _run = page
    at.query_params["evaluate_source"] = "upload"
    at.run()
    photo = encode(Image.fromarray(quadrants(96, 64)), "PNG")
    at.file_uploader(key="evaluate_upload").set_value(("shirt.png", photo, "image/png"))
    at.run()
    for _ in range(3):
        at.run()
    assert not at.exception
    assert len(calls) == 1, calls
    assert at.session_state["_decoded_evaluate_upload"][1].array.shape == (96, 64, 3)  # quadrants(h, w)
    at.file_uploader(key="evaluate_upload").set_value(("bad.png", b"not an image at all" * 10, "image/png"))
    at.run()
    at.run()
    assert len(calls) == 2, calls
    message = at.error[0].value
    assert "bad.png" in message and "could not be used as an image" in message, message
    at.file_uploader(key="evaluate_upload").set_value(None)
    at.run()
    assert "_decoded_evaluate_upload" not in at.session_state


def _drawing() -> np.ndarray:
    """A 280×280 RGBA canvas with a trouser-like shape in black on white."""
    rgba = np.full((280, 280, 4), 255, np.uint8)
    rgba[30:250, 90:130] = (0, 0, 0, 255)
    rgba[30:250, 150:190] = (0, 0, 0, 255)
    rgba[30:60, 90:190] = (0, 0, 0, 255)
    return rgba


class _Canvas:
    def __init__(self, image_data):
        self.image_data = image_data


def test_draw_your_own_shows_the_steps_and_the_models_softmax(page, monkeypatch):
    """Drawing on the canvas: the page shows the five preprocessing steps, and the softmax bars and prediction are
    Keras's for the preprocessed item (playground.preprocess); a blank canvas asks for a drawing."""
    from playground.data import CLASS_NAMES
    from playground.preprocess import drawing_to_fashion_mnist

    at, run = page
    fake = types.ModuleType("streamlit_drawable_canvas")  # the component itself needs a browser to draw in
    monkeypatch.setitem(sys.modules, "streamlit_drawable_canvas", fake)
    fake.st_canvas = lambda **kwargs: _Canvas(np.full((9, 9, 4), 255, np.uint8))
    at.query_params["evaluate_source"] = "draw"
    at.run()
    assert not at.exception
    assert any("Draw on the white square" in i.value for i in at.info)

    fake.st_canvas = lambda **kwargs: _Canvas(_drawing())
    at.run()
    assert not at.exception
    captions = [c.value for c in at.caption]
    assert any("The model gets step 4" in c for c in captions)
    assert any("From your drawing to a Fashion-MNIST item" in m.value for m in at.markdown)
    item = drawing_to_fashion_mnist(_drawing()).item
    p = run.model.predict(item[None, :, :, None], verbose=0)[0]
    guess = int(np.argmax(p))
    assert any(f"**{CLASS_NAMES[guess]}** ({p[guess]:.1%})" in m.value for m in at.markdown)
    assert at.get_by_key("evaluate_own_softmax") is not None
    assert at.get_by_key("evaluate_maps_0") is not None


def test_draw_your_own_renders_the_real_canvas(page):
    """With the real drawing component (nothing drawn yet under AppTest) the page asks for a drawing, no error."""
    at, _ = page
    at.query_params["evaluate_source"] = "draw"
    at.run()
    assert not at.exception
    assert any("Draw on the white square" in i.value for i in at.info)


@pytest.mark.parametrize("mode", ["RGBA", "RGB"], ids=["fully-transparent", "one-flat-colour"])
def test_a_blank_photo_says_the_model_sees_nothing(page, mode):
    """A fully transparent or single-colour upload still gets a prediction (the model does see a black image), but
    the page says that nothing stands out, so the answer means little; a real photo gets no such warning."""
    from PIL import Image

    from tests.test_images import encode, quadrants

    at, _run = page
    at.query_params["evaluate_source"] = "upload"
    at.run()
    blank = Image.new(mode, (40, 30), (0, 0, 0, 0) if mode == "RGBA" else (200, 120, 40))
    at.file_uploader(key="evaluate_upload").set_value(("blank.png", encode(blank, "PNG"), "image/png"))
    at.run()
    assert not at.exception
    assert any("Nothing stands out" in w.value for w in at.warning)
    photo = encode(Image.fromarray(quadrants(96, 64)), "PNG")
    at.file_uploader(key="evaluate_upload").set_value(("shirt.png", photo, "image/png"))
    at.run()
    assert not at.exception and not any("Nothing stands out" in w.value for w in at.warning)
