"""The link contract: every page's link (URL) parameters, their types and, for choices, the allowed ids.

A shared link is a page's url_path plus these parameters (``/conv2d?conv2d_kh=5&conv2d_padding=same``), so they are
public names, like the url_paths of ui/pages.py: never rename one. tests/test_links.py pins the names and types
(renaming a widget key breaks that test, not a link a teacher already sent) and checks, by running each concept page,
that the parameters it binds or writes are exactly the ones declared here.

Widget keys and link parameters are the same names (page-prefixed keys, see DESIGN.md). A parameter is one of:
a widget bound with ``bind="query-params"``, a choice kept in the URL by ``ui.state.choice`` / ``ranged_slider``,
a widget of a part of a page built only when shown, kept by ``ui.state.linked_number`` / ``linked_text`` (the
activations and optimizers pages' sections, a racer's closed expander), or state a page writes itself (the 2-D kernel
stack, the layer stack of the shapes page). The frame keeps a page's declared parameters whose widget a run did not
draw in the URL (ui.page).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from playground.activations import ACTIVATIONS
from playground.augmentation import AUGMENTATIONS
from playground.convolution import GRIDS, MODES, PRESETS_1D
from playground.data import CLASS_NAMES
from playground.images import SAMPLES
from playground.kernels import KERNELS
from playground.minibatch import BATCH_SIZES
from playground.optimizers import RACERS
from playground.pooling import POOL_MODES
from playground.surfaces import SURFACES

Kind = Literal["int", "float", "str", "bool", "list"]


@dataclass(frozen=True)
class Param:
    """One link parameter.

    Attributes:
        kind: what the value reads as: "int", "float", "str", "bool", or "list" (a repeated parameter,
            ``?k=a&k=b``).
        choices: the allowed ids as they stand in the URL, for a choice (or the items of a list); empty when any
            value of `kind` is allowed (the page still checks its range).
    """

    kind: Kind
    choices: tuple[str, ...] = ()


INT, FLOAT, TEXT, BOOL = Param("int"), Param("float"), Param("str"), Param("bool")


def one_of(ids: Iterable[object]) -> Param:
    """A choice among `ids` (an option table's keys, or a tuple); int ids make an "int" parameter."""
    items = tuple(ids)
    kind: Kind = "int" if items and all(isinstance(i, int) and not isinstance(i, bool) for i in items) else "str"
    return Param(kind, tuple(str(i) for i in items))


def some_of(ids: Iterable[object]) -> Param:
    """Several of `ids`, as a repeated parameter."""
    return Param("list", one_of(ids).choices)


_PADDING = one_of(("valid", "same"))
_EPSILONS = Param("float", ("1e-08", "1e-07", "1e-06", "1e-05", "1e-04", "1e-03", "1e-02", "1e-01", "1e+00"))
_ELEMENTWISE = one_of(ACTIVATIONS)


def _optimizer_hyper() -> dict[str, Param]:
    """optimizers_<racer>_<name>: each racer's learning rate and the hyper-parameters its page tab shows."""
    shown = {
        "sgd": (),
        "momentum": ("momentum",),
        "nesterov": ("momentum",),
        "adagrad": ("initial_accumulator_value", "epsilon"),
        "rmsprop": ("rho", "epsilon"),
        "adam": ("beta_1", "beta_2", "epsilon"),
    }
    params = {}
    for racer in RACERS:
        params[f"optimizers_{racer}_learning_rate"] = FLOAT
        for name in shown[racer]:
            params[f"optimizers_{racer}_{name}"] = _EPSILONS if name == "epsilon" else FLOAT
    return params


CONV1D_OWN_NUMBERS = "custom"  # the 1-D example picker's entry for numbers typed by hand (app_pages/conv1d.py)

FRAME: dict[str, Param] = {"lang": one_of(("en", "ko"))}
"""Parameters of the frame (app.py), valid on every page."""

LINKS: dict[str, dict[str, Param]] = {
    "conv1d": {
        "conv1d_preset": one_of((*PRESETS_1D, CONV1D_OWN_NUMBERS)),
        "conv1d_signal": TEXT,
        "conv1d_kernel": TEXT,
        "conv1d_mode": one_of(MODES),
        "conv1d_op": one_of(("convolve", "correlate")),
        "conv1d_step": INT,
    },
    "conv2d": {
        "conv2d_source": one_of(("grid", "photo", "upload")),
        "conv2d_grid": one_of(GRIDS),
        "conv2d_photo": one_of(SAMPLES),
        "conv2d_color": one_of(("gray", "rgb")),
        "conv2d_kernel": one_of(KERNELS),
        "conv2d_kh": INT,
        "conv2d_kw": INT,
        "conv2d_weight_r": FLOAT,
        "conv2d_weight_g": FLOAT,
        "conv2d_weight_b": FLOAT,
        "conv2d_sh": INT,
        "conv2d_sw": INT,
        "conv2d_padding": _PADDING,
        "conv2d_dilation": INT,
        "conv2d_bias": FLOAT,
        "conv2d_row": INT,
        "conv2d_col": INT,
        "conv2d_channel": one_of((0, 1, 2)),
        "conv2d_stack": some_of(KERNELS),
        "conv2d_view": one_of(("cell", "steps", "channels", "flip", "stack")),
        "conv2d_compare": BOOL,
        "conv2d_compare_what": one_of(("padding", "strides")),
    },
    "pooling": {
        "pooling_source": one_of(("feature_map", "grid", "photo")),
        "pooling_grid": one_of(GRIDS),
        "pooling_kernel": one_of(KERNELS),
        "pooling_photo": one_of(SAMPLES),
        "pooling_mode": one_of(POOL_MODES),
        "pooling_size": INT,
        "pooling_stride_default": BOOL,
        "pooling_strides": INT,
        "pooling_padding": _PADDING,
        "pooling_row": INT,
        "pooling_col": INT,
        "pooling_shift_rows": INT,
        "pooling_shift_cols": INT,
        "pooling_steps": BOOL,
        "pooling_compare": BOOL,
        "pooling_compare_what": one_of(("padding", "strides", "mode")),
    },
    "shapes": {
        "shapes_input": one_of(("28x28x1", "300x300x3", "custom")),
        "shapes_h": INT,
        "shapes_w": INT,
        "shapes_c": INT,
        "shapes_stack": TEXT,  # the layer stack as text (playground.architecture.stack_to_text)
    },
    "activations": {
        "activations_section": one_of(("curves", "vanishing", "softmax", "perceptron")),
        "activations_chosen": some_of(ACTIVATIONS),
        "activations_x_max": FLOAT,
        "activations_slope": FLOAT,
        "activations_depth": INT,
        "activations_weight": FLOAT,
        "activations_x0": FLOAT,
        "activations_logits": TEXT,
        "activations_temperature": FLOAT,
        "activations_neuron": _ELEMENTWISE,
        "activations_x1": FLOAT,
        "activations_x2": FLOAT,
        "activations_w1": FLOAT,
        "activations_w2": FLOAT,
        "activations_bias": FLOAT,
    },
    "dropout": {
        "dropout_rate": FLOAT,
        "dropout_training": BOOL,
        "dropout_keras": BOOL,
        "dropout_seed": INT,
        "dropout_units": INT,
        "dropout_map_size": INT,
        "dropout_samples": one_of((10, 100, 1000, 5000)),
    },
    "optimizers": {
        "optimizers_section": one_of(("race", "batch")),
        "optimizers_surface": one_of(SURFACES),
        "optimizers_conditioning": FLOAT,
        "optimizers_racers": some_of(RACERS),
        "optimizers_start_x": FLOAT,
        "optimizers_start_y": FLOAT,
        "optimizers_steps": INT,
        "optimizers_step": INT,
        **_optimizer_hyper(),
        "optimizers_batch_sizes": some_of(BATCH_SIZES),
        "optimizers_batch_learning_rate": FLOAT,
        "optimizers_batch_steps": INT,
        "optimizers_batch_seed": INT,
    },
    "data": {
        "data_per_class": INT,
        "data_seed": INT,
        "data_class": one_of(range(len(CLASS_NAMES))),
        "data_index": INT,
        "data_train_size": INT,
        "data_validation_split": FLOAT,
    },
    "augmentation": {
        **{f"augment_use_{option}": BOOL for option in AUGMENTATIONS},
        **{f"augment_{option}": FLOAT for option, d in AUGMENTATIONS.items() if d.factor_args},
        "augment_n": INT,
        "augment_seed": INT,
        "augment_item": INT,
        "augment_photo": one_of(SAMPLES),
    },
    "transfer": {
        "transfer_labels": INT,
        "transfer_epochs": INT,
        "transfer_seed": INT,
        "transfer_base": one_of(("shipped", "live")),
    },
}
"""Link parameters by page url_path (ui/pages.py). The training lab, evaluate, models and compare pages are not
declared yet (the lab's form is being reshaped); home has none."""


def params_of(url_path: str) -> dict[str, Param]:
    """The parameters a link to `url_path` may carry: the page's own and the frame's."""
    return {**LINKS.get(url_path, {}), **FRAME}
