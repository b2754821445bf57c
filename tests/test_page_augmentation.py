"""The Data augmentation page: renders, shows the core's augmented images, re-samples, sends layers to the lab."""

from __future__ import annotations

import time

import numpy as np
import pytest

from playground.augmentation import augment, spec_for
from playground.run import SESSION_AUGMENTATION
from tests.helpers import codes

PAGE = "app_pages/augmentation.py"
LOADING = ":material/hourglass_top:"  # the icon of the notice shown while Keras loads in the background
ZOOM = 4  # the page sends a 28 × 28 item with each pixel as a 4 × 4 block


def loading(at) -> bool:
    return any(i.icon == LOADING for i in at.info)


def open_page(app_for, query: dict[str, str] | None = None):
    """The page inside the frame, opened like a shared link: the query is in the URL before the first run.

    While Keras loads in the background the page shows a notice (in the browser a fragment polls); here we rerun
    until the images are there."""
    at = app_for(PAGE)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run(timeout=120)
    deadline = time.monotonic() + 180
    while loading(at) and time.monotonic() < deadline:
        time.sleep(0.5)
        at.run(timeout=120)
    assert not loading(at), "Keras did not finish loading"
    return at


@pytest.fixture
def shown(monkeypatch) -> list[tuple[list[np.ndarray], list[str]]]:
    """Every `st.image` call of the page as (pixel arrays, captions), recorded as the page passes them."""
    import streamlit

    calls = []
    original = streamlit.image

    def record(image, caption=None, **kwargs):
        calls.append((list(image), list(caption)))
        return original(image, caption=caption, **kwargs)

    monkeypatch.setattr(streamlit, "image", record)
    return calls


def pixels(a: np.ndarray) -> np.ndarray:
    """What the page sends for an array of Keras's output: rounded to uint8, each item pixel a ZOOM² block."""
    a = np.clip(np.rint(np.asarray(a, dtype=float)), 0, 255).astype(np.uint8)
    return np.kron(a, np.ones((ZOOM, ZOOM), dtype=np.uint8)) if a.ndim == 2 else a


def test_smoke(app_for):
    """The page renders without exception: item grid, photo grid, training vs inference, code, lab buttons."""
    at = open_page(app_for)
    assert not at.exception
    assert at.title[0].value == "Data augmentation"
    assert len(at.get("image")) == 3
    assert not at.warning
    assert "keras.layers.RandomFlip" in codes(at)[0].value


def test_item_versions_are_the_cores(app_for, shown):
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
    item_grid, photo_grid, mode = shown[-3:]  # the last run's three rows of pictures
    assert len(item_grid[0]) == 5 and item_grid[1][0] == "original"
    np.testing.assert_array_equal(item_grid[0][0], pixels(x_test[3]))
    for got, want in zip(item_grid[0][1:], expected, strict=True):
        np.testing.assert_array_equal(got, pixels(want))
    assert len(photo_grid[0]) == 5 and photo_grid[0][1].shape[2] == 3
    np.testing.assert_array_equal(mode[0][2], pixels(x_test[3]))  # training=False is the identity
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
