"""The 1-D convolution page, run inside the frame with AppTest."""

from __future__ import annotations

import numpy as np

from playground.convolution import PRESETS_1D, conv1d, conv1d_steps
from playground.figures.convolution import conv1d_step_figure
from tests.helpers import charts, codes, link_fixture

SCRIPT = "app_pages/conv1d.py"


open_page = link_fixture(SCRIPT)


def step_chart(at) -> dict:
    """The step-through figure as sent to the browser (data, layout, frames)."""
    chart = next(c for c in charts(at) if "conv1d_step_chart" in c.id)
    return chart.spec


def shown_title(at) -> str:
    """The title the step-through figure opens with: "Step j of n" and the step's multiply-add."""
    return step_chart(at)["layout"]["title"]["text"]


def test_smoke_course_notes_example(open_page):
    """The default view renders without exception and shows the notes' example: y[0] = 1 for [1,2,3,4]*[1,2]."""
    at = open_page()
    assert not at.exception
    assert at.title[0].value == "1-D convolution"
    assert "Step 0 of 4" in shown_title(at) and "y[0] = 0·2 + 1·1 = 1" in shown_title(at)
    assert len(charts(at)) == 2  # one figure per question: the steps, convolve vs correlate
    assert at.metric[0].value == "5"
    assert any("scipy.signal.convolve" in s.value for s in at.success)
    code = codes(at)[0].value
    assert 'convolve(x, k, mode="full")   # 1, 4, 7, 10, 8' in code
    assert 'correlate(x, k, mode="full")  # 2, 5, 8, 11, 4' in code


def test_step_slider_and_mode_show_the_cores_numbers(open_page):
    """Setting kernel, mode, operation and step shows the step's sum and the output length the core computes."""
    at = open_page()
    at.text_input(key="conv1d_signal").set_value("3, -1, 4, 1, 5, 9").run()
    at.text_input(key="conv1d_kernel").set_value("2, 0, -1").run()
    at.segmented_control(key="conv1d_mode").set_value("same").run()
    at.radio(key="conv1d_op").set_value("correlate").run()
    at.slider(key="conv1d_step").set_value(2).run()
    assert not at.exception
    x, k = [3, -1, 4, 1, 5, 9], [2, 0, -1]
    step = conv1d_steps(x, k, "same", flip=False)[2]
    assert step.value == conv1d(x, k, "same", flip=False)[2]
    assert f"y[2] = {step.expression()}" in shown_title(at).replace("<br>", " ")
    assert at.metric[0].value == str(len(x))
    assert any("scipy.signal.correlate" in s.value for s in at.success)
    assert at.query_params["conv1d_op"] == "correlate"


def test_next_button_and_preset(open_page):
    """The Next button moves one step; choosing a preset fills in its signal and kernel."""
    at = open_page()
    at.button[1].click().run()
    assert at.slider(key="conv1d_step").value == 1
    assert "Step 1 of 4" in shown_title(at) and "y[1] = 1·2 + 2·1 = 4" in shown_title(at)
    at.button[0].click().run()
    assert "Step 0 of 4" in shown_title(at)
    at.button[1].click().run()
    at.selectbox(key="conv1d_preset").set_value("difference").run()
    assert at.text_input(key="conv1d_kernel").value == "1, -1"
    assert at.slider(key="conv1d_step").value == 1  # the step is kept when it still fits
    expected = conv1d([0, 0, 0, 1, 1, 1, 1, 0, 0, 0], [1, -1])
    assert at.metric[0].value == str(expected.size)


def test_korean(open_page):
    """?lang=ko renders the page in Korean without exception."""
    at = open_page(lang="ko")
    assert not at.exception
    assert at.title[0].value == "1차원 합성곱"
    assert any("합성곱" in m.value for m in at.markdown)


def test_junk_and_invalid_combination_show_a_friendly_warning(open_page):
    """Junk numbers or a kernel longer than the signal in valid mode give the friendly warning, no exception: a typo
    is said as a typo in what was typed, an impossible combination as settings that do not work together."""
    at = open_page(conv1d_kernel="1, two")
    assert not at.exception
    assert "`kernel`" in at.warning[0].value
    assert at.warning[0].value.startswith("Check the numbers you typed:")
    at = open_page(conv1d_signal="1, 2", conv1d_kernel="1, 2, 3", conv1d_mode="valid")
    assert not at.exception
    assert "valid" in at.warning[0].value and "`kernel`" in at.warning[0].value
    assert at.warning[0].value.startswith("These settings don't work together:")


def test_tampered_url_parameters_are_ignored_with_a_notice(open_page):
    """Out-of-range, wrong-type and unknown URL parameters are dropped and reported; the page still renders."""
    at = open_page(conv1d_step="99", conv1d_mode="circular", conv1d_op="flip", conv1d_bogus="1")
    assert not at.exception
    notice = " ".join(i.value for i in at.info)
    for dropped in ("conv1d_step=99", "conv1d_mode=circular", "conv1d_op=flip", "conv1d_bogus=1"):
        assert dropped in notice
    assert at.metric[0].value == str(np.size(conv1d([1, 2, 3, 4], [1, 2])))


def test_the_step_figure_plays_every_step_in_the_browser(open_page):
    """The figure holds one frame per output value (title, window and products of that step), a Play and a Pause
    button and a slider over the frames, and opens on the page's step."""
    at = open_page(conv1d_step="2")
    spec = step_chart(at)
    steps = conv1d_steps([1, 2, 3, 4], [1, 2])
    assert [f["name"] for f in spec["frames"]] == [str(j) for j in range(len(steps))]
    for j, frame in enumerate(spec["frames"]):
        assert f"Step {j} of 4" in frame["layout"]["title"]["text"]
        assert f"y[{j}] = {steps[j].expression()}" in frame["layout"]["title"]["text"]
    buttons = spec["layout"]["updatemenus"][0]["buttons"]
    assert [b["label"] for b in buttons] == ["▶ Play", "❚❚ Pause"]
    assert buttons[0]["args"][1]["fromcurrent"] is True
    assert spec["layout"]["sliders"][0]["active"] == 2
    assert "Step 2 of 4" in shown_title(at)


def test_step_figure_frames_carry_the_cores_products():
    """Frame j's kernel row is the applied kernel and its products row the step's products, at its signal indices."""
    steps = conv1d_steps([3, -1, 4, 1, 5], [2, 0, -1], "same", flip=True)
    fig = conv1d_step_figure(steps, 0)
    for step, frame in zip(steps, fig.frames, strict=True):
        window = frame.data[0]
        np.testing.assert_array_equal(np.asarray(window.z), [step.weights, step.products])
        np.testing.assert_array_equal(window.x, step.input_indices)
        output_so_far = np.asarray(frame.data[2].z[0], dtype=float)
        filled = ~np.isnan(output_so_far)
        assert filled.sum() == step.position + 1
        np.testing.assert_allclose(output_so_far[filled], [s.value for s in steps[: step.position + 1]])


def test_the_example_picker_names_what_the_boxes_hold(open_page):
    """Editing the numbers by hand turns the example picker to "Your own numbers" (it no longer claims the course-notes
    example); typing an example's numbers back names it again; a link naming only an example opens on its numbers."""
    at = open_page()
    assert at.selectbox(key="conv1d_preset").value == "notes"
    at.text_input(key="conv1d_signal").set_value("1, 2, 3, 5").run()
    assert at.selectbox(key="conv1d_preset").value == "custom"
    assert at.text_input(key="conv1d_signal").value == "1, 2, 3, 5"  # what was typed is kept
    at.text_input(key="conv1d_signal").set_value("1 2 3 4").run()
    assert at.selectbox(key="conv1d_preset").value == "notes"
    at.selectbox(key="conv1d_preset").set_value("difference").run()
    signal, kernel = PRESETS_1D["difference"]
    assert at.text_input(key="conv1d_signal").value == ", ".join(f"{v:.4g}" for v in signal)
    assert at.selectbox(key="conv1d_preset").value == "difference"
    linked = open_page(conv1d_preset="moving_average")
    assert not linked.exception and not any("ignored" in i.value for i in linked.info)  # nothing ignored
    assert linked.selectbox(key="conv1d_preset").value == "moving_average"
    expected = ", ".join(f"{v:.4g}" for v in PRESETS_1D["moving_average"][1])
    assert linked.text_input(key="conv1d_kernel").value == expected
