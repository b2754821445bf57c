"""The pooling page, run inside the frame with AppTest."""

from __future__ import annotations

import pytest

from playground.activations import relu
from playground.convolution import GRIDS, conv2d
from playground.kernels import KERNELS
from playground.pooling import compare_shifted, explain_pool2d_cell, pool2d
from tests.helpers import charts, codes, link_fixture, metrics

SCRIPT = "app_pages/pooling.py"


open_page = link_fixture(SCRIPT)


def feature_map():
    return relu(conv2d(GRIDS["digit_7"], KERNELS["sobel_x"], padding="same"))


def test_smoke_default_feature_map(open_page):
    """Default: 7×7 feature map, 2×2 max pooling → 3×3, the winner of cell (0, 0) named."""
    at = open_page()
    assert not at.exception
    assert metrics(at)["Output shape"] == "3×3"
    cell = explain_pool2d_cell(feature_map(), 0, 0)
    assert any(f"input cell **({cell.winner[0]}, {cell.winner[1]})**" in m.value for m in at.markdown)
    assert "MaxPooling2D(pool_size=2, strides=None" in codes(at)[0].value


def test_average_same_padding_and_cell(open_page):
    """Average pooling, size 3, same padding: shape ⌈7/3⌉ and the border cell's mean over real cells only."""
    at = open_page()
    at.segmented_control(key="pooling_mode").set_value("average").run()
    at.slider(key="pooling_size").set_value(3).run()
    at.segmented_control(key="pooling_padding").set_value("same").run()
    at.number_input(key="pooling_row").set_value(2).run()
    at.number_input(key="pooling_col").set_value(2).run()
    assert not at.exception
    x = feature_map()
    out = pool2d(x, 3, padding="same", mode="average")
    assert metrics(at)["Output shape"] == f"{out.shape[0]}×{out.shape[1]}"
    cell = explain_pool2d_cell(x, 2, 2, pool_size=3, padding="same", mode="average")
    assert any(f"= **{out[2, 2]:.4g}**" in m.value and f"{cell.count} input cells" in m.value for m in at.markdown)


def test_stride_and_shift_demo(open_page):
    """Stride 1 with pool 2 gives 6×6; the shift demo's percentages equal compare_shifted's."""
    at = open_page(pooling_stride_default="false", pooling_strides="1")
    assert not at.exception
    assert metrics(at)["Output shape"] == "6×6"
    result = compare_shifted(feature_map(), rows=0, cols=1, pool_size=2, strides=1)
    assert metrics(at)["Input cells that changed"] == f"{result.input_changed:.0%}"
    assert metrics(at)["Pooled cells that changed"] == f"{result.pooled_changed:.0%}"


def test_photo_source(open_page):
    """A photo source renders (grayscale, at most 32 px)."""
    at = open_page(pooling_source="photo")
    assert not at.exception
    h, w = (int(v) for v in metrics(at)["Input shape"].split("×"))
    assert max(h, w) <= 32 and metrics(at)["Output shape"] == f"{h // 2}×{w // 2}"


def test_korean(open_page):
    """?lang=ko renders the page in Korean without exception."""
    at = open_page(lang="ko")
    assert not at.exception
    assert at.title[0].value == "풀링"
    assert "출력 크기" in metrics(at)


def test_window_larger_than_valid_input_shows_a_warning(open_page):
    """A 4×4 window on a 7×7 map with stride 4 is fine; a grid replaced by a too-small input is not possible,
    so check the core's warning path with pool 4 valid on a 32 px photo vs on the grid (both valid)."""
    at = open_page(pooling_size="4")
    assert not at.exception
    assert metrics(at)["Output shape"] == "1×1"


def test_tampered_url_parameters_are_ignored_with_a_notice(open_page):
    """Out-of-range, wrong-type and unknown parameters are dropped and reported; the page still renders."""
    at = open_page(pooling_size="9", pooling_mode="median", pooling_row="x", pooling_what="1")
    assert not at.exception
    notice = " ".join(i.value for i in at.info)
    for dropped in ("pooling_size=9", "pooling_mode=median", "pooling_row=x", "pooling_what=1"):
        assert dropped in notice
    assert metrics(at)["Output shape"] == "3×3"


def test_click_targets_are_the_output_cells_with_their_values():
    """The figure's click trace has one point per output cell (x = column, y = row) carrying pool2d's value, on
    the output's axes, with hover on (a point without hover reports no click)."""
    import numpy as np

    from playground.figures.convolution import CLICK_TRACE, pooling_windows_figure
    from playground.pooling import max_pool_winners

    x = feature_map()
    out = pool2d(x, 3, padding="same")
    fig = pooling_windows_figure(
        x, out, pool_size=(3, 3), strides=(3, 3), padding=(1, 1, 1, 1), winners=max_pool_winners(x, 3, padding="same")
    )
    targets = fig.data[CLICK_TRACE]
    assert (targets.xaxis, targets.yaxis) == ("x2", "y2") and targets.hovertemplate
    np.testing.assert_array_equal(out[np.asarray(targets.y), np.asarray(targets.x)], targets.customdata)
    assert len(targets.x) == out.size


def test_step_through_plays_every_window_with_the_cores_numbers(open_page):
    """The step-through figure has one frame per pooled cell, each titled with the window's max/average as the core
    (= Keras) computes it; the max's winner is circled."""
    at = open_page(
        pooling_source="grid", pooling_padding="same", pooling_size="3", pooling_mode="max", pooling_steps="true"
    )
    assert not at.exception
    chart = next(c for c in charts(at) if "pooling_steps_chart" in c.id)
    spec = chart.spec
    frames = [f for f in spec["frames"] if f["name"] != "~"]
    pooled = pool2d(GRIDS["digit_7"], 3, padding="same")
    assert len(frames) == pooled.size == 9
    for j, frame in enumerate(frames):
        cell = explain_pool2d_cell(GRIDS["digit_7"], *divmod(j, 3), pool_size=3, padding="same")
        assert cell.value == pytest.approx(pooled.ravel()[j])
        assert cell.expression() in frame["layout"]["title"]["text"].replace("<br>", " ")
        assert frame["data"][4]["x"] == [cell.winner[1]] and frame["data"][4]["y"] == [cell.winner[0]]
    at = open_page(pooling_source="photo", pooling_size="1", pooling_steps="true")  # 32×32 cells: too many to step
    assert any("too many" in i.value for i in at.info)


def test_compare_with_shows_both_settings_and_their_shapes(open_page):
    """ "Compare with" shows a second pooled map (other padding, stride 1 ↔ 2, max ↔ average) beside the first, each
    with its setting and the shape pool2d (= Keras) gives."""
    x = feature_map()
    cases = {
        "padding": [('padding="valid"', {}), ('padding="same"', {"padding": "same"})],
        "strides": [("strides=2", {"strides": 2}), ("strides=1", {"strides": 1})],
        "mode": [("MaxPooling2D", {}), ("AveragePooling2D", {"mode": "average"})],
    }
    for what, sides in cases.items():
        at = open_page(
            pooling_size="3", pooling_stride_default="false", pooling_compare="true", pooling_compare_what=what
        )
        assert not at.exception, what
        labels = [m.value for m in at.markdown if "Pooled output** ·" in m.value]
        for name, settings in sides:
            shape = pool2d(x, 3, **{"strides": 2, **settings}).shape
            assert any(f"{name} · {shape[0]}×{shape[1]}" in label for label in labels), (what, labels)
