"""The Fashion-MNIST page: renders the real data, numbers match the core, Korean, tampered links, missing data."""

from __future__ import annotations

import numpy as np
import pytest

from playground import data
from tests.helpers import charts, page_opener

PAGE = "app_pages/data.py"
pytestmark = pytest.mark.realdata


open_page = page_opener(PAGE, check=True)


def plotly_spec(at, key):
    """The figure JSON of the plotly chart with widget key `key`."""
    for element in charts(at):
        if element.id and key in element.id:
            return element.spec["data"]
    raise AssertionError(f"no plotly chart with key {key}")


def values(array) -> np.ndarray:
    """Plotly's JSON array: a plain list, or a typed array {"dtype", "bdata" (base64), "shape"}."""
    from playground.figures.draft import array as as_numpy

    return as_numpy(array)


def test_smoke(app_for):
    """The page renders the three views without an exception."""
    at = open_page(app_for)
    assert not at.exception
    assert len(charts(at)) == 3


def test_pixel_matrix_is_the_real_image(app_for):
    """Class 9, image 5 of that class: the heatmap holds exactly that training image's 784 values."""
    at = open_page(app_for)
    at.selectbox(key="data_class").set_value(9)
    at.number_input(key="data_index").set_value(5)
    at.run()
    assert not at.exception
    (x_train, y_train), _ = data.load_fashion_mnist()
    expected = x_train[np.flatnonzero(y_train == 9)[5]]
    spec = plotly_spec(at, "data_matrix")
    np.testing.assert_array_equal(values(spec[0]["z"]), expected)
    assert any(f"max {expected.max()}, mean {expected.mean():.1f}" in m.value for m in at.markdown)


def test_split_sizes_follow_the_sliders(app_for):
    """Subset 10 000 with 30 % validation: the metrics show the core's split sizes (7 000 / 3 000 / 10 000)."""
    at = open_page(app_for)
    at.slider(key="data_train_size").set_value(10_000)
    at.slider(key="data_validation_split").set_value(0.3)
    at.run()
    assert not at.exception
    assert [m.value for m in at.metric] == ["7,000", "3,000", "10,000"]
    spec = plotly_spec(at, "data_balance_chart")
    assert [int(values(trace["y"]).sum()) for trace in spec] == [7000, 3000, 10000]


@pytest.mark.parametrize("train_size", [1000, 7000, 60_000])
def test_code_box_split_has_the_apps_sizes_not_its_images(train_size):
    """scikit-learn's train_test_split as the code box writes it gives the app's sizes for every validation share
    the slider offers, but other images — which the page's note says."""
    from sklearn.model_selection import train_test_split

    from ui.texts import TEXTS

    y = data.load_fashion_mnist()[0][1]
    for k in range(1, 11):
        share = float(f"{0.05 * k:g}")  # as the code box prints it
        train_idx, val_idx = data.train_validation_split(y, train_size=train_size, validation_split=share, seed=0)
        idx = np.arange(len(y))
        if train_size < len(y):
            idx, _ = train_test_split(idx, train_size=train_size, stratify=y, random_state=0)
        sk_train, sk_val = train_test_split(idx, test_size=share, stratify=y[idx], random_state=0)
        assert (len(sk_train), len(sk_val)) == (len(train_idx), len(val_idx)), share
        assert set(sk_val) != set(val_idx)
    assert "train_test_split" in TEXTS["data.code_note"]["en"]


def test_code_box_says_the_split_differs(app_for):
    """Under the code box, the page says the sizes match and the images do not."""
    at = open_page(app_for)
    assert any("not the same images" in c.value for c in at.caption)


def test_korean(app_for):
    """In Korean the class names and the tabs are Korean."""
    at = open_page(app_for, lang="ko")
    assert not at.exception
    assert "앵클 부츠" in at.selectbox(key="data_class").options
    assert any("모든 픽셀이 특성" in m.value for m in at.markdown)


def test_tampered_link_is_ignored(app_for):
    """Out-of-range and wrong-type URL values are dropped with the notice, never an exception."""
    at = open_page(app_for, data_per_class="99", data_index="abc", data_class="12", bogus="1")
    assert not at.exception
    assert at.slider(key="data_per_class").value == 8 and at.selectbox(key="data_class").value == 0
    assert any("ignored" in i.value for i in at.info)


def test_missing_data_shows_the_three_ways(app_for, monkeypatch, tmp_path):
    """No data anywhere: one clear on-screen error naming the env variable, the Debian package and Keras."""
    monkeypatch.setenv(data.ENV_VAR, str(tmp_path))
    monkeypatch.setattr(data, "DEBIAN_DIR", tmp_path / "none")
    monkeypatch.setattr(data, "_keras_load", lambda: (_ for _ in ()).throw(OSError("offline")))
    data.load_fashion_mnist.cache_clear()
    try:
        at = open_page(app_for)
    finally:
        data.load_fashion_mnist.cache_clear()
    assert not at.exception
    assert len(at.error) == 1
    text = at.markdown[-1].value
    for part in ("FASHION_MNIST_DIR", "dataset-fashion-mnist", "load_data()"):
        assert part in text
