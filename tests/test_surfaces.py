"""playground.surfaces: analytic gradients against tf.GradientTape and finite differences; minima are minima."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from playground.optimizers import RACERS, optimize_trace
from playground.surfaces import SURFACES, get_surface

NAMES = list(SURFACES)


def sample_points(surface, n=40, seed=0):
    rng = np.random.default_rng(seed)
    return rng.uniform(*surface.x_range, n), rng.uniform(*surface.y_range, n)


@pytest.mark.parametrize("name", NAMES)
def test_gradient_equals_gradient_tape(name):
    """The analytic gradient equals tf.GradientTape of the same value function (float64, random points)."""
    import tensorflow as tf

    surface = SURFACES[name]
    x, y = sample_points(surface)
    vx, vy = tf.Variable(x), tf.Variable(y)
    with tf.GradientTape() as tape:
        # The value functions use only + − × and powers, which work on tensors as they do on arrays,
        # except the bowl/saddle ones that broadcast with np.ones_like — recompute those from the formula.
        if name == "bowl":
            f = 0.5 * (vx**2 + surface.params["conditioning"] * vy**2)
        elif name == "saddle":
            f = vx**2 - vy**2 + 0.25 * vy**4
        else:
            f = surface.value(vx, vy)
    gx, gy = tape.gradient(f, [vx, vy])
    np.testing.assert_allclose(surface.value(x, y), np.asarray(f), rtol=1e-12)
    ours = surface.gradient(x, y)
    np.testing.assert_allclose(ours[0], np.asarray(gx), rtol=1e-10, atol=1e-10)
    np.testing.assert_allclose(ours[1], np.asarray(gy), rtol=1e-10, atol=1e-10)


@settings(max_examples=40, deadline=None)
@given(name=st.sampled_from(NAMES), u=st.floats(0, 1), v=st.floats(0, 1))
def test_gradient_matches_finite_differences(name, u, v):
    """A central finite difference of f agrees with the analytic gradient anywhere in the plot window."""
    surface = SURFACES[name]
    x = surface.x_range[0] + u * (surface.x_range[1] - surface.x_range[0])
    y = surface.y_range[0] + v * (surface.y_range[1] - surface.y_range[0])
    h = 1e-6
    numeric = np.array(
        [
            (surface.value(x + h, y) - surface.value(x - h, y)) / (2 * h),
            (surface.value(x, y + h) - surface.value(x, y - h)) / (2 * h),
        ]
    )
    scale = max(1.0, float(np.max(np.abs(numeric))))
    np.testing.assert_allclose(surface.grad_fn(np.array([x, y])), numeric, atol=1e-5 * scale)


@pytest.mark.parametrize("name", NAMES)
def test_minima_are_stationary_and_lowest(name):
    """At each known minimum the gradient is ~0 and f is the lowest value on a fine grid of the window."""
    surface = SURFACES[name]
    _, _, z = surface.grid(300)
    for mx, my in surface.minima:
        np.testing.assert_allclose(surface.grad_fn(np.array([mx, my])), 0.0, atol=1e-4)
        assert surface.value(mx, my) <= z.min() + 1e-9


@pytest.mark.parametrize("name", NAMES)
def test_window_contains_start_and_minima(name):
    """The plot window contains the default start and every minimum."""
    surface = SURFACES[name]
    for px, py in (surface.start, *surface.minima):
        assert surface.x_range[0] <= px <= surface.x_range[1] and surface.y_range[0] <= py <= surface.y_range[1]


@pytest.mark.parametrize("name", NAMES)
def test_suggested_learning_rates_make_progress(name):
    """With the suggested learning rates every racer stays finite and lowers the loss in 150 steps."""
    surface = SURFACES[name]
    start_loss = surface.value(*surface.start)
    for key, racer in RACERS.items():
        trace = optimize_trace(
            surface.grad_fn,
            surface.start,
            optimizer=racer.optimizer,
            learning_rate=surface.learning_rates[key],
            steps=150,
            **racer.hyper,
        )
        assert trace.diverged_at is None, key
        assert surface.loss(trace.path)[-1] < start_loss, key


def test_bowl_conditioning():
    """The bowl's curvatures are 1 and κ (its Hessian is diag(1, κ))."""
    surface = get_surface("bowl", conditioning=25.0)
    gx, gy = surface.gradient(np.array(2.0), np.array(3.0))
    assert (gx, gy) == (2.0, 75.0)
    assert surface.params["conditioning"] == 25.0


def test_grid_shape_and_orientation():
    """grid(n) returns Z with Z[i, j] = f(xs[j], ys[i])."""
    surface = SURFACES["beale"]
    xs, ys, z = surface.grid(11)
    assert z.shape == (11, 11)
    assert z[2, 7] == pytest.approx(surface.value(xs[7], ys[2]))


@pytest.mark.parametrize(
    "kwargs,argument",
    [
        ({"name": "moon"}, "surface"),
        ({"name": "bowl", "conditioning": 0.5}, "conditioning"),
        ({"name": "bowl", "conditioning": float("inf")}, "conditioning"),
        ({"name": "beale", "conditioning": 5.0}, "conditioning"),
    ],
)
def test_invalid_surface_arguments(kwargs, argument):
    """Unknown names and out-of-range conditioning raise ValueError naming the argument."""
    with pytest.raises(ValueError, match=f"`?{argument}`?"):
        get_surface(**kwargs)
