"""1-D convolution: slide a kernel along a signal, convolution vs correlation, full / same / valid."""

from __future__ import annotations

import time

import numpy as np
import streamlit as st

from playground.convolution import MODES, PRESETS_1D, conv1d, conv1d_steps, parse_numbers, scipy_reference
from playground.figures.convolution import conv1d_outputs_figure, conv1d_step_figure, tape
from ui.i18n import t
from ui.page import header, show_code, stop_with
from ui.state import choice, ranged_slider

OPERATIONS = {"convolve": True, "correlate": False}  # id → flip the kernel?


def _numbers(values) -> str:
    return ", ".join(f"{v:.4g}" for v in values)


def _load_preset() -> None:
    signal, kernel = PRESETS_1D[st.session_state["conv1d_preset"]]
    st.session_state["conv1d_signal"] = _numbers(signal)
    st.session_state["conv1d_kernel"] = _numbers(kernel)


def _move_step(delta: int, last: int) -> None:
    st.session_state["conv1d_step"] = int(np.clip(st.session_state.get("conv1d_step", 0) + delta, 0, last))


header("conv1d")
controls, view = st.columns([1, 2.4], gap="large")

with controls:
    choice(
        st.selectbox,
        t("conv1d.preset"),
        list(PRESETS_1D),
        key="conv1d_preset",
        format_func=lambda p: t(f"conv1d.preset_{p}"),
        on_change=_load_preset,
        help=t("conv1d.preset_help"),
    )
    default_signal, default_kernel = PRESETS_1D["notes"]
    signal_text = st.text_input(
        t("conv1d.signal"),
        _numbers(default_signal),
        key="conv1d_signal",
        bind="query-params",
        help=t("conv1d.numbers_help"),
    )
    kernel_text = st.text_input(
        t("conv1d.kernel"),
        _numbers(default_kernel),
        key="conv1d_kernel",
        bind="query-params",
        help=t("conv1d.numbers_help"),
    )
    mode = (
        st.segmented_control(
            t("conv1d.mode"),
            MODES,
            default="full",
            required=True,
            key="conv1d_mode",
            bind="query-params",
            help=t("conv1d.mode_help"),
        )
        or "full"
    )
    operation = choice(
        st.radio,
        t("conv1d.operation"),
        list(OPERATIONS),
        key="conv1d_op",
        format_func=lambda o: t(f"conv1d.op_{o}"),
        help=t("conv1d.operation_help"),
    )

try:
    signal = parse_numbers(signal_text, argument="signal")
    kernel = parse_numbers(kernel_text, argument="kernel")
    flip = OPERATIONS[operation]
    steps = conv1d_steps(signal, kernel, mode, flip)
    convolved = conv1d(signal, kernel, mode, flip=True)
    correlated = conv1d(signal, kernel, mode, flip=False)
    reference = scipy_reference(signal, kernel, mode, flip)
except ValueError as err:
    with view:
        stop_with(err)

last = len(steps) - 1
with controls:  # the step's range follows the signal and kernel, so it is not a bound widget (ui.state)
    step = ranged_slider(t("conv1d.step"), 0, last, 0, key="conv1d_step", help=t("conv1d.step_help"))

labels = dict(
    signal_label=t("conv1d.fig_signal"),
    kernel_label=t("conv1d.fig_kernel_flipped") if flip else t("conv1d.fig_kernel"),
    products_label=t("conv1d.fig_products"),
    output_label=t("conv1d.fig_output"),
    x_title=t("conv1d.fig_signal_index"),
    output_x_title=t("conv1d.fig_output_index"),
)

with view:
    heading, back, forward, play = st.columns([3, 1, 1, 1], vertical_alignment="bottom")
    heading.subheader(t("conv1d.step_title", step=step, last=last))
    back.button(t("conv1d.back"), on_click=_move_step, args=(-1, last), icon=":material/chevron_left:", width="stretch")
    forward.button(
        t("conv1d.next"), on_click=_move_step, args=(1, last), icon=":material/chevron_right:", width="stretch"
    )
    playing = play.button(t("conv1d.play"), icon=":material/play_arrow:", width="stretch", key="conv1d_play")
    step_chart = st.empty()
    step_text = st.empty()

    def draw(i: int) -> None:
        step_chart.plotly_chart(conv1d_step_figure(steps, i, **labels), width="stretch", key=f"conv1d_step_chart_{i}")
        step_text.markdown(t("conv1d.step_sum", j=i, expression=steps[i].expression()))

    if playing:
        for i in range(len(steps)):
            draw(i)
            time.sleep(0.5)
    else:
        draw(step)
    st.caption(t("conv1d.padding_note"))

    st.subheader(t("conv1d.compare_title"))
    left, right = st.columns(2)
    with left:
        st.markdown(t("conv1d.convolve_head"))
        st.plotly_chart(
            tape(kernel[::-1], title=t("conv1d.fig_kernel_flipped"), x_title=t("conv1d.fig_tap")),
            width="stretch",
            key="conv1d_flipped",
        )
        st.plotly_chart(
            tape(convolved, title=t("conv1d.fig_output"), x_title=t("conv1d.fig_output_index")),
            width="stretch",
            key="conv1d_conv_out",
        )
    with right:
        st.markdown(t("conv1d.correlate_head"))
        st.plotly_chart(
            tape(kernel, title=t("conv1d.fig_kernel"), x_title=t("conv1d.fig_tap")),
            width="stretch",
            key="conv1d_kernel_tape",
        )
        st.plotly_chart(
            tape(correlated, title=t("conv1d.fig_output"), x_title=t("conv1d.fig_output_index")),
            width="stretch",
            key="conv1d_corr_out",
        )
    st.plotly_chart(
        conv1d_outputs_figure(
            {t("conv1d.op_convolve"): convolved, t("conv1d.op_correlate"): correlated},
            x_title=t("conv1d.fig_output_index"),
            y_title=t("conv1d.fig_value"),
        ),
        width="stretch",
        key="conv1d_both",
    )
    if np.allclose(kernel, kernel[::-1]):
        st.info(t("conv1d.symmetric"), icon=":material/info:")
    st.metric(t("conv1d.output_length"), len(steps), help=t(f"conv1d.length_{mode}"))

    function = "convolve" if flip else "correlate"
    if np.allclose(reference, [s.value for s in steps]):
        st.success(t("conv1d.matches", function=function), icon=":material/check_circle:")
    show_code(
        "import numpy as np\n"
        "from scipy.signal import convolve, correlate\n\n"
        f"x = np.array([{_numbers(signal)}])\n"
        f"k = np.array([{_numbers(kernel)}])\n"
        f'convolve(x, k, mode="{mode}")   # {_numbers(convolved)}\n'
        f'correlate(x, k, mode="{mode}")  # {_numbers(correlated)}\n'
        f'# correlate(x, k, mode="{mode}") == convolve(x, np.flip(k), mode="{mode}")'
    )
