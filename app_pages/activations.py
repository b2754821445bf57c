"""Activations: functions and derivatives, the vanishing gradient, softmax with temperature, the perceptron.

One section is shown at a time, picked above them, and only that one is built (each costs the first paint of the
page ~0.15-0.3 s in the browser). Each is a fragment: a control reruns only its section. The chosen functions and
leaky ReLU's slope are drawn in every section that uses them and keep their value between sections; every setting
of every section stays in the page's link (ui.state.linked_slider).
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from playground import activations as A
from playground.convolution import parse_numbers
from playground.figures.blocks import curves_figure, gradient_depth_figure, softmax_figure
from ui.charts import plotly_chart
from ui.i18n import say, t
from ui.page import header, one_section, show_code
from ui.state import choice, choices, linked_slider, linked_text

NAMES = list(A.ACTIVATIONS)


def _kwargs(name: str, slope: float) -> dict:
    return {"negative_slope": slope} if name == "leaky_relu" else {}


def _label(name: str) -> str:
    return t(f"activations.name_{name}")


def _chosen() -> list[str]:
    """The functions to compare (chips; kept while another section is shown), in the order of NAMES."""
    chosen = choices(  # every function visible as a chip (a multiselect clipped them in a narrow column)
        st.pills,
        t("activations.chosen"),
        NAMES,
        key="activations_chosen",
        default=["sigmoid", "tanh", "relu"],
        selection_mode="multi",
        wrap=True,  # in a column Streamlit would keep one row and scroll it sideways
        help=t("activations.chosen_help"),
        persist_state="session",
    )
    return [n for n in NAMES if n in chosen]


def _slope() -> float:
    """Leaky ReLU's slope α (one value for every section that draws leaky ReLU)."""
    return linked_slider(
        t("activations.slope"),
        0.0,
        0.5,
        0.2,
        0.01,
        key="activations_slope",
        help=t("activations.slope_help", function=f"{A.LEAKY_RELU_SLOPE:g}", layer=f"{A.LEAKY_RELU_LAYER_SLOPE:g}"),
    )


# 1. Function and derivative -------------------------------------------------------------------------------
@st.fragment
def curves() -> None:
    """The chosen functions' formulas, curves and derivatives over the input range."""
    controls, view = st.columns([1, 2.4], gap="large")
    with controls:
        chosen = _chosen()
        slope = _slope()
        for name in chosen:
            st.latex(A.get(name).formula.replace(r"\alpha", f"{slope:g}"))
        x_max = linked_slider(t("activations.x_max"), 1.0, 12.0, 6.0, 0.5, key="activations_x_max")
    with view:
        if not chosen:
            st.info(t("activations.none_chosen"), icon=":material/info:")
        else:
            x = np.linspace(-x_max, x_max, 201)  # odd: z = 0 (ReLU's kink) is a sample
            values = {_label(n): A.get(n).function(x, **_kwargs(n, slope)) for n in chosen}
            slopes = {_label(n): A.get(n).derivative(x, **_kwargs(n, slope)) for n in chosen}
            left, right = st.columns(2)
            with left:
                fig = curves_figure(x, values, title=t("activations.function_title"), x_title="z", y_title="f(z)")
                plotly_chart(fig, key="activations_functions_chart")
            with right:
                fig = curves_figure(x, slopes, title=t("activations.derivative_title"), x_title="z", y_title="f′(z)")
                plotly_chart(fig, key="activations_derivatives_chart")
        st.markdown(t("activations.curves_explain"))
    show_code(
        "import keras\n"
        + "\n".join(
            f"keras.activations.{n}(x{', negative_slope=' + format(slope, 'g') if n == 'leaky_relu' else ''})"
            for n in (chosen or NAMES)
        ),
        key="activations_code",
    )


# 2. Vanishing gradient --------------------------------------------------------------------------------------
@st.fragment
def vanishing() -> None:
    """|∂a_k/∂a_0| through k layers of each chosen function (all of them when none is chosen)."""
    controls, view = st.columns([1, 2.4], gap="large")
    with controls:
        shown = _chosen() or NAMES
        slope = _slope() if "leaky_relu" in shown else A.LEAKY_RELU_SLOPE
        depth = linked_slider(t("activations.depth"), 1, 40, 10, key="activations_depth")
        weight = linked_slider(
            t("activations.weight"), 0.1, 4.0, 1.0, 0.1, key="activations_weight", help=t("activations.weight_help")
        )
        x0 = linked_slider(t("activations.x0"), -3.0, 3.0, 0.5, 0.1, key="activations_x0")
    with view:
        gradients = {_label(n): A.chain_gradient(n, x0, depth, weight=weight, **_kwargs(n, slope))[1] for n in shown}
        st.markdown(f"**{t('activations.vanishing_title')}**")  # as text: a long title wraps on a phone
        plotly_chart(
            gradient_depth_figure(
                gradients,
                title=None,
                x_title=t("activations.layer"),
                y_title="|∂a_k / ∂a_0|",
            ),
            key="activations_vanishing_chart",
        )
        metrics = st.columns(len(gradients))
        for column, (label, g) in zip(metrics, gradients.items(), strict=True):
            column.metric(t("activations.after_layers", label=label, depth=depth), f"{abs(g[-1]):.2e}")
        st.markdown(t("activations.vanishing_explain", depth=depth, bound=f"{0.25**depth:.1e}"))


# 3. Softmax -------------------------------------------------------------------------------------------------
@st.fragment
def softmax_section() -> None:
    controls, view = st.columns([1, 2.4], gap="large")
    with controls:
        logits_text = linked_text(
            t("activations.logits"), "2.0, 1.0, 0.1, -1.0", key="activations_logits", help=t("activations.logits_help")
        )
        temperature = linked_slider(
            t("activations.temperature"),
            0.1,
            5.0,
            1.0,
            0.1,
            key="activations_temperature",
            help=t("activations.temperature_help"),
        )
    with view:
        try:
            logits = parse_numbers(logits_text, argument="logits", max_length=10)
        except ValueError as err:  # a typo in the one box: said as such
            st.warning(t("common.typed_numbers", message=say(err)), icon=":material/error:")
            return  # only this section stops; the rest of the page stays
        try:
            probabilities = A.softmax(logits, temperature=temperature)
        except ValueError as err:
            st.warning(t("common.invalid", message=say(err)), icon=":material/error:")
            return
        classes = [t("activations.class_n", n=i) for i in range(logits.size)]
        reference = A.softmax(logits) if temperature != 1.0 else None
        title = (
            t("activations.softmax_title", temperature=f"{temperature:g}")
            if reference is not None
            else t("activations.softmax_title_plain")
        )
        st.markdown(f"**{title}**")
        plotly_chart(
            softmax_figure(
                classes,
                probabilities,
                logits,
                title=None,
                x_title=t("activations.class"),
                y_title=t("activations.probability"),
                reference=reference,
            ),
            key="activations_softmax_chart",
        )
        st.table(  # a four-row table: st.dataframe's grid would add a 0.5 MB chunk to the page's first paint
            {
                t("activations.class"): classes,
                t("activations.logit"): logits,
                t("activations.scaled_logit", temperature=f"{temperature:g}"): logits / temperature,
                t("activations.probability"): probabilities,
            },
            border="horizontal",
            hide_index=True,
        )
        st.markdown(t("activations.softmax_explain", total=f"{probabilities.sum():.6f}"))
    show_code(
        "import keras\n"
        f"keras.activations.softmax(logits / {temperature:g})  # = {np.array2string(probabilities, precision=4)}",
        key="activations_softmax_code",
    )


# 4. Perceptron ----------------------------------------------------------------------------------------------
@st.fragment
def perceptron() -> None:
    """One neuron: a = f(w₁x₁ + w₂x₂ + b), with the point (z, a) on f's curve."""
    st.markdown(t("activations.perceptron_intro"))
    controls, view = st.columns([1, 2.4], gap="large")
    with controls:
        neuron = choice(
            st.selectbox, t("activations.neuron_activation"), NAMES, key="activations_neuron", persist_state="session"
        )
        slope = _slope() if neuron == "leaky_relu" else A.LEAKY_RELU_SLOPE  # α matters to leaky ReLU only
        a, b = st.columns(2)
        with a:
            x1 = linked_slider("x₁", -3.0, 3.0, 1.0, 0.1, key="activations_x1")
            w1 = linked_slider("w₁", -3.0, 3.0, 0.8, 0.1, key="activations_w1")
        with b:
            x2 = linked_slider("x₂", -3.0, 3.0, -0.5, 0.1, key="activations_x2")
            w2 = linked_slider("w₂", -3.0, 3.0, 1.2, 0.1, key="activations_w2")
        bias = linked_slider(
            t("activations.bias"), -5.0, 5.0, 0.5, 0.1, key="activations_bias", help=t("activations.bias_help")
        )
    with view:
        z, out = A.perceptron([x1, x2], [w1, w2], bias, neuron, **_kwargs(neuron, slope))
        latex_name = neuron.replace("_", r"\_")
        st.latex(rf"z = w_1x_1 + w_2x_2 + b = ({w1:g})({x1:g}) + ({w2:g})({x2:g}) + ({bias:g}) = {z:.4g}")
        st.latex(rf"a = \mathrm{{{latex_name}}}(z) = {out:.4g}")
        m1, m2 = st.columns(2)
        m1.metric(t("activations.weighted_sum"), f"{z:.4f}")
        m2.metric(t("activations.output"), f"{out:.4f}")
        span = max(6.0, abs(z) + 1.0)
        x = np.linspace(-span, span, 201)
        fig = curves_figure(
            x,
            {_label(neuron): A.get(neuron).function(x, **_kwargs(neuron, slope))},
            title=t("activations.neuron_title"),
            x_title="z",
            y_title="a = f(z)",
            point=(z, out, f"(z, a) = ({z:.2f}, {out:.2f})"),
            height=300,
        )
        plotly_chart(fig, key="activations_neuron_chart")
    show_code(
        f"import keras\n# {t('code.activations_perceptron', kernel=f'[[{w1:g}], [{w2:g}]]', bias=f'[{bias:g}]')}"
        + (
            f"\nneuron = keras.Sequential([keras.layers.Dense(1), keras.layers.LeakyReLU(negative_slope={slope:g})])"
            if neuron == "leaky_relu" and slope != A.LEAKY_RELU_SLOPE
            else f'\nneuron = keras.layers.Dense(1, activation="{neuron}")'
        ),
        key="activations_neuron_code",
    )


# The page: one section at a time (building all four made the page's first paint ~0.5 s slower: bench/NOTES.md) -----
SECTIONS = {
    "curves": ("activations.curves_heading", curves),
    "vanishing": ("activations.vanishing_heading", vanishing),
    "softmax": ("activations.softmax_heading", softmax_section),
    "perceptron": ("activations.perceptron_heading", perceptron),
}

header("activations")
one_section("activations", SECTIONS)
