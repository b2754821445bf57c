"""playground.preprocess: a canvas drawing made Fashion-MNIST-like, checked against Pillow's own resize and a real
Keras model restored from `.keras`."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from playground import preprocess as pp


def canvas(ink_box: tuple[int, int, int, int], *, size: int = 280, transparent: bool = False) -> np.ndarray:
    """An RGBA canvas (white, or transparent) with a black filled rectangle over rows/cols [top, bottom) × [left,
    right)."""
    rgba = np.zeros((size, size, 4), np.uint8) if transparent else np.full((size, size, 4), 255, np.uint8)
    top, bottom, left, right = ink_box
    rgba[top:bottom, left:right] = (0, 0, 0, 255)
    return rgba


def test_steps_are_in_order_and_each_follows_from_the_last():
    """grayscale → cropped (square, white around) → resized 28×28 (= Pillow's Lanczos) → inverted (255 − x) →
    scaled (÷ 255)."""
    out = pp.drawing_to_fashion_mnist(canvas((40, 200, 100, 140)))
    names = [name for name, _ in out.steps]
    assert tuple(names) == pp.STEP_NAMES
    steps = dict(out.steps)
    assert steps["grayscale"].shape == (280, 280)
    assert steps["cropped"].shape == (160, 160)  # the ink is 160 tall, 40 wide: squared with white
    expected = np.asarray(Image.fromarray(steps["cropped"]).resize((28, 28), Image.Resampling.LANCZOS))
    np.testing.assert_array_equal(steps["resized"], expected)
    np.testing.assert_array_equal(out.item, 255 - expected)
    np.testing.assert_allclose(out.scaled, out.item / 255.0)
    assert out.item.dtype == np.uint8 and out.box == (40, 199, 100, 139)


def test_the_item_is_cropped_centred_light_on_black_and_fills_the_frame():
    """Wherever it is drawn, the item's longer side spans the 28 rows, it is centred left–right, light on a black
    background."""
    for box in ((10, 250, 5, 65), (100, 260, 200, 240)):
        item = pp.drawing_to_fashion_mnist(canvas(box)).item
        rows, cols = np.nonzero(item > 127)
        assert rows.min() == 0 and rows.max() == 27
        assert abs((cols.min() + cols.max()) / 2 - 13.5) <= 1
        assert item[:, 0].max() < 30 and item[:, -1].max() < 30  # black background at the sides


def test_transparent_canvas_counts_as_white_paper():
    """An RGBA canvas with a transparent background gives the same item as an opaque white one."""
    a = pp.drawing_to_fashion_mnist(canvas((40, 200, 100, 140), transparent=True)).item
    b = pp.drawing_to_fashion_mnist(canvas((40, 200, 100, 140))).item
    np.testing.assert_array_equal(a, b)


def test_blank_or_wrong_input_is_a_value_error_naming_image():
    """A blank canvas, a float array or a wrong shape: ValueError naming `image`; has_ink tells blank apart."""
    blank = np.full((50, 50, 4), 255, np.uint8)
    assert not pp.has_ink(blank) and pp.has_ink(canvas((1, 3, 1, 3), size=50))
    for bad in (blank, blank.astype(float), np.zeros((5, 5, 2), np.uint8), np.zeros((0, 4), np.uint8)):
        with pytest.raises(ValueError, match="`image`"):
            pp.drawing_to_fashion_mnist(bad)


def test_input_is_not_modified():
    """The canvas array is left as it was."""
    drawing = canvas((40, 200, 100, 140))
    before = drawing.copy()
    pp.drawing_to_fashion_mnist(drawing)
    np.testing.assert_array_equal(drawing, before)


@pytest.mark.realdata
def test_a_model_restored_from_keras_classifies_the_drawing():
    """A tiny trained model saved as `.keras` and restored (safe mode) gives the same softmax and feature maps for a
    drawing as the model it was saved from."""
    from playground import evaluation as ev
    from playground import persistence as ps
    from tests.test_evaluation import tiny_run

    run = tiny_run()
    restored, _ = ps.load_keras_upload(ps.keras_bytes(run.model), run_id="restored")
    item = pp.drawing_to_fashion_mnist(canvas((30, 250, 60, 220))).item
    p_saved, p_restored = ev.predict_proba(run.model, item)[0], ev.predict_proba(restored.model, item)[0]
    assert p_restored.shape == (10,) and p_restored.sum() == pytest.approx(1, abs=1e-5)
    np.testing.assert_allclose(p_restored, p_saved, rtol=1e-5, atol=1e-6)
    maps = ev.feature_maps(restored.model, item)
    assert maps and all(m.ndim == 3 for _, _, m in maps)
