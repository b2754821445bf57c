"""The Data augmentation page: renders, shows the core's augmented images, re-samples, sends layers to the lab."""

from __future__ import annotations

import base64

import numpy as np

from playground.augmentation import augment, spec_for
from playground.run import SESSION_AUGMENTATION
from tests.helpers import page_opener

PAGE = "app_pages/augmentation.py"


open_page = page_opener(PAGE)


def decode(value) -> np.ndarray:
    """A Plotly JSON array: a plain list, or plotly's typed array {"dtype", "bdata", "shape"}."""
    if isinstance(value, dict):
        array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
        shape = tuple(int(n) for n in str(value.get("shape", array.size)).split(","))
        return array.reshape(shape)
    return np.asarray(value, dtype=float)


def chart_images(at, key: str) -> list[np.ndarray]:
    import json

    chart = next(c for c in at.get("plotly_chart") if c.proto.id.endswith(key) or key in c.proto.id)
    spec = json.loads(chart.proto.spec)
    return [decode(trace["z"]) for trace in spec["data"]]


def test_smoke(app_for):
    """The page renders without exception: item grid, photo grid, training vs inference, code, lab buttons."""
    at = open_page(app_for)
    assert not at.exception
    assert at.title[0].value == "Data augmentation"
    assert len(at.get("plotly_chart")) == 3
    assert not at.warning
    assert "keras.layers.RandomFlip" in at.code[0].value


def test_item_versions_are_the_cores(app_for):
    """The grid shows the original and exactly augment(item, specs, n, seed) for the chosen settings."""
    from playground.data import load_fashion_mnist

    at = open_page(app_for)
    at.number_input(key="augment_seed").set_value(5)
    at.number_input(key="augment_item").set_value(3)
    at.slider(key="augment_n").set_value(4)
    at.checkbox(key="augment_use_contrast").check()
    at.run()
    assert not at.exception
    at.slider(key="augment_contrast").set_value(0.5).run()
    _, (x_test, _) = load_fashion_mnist()
    specs = [spec_for("flip_horizontal"), spec_for("rotation", 0.1), spec_for("zoom", 0.2), spec_for("contrast", 0.5)]
    expected = augment(x_test[3], specs, n=4, seed=5)
    shown = chart_images(at, "augment_item_chart")
    assert len(shown) == 5
    np.testing.assert_array_equal(shown[0], x_test[3])
    for got, want in zip(shown[1:], expected, strict=True):
        np.testing.assert_allclose(got, want, atol=1e-4)
    inference = chart_images(at, "augment_mode_chart")
    np.testing.assert_array_equal(inference[2], x_test[3])  # training=False is the identity
    assert "True" in " ".join(c.value for c in at.caption if "training=False" in c.value)


def test_resample_and_train_with_augmentation(app_for):
    """Re-sample moves to the next seed; the send button stores the chosen specs for the lab, clear removes them."""
    at = open_page(app_for)
    at.button(key="augment_resample").click().run()
    assert at.number_input(key="augment_seed").value == 1
    at.checkbox(key="augment_use_zoom").uncheck().run()
    at.button(key="augment_send").click().run()
    assert at.session_state[SESSION_AUGMENTATION] == (spec_for("flip_horizontal"), spec_for("rotation"))
    assert at.success and "2" in at.success[0].value
    at.button(key="augment_clear").click().run()
    assert at.session_state[SESSION_AUGMENTATION] == ()
    assert not at.exception


def test_no_layers_selected(app_for):
    """With every layer off the page says so, the send button is disabled and nothing crashes."""
    at = open_page(app_for)
    for key in ("augment_use_flip_horizontal", "augment_use_rotation", "augment_use_zoom"):
        at.checkbox(key=key).uncheck()
    at.run()
    assert not at.exception
    assert any("No augmentation layer" in i.value for i in at.info)
    assert at.button(key="augment_send").disabled


def test_korean(app_for):
    """In Korean the page uses the course notes' words (데이터 증식) and renders without exception."""
    at = open_page(app_for, {"lang": "ko"})
    assert not at.exception
    assert "데이터 증식" in at.markdown[0].value or any("데이터 증식" in m.value for m in at.markdown)


def test_tampered_url(app_for):
    """Out-of-range, wrong-type and unknown URL parameters are ignored with a notice, never an exception."""
    at = open_page(
        app_for, {"augment_rotation": "7", "augment_n": "abc", "augment_photo": "nope", "augment_bogus": "1"}
    )
    assert not at.exception
    notice = " ".join(i.value for i in at.info)
    assert "augment_bogus" in notice
    assert at.slider(key="augment_n").value == 9
