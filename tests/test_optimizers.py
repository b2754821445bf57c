"""playground.optimizers against the real keras.optimizers, step by step on the same gradients."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from playground.optimizers import (
    HYPER_DEFAULTS,
    MAX_STEPS,
    RACERS,
    keras_code,
    optimize,
    optimize_trace,
)
from playground.surfaces import SURFACES, get_surface

STEPS = 25

# (optimizer, learning_rate, hyper) — Keras defaults and non-default settings of every hyper-parameter.
CASES = [
    ("sgd", 0.01, {}),
    ("sgd", 0.003, {"momentum": 0.9}),
    ("sgd", 0.003, {"momentum": 0.5, "nesterov": True}),
    ("adagrad", 0.1, {}),
    ("adagrad", 0.3, {"initial_accumulator_value": 0.5, "epsilon": 1e-4}),
    ("rmsprop", 0.01, {}),
    ("rmsprop", 0.02, {"rho": 0.5, "momentum": 0.3}),
    ("rmsprop", 0.01, {"centered": True, "epsilon": 1e-3}),
    ("adam", 0.05, {}),
    ("adam", 0.05, {"beta_1": 0.5, "beta_2": 0.9, "amsgrad": True}),
]
SURFACE_NAMES = ["bowl", "rosenbrock", "beale", "saddle", "himmelblau"]


def keras_path(grad_fn, start, optimizer, learning_rate, steps, hyper):
    """Apply keras.optimizers.<X> to a float32 keras.Variable, the gradient computed from its current value."""
    import keras

    cls = {
        "sgd": keras.optimizers.SGD,
        "adagrad": keras.optimizers.Adagrad,
        "rmsprop": keras.optimizers.RMSprop,
        "adam": keras.optimizers.Adam,
    }[optimizer]
    opt = cls(learning_rate=learning_rate, **hyper)
    var = keras.Variable(np.asarray(start, dtype=np.float32))
    path = [var.numpy().copy()]
    for _ in range(steps):
        g = np.asarray(grad_fn(var.numpy().copy()), dtype=np.float32)
        opt.apply_gradients([(keras.ops.convert_to_tensor(g), var)])
        path.append(var.numpy().copy())
    return np.array(path)


@pytest.mark.parametrize("optimizer,learning_rate,hyper", CASES)
def test_matches_keras_step_by_step(optimizer, learning_rate, hyper):
    """In float32, the path equals Keras's optimizer applied step by step, on every surface."""
    for index, name in enumerate(SURFACE_NAMES):
        surface = SURFACES[name]
        # Rosenbrock/Beale gradients are large: smaller steps keep every optimizer on the plot window.
        lr = learning_rate * (0.1 if name in {"rosenbrock", "beale"} and optimizer == "sgd" else 1.0)
        start = np.array(surface.start) + 0.1 * index
        ours = optimize(
            surface.grad_fn, start, optimizer=optimizer, learning_rate=lr, steps=STEPS, dtype=np.float32, **hyper
        )
        theirs = keras_path(surface.grad_fn, start, optimizer, lr, STEPS, hyper)
        assert np.all(np.isfinite(theirs)), name
        np.testing.assert_allclose(ours, theirs, rtol=2e-6, atol=1e-7, err_msg=f"{optimizer} {hyper} on {name}")


def test_float64_path_close_to_keras():
    """The default float64 arithmetic stays within float32 round-off of Keras on a well-conditioned bowl."""
    surface = get_surface("bowl", conditioning=3.0)
    for optimizer, lr, hyper in CASES[::3]:
        ours = optimize(surface.grad_fn, surface.start, optimizer=optimizer, learning_rate=lr, steps=STEPS, **hyper)
        theirs = keras_path(surface.grad_fn, surface.start, optimizer, lr, STEPS, hyper)
        np.testing.assert_allclose(ours, theirs, rtol=1e-4, atol=1e-5)


def test_defaults_are_keras_defaults():
    """HYPER_DEFAULTS equal the constructor defaults of the Keras optimizers."""
    import inspect

    import keras

    classes = {"sgd": keras.optimizers.SGD, "adagrad": keras.optimizers.Adagrad}
    classes |= {"rmsprop": keras.optimizers.RMSprop, "adam": keras.optimizers.Adam}
    for name, defaults in HYPER_DEFAULTS.items():
        params = inspect.signature(classes[name].__init__).parameters
        for hyper, value in defaults.items():
            assert params[hyper].default == value, (name, hyper)


def test_sgd_formula_on_bowl():
    """Plain SGD on f = ½(x² + κy²) shrinks each coordinate by (1 − lr·curvature) per step."""
    k, lr, steps = 4.0, 0.1, 12
    surface = get_surface("bowl", conditioning=k)
    path = optimize(surface.grad_fn, (2.0, -1.0), learning_rate=lr, steps=steps)
    t = np.arange(steps + 1)
    np.testing.assert_allclose(path[:, 0], 2.0 * (1 - lr) ** t)
    np.testing.assert_allclose(path[:, 1], -1.0 * (1 - lr * k) ** t)


def test_momentum_velocity_formula():
    """With a constant gradient g, SGD momentum's velocity is −lr·g·(1 − mᵗ)/(1 − m)."""
    g, lr, m, steps = np.array([1.0, -2.0]), 0.1, 0.9, 10
    trace = optimize_trace(lambda w: g, (0.0, 0.0), learning_rate=lr, steps=steps, momentum=m)
    t = np.arange(steps + 1)[:, None]
    np.testing.assert_allclose(trace.state["momentum"], -lr * g * (1 - m**t) / (1 - m))
    np.testing.assert_allclose(np.diff(trace.path, axis=0), trace.state["momentum"][1:])


def test_adagrad_accumulator_and_step_size():
    """AdaGrad's accumulator is initial + Σ g², and its step size is lr / √(accumulator + ε)."""
    g, lr = np.array([0.5, 3.0]), 0.2
    trace = optimize_trace(lambda w: g, (1.0, 1.0), optimizer="adagrad", learning_rate=lr, steps=5)
    t = np.arange(6)[:, None]
    np.testing.assert_allclose(trace.state["accumulator"], 0.1 + t * g**2)
    np.testing.assert_allclose(trace.step_size, lr / np.sqrt(0.1 + t[1:] * g**2 + 1e-7))


def test_trace_records_gradients_and_state_shapes():
    """The trace has the path, one gradient per step, and every Keras slot per step."""
    surface = SURFACES["himmelblau"]
    expected = {"sgd": {"momentum"}, "adagrad": {"accumulator"}, "rmsprop": {"velocity"}}
    expected["adam"] = {"momentum", "velocity"}
    for key, racer in RACERS.items():
        trace = optimize_trace(
            surface.grad_fn, surface.start, optimizer=racer.optimizer, learning_rate=0.001, steps=7, **racer.hyper
        )
        assert trace.path.shape == (8, 2) and trace.gradients.shape == (7, 2) and trace.step_size.shape == (7, 2)
        np.testing.assert_allclose(trace.gradients, surface.grad_fn(trace.path[:-1]))
        if key != "sgd":
            assert set(trace.state) == expected[racer.optimizer]
        for value in trace.state.values():
            assert value.shape == (8, 2)


def test_divergence_is_reported_not_raised():
    """SGD with too large a step on a steep bowl blows up; the trace says at which step."""
    surface = get_surface("bowl", conditioning=100.0)
    trace = optimize_trace(surface.grad_fn, (1.0, 1.0), learning_rate=1.0, steps=400)
    assert trace.diverged_at is not None and 0 < trace.diverged_at <= 400
    assert np.all(np.isfinite(trace.path[: trace.diverged_at]))


def test_steps_zero_and_start_not_modified():
    """steps=0 returns just the start; the start array is never modified."""
    start = np.array([1.5, -0.5])
    path = optimize(SURFACES["bowl"].grad_fn, start, steps=0)
    assert path.shape == (1, 2) and np.array_equal(path[0], start)
    optimize(SURFACES["bowl"].grad_fn, start, optimizer="adam", steps=5)
    assert np.array_equal(start, [1.5, -0.5])


@settings(max_examples=30, deadline=None)
@given(
    x=st.floats(-3, 3),
    y=st.floats(-3, 3),
    lr=st.floats(1e-3, 0.5),
    optimizer=st.sampled_from(["sgd", "adagrad", "rmsprop", "adam"]),
)
def test_first_step_moves_downhill_on_bowl(x, y, lr, optimizer):
    """The first step of any optimizer moves against the gradient's sign in each coordinate (or stays)."""
    surface = SURFACES["bowl"]
    path = optimize(surface.grad_fn, (x, y), optimizer=optimizer, learning_rate=lr, steps=1)
    g = surface.grad_fn(np.array([x, y]))
    assert np.all(np.sign(path[1] - path[0]) * np.sign(g) <= 0)


@pytest.mark.parametrize(
    "kwargs,argument",
    [
        ({"optimizer": "lbfgs"}, "optimizer"),
        ({"learning_rate": 0.0}, "learning_rate"),
        ({"learning_rate": -1.0}, "learning_rate"),
        ({"learning_rate": float("nan")}, "learning_rate"),
        ({"steps": -1}, "steps"),
        ({"steps": MAX_STEPS + 1}, "steps"),
        ({"steps": 2.5}, "steps"),
        ({"momentum": 1.5}, "momentum"),
        ({"nesterov": "yes"}, "nesterov"),
        ({"beta_1": 0.9}, "beta_1"),  # Adam's name given to SGD
        ({"optimizer": "adam", "beta_2": -0.1}, "beta_2"),
        ({"optimizer": "rmsprop", "epsilon": 0.0}, "epsilon"),
        ({"optimizer": "adagrad", "initial_accumulator_value": -1.0}, "initial_accumulator_value"),
    ],
)
def test_invalid_arguments_name_the_argument(kwargs, argument):
    """Bad settings raise ValueError naming the argument."""
    with pytest.raises(ValueError, match=f"`{argument}`"):
        optimize(SURFACES["bowl"].grad_fn, (1.0, 1.0), **kwargs)


@pytest.mark.parametrize("start", [(np.nan, 0.0), (np.inf, 1.0), (1.0, 2.0, 3.0)])
def test_bad_start_raises(start):
    """A non-finite or non-2-D start raises ValueError naming `start`."""
    with pytest.raises(ValueError, match="`start`"):
        optimize(SURFACES["bowl"].grad_fn, start)


def test_keras_code_runs_and_matches():
    """keras_code() is a valid Keras constructor whose config has the same settings."""
    import keras

    code = keras_code("adam", 0.05, beta_1=0.8, amsgrad=True)
    assert code == "keras.optimizers.Adam(learning_rate=0.05, beta_1=0.8, amsgrad=True)"
    opt = eval(code, {"keras": keras})  # noqa: S307 - our own generated text
    config = opt.get_config()
    assert config["beta_1"] == 0.8 and config["amsgrad"] is True and np.isclose(config["learning_rate"], 0.05)
    assert keras_code("sgd", 0.01) == "keras.optimizers.SGD(learning_rate=0.01)"


def test_trajectory_figure_paths_and_frames():
    """The race figure draws each path up to the chosen step, clips a diverged path, and replays the race up to it."""
    from playground.figures.blocks import trajectory_figure

    surface = SURFACES["bowl"]
    good = optimize(surface.grad_fn, surface.start, optimizer="adam", learning_rate=0.1, steps=30)
    bad = optimize(get_surface("bowl", conditioning=100.0).grad_fn, surface.start, learning_rate=1.0, steps=30)
    xs, ys, z = surface.grid(20)
    fig = trajectory_figure(xs, ys, z, {"Adam": good, "SGD": bad}, step=10, minima=surface.minima, frames=7)
    adam_line = fig.data[2]
    np.testing.assert_allclose(adam_line.x, good[:11, 0])
    sgd_line = fig.data[3]
    assert np.all(np.abs(sgd_line.y) <= surface.y_range[1])  # clipped to the window, not off the chart
    heads = fig.data[4]  # each optimizer's point at the step drawn
    np.testing.assert_allclose(heads.x[0], good[10, 0])
    assert [f.name for f in fig.frames][-1] == "10" and len(fig.frames) == 7
    np.testing.assert_allclose(fig.frames[-1].data[0].x[0], good[10, 0], rtol=1e-4)
    np.testing.assert_allclose(fig.frames[0].data[0].x[0], good[0, 0], rtol=1e-4)
