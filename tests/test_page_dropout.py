"""The Dropout page: renders, the shown mask and numbers are the core's, re-sample, inference, links."""

from __future__ import annotations

import numpy as np

from playground.dropout import dropout, dropout_mean, example_units
from tests.helpers import charts, codes
from tests.helpers import metrics as metric_values

PAGE = "app_pages/dropout.py"


def decode(value) -> np.ndarray:
    """A Plotly JSON array: a plain list, or plotly's typed array {"dtype", "bdata", "shape"}."""
    from playground.figures.draft import array

    return array(value)


def test_smoke(app_for):
    """The page renders without exception: units, the feature maps (one chart of three panels), the expected value."""
    at = app_for(PAGE)
    at.run()
    assert not at.exception
    assert at.title[0].value == "Dropout"
    assert len(charts(at)) == 3
    assert not at.warning


def test_numbers_equal_core_for_settings(app_for):
    """Kept count, scale and sums equal playground.dropout for the chosen rate, seed and units."""
    at = app_for(PAGE)
    at.run()
    at.slider(key="dropout_rate").set_value(0.3)
    at.number_input(key="dropout_seed").set_value(7)
    at.slider(key="dropout_units").set_value(32)
    at.run()
    assert not at.exception
    x = example_units(32)
    y, mask = dropout(x, 0.3, seed=7)
    metrics = metric_values(at)
    assert metrics["units kept"] == f"{int(mask.sum())} / 32"
    assert metrics["scale of kept units"] == f"× {1 / 0.7:.4g}"
    assert f"{x.sum():.2f} before dropout → {y.sum():.2f} after" in " ".join(c.value for c in at.caption)
    mean = dropout_mean(x, 0.3, samples=1000, seed=7)
    assert metrics["mean of 1000 masks"] == f"{mean.mean():.4f}"


def test_resample_changes_seed_and_link(app_for):
    """The re-sample button draws new seeds, stored in the bound widget and so in the URL."""
    at = app_for(PAGE)
    at.run()
    seeds = [at.number_input(key="dropout_seed").value]
    for _ in range(2):
        at.button(key="dropout_resample").click()
        at.run()
        assert not at.exception
        seeds.append(at.number_input(key="dropout_seed").value)
    assert len(set(seeds)) > 1  # two fresh draws out of a million both equal to 42: never
    assert str(seeds[-1]) in str(at.query_params["dropout_seed"])
    _, mask = dropout(example_units(24), 0.5, seed=seeds[-1])
    assert {m.label: m.value for m in at.metric}["units kept"] == f"{int(mask.sum())} / 24"


def test_inference_keeps_everything(app_for):
    """With training off every unit is kept and the output equals the input."""
    at = app_for(PAGE)
    at.run()
    at.toggle(key="dropout_training").set_value(False)
    at.run()
    assert not at.exception
    metrics = metric_values(at)
    assert metrics["units kept"] == "24 / 24"
    assert metrics["scale of kept units"] == "× 1"
    x = example_units(24)
    assert f"{x.sum():.2f} before dropout → {x.sum():.2f} after" in " ".join(c.value for c in at.caption)


def test_unit_chart_shows_the_core_mask(app_for):
    """The units chart's 'dropped' trace holds exactly the units the core's mask drops."""

    at = app_for(PAGE)
    at.query_params["dropout_seed"] = "123"
    at.run()
    assert not at.exception
    chart = charts(at)[0]
    dropped = decode(chart.spec["data"][1]["customdata"])
    _, mask = dropout(example_units(24), 0.5, seed=123)
    assert sorted(dropped[:, 0].astype(int)) == list(np.flatnonzero(~mask))


def test_map_chart_shows_the_core_dropout(app_for):
    """The feature-map chart's panels are the input, the core's mask and its output for the seed (seed + 1)."""

    from playground.dropout import example_feature_map

    at = app_for(PAGE)
    at.query_params["dropout_seed"] = "123"
    at.run()
    spec = charts(at)[1].spec
    fmap = example_feature_map(12)
    out, mask = dropout(fmap, 0.5, seed=124)
    np.testing.assert_allclose(decode(spec["data"][0]["z"]), fmap)
    np.testing.assert_array_equal(decode(spec["data"][1]["z"]), mask.astype(float))
    np.testing.assert_allclose(decode(spec["data"][2]["z"]), out)


def test_korean(app_for):
    """?lang=ko renders the page in Korean."""
    at = app_for(PAGE)
    at.query_params["lang"] = "ko"
    at.run()
    assert not at.exception
    assert at.title[0].value == "드롭아웃"
    assert "남은 뉴런" in metric_values(at)


def test_tampered_url_params(app_for):
    """rate=1.0 (out of range), a text seed and an unknown key are ignored with a notice, no exception."""
    at = app_for(PAGE)
    at.query_params["dropout_rate"] = "1.0"
    at.query_params["dropout_seed"] = "abc"
    at.query_params["dropout_whatever"] = "x"
    at.run()
    assert not at.exception
    assert at.slider(key="dropout_rate").value == 0.5
    notice = " ".join(i.value for i in at.info)
    assert "dropout_whatever=x" in notice and "dropout_rate=1.0" in notice


def test_keras_masks_are_keras_and_the_code_says_so(app_for):
    """With "Masks drawn by Keras" on, the units chart and the kept count are Keras's Dropout(rate, seed) output;
    off, the code box says the NumPy mask is not Keras's."""
    import keras

    at = app_for(PAGE)
    at.run()
    assert any("not the NumPy mask" in c.value for c in codes(at))
    at.toggle(key="dropout_keras").set_value(True).run()
    assert not at.exception
    x = example_units(24)
    keras_y = np.asarray(keras.layers.Dropout(0.5, seed=42)(x.astype("float32"), training=True))
    kept = int((keras_y != 0).sum())
    assert metric_values(at)["units kept"] == f"{kept} / 24"
    assert any(f"keeps {kept} of 24" in c.value for c in codes(at))
