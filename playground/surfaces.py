"""Named 2-D loss surfaces f(x, y) with analytic gradients, for watching optimizers move.

Each surface is vectorized (x and y may be grids of any broadcastable shape), carries a plot window, a
default start point and its known minima. A real network's loss has millions of dimensions; these two-
dimensional toys show the same difficulties: narrow valleys (ill conditioning), curved valleys
(Rosenbrock), flat plateaus and cliffs (Beale), saddle points, and several minima (Himmelblau).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from playground._checks import check_choice, check_number, invalid
from playground.messages import Phrase

__all__ = ["SURFACES", "Surface", "get_surface"]

Array = np.ndarray


@dataclass(frozen=True)
class Surface:
    """A loss surface f(x, y) with its gradient, plot window, start point and minima."""

    name: str
    value: Callable[[Array, Array], Array]  # f(x, y), element-wise over grids
    gradient: Callable[[Array, Array], tuple[Array, Array]]  # (∂f/∂x, ∂f/∂y)
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    start: tuple[float, float]
    minima: tuple[tuple[float, float], ...]
    formula: str  # as a person writes it, in Unicode (x², ½, −); κ stands for the bowl's conditioning
    learning_rates: dict[str, float]  # a learning rate per RACERS key that works well here (150 steps)
    params: dict[str, float] = field(default_factory=dict)

    def grad_fn(self, point: Array) -> Array:
        """The gradient at one point (shape (2,)) as an array of shape (2,): what `optimize` calls."""
        gx, gy = self.gradient(point[..., 0], point[..., 1])
        return np.stack([gx, gy], axis=-1)

    def loss(self, path: Array) -> Array:
        """f along a path of shape (steps + 1, 2) → shape (steps + 1,)."""
        path = np.asarray(path, dtype=float)
        with np.errstate(all="ignore"):  # a diverged path has inf/nan points: their loss is inf/nan
            return self.value(path[..., 0], path[..., 1])

    def excess_loss(self, path: Array) -> Array:
        """f − f_min along a path (f_min = the lowest known minimum): 0 at the optimum, for log-scale plots."""
        lowest = min(float(self.value(np.float64(mx), np.float64(my))) for mx, my in self.minima)
        return np.maximum(self.loss(path) - lowest, 0.0)  # clip round-off below the (rounded) known minimum

    def grid(self, n: int = 120) -> tuple[Array, Array, Array]:
        """(xs (n,), ys (n,), Z (n, n)) over the plot window; Z[i, j] = f(xs[j], ys[i])."""
        xs = np.linspace(*self.x_range, n)
        ys = np.linspace(*self.y_range, n)
        gx, gy = np.meshgrid(xs, ys)
        return xs, ys, self.value(gx, gy)


def _lr(sgd: float, momentum: float, nesterov: float, adagrad: float, rmsprop: float, adam: float) -> dict:
    return dict(sgd=sgd, momentum=momentum, nesterov=nesterov, adagrad=adagrad, rmsprop=rmsprop, adam=adam)


def _bowl(conditioning: float) -> Surface:
    k = float(conditioning)

    def value(x, y):
        return 0.5 * (x**2 + k * y**2)

    def gradient(x, y):
        return x * np.ones_like(y), k * y * np.ones_like(x)

    return Surface(
        "bowl",
        value,
        gradient,
        (-5.0, 5.0),
        (-3.0, 3.0),
        (-4.5, 2.0),
        ((0.0, 0.0),),
        "f(x, y) = ½ (x² + κ y²)",
        _lr(0.15, 0.05, 0.05, 0.5, 0.05, 0.2),
        {"conditioning": k},
    )


def _rosenbrock_value(x, y):
    return (1 - x) ** 2 + 100 * (y - x**2) ** 2


def _rosenbrock_gradient(x, y):
    return -2 * (1 - x) - 400 * x * (y - x**2), 200 * (y - x**2)


def _beale_terms(x, y):
    return 1.5 - x + x * y, 2.25 - x + x * y**2, 2.625 - x + x * y**3


def _beale_value(x, y):
    a, b, c = _beale_terms(x, y)
    return a**2 + b**2 + c**2


def _beale_gradient(x, y):
    a, b, c = _beale_terms(x, y)
    gx = 2 * a * (y - 1) + 2 * b * (y**2 - 1) + 2 * c * (y**3 - 1)
    gy = 2 * a * x + 2 * b * 2 * x * y + 2 * c * 3 * x * y**2
    return gx, gy


def _saddle_value(x, y):
    return x**2 - y**2 + 0.25 * y**4


def _saddle_gradient(x, y):
    return 2 * x * np.ones_like(y), -2 * y + y**3 + 0 * x


def _himmelblau_value(x, y):
    return (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2


def _himmelblau_gradient(x, y):
    a = x**2 + y - 11
    b = x + y**2 - 7
    return 4 * x * a + 2 * b, 2 * a + 4 * y * b


_SQRT2 = float(np.sqrt(2.0))

SURFACES: dict[str, Surface] = {
    "bowl": _bowl(10.0),
    "rosenbrock": Surface(
        "rosenbrock",
        _rosenbrock_value,
        _rosenbrock_gradient,
        (-2.0, 2.0),
        (-1.0, 3.0),
        (-1.5, 2.5),
        ((1.0, 1.0),),
        "f(x, y) = (1 − x)² + 100 (y − x²)²",
        _lr(0.001, 0.001, 0.001, 0.1, 0.02, 0.1),
    ),
    "beale": Surface(
        "beale",
        _beale_value,
        _beale_gradient,
        (-4.5, 4.5),
        (-4.5, 4.5),
        (-1.0, 1.5),
        ((3.0, 0.5),),
        "f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²",
        _lr(0.005, 0.005, 0.005, 0.1, 0.05, 0.1),
    ),
    "saddle": Surface(
        "saddle",
        _saddle_value,
        _saddle_gradient,
        (-3.0, 3.0),
        (-2.5, 2.5),
        (-2.8, 0.01),
        ((0.0, -_SQRT2), (0.0, _SQRT2)),
        "f(x, y) = x² − y² + ¼ y⁴",
        _lr(0.05, 0.05, 0.05, 0.2, 0.02, 0.1),
    ),
    "himmelblau": Surface(
        "himmelblau",
        _himmelblau_value,
        _himmelblau_gradient,
        (-5.0, 5.0),
        (-5.0, 5.0),
        (-0.5, -4.5),
        ((3.0, 2.0), (-2.805118, 3.131312), (-3.779310, -3.283186), (3.584428, -1.848126)),
        "f(x, y) = (x² + y − 11)² + (x + y² − 7)²",
        _lr(0.005, 0.002, 0.002, 0.5, 0.05, 0.2),
    ),
}
"""The option table of surfaces (the bowl with its default conditioning κ = 10)."""

CONDITIONING_RANGE = (1.0, 100.0)


def get_surface(name: str, *, conditioning: float | None = None) -> Surface:
    """A surface by name; `conditioning` κ (1..100) sets the bowl's ratio of curvatures (its ellipse's elongation).

    Raises:
        ValueError: unknown name, or conditioning outside [1, 100] or given for another surface.
    """
    check_choice("surface", name, list(SURFACES))
    if conditioning is None:
        return SURFACES[name]
    if name != "bowl":
        show = Phrase("{setting} for surface {surface}", setting=f"conditioning={conditioning}", surface=repr(name))
        raise invalid("conditioning", "None: only the bowl has a conditioning", conditioning, show=show)
    low, high = CONDITIONING_RANGE
    return _bowl(check_number("conditioning", conditioning, low=low, high=high))
