"""The 2-D convolution page, run inside the frame with AppTest."""

from __future__ import annotations

import base64

import numpy as np
import pytest

from playground.convolution import GRIDS, conv2d, explain_conv2d_cell, output_size_formula
from playground.kernels import KERNELS
from tests.helpers import chart, charts, codes, link_fixture, metrics

SCRIPT = "app_pages/conv2d.py"


open_page = link_fixture(SCRIPT)


def test_smoke_default_grid(open_page):
    """The default view (digit 7, identity kernel) renders: 7×7 → 5×5 and the formula with numbers."""
    at = open_page()
    assert not at.exception
    assert metrics(at)["Feature map shape"] == "5×5"
    assert any(output_size_formula(7, 3) in m.value for m in at.markdown)
    assert "kernel_size=(3, 3)" in codes(at)[0].value


def test_settings_change_shape_and_explained_cell(open_page):
    """Kernel, stride, padding, bias and the picked cell give the shape and cell value the core computes."""
    at = open_page()
    at.selectbox(key="conv2d_kernel").set_value("sobel_x").run()
    at.number_input(key="conv2d_sw").set_value(2).run()
    at.segmented_control(key="conv2d_padding").set_value("same").run()
    at.number_input(key="conv2d_bias").set_value(0.5).run()
    at.number_input(key="conv2d_row").set_value(2).run()
    at.number_input(key="conv2d_col").set_value(1).run()
    assert not at.exception
    image, kernel = GRIDS["digit_7"], KERNELS["sobel_x"]
    out = conv2d(image, kernel, strides=(1, 2), padding="same", bias=0.5)
    assert metrics(at)["Feature map shape"] == f"{out.shape[0]}×{out.shape[1]}"
    cell = explain_conv2d_cell(image, kernel, 2, 1, strides=(1, 2), padding="same", bias=0.5)
    assert cell.value == pytest.approx(out[2, 1])
    assert any(f"(2, 1) = {cell.value:.4g}" in m.value for m in at.markdown)
    assert any(cell.expression(0) in m.value for m in at.markdown)
    assert metrics(at)["Zero padding"] == "{}/{}/{}/{}".format(*cell.padding)


def test_dilation_and_filter_stack(open_page):
    """Dilation 2 shrinks a 7×7 input to 3×3; the stack shows one feature map per chosen filter."""
    at = open_page(conv2d_dilation="2")
    assert not at.exception
    assert metrics(at)["Feature map shape"] == "3×3"
    at.segmented_control(key="conv2d_view").set_value("stack").run()  # the stack is one of the explanations
    at.multiselect(key="conv2d_stack").set_value(["sobel_x", "emboss"]).run()
    assert metrics(at)["Output shape (rows × columns × filters)"] == "3×3×2"


def test_rgb_photo_shows_three_kernels_one_feature_map(open_page):
    """An RGB photo: per-channel sums shown for R, G, B, and the output shape follows the downscaled photo."""
    at = open_page(conv2d_source="photo", conv2d_color="rgb")
    assert not at.exception
    shape = metrics(at)["Input shape"]
    h, w, c = (int(v) for v in shape.split("×"))
    assert c == 3 and max(h, w) <= 112
    assert metrics(at)["Feature map shape"] == f"{h - 2}×{w - 2}"
    assert sum("Channel R:" in m.value or "Channel G:" in m.value or "Channel B:" in m.value for m in at.markdown) == 3


def test_korean(open_page):
    """?lang=ko renders the page in Korean without exception."""
    at = open_page(lang="ko")
    assert not at.exception
    assert at.title[0].value == "2차원 합성곱"
    assert "특성 맵 크기" in metrics(at)


def test_invalid_combinations_show_a_friendly_warning(open_page):
    """Stride with dilation, or a kernel larger than a valid input, show the warning naming the argument."""
    at = open_page(conv2d_sh="2", conv2d_dilation="2")
    assert not at.exception
    assert "`dilation_rate`" in at.warning[0].value
    at = open_page(conv2d_kh="7", conv2d_dilation="3")
    assert not at.exception
    assert "`kernel_size`" in at.warning[0].value
    # The map's label says there is none, instead of ending in a bare "·".
    assert any(m.value == "**Feature map (output)** · none with these settings (see why below)" for m in at.markdown)


def test_tampered_url_parameters_are_ignored_with_a_notice(open_page):
    """Out-of-range, wrong-type and unknown parameters are dropped and reported; the page still renders."""
    at = open_page(conv2d_sh="0", conv2d_kh="abc", conv2d_kernel="nope", conv2d_stack="bogus", conv2d_zzz="1")
    assert not at.exception
    notice = " ".join(i.value for i in at.info)
    for dropped in ("conv2d_sh=0", "conv2d_kh=abc", "conv2d_kernel=nope", "conv2d_zzz=1"):
        assert dropped in notice
    assert metrics(at)["Feature map shape"] == "5×5"


def test_each_view_renders_only_its_own_figures(open_page):
    """The explanation is one chosen view (in the URL as conv2d_view): each renders without exception and sends
    only its own charts, not the others' (what st.tabs used to do)."""
    expected = {
        "cell": {"conv2d_receptive_chart", "conv2d_products_chart"},
        "steps": set(),  # a colour photo: one channel only, and too many cells (says so)
        "channels": {"conv2d_channel_kernels", "conv2d_channel_parts"},
        "flip": {"conv2d_flip_chart"},
        "stack": {"conv2d_stack_chart"},
    }
    everything = set().union(*expected.values())
    for view, keys_expected in expected.items():
        at = open_page(conv2d_source="photo", conv2d_color="rgb", conv2d_view=view)
        assert not at.exception, view
        keys = {c.id for c in charts(at)}
        shown = {k for k in everything if any(k in i for i in keys)}
        assert shown == keys_expected, (view, shown)


def test_settings_errors_are_explained_with_the_numbers(open_page):
    """Stride 2 with dilation 3, or a dilated kernel larger than the input, say why with this input's numbers and
    keep the input map on screen (no blank column)."""
    at = open_page(conv2d_sh="2", conv2d_dilation="3")
    message = at.warning[0].value
    assert "2×1" in message and "dilation rate 3" in message and "`dilation_rate`" in message
    assert len(charts(at)) == 1  # the input is still drawn
    at = open_page(conv2d_kh="7", conv2d_dilation="3")
    message = at.warning[0].value
    assert "7×3" in message and "19×7" in message and "7×7" in message, message


def test_unreadable_upload_says_it_is_the_file(open_page):
    """A file that is not an image is named as such, not as a bad combination of settings."""
    at = open_page(conv2d_source="upload")
    at.get("file_uploader")[0].set_value(("notes.png", b"this is not a picture", "image/png")).run()
    assert not at.exception
    message = " ".join(e.value for e in at.error)
    assert "notes.png" in message and "not a readable image" in message
    assert not any("work together" in w.value for w in at.warning)


def test_steps_view_plays_every_cell_with_the_cores_numbers(open_page):
    """The step-through figure (conv2d_view=steps) has one frame per output cell, opens on the picked cell and writes
    each cell's multiply-add as the core (= Keras) computes it; a photo's output is too big and says so."""
    at = open_page(conv2d_view="steps", conv2d_kernel="sobel_x", conv2d_padding="same", conv2d_row="1", conv2d_col="2")
    assert not at.exception
    chart = next(c for c in charts(at) if "conv2d_steps_chart" in c.id)
    spec = chart.spec
    out = conv2d(GRIDS["digit_7"], KERNELS["sobel_x"], padding="same")
    frames = [f for f in spec["frames"] if f["name"] != "~"]
    assert len(frames) == out.size == 49
    assert spec["layout"]["sliders"][0]["active"] == 1 * 7 + 2
    for j in (0, 9, 48):
        r, c = divmod(j, 7)
        cell = explain_conv2d_cell(GRIDS["digit_7"], KERNELS["sobel_x"], r, c, padding="same")
        assert cell.value == pytest.approx(out[r, c])
        assert f"y[{r}, {c}] = {cell.expression(0)}" in frames[j]["layout"]["title"]["text"].replace("<br>", " ")
    at = open_page(conv2d_view="steps", conv2d_source="photo")
    assert not at.exception
    assert any("too many" in i.value for i in at.info)


@pytest.mark.parametrize(
    ("params", "what", "sides"),
    [
        ({}, "padding", [('padding="valid"', {}), ('padding="same"', {"padding": "same"})]),
        ({"conv2d_padding": "same"}, "padding", [('padding="same"', {"padding": "same"}), ('padding="valid"', {})]),
        ({}, "strides", [("strides=(1, 1)", {}), ("strides=(2, 2)", {"strides": 2})]),
        ({"conv2d_sh": "3"}, "strides", [("strides=(3, 1)", {"strides": (3, 1)}), ("strides=(1, 1)", {})]),
    ],
)
def test_compare_with_shows_both_settings_and_their_shapes(open_page, params, what, sides):
    """ "Compare with" draws the feature map of a second setting beside the first (the other padding, stride 1 ↔ 2),
    each labelled with its setting and the shape the core's conv2d (= Keras) gives."""
    at = open_page(conv2d_compare="true", conv2d_compare_what=what, **params)
    assert not at.exception
    labels = [m.value for m in at.markdown if "Feature map (output) ·" in m.value]
    for name, settings in sides:
        shape = conv2d(GRIDS["digit_7"], KERNELS["identity"], **settings).shape
        assert any(name in label and label.endswith("×".join(map(str, shape))) for label in labels), labels
    assert sum("conv2d_compare_chart" in c.id for c in charts(at)) == 2


def test_compare_is_off_by_default(open_page):
    """Without the toggle no second map is drawn."""
    at = open_page()
    assert not any("conv2d_compare_chart" in c.id for c in charts(at))


def _feature_map(at) -> np.ndarray:
    """The values the output chart draws (its heatmap's z, decoded from plotly.py's typed-array form)."""
    z = next(tr for tr in chart(at, "conv2d_output_chart").spec["data"] if tr.get("type") == "heatmap")["z"]
    if isinstance(z, dict):
        shape = [int(n) for n in str(z.get("shape", "-1")).split(",")]
        return np.frombuffer(base64.b64decode(z["bdata"]), dtype=z["dtype"]).reshape(shape)
    return np.asarray(z, float)


def test_edits_are_kept_while_the_editor_is_closed(open_page):
    """The grid and kernel editors are built only when their expander is opened; an edit changes the feature map to
    what the core computes and stays, in the map and in the closed kernel's table, after the expander is closed; it
    is the editor's starting point when opened again."""
    at = open_page()
    assert not at.data_editor  # both closed: nothing of the editors' grid on the first paint
    assert at.table[0].value.astype(float).to_numpy().tolist() == KERNELS["identity"].tolist()
    kernel_key = "conv2d_kernel_editor_identity_3_3"
    at.session_state[f"{kernel_key}_open"] = True  # as the click on its label does
    at.run()
    assert [e.key for e in at.data_editor] == [kernel_key]
    at.session_state[kernel_key] = {"edited_rows": {0: {"0": 2.0}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception
    kernel = KERNELS["identity"].astype(float)
    kernel[0, 0] = 2.0
    expected = conv2d(GRIDS["digit_7"], kernel)
    np.testing.assert_allclose(_feature_map(at).reshape(expected.shape), expected)
    at.session_state[f"{kernel_key}_open"] = False
    at.run()
    assert not at.exception and not at.data_editor
    assert at.table[0].value.astype(float).to_numpy().tolist() == kernel.tolist()
    np.testing.assert_allclose(_feature_map(at).reshape(expected.shape), expected)
    at.session_state[f"{kernel_key}_open"] = True
    at.run()
    assert at.data_editor[0].value.to_numpy().tolist() == kernel.tolist()
