"""Optimizers: SGD, Momentum, Nesterov, AdaGrad, RMSProp and Adam racing on a loss surface, with their state; and
what the batch size does to stochastic gradient descent.

One section is shown at a time, picked above them, and only that one is built; each is a fragment, so a control
reruns only its section. A racer's hyper-parameters sit in an expander built only when opened (six optimizers' widgets
cost the page's first paint when all were built: bench/NOTES.md). Every setting of both sections, and of the closed
expanders, stays in the page's link and in the session (ui.state.linked_number, choice).
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from playground.figures.blocks import loss_figure, trajectory_figure
from playground.minibatch import (
    BATCH_SIZES,
    N_SAMPLES,
    least_squares,
    loss_grid,
    make_samples,
    minibatch_sgd,
    steps_per_epoch,
)
from playground.optimizers import HYPER_DEFAULTS, RACERS, keras_code, optimize_trace
from playground.surfaces import CONDITIONING_RANGE, SURFACES, get_surface
from ui.charts import plotly_chart
from ui.code_block import code_block
from ui.i18n import t
from ui.page import formula, header, one_section, stop_with
from ui.state import choice, choices, linked_number, linked_slider, ranged_slider

EPSILONS = ["1e-08", "1e-07", "1e-06", "1e-05", "1e-04", "1e-03", "1e-02", "1e-01", "1e+00"]  # ids, as in links
DEFAULT_RACERS = ["sgd", "momentum", "adagrad", "rmsprop", "adam"]
BOWL = SURFACES["bowl"]
BATCH_START = (-1.0, 2.5)  # (w, b) far from the line y = 2x − 1, so the paths have a way to go
BATCH_WINDOW = ((-1.5, 3.5), (-2.0, 3.0))  # (w range, b range) of the contour plot
# Each racer keeps its colour whichever others race (Okabe–Ito; the five default racers have no two alike: Nesterov,
# off by default, is Momentum's vermilion sibling)
RACER_COLOURS = {
    "sgd": "#0072B2",
    "momentum": "#E69F00",
    "nesterov": "#D55E00",
    "adagrad": "#009E73",
    "rmsprop": "#56B4E9",
    "adam": "#CC79A7",
}
BATCH_COLOURS = dict(zip(BATCH_SIZES, ("#0072B2", "#CC79A7", "#56B4E9", "#E69F00", "#D55E00", "#009E73"), strict=True))
GRID = 64  # contour resolution: smooth surfaces, a light chart (hover shows f at the nearest grid point)


@st.cache_data(show_spinner=False, max_entries=512)
def _trace(surface_name: str, conditioning: float | None, start: tuple, optimizer: str, lr: float, hyper: tuple, steps):
    """One optimizer's path and state for these settings (cached: moving another racer's setting reuses this one)."""
    surface = get_surface(surface_name, conditioning=conditioning)
    return optimize_trace(surface.grad_fn, start, optimizer=optimizer, learning_rate=lr, steps=steps, **dict(hyper))


@st.cache_data(show_spinner=False, max_entries=64)
def _batch_trace(batch_size: int, learning_rate: float, steps: int, seed: int):
    """Mini-batch SGD on the page's least-squares problem (the samples are fixed: seed 0)."""
    x, y = make_samples(N_SAMPLES)
    return minibatch_sgd(x, y, BATCH_START, batch_size=batch_size, learning_rate=learning_rate, steps=steps, seed=seed)


@st.cache_data(show_spinner=False, max_entries=1)
def _batch_grid():
    x, y = make_samples(N_SAMPLES)
    w, b = least_squares(x, y)
    return (*loss_grid(x, y, *BATCH_WINDOW, n=GRID), (w, b), float(np.mean((w * x + b - y) ** 2)))


@st.cache_data(show_spinner=False, max_entries=16)
def _grid(surface_name: str, conditioning: float | None):
    return get_surface(surface_name, conditioning=conditioning).grid(GRID)


def _suggest(surface_name: str) -> None:
    """Start point and learning rates that suit the surface (the learner can change them afterwards)."""
    surface = SURFACES[surface_name]
    st.session_state["optimizers_start_x"] = surface.start[0]
    st.session_state["optimizers_start_y"] = surface.start[1]
    for key, lr in surface.learning_rates.items():
        st.session_state[f"optimizers_{key}_learning_rate"] = lr


def _on_surface_change() -> None:
    _suggest(st.session_state["optimizers_surface"])


def _racer_label(key: str) -> str:
    return t(f"optimizers.racer_{key}")


def _vector(v) -> str:
    return f"({v[0]:.4g}, {v[1]:.4g})"


# name → (min, max, step, format) of the sliders and number input of a racer's hyper-parameters; the format shows
# every digit a step changes (Streamlit's default "%0.2f" showed beta_1 = 0.899 as 0.90)
HYPER_RANGES = {
    "momentum": (0.0, 0.99, 0.01, "%.2f"),
    "rho": (0.0, 0.999, 0.001, "%.3f"),
    "beta_1": (0.0, 0.999, 0.001, "%.3f"),
    "beta_2": (0.9, 0.9999, 0.0001, "%.4f"),
    "initial_accumulator_value": (0.0, 10.0, 0.05, "%.2f"),
}


def _hyper_widget(racer: str, name: str, default: float, *, shown: bool) -> float:
    """One hyper-parameter of `racer`, labelled with its Keras name; `shown`: its expander is open."""
    key = f"optimizers_{racer}_{name}"
    label, help_text = f"`{name}`", t(f"optimizers.help_{name}")
    if name == "epsilon":
        chosen = choice(
            st.select_slider,
            label,
            EPSILONS,
            key=key,
            default=f"{default:.0e}",
            shown=shown,
            help=help_text,
            persist_state="session",
        )
        return float(chosen)
    lo, hi, step, number_format = HYPER_RANGES[name]
    widget = st.number_input if name == "initial_accumulator_value" else st.slider
    return linked_number(
        widget, label, lo, hi, default, step, key=key, shown=shown, format=number_format, help=help_text
    )


def _racer_settings(key: str, surface_name: str) -> tuple[float, dict]:
    """`key`'s learning rate and hyper-parameters, drawn in its expander, which is built only when open. The
    expander's label shows the learning rate, so the closed ones can be compared at a glance."""
    racer = RACERS[key]

    def learning_rate(shown: bool) -> float:
        return linked_number(
            st.number_input,
            "`learning_rate`",
            1e-5,
            10.0,
            SURFACES[surface_name].learning_rates[key],  # a link naming only the surface gets its defaults
            0.001,
            key=f"optimizers_{key}_learning_rate",
            shown=shown,
            format="%.5g",
            help=t("optimizers.help_learning_rate"),
        )

    label = f"{_racer_label(key)} · lr = {learning_rate(shown=False):.5g}"
    box = st.expander(label, expanded=key == "sgd", key=f"optimizers_{key}_open", on_change="rerun")
    with box:
        lr = learning_rate(shown=box.open)
        hyper = dict(racer.hyper)
        for name in racer.tunable:
            default = hyper.get(name, HYPER_DEFAULTS[racer.optimizer][name])
            hyper[name] = _hyper_widget(key, name, default, shown=box.open)
    return lr, hyper


# 1. The race on a loss surface --------------------------------------------------------------------------------
@st.fragment
def race() -> None:
    """The chosen optimizers' paths on a surface, their loss, position and state at a step, and the Keras code."""
    controls, view = st.columns([1, 2.4], gap="large")
    with controls, st.container(border=True):
        surface_name = choice(
            st.selectbox,
            t("optimizers.surface"),
            list(SURFACES),
            key="optimizers_surface",
            format_func=lambda s: t(f"optimizers.surface_{s}"),
            on_change=_on_surface_change,
            persist_state="session",
        )
        conditioning = None
        if surface_name == "bowl":
            conditioning = linked_slider(
                t("optimizers.conditioning"),
                *CONDITIONING_RANGE,
                BOWL.params["conditioning"],
                1.0,
                key="optimizers_conditioning",
                help=t("optimizers.conditioning_help"),
            )
        chosen = choices(  # every racer visible as a chip; one click adds or removes it; ids in the URL
            st.pills,
            t("optimizers.racers"),
            list(RACERS),
            key="optimizers_racers",
            default=DEFAULT_RACERS,
            format_func=_racer_label,
            selection_mode="multi",
            wrap=True,  # in a column Streamlit would keep one row and scroll it sideways
            persist_state="session",
        )
        left, right = st.columns(2)
        start = SURFACES[surface_name].start
        with left:
            start_x = linked_number(
                st.number_input, t("optimizers.start_x"), -10.0, 10.0, start[0], 0.1, key="optimizers_start_x"
            )
        with right:
            start_y = linked_number(
                st.number_input, t("optimizers.start_y"), -10.0, 10.0, start[1], 0.1, key="optimizers_start_y"
            )
        steps = linked_slider(t("optimizers.steps"), 10, 500, 150, 10, key="optimizers_steps")
        step = ranged_slider(  # its range follows `steps`, so it is not a bound widget (see ui.state)
            t("optimizers.step"),
            0,
            steps,
            steps,
            key="optimizers_step",
            help=t("optimizers.step_help"),
            persist_state="session",
        )

        st.markdown(f"**{t('optimizers.hyper_heading')}**")
        st.button(
            t("optimizers.suggest"),
            key="optimizers_suggest",
            on_click=_suggest,
            args=(surface_name,),
            icon=":material/tune:",
            width="stretch",
            help=t("optimizers.suggest_help"),
        )
        # expanders, not tabs: six names do not fit a narrow column's tab strip
        settings = {key: _racer_settings(key, surface_name) for key in RACERS}

    with view:
        try:
            surface = get_surface(surface_name, conditioning=conditioning)
            traces = {}
            for key in chosen:
                lr, hyper = settings[key]
                hyper_items = tuple(sorted(hyper.items()))
                traces[key] = _trace(
                    surface_name, conditioning, (start_x, start_y), RACERS[key].optimizer, lr, hyper_items, steps
                )
        except ValueError as err:
            stop_with(err)

        formula(surface.formula.replace("κ", f"{conditioning:g}") if conditioning else surface.formula)
        if not chosen:
            st.info(t("optimizers.none_chosen"), icon=":material/info:")
        xs, ys, z = _grid(surface_name, conditioning)
        paths = {_racer_label(k): tr.path for k, tr in traces.items()}
        colours = {_racer_label(k): RACER_COLOURS[k] for k in traces}
        plotly_chart(
            trajectory_figure(
                xs,
                ys,
                z,
                paths,
                step=step,
                minima=surface.minima,
                loss_label=t("optimizers.loss"),
                minimum_label=t("optimizers.minimum"),
                step_label=t("optimizers.step_short"),
                colours=colours,
            ),
            key="optimizers_trajectory_chart",
        )
        st.caption(t("optimizers.trajectory_caption"))
        for key, tr in traces.items():
            if tr.diverged_at is not None:
                st.warning(
                    t("optimizers.diverged", name=_racer_label(key), step=tr.diverged_at), icon=":material/warning:"
                )

        if traces:
            st.markdown(f"**{t('optimizers.loss_title')}**")  # as text: a long title wraps on a phone
            plotly_chart(
                loss_figure(
                    {_racer_label(k): surface.excess_loss(tr.path) for k, tr in traces.items()},
                    step=step,
                    title=None,
                    x_title=t("optimizers.step_short"),
                    y_title="f − f_min",
                    colours=colours,
                ),
                key="optimizers_loss_chart",
            )
            rows = {
                t("optimizers.optimizer"): [_racer_label(k) for k in traces],
                t("optimizers.position"): [_vector(tr.path[step]) for tr in traces.values()],
                "f − f_min": [f"{float(surface.excess_loss(tr.path[step])):.3e}" for tr in traces.values()],
            }
            st.table(rows, border="horizontal", hide_index=True)

            st.subheader(t("optimizers.state_heading", step=step))
            state = {t("optimizers.optimizer"): [], t("optimizers.quantity"): [], "x": [], "y": []}
            for key, tr in traces.items():
                k = min(step, len(tr.gradients))  # state after `step` updates; gradient/step size of that update
                names, values = [], []
                if k > 0:
                    names += [t("optimizers.gradient"), t("optimizers.step_size")]
                    values += [tr.gradients[k - 1], tr.step_size[k - 1]]
                for slot, history in tr.state.items():
                    names.append(t(f"optimizers.slot_{RACERS[key].optimizer}_{slot}"))
                    values.append(history[step])
                state[t("optimizers.optimizer")] += [_racer_label(key)] * len(names)
                state[t("optimizers.quantity")] += names
                state["x"] += [f"{v[0]:.4g}" for v in values]
                state["y"] += [f"{v[1]:.4g}" for v in values]
            if state["x"]:
                st.table(state, border="horizontal", hide_index=True)
            st.markdown(
                "\n".join(
                    f"- **{_racer_label(k)}** — {t(f'optimizers.note_{k}')}"
                    + ("" if tr.state else f" *{t('optimizers.no_state')}*")
                    for k, tr in traces.items()
                )
            )

    code = ["import keras", ""]
    for key in chosen:
        lr, hyper = settings[key]
        code += [f"# {_racer_label(key)}", f"opt_{key} = {keras_code(RACERS[key].optimizer, lr, **hyper)}"]
    code += [
        "",
        f"# {t('code.optimizers_one_step', steps=steps, x=f'{start_x:g}', y=f'{start_y:g}')}",
        f"w = keras.Variable([{start_x:g}, {start_y:g}])",
        "opt.apply_gradients([(gradient_of_f_at(w), w)])",
    ]
    st.caption(t("common.equivalent_code"))
    code_block("\n".join(code), key="optimizers_code")


# 2. Batch size: SGD, mini-batch, full batch ------------------------------------------------------------------
@st.fragment
def batch() -> None:
    """Mini-batch SGD with several batch sizes on one least-squares problem: paths, loss, epochs, and `model.fit`."""
    st.subheader(t("optimizers.batch_heading"))
    st.markdown(t("optimizers.batch_intro", n=N_SAMPLES))
    batch_controls, batch_view = st.columns([1, 2.4], gap="large")
    with batch_controls, st.container(border=True):
        sizes = choices(
            st.pills,
            t("optimizers.batch_sizes", n=N_SAMPLES),
            BATCH_SIZES,
            key="optimizers_batch_sizes",
            default=[1, 32, N_SAMPLES],
            selection_mode="multi",
            wrap=True,
            persist_state="session",
        )
        batch_lr = linked_number(
            st.number_input,
            "`learning_rate`",
            0.001,
            0.9,
            0.05,
            0.01,
            key="optimizers_batch_learning_rate",
            format="%.3g",
            help=t("optimizers.help_learning_rate"),
        )
        batch_steps = linked_slider(t("optimizers.batch_steps"), 10, 500, 100, 10, key="optimizers_batch_steps")
        batch_seed = linked_number(
            st.number_input,
            t("optimizers.batch_seed"),
            0,
            9999,
            0,
            key="optimizers_batch_seed",
            help=t("optimizers.batch_seed_help"),
        )

    with batch_view:
        ws, bs, batch_z, best, best_loss = _batch_grid()
        batch_traces = {b: _batch_trace(b, batch_lr, batch_steps, int(batch_seed)) for b in sizes}
        if not sizes:
            st.info(t("optimizers.batch_none"), icon=":material/info:")
        labels = {b: t("optimizers.batch_label", size=b) for b in sizes}
        batch_colours = {labels[b]: BATCH_COLOURS[b] for b in sizes}
        plotly_chart(
            trajectory_figure(
                ws,
                bs,
                batch_z,
                {labels[b]: tr.path for b, tr in batch_traces.items()},
                step=batch_steps,
                minima=[best],
                x_title="w",
                y_title="b",
                loss_label=t("optimizers.loss"),
                minimum_label=t("optimizers.minimum"),
                step_label=t("optimizers.step_short"),
                height=480,
                colours=batch_colours,
            ),
            key="optimizers_batch_chart",
        )
        st.caption(t("optimizers.batch_caption", n=N_SAMPLES))
        if batch_traces:
            st.markdown(f"**{t('optimizers.batch_loss_title')}**")
            plotly_chart(
                loss_figure(
                    {labels[b]: tr.loss - best_loss for b, tr in batch_traces.items()},
                    step=batch_steps,
                    title=None,
                    x_title=t("optimizers.step_short"),
                    y_title="L − L_min",
                    colours=batch_colours,
                ),
                key="optimizers_batch_loss_chart",
            )
            st.table(
                {
                    "batch_size": [str(b) for b in batch_traces],
                    t("optimizers.batch_per_epoch"): [steps_per_epoch(N_SAMPLES, b) for b in batch_traces],
                    t("optimizers.batch_epochs"): [f"{tr.epochs:.3g}" for tr in batch_traces.values()],
                    t("optimizers.batch_noise"): [f"{tr.noise.mean():.3g}" for tr in batch_traces.values()],
                    t("optimizers.batch_final_loss"): [
                        f"{tr.loss[-1] - best_loss:.3e}" for tr in batch_traces.values()
                    ],
                },
                border="horizontal",
                hide_index=True,
            )

    batch_code = [
        "import keras",
        "",
        t("optimizers.batch_code_comment", n=N_SAMPLES),
        "model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1)])",
        f'model.compile(optimizer=keras.optimizers.SGD(learning_rate={batch_lr:g}), loss="mean_squared_error")',
    ]
    for b, tr in batch_traces.items():
        batch_code += [
            t("optimizers.batch_code_epochs", size=b, steps=batch_steps, epochs=tr.epochs),
            f"model.fit(x, y, batch_size={b}, epochs={int(np.ceil(tr.epochs))}, shuffle=True)",
        ]
    st.caption(t("common.equivalent_code"))
    code_block("\n".join(batch_code), key="optimizers_batch_code")


# The page: one section at a time ------------------------------------------------------------------------------------
SECTIONS = {"race": ("optimizers.section_race", race), "batch": ("optimizers.section_batch", batch)}

header("optimizers")
one_section("optimizers", SECTIONS)
