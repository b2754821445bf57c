"""1-D convolution: slide a kernel along a signal, convolution vs correlation, full / same / valid."""

from __future__ import annotations

import numpy as np
import streamlit as st

from playground.convolution import MODES, PRESETS_1D, conv1d, conv1d_steps, parse_numbers, scipy_reference
from playground.figures.convolution import conv1d_compare_figure, conv1d_step_figure
from ui.charts import plotly_chart, shown_frame
from ui.i18n import t
from ui.links import CONV1D_OWN_NUMBERS
from ui.page import header, show_code, stop_with
from ui.state import choice, ranged_slider

OPERATIONS = {"convolve": True, "correlate": False}  # id → flip the kernel?


def _numbers(values) -> str:
    return ", ".join(f"{v:.4g}" for v in values)


CUSTOM = CONV1D_OWN_NUMBERS  # the picker's entry for numbers typed by hand (matching no example)


def _typed(key: str, default: str) -> str:
    """The text of box `key` as this run will show it: its state, else the link's value, else the default."""
    value = st.session_state.get(key, st.query_params.get(key, default))
    return value if isinstance(value, str) else default


def _same(typed: np.ndarray, example) -> bool:
    """The typed numbers are the example's, to the 4 significant digits the boxes show (1/3 is "0.3333")."""
    example = np.asarray(example, dtype=float)
    return typed.shape == example.shape and bool(np.allclose(typed, example, rtol=1e-3, atol=1e-12))


def _matching_preset(signal_text: str, kernel_text: str) -> str:
    """The example whose numbers the two boxes hold (however they are spaced), else CUSTOM."""
    try:
        signal, kernel = parse_numbers(signal_text, argument="signal"), parse_numbers(kernel_text, argument="kernel")
    except ValueError:
        return CUSTOM
    for name, (s, k) in PRESETS_1D.items():
        if _same(signal, s) and _same(kernel, k):
            return name
    return CUSTOM


def _fill_boxes(example: str) -> None:
    """Put the numbers of `example` (a PRESETS_1D name) into the signal and kernel boxes."""
    signal, kernel = PRESETS_1D[example]
    st.session_state["conv1d_signal"] = _numbers(signal)
    st.session_state["conv1d_kernel"] = _numbers(kernel)


def _load_preset() -> None:
    if st.session_state["conv1d_preset"] != CUSTOM:  # "your own numbers": keep what was typed
        _fill_boxes(st.session_state["conv1d_preset"])


def _move_step(delta: int, last: int) -> None:
    st.session_state["conv1d_step"] = int(np.clip(st.session_state.get("conv1d_step", 0) + delta, 0, last))


def _follow_figure(last: int) -> None:
    """The step where the figure's own playback stopped (its end, Pause, its slider) becomes the page's step, so
    Back / Next and the step slider count from the step on screen."""
    frame = shown_frame("conv1d_step_chart")
    if frame is not None and frame.isdigit():
        st.session_state["conv1d_step"] = min(int(frame), last)


CHART_CONFIG = {"displayModeBar": False}  # the toolbar would cover the title; nothing here needs zooming


@st.fragment
def step_through(steps: list, labels: dict) -> None:
    """Back / Next / the step slider rerun only this block (one figure). Play and Pause live inside the figure:
    its frames hold every step, so playback runs in the browser and the figure's title always names the step shown;
    where playback stops, the page's step follows (one rerun of this block)."""
    last = len(steps) - 1
    st.subheader(t("conv1d.steps_heading"))
    back, forward, pick = st.columns([1, 1, 3], vertical_alignment="bottom")
    back.button(t("conv1d.back"), on_click=_move_step, args=(-1, last), icon=":material/chevron_left:", width="stretch")
    forward.button(
        t("conv1d.next"), on_click=_move_step, args=(1, last), icon=":material/chevron_right:", width="stretch"
    )
    with pick:  # the step's range follows the signal and kernel, so it is not a bound widget (ui.state)
        step = ranged_slider(t("conv1d.step"), 0, last, 0, key="conv1d_step", help=t("conv1d.step_help"))
    plotly_chart(
        conv1d_step_figure(
            steps,
            step,
            titles=[t("conv1d.step_title", step=j, last=last) for j in range(last + 1)],
            play_label=t("conv1d.play"),
            pause_label=t("conv1d.pause"),
            **labels,
        ),
        width="stretch",
        key="conv1d_step_chart",
        config=CHART_CONFIG,
        on_frame=lambda: _follow_figure(last),
    )
    st.caption(t("conv1d.padding_note"))


header("conv1d")
controls, view = st.columns([1, 2.4], gap="large")

with controls:
    default_signal, default_kernel = PRESETS_1D["notes"]
    linked = st.query_params.get("conv1d_preset")
    if (
        "conv1d_preset" not in st.session_state
        and linked in PRESETS_1D
        and not ({"conv1d_signal", "conv1d_kernel"} & set(st.query_params))
    ):  # a link naming only an example opens on that example's numbers
        _fill_boxes(linked)
    # The picker names the example the boxes hold, or "your own numbers" once they are edited by hand.
    shown = _matching_preset(
        _typed("conv1d_signal", _numbers(default_signal)), _typed("conv1d_kernel", _numbers(default_kernel))
    )
    if st.session_state.get("conv1d_preset") != shown:
        st.session_state["conv1d_preset"] = shown
    choice(
        st.selectbox,
        t("conv1d.preset"),
        [*PRESETS_1D, CUSTOM],
        key="conv1d_preset",
        format_func=lambda p: t(f"conv1d.preset_{p}"),
        on_change=_load_preset,
        help=t("conv1d.preset_help"),
    )
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

try:  # a typo in one of the two boxes is said as such, not as settings that do not work together
    signal = parse_numbers(signal_text, argument="signal")
    kernel = parse_numbers(kernel_text, argument="kernel")
except ValueError as err:
    with view:
        stop_with(err, what="common.typed_numbers")
try:
    flip = OPERATIONS[operation]
    steps = conv1d_steps(signal, kernel, mode, flip)
    convolved = conv1d(signal, kernel, mode, flip=True)
    correlated = conv1d(signal, kernel, mode, flip=False)
    reference = scipy_reference(signal, kernel, mode, flip)
except ValueError as err:
    with view:
        stop_with(err)

labels = dict(
    signal_label=t("conv1d.fig_signal"),
    kernel_label=t("conv1d.fig_kernel_flipped") if flip else t("conv1d.fig_kernel"),
    products_label=t("conv1d.fig_products"),
    output_label=t("conv1d.fig_output"),
    x_title=t("conv1d.fig_signal_index"),
    output_x_title=t("conv1d.fig_output_index"),
)

with view:
    step_through(steps, labels)

    st.subheader(t("conv1d.compare_title"))
    st.markdown(t("conv1d.compare_intro"))
    plotly_chart(
        conv1d_compare_figure(
            kernel,
            {t("conv1d.op_convolve"): convolved, t("conv1d.op_correlate"): correlated},
            kernel_titles=(t("conv1d.fig_kernel_flipped"), t("conv1d.fig_kernel")),
            tap_title=t("conv1d.fig_tap"),
            x_title=t("conv1d.fig_output_index"),
            y_title=t("conv1d.fig_value"),
        ),
        width="stretch",
        key="conv1d_both",
        config=CHART_CONFIG,
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
        f'# correlate(x, k, mode="{mode}") == convolve(x, np.flip(k), mode="{mode}")',
        key="conv1d_code",
    )
