"""Model architecture without TensorFlow: output shapes and parameter counts of a layer stack, as Keras computes them.

A *spec* is a plain dict in Keras-config style: ``"type"`` plus Keras argument names,
``{"type": "Conv2D", "filters": 16, "kernel_size": 3, "padding": "same", "activation": "relu"}``.
A *stack* is a list of specs, applied in order to one input of shape ``input_shape`` (no batch axis).

* :func:`summarize` walks the stack in pure Python and returns one row per layer — the numbers of
  ``model.summary()``, with the arithmetic behind them;
* ``build_model`` (defined in :mod:`playground.lab.model`, importable from here too) builds the real
  ``keras.Sequential``;
* :func:`to_keras_code` writes the Sequential or Functional source that builds the same model;
* :func:`stack_to_text` / :func:`stack_from_text` turn a stack into a short URL-safe text and back.

The parameter counts, for a layer whose input has C channels (last axis):

* Conv2D: ``(kh·kw·C + 1) · filters`` — each of the `filters` filters has one kh×kw kernel per input channel
  and one bias;
* Dense: ``(C + 1) · units`` — it acts on the last axis only, so a Dense on an (H, W, C) input is allowed
  and gives (H, W, units);
* BatchNormalization: ``2·C`` trainable (γ scale, β offset) + ``2·C`` non-trainable (moving mean, moving variance);
* every other layer here has no parameters.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from playground._checks import (
    check_arguments,
    check_bool,
    check_choice,
    check_int,
    check_number,
    check_pair,
    invalid,
)
from playground.geometry import output_size, output_size_formula, output_size_rule
from playground.messages import Phrase, Problem

Spec = dict[str, Any]
Shape = tuple[int, ...]

ACTIVATIONS: tuple[str | None, ...] = (
    None,
    "relu",
    "sigmoid",
    "tanh",
    "softmax",
    "leaky_relu",
    "elu",
    "gelu",
    "swish",
    "softplus",
    "linear",
)
PADDINGS: tuple[str, ...] = ("valid", "same")
FLIP_MODES: tuple[str, ...] = ("horizontal", "vertical", "horizontal_and_vertical")
MAX_LAYERS = 40  # the most layers a stack (and a shared link) may hold
MAX_INPUT_SIZE = 4096  # largest height/width/channels accepted for an input shape


@dataclass(frozen=True)
class Arg:
    """One argument of a layer type, as the builder form shows it and as :func:`normalize_spec` checks it.

    kind: "int", "float", "pair" (an int or a pair of ints), "optional_pair" (None, an int or a pair),
    "optional_float" (None or a float), "choice", "bool".
    low / high: the range Keras accepts (None = unbounded); ``low_open`` / ``high_open`` make an end exclusive.
    ui_max: the largest value the form offers when Keras itself sets no upper bound.
    """

    name: str
    kind: str
    default: Any
    low: float | None = None
    high: float | None = None
    options: tuple[Any, ...] = ()
    ui_max: float | None = None
    step: float | None = None
    low_open: bool = False
    high_open: bool = False
    required: bool = False  # always written in the exported code (the layer's main argument)


def _kernel_args(name: str, default: int) -> Arg:
    return Arg(name, "pair", default, low=1, ui_max=64, required=name in {"kernel_size", "pool_size"})


LAYER_TYPES: dict[str, tuple[Arg, ...]] = {
    "Rescaling": (
        Arg("scale", "float", 1 / 255, ui_max=1e6, step=0.001, required=True),
        Arg("offset", "float", 0.0, ui_max=1e6, step=0.1),
    ),
    "Conv2D": (
        Arg("filters", "int", 32, low=1, ui_max=1024, required=True),
        _kernel_args("kernel_size", 3),
        Arg("strides", "pair", 1, low=1, ui_max=16),
        Arg("padding", "choice", "valid", options=PADDINGS),
        Arg("dilation_rate", "pair", 1, low=1, ui_max=16),
        Arg("activation", "choice", None, options=ACTIVATIONS),
        Arg("use_bias", "bool", True),
    ),
    "MaxPooling2D": (
        _kernel_args("pool_size", 2),
        Arg("strides", "optional_pair", None, low=1, ui_max=16),
        Arg("padding", "choice", "valid", options=PADDINGS),
    ),
    "AveragePooling2D": (
        _kernel_args("pool_size", 2),
        Arg("strides", "optional_pair", None, low=1, ui_max=16),
        Arg("padding", "choice", "valid", options=PADDINGS),
    ),
    "GlobalAveragePooling2D": (),
    "GlobalMaxPooling2D": (),
    "Flatten": (),
    "Dense": (
        Arg("units", "int", 10, low=1, ui_max=8192, required=True),
        Arg("activation", "choice", None, options=ACTIVATIONS),
        Arg("use_bias", "bool", True),
    ),
    "Dropout": (Arg("rate", "float", 0.5, low=0.0, high=1.0, step=0.05, required=True),),
    "BatchNormalization": (Arg("center", "bool", True), Arg("scale", "bool", True)),
    "Activation": (Arg("activation", "choice", "relu", options=ACTIVATIONS[1:], required=True),),
    "RandomFlip": (Arg("mode", "choice", "horizontal_and_vertical", options=FLIP_MODES, required=True),),
    "RandomRotation": (Arg("factor", "float", 0.1, low=-1.0, high=1.0, step=0.05, required=True),),
    "RandomZoom": (
        Arg("height_factor", "float", 0.1, low=-1.0, high=1.0, step=0.05, low_open=True, required=True),
        Arg("width_factor", "optional_float", None, low=-1.0, high=1.0, step=0.05, low_open=True),
    ),
    "RandomTranslation": (
        Arg("height_factor", "float", 0.1, low=-1.0, high=1.0, step=0.05, required=True),
        Arg("width_factor", "float", 0.1, low=-1.0, high=1.0, step=0.05, required=True),
    ),
    "RandomContrast": (Arg("factor", "float", 0.1, low=0.0, high=1.0, step=0.05, required=True),),
}
"""Every layer type the playground knows, with its arguments (Keras names, Keras defaults unless a
teaching default reads better: Conv2D filters 32, Dense units 10, Dropout rate 0.5, Rescaling 1/255)."""

_SPATIAL_TYPES = ("Conv2D", "MaxPooling2D", "AveragePooling2D", "GlobalAveragePooling2D", "GlobalMaxPooling2D")

# The course notes' examples (001: Functional CNN on Fashion-MNIST; 000: the 300×300×3 Sequential CNN).
NOTES_28_STACK: list[Spec] = [
    {"type": "Conv2D", "filters": 16, "kernel_size": 3, "padding": "same", "activation": "relu"},
    {"type": "Conv2D", "filters": 32, "kernel_size": 4, "padding": "same", "activation": "relu"},
    {"type": "Conv2D", "filters": 64, "kernel_size": 4, "activation": "relu"},
    {"type": "MaxPooling2D", "pool_size": 2},
    {"type": "Flatten"},
    {"type": "Dense", "units": 50, "activation": "relu"},
    {"type": "Dense", "units": 20, "activation": "relu"},
    {"type": "Dense", "units": 10, "activation": "softmax"},
]
NOTES_300_STACK: list[Spec] = [
    {"type": "Rescaling", "scale": 1 / 255},
    {"type": "Conv2D", "filters": 16, "kernel_size": 3, "activation": "relu"},
    {"type": "MaxPooling2D", "pool_size": 2},
    {"type": "Conv2D", "filters": 32, "kernel_size": 3, "activation": "relu"},
    {"type": "MaxPooling2D", "pool_size": 2},
    *[
        spec
        for _ in range(3)
        for spec in (
            {"type": "Conv2D", "filters": 64, "kernel_size": 3, "activation": "relu"},
            {"type": "MaxPooling2D", "pool_size": 2},
        )
    ],
    {"type": "Flatten"},
    {"type": "Dense", "units": 512, "activation": "relu"},
    {"type": "Dense", "units": 1, "activation": "sigmoid"},
]


class LayerError(Problem):
    """A stack Keras could not build: which layer (0-based `index`), and the rows computed before it.

    Its message is `problem`'s (template and values, so a page can translate it): "Layer 2 (Conv2D): {reason}".

    Attributes:
        index: position of the failing layer in the stack.
        layer_type: its ``"type"``.
        input_shape: the shape that reached it (None when the spec itself is invalid).
        rows: :func:`summarize` rows of the layers before it (they build fine).
    """

    def __init__(
        self, problem: Problem, *, index: int, layer_type: str, input_shape: Shape | None, rows: list[dict]
    ) -> None:
        super().__init__(problem.template, **problem.values)
        self.index = index
        self.layer_type = layer_type
        self.input_shape = input_shape
        self.rows = rows


# --------------------------------------------------------------------------------------------------------------------
# Checking specs
# --------------------------------------------------------------------------------------------------------------------


def _check_arg(arg: Arg, value: object) -> object:
    """`value` checked against `arg`, in canonical form (a pair with equal halves becomes one int)."""
    if value is None and arg.kind in {"optional_float", "optional_pair"}:
        return None
    if arg.kind == "int":
        low = None if arg.low is None else int(arg.low)
        high = None if arg.high is None else int(arg.high)
        return check_int(arg.name, value, low=low, high=high, whole_floats=False)
    if arg.kind in {"float", "optional_float"}:
        return check_number(arg.name, value, low=arg.low, high=arg.high, low_open=arg.low_open, high_open=arg.high_open)
    if arg.kind in {"pair", "optional_pair"}:
        rows, cols = check_pair(arg.name, value)
        return rows if rows == cols else (rows, cols)
    if arg.kind == "choice":
        return check_choice(arg.name, value, arg.options)
    if arg.kind == "bool":
        return check_bool(arg.name, value)
    raise TypeError(f"unknown argument kind {arg.kind!r}")  # a bug in LAYER_TYPES, not a user error


def normalize_spec(spec: Spec) -> Spec:
    """A complete, checked copy of `spec`: every argument of its type present (defaults filled in), pairs with
    equal halves written as one int (``(3, 3)`` → ``3``).

    Raises:
        ValueError: not a dict, an unknown ``"type"``, an unknown argument, or a value out of the range Keras accepts
            (e.g. ``filters=0``, ``rate=1.5``), or Conv2D with both ``strides`` > 1 and ``dilation_rate`` > 1
            (Keras refuses that combination).
    """
    if not isinstance(spec, dict):
        raise invalid("spec", 'a dict like {{"type": "Dense", "units": 10}}', spec)
    layer_type = check_choice("type", spec.get("type"), LAYER_TYPES)
    args = LAYER_TYPES[layer_type]
    check_arguments({k: v for k, v in spec.items() if k != "type"}, sorted(a.name for a in args), layer_type)
    out: Spec = {"type": layer_type}
    for arg in args:
        out[arg.name] = _check_arg(arg, spec.get(arg.name, arg.default))
    if layer_type == "Conv2D":
        strides, dilation = _pair(out["strides"]), _pair(out["dilation_rate"])
        if max(strides) > 1 and max(dilation) > 1:
            raise invalid(
                "strides and dilation_rate",
                "one of them to be 1: Keras's Conv2D does not support strides > 1 together with dilation_rate > 1",
                out["dilation_rate"],
                show=f"strides={out['strides']!r}, dilation_rate={out['dilation_rate']!r}",
            )
    return out


def _pair(value: int | tuple[int, int]) -> tuple[int, int]:
    return (value, value) if isinstance(value, int) else (int(value[0]), int(value[1]))


def _check_input_shape(input_shape: Any) -> Shape:
    try:
        shape: tuple[Any, ...] = tuple(input_shape)
    except TypeError:
        shape = ()  # not a sequence at all: refused below like any other bad shape
    if not 1 <= len(shape) <= 3 or not all(type(v) is int and 1 <= v <= MAX_INPUT_SIZE for v in shape):
        raise invalid(
            "input_shape",
            "1 to 3 positive integers, each at most {limit}, like (28, 28, 1)",
            input_shape,
            limit=MAX_INPUT_SIZE,
        )
    return tuple(int(v) for v in shape)


# --------------------------------------------------------------------------------------------------------------------
# Shapes and parameters
# --------------------------------------------------------------------------------------------------------------------


def snake_name(layer_type: str) -> str:
    """Keras's default layer name for a type: ``"MaxPooling2D"`` → ``"max_pooling2d"``."""
    name = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", layer_type)
    return re.sub(r"([a-z])([A-Z])", r"\1_\2", name).lower()


def format_shape(shape: Shape, *, batch: bool = True) -> str:
    """``(28, 28, 16)`` → ``"(None, 28, 28, 16)"`` as in ``model.summary()`` (``batch=False``: without None)."""
    dims = (["None"] if batch else []) + [str(d) for d in shape]
    return "(" + ", ".join(dims) + ("," if len(dims) == 1 else "") + ")"


def _times(*numbers: int) -> str:
    return "×".join(str(n) for n in numbers)


def _spatial_formula(axis_formulas: list[str]) -> str:
    if axis_formulas[0] == axis_formulas[1]:
        return f"H, W: {axis_formulas[0]}"
    return f"H: {axis_formulas[0]}; W: {axis_formulas[1]}"


def padding_rules(spec: Spec) -> dict[str, str]:
    """How "valid" and "same" padding size the output of this Conv2D / pooling layer, with its own numbers.

    Returns:
        ``{"valid": "⌊(n − 3) / 2⌋ + 1", "same": "⌈n / 2⌉"}`` for an input of length n along each axis — a pooling
        layer's strides default to its pool_size (``MaxPooling2D(2)``: ``⌊(n − 2) / 2⌋ + 1``); when height and
        width differ, ``"H: …; W: …"``. Empty for a layer without `padding`.
    Raises:
        ValueError: an invalid spec (as :func:`normalize_spec`).
    """
    spec = normalize_spec(spec)
    kind = spec["type"]
    if kind == "Conv2D":
        windows, dilations = _pair(spec["kernel_size"]), _pair(spec["dilation_rate"])
        strides = _pair(spec["strides"])
    elif kind in {"MaxPooling2D", "AveragePooling2D"}:
        windows, dilations = _pair(spec["pool_size"]), (1, 1)
        strides = windows if spec["strides"] is None else _pair(spec["strides"])
    else:
        return {}
    rules = {}
    for padding in ("valid", "same"):
        axes = [
            output_size_rule(k, strides=s, padding=padding, dilation_rate=d)
            for k, s, d in zip(windows, strides, dilations, strict=True)
        ]
        rules[padding] = axes[0] if axes[0] == axes[1] else f"H: {axes[0]}; W: {axes[1]}"
    return rules


_AXES = {"height": Phrase("height"), "width": Phrase("width")}  # the axis named in a layer's refusal


def _layer(spec: Spec, shape: Shape) -> tuple[Shape, int, int, str, str]:
    """One layer on an input of `shape`: (output shape, trainable, non-trainable, params formula, shape formula).

    Raises ValueError with the reason when Keras could not build the layer on this input.
    """
    kind = spec["type"]
    if kind in _SPATIAL_TYPES and len(shape) != 3:
        raise Problem(
            "{kind} needs a 3-D input (height, width, channels), but this one is {ndim}-D; "
            "move it before Flatten / global pooling, or use a 3-D input shape",
            kind=kind,
            ndim=len(shape),
        )
    if kind == "Conv2D":
        (h, w, c), ks, st, dl = shape, _pair(spec["kernel_size"]), _pair(spec["strides"]), _pair(spec["dilation_rate"])
        sizes, formulas = [], []
        for axis, n, k, s, d in zip(("height", "width"), (h, w), ks, st, dl, strict=True):
            try:
                sizes.append(output_size(n, k, strides=s, padding=spec["padding"], dilation_rate=d))
            except ValueError:
                span = k if d == 1 else Phrase("{size}, dilated to {dilated}", size=k, dilated=(k - 1) * d + 1)
                raise Problem(
                    "the kernel {axis} ({span}) is larger than the input {axis} ({size}) with padding='valid', so the "
                    "output would be empty; use padding='same', a smaller kernel_size, or less downsampling before it",
                    axis=_AXES[axis],
                    span=span,
                    size=n,
                ) from None
            formulas.append(output_size_formula(n, k, strides=s, padding=spec["padding"], dilation_rate=d))
        filters = spec["filters"]
        weights = ks[0] * ks[1] * c * filters + (filters if spec["use_bias"] else 0)
        if spec["use_bias"]:
            params = f"({_times(ks[0], ks[1], c)} + 1) × {filters} = {weights}"
        else:
            params = f"{_times(ks[0], ks[1], c)} × {filters} = {weights}"
        return (sizes[0], sizes[1], filters), weights, 0, params, _spatial_formula(formulas)
    if kind in {"MaxPooling2D", "AveragePooling2D"}:
        (h, w, c), ps = shape, _pair(spec["pool_size"])
        st = ps if spec["strides"] is None else _pair(spec["strides"])
        sizes, formulas = [], []
        for axis, n, p, s in zip(("height", "width"), (h, w), ps, st, strict=True):
            try:
                sizes.append(output_size(n, p, strides=s, padding=spec["padding"]))
            except ValueError:
                raise Problem(
                    "the pooling window {axis} ({window}) is larger than the input {axis} ({size}) with "
                    "padding='valid', so the output would be empty; use padding='same', a smaller pool_size, or less "
                    "downsampling before it",
                    axis=_AXES[axis],
                    window=p,
                    size=n,
                ) from None
            formulas.append(output_size_formula(n, p, strides=s, padding=spec["padding"]))
        return (sizes[0], sizes[1], c), 0, 0, "0", _spatial_formula(formulas)
    if kind in {"GlobalAveragePooling2D", "GlobalMaxPooling2D"}:
        return (shape[2],), 0, 0, "0", f"{_times(*shape[:2])} → 1"
    if kind == "Flatten":
        size = math.prod(shape)
        return (size,), 0, 0, "0", f"{_times(*shape)} = {size}" if len(shape) > 1 else ""
    if kind == "Dense":
        c, units = shape[-1], spec["units"]
        weights = c * units + (units if spec["use_bias"] else 0)
        params = f"({c} + 1) × {units} = {weights}" if spec["use_bias"] else f"{c} × {units} = {weights}"
        return (*shape[:-1], units), weights, 0, params, ""
    if kind == "BatchNormalization":
        c = shape[-1]
        learned = [name for name, on in (("γ", spec["scale"]), ("β", spec["center"])) if on]
        trainable = len(learned) * c
        formula = f"{','.join(learned)}: {len(learned)}×{c} + μ,σ²: 2×{c} = {trainable + 2 * c}"
        return shape, trainable, 2 * c, formula if learned else f"μ,σ²: 2×{c} = {2 * c}", ""
    # Rescaling, Dropout, Activation and the augmentation layers keep the shape and learn nothing.
    return shape, 0, 0, "0", ""


def summarize(specs: list[Spec], input_shape: tuple[int, ...]) -> list[dict]:
    """What ``model.summary()`` shows for the Keras model built from `specs` on `input_shape`, in pure Python.

    Args:
        specs: layer specs (see :data:`LAYER_TYPES`), e.g. ``[{"type": "Conv2D", "filters": 16, "kernel_size": 3}]``.
        input_shape: the shape of one example, no batch axis: (H, W, C), or (n,) / (n, m).

    Returns:
        One dict per layer with
        ``"type"``; ``"name"`` (Keras's default name in a fresh session: conv2d, conv2d_1, ...);
        ``"input_shape"`` and ``"output_shape"`` (tuples without the batch axis);
        ``"params"`` = ``"trainable_params"`` + ``"non_trainable_params"`` (ints);
        ``"formula"``: the parameter arithmetic with the numbers substituted, e.g. ``"(3×3×1 + 1) × 16 = 160"``;
        ``"shape_formula"``: the output-size arithmetic, e.g. ``"H, W: ⌊(28 − 3) / 1⌋ + 1 = 26"`` ("" when the
        layer keeps the shape); ``"spec"``: the normalized spec (all arguments filled in).

    Raises:
        LayerError (a ValueError): a spec is invalid, or a layer cannot be built on the shape that reaches it
            (Conv2D/pooling on a non-3-D input, a kernel or pooling window larger than its input with
            padding="valid", ...). The message names the layer (1-based position and type) and the shapes; the
            exception carries the rows of the layers before it.
        ValueError: an invalid `input_shape` or `specs` that is not a list.
    """
    shape = _check_input_shape(input_shape)
    if not isinstance(specs, list | tuple):
        raise invalid("specs", "a list of layer specs", specs)
    if len(specs) > MAX_LAYERS:
        shown = Phrase("{count} layers", count=len(specs))
        raise invalid("specs", "at most {limit} layers", specs, show=shown, limit=MAX_LAYERS)
    rows: list[dict] = []
    counts: dict[str, int] = {}
    for index, raw in enumerate(specs):
        kind = raw.get("type") if isinstance(raw, dict) else None
        label = kind if isinstance(kind, str) else "?"
        try:
            spec = normalize_spec(raw)
        except ValueError as err:
            problem = Problem("Layer {index} ({kind}): {reason}", index=index + 1, kind=label, reason=err)
            raise LayerError(problem, index=index, layer_type=str(kind), input_shape=None, rows=rows) from None
        try:
            out, trainable, frozen, formula, shape_formula = _layer(spec, shape)
        except ValueError as err:
            raise LayerError(
                Problem(
                    "Layer {index} ({kind}) cannot be built on input shape {shape}: {reason}",
                    index=index + 1,
                    kind=label,
                    shape=format_shape(shape),
                    reason=err,
                ),
                index=index,
                layer_type=spec["type"],
                input_shape=shape,
                rows=rows,
            ) from None
        base = snake_name(spec["type"])
        number = counts.get(base, 0)
        counts[base] = number + 1
        rows.append(
            {
                "type": spec["type"],
                "name": base if number == 0 else f"{base}_{number}",
                "input_shape": shape,
                "output_shape": out,
                "params": trainable + frozen,
                "trainable_params": trainable,
                "non_trainable_params": frozen,
                "formula": formula,
                "shape_formula": shape_formula,
                "spec": spec,
            }
        )
        shape = out
    return rows


def totals(rows: list[dict]) -> dict[str, int]:
    """The three totals under ``model.summary()``: ``{"params", "trainable_params", "non_trainable_params"}``."""
    return {key: sum(r[key] for r in rows) for key in ("params", "trainable_params", "non_trainable_params")}


# --------------------------------------------------------------------------------------------------------------------
# Keras: the model itself and its source code
# --------------------------------------------------------------------------------------------------------------------


def keras_kwargs(spec: Spec, *, everything: bool) -> dict[str, Any]:
    """Keras keyword arguments of a normalized spec: all of them, or only the main ones and non-defaults."""
    kwargs = {}
    for arg in LAYER_TYPES[spec["type"]]:
        value = spec[arg.name]
        if everything or arg.required or value != arg.default:
            kwargs[arg.name] = value
    return kwargs


def _literal(value: object, *, reciprocal: bool = False) -> str:
    """Python source for a value; with `reciprocal`, 0.00392… is written ``1 / 255`` as the course notes do."""
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, float):
        if reciprocal and value > 0:
            k = round(1 / value)
            if 1 < k <= 65535 and math.isclose(value, 1 / k, rel_tol=1e-9):
                return f"1 / {k}"
        return repr(value)
    return repr(value)


def _layer_source(spec: Spec) -> str:
    kwargs = keras_kwargs(spec, everything=False)
    parts = [f"{k}={_literal(v, reciprocal=spec['type'] == 'Rescaling' and k == 'scale')}" for k, v in kwargs.items()]
    return f"layers.{spec['type']}({', '.join(parts)})"


def to_keras_code(specs: list[Spec], input_shape: tuple[int, ...], *, api: str = "sequential") -> str:
    """Runnable Keras source (imports included) that builds the same model as ``build_model``.

    Args:
        api: "sequential" (``keras.Sequential([...])``) or "functional" (``x = layer(x)`` …
            ``keras.Model(inputs, outputs)``), the two styles of the course notes.

    Only the main argument of each layer and the arguments that differ from Keras's defaults are written.

    Raises:
        ValueError: an unknown `api`; invalid specs or input shape (as :func:`normalize_spec`). The stack does not
            have to build: the code is what a learner would type, and Keras would stop where :func:`summarize` does.
    """
    check_choice("api", api, ("sequential", "functional"))
    shape = _check_input_shape(input_shape)
    sources = []
    for index, raw in enumerate(specs):
        try:
            sources.append(_layer_source(normalize_spec(raw)))
        except ValueError as err:
            kind = raw.get("type") if isinstance(raw, dict) else "?"
            raise Problem("Layer {index} ({kind}): {reason}", index=index + 1, kind=kind, reason=err) from None
    lines = ["import keras", "from keras import layers", ""]
    if api == "sequential":
        lines.append("model = keras.Sequential(")
        lines.append("    [")
        lines.append(f"        keras.Input(shape={shape!r}),")
        lines.extend(f"        {source}," for source in sources)
        lines.append("    ]")
        lines.append(")")
    else:
        lines.append(f"inputs = keras.Input(shape={shape!r})")
        previous = "inputs"
        for i, source in enumerate(sources):
            target = "outputs" if i == len(sources) - 1 else "x"
            lines.append(f"{target} = {source}({previous})")
            previous = target
        if not sources:
            lines.append("outputs = inputs")
        lines.append("model = keras.Model(inputs=inputs, outputs=outputs)")
    lines.append("model.summary()")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------------------------------------
# A stack as short text (shareable links)
# --------------------------------------------------------------------------------------------------------------------

_LAYER_SEP, _ARG_SEP, _VALUE_SEP = "~", "__", "-"


def _value_text(value: object) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return f"{value[0]}x{value[1]}"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def stack_to_text(specs: list[Spec]) -> str:
    """A short, URL-safe text for a stack; only arguments that differ from :data:`LAYER_TYPES` defaults are kept.

    Layers are separated by ``~``; a layer is ``Type`` followed by ``__name-value`` pieces, e.g.
    ``Conv2D__filters-16__padding-same__activation-relu~MaxPooling2D~Flatten~Dense__activation-softmax``.
    Read back with :func:`stack_from_text`.

    Raises:
        ValueError: an invalid spec (as :func:`normalize_spec`).
    """
    layers = []
    for raw in specs:
        spec = normalize_spec(raw)
        pieces = [spec["type"]]
        for arg in LAYER_TYPES[spec["type"]]:
            if spec[arg.name] != arg.default:
                pieces.append(f"{arg.name}{_VALUE_SEP}{_value_text(spec[arg.name])}")
        layers.append(_ARG_SEP.join(pieces))
    return _LAYER_SEP.join(layers)


def _parse_value(arg: Arg, text: str) -> object:
    low = text.lower()
    if low == "none":
        return None
    if arg.kind == "bool":
        return {"true": True, "false": False}.get(low, text)
    if arg.kind in {"pair", "optional_pair"}:
        parts = low.split("x")
        if all(p.isdigit() for p in parts) and len(parts) in {1, 2}:
            numbers = tuple(int(p) for p in parts)
            return numbers[0] if len(numbers) == 1 else numbers
        return text
    if arg.kind == "int":
        return int(text) if re.fullmatch(r"-?\d+", text) else text
    if arg.kind in {"float", "optional_float"}:
        try:
            return float(text)
        except ValueError:
            return text
    return text


def stack_from_text(text: str, *, max_layers: int = MAX_LAYERS) -> list[Spec]:
    """Read a stack written by :func:`stack_to_text` (e.g. from a shared link), checking every layer.

    Returns:
        Normalized specs (every argument filled in). An empty text is the empty stack.

    Raises:
        ValueError: malformed text, too many layers, an unknown type or argument, or a value Keras would refuse;
            the message names the layer (1-based) and the piece.
    """
    if not isinstance(text, str) or len(text) > 100 * max_layers:
        shown = Phrase("a longer text")
        raise invalid("stack", "a text of at most {limit} characters", text, show=shown, limit=100 * max_layers)
    if not text.strip():
        return []
    chunks = text.strip().split(_LAYER_SEP)
    if len(chunks) > max_layers:
        shown = Phrase("{count} layers", count=len(chunks))
        raise invalid("stack", "at most {limit} layers", text, show=shown, limit=max_layers)
    specs = []
    for index, chunk in enumerate(chunks):
        layer_type, *pieces = chunk.split(_ARG_SEP)
        if layer_type not in LAYER_TYPES:
            reason = invalid("type", "a known layer type", layer_type)
            raise Problem("Layer {index}: {reason}", index=index + 1, reason=reason)
        args = {a.name: a for a in LAYER_TYPES[layer_type]}
        spec: Spec = {"type": layer_type}
        for piece in pieces:
            name, sep, value = piece.partition(_VALUE_SEP)
            if not sep or name not in args or name in spec:
                raise Problem(
                    "Layer {index} ({kind}): cannot read {piece}", index=index + 1, kind=layer_type, piece=repr(piece)
                )
            spec[name] = _parse_value(args[name], value)
        try:
            specs.append(normalize_spec(spec))
        except ValueError as err:
            raise Problem("Layer {index} ({kind}): {reason}", index=index + 1, kind=layer_type, reason=err) from None
    return specs


def __getattr__(name: str) -> Any:
    """`build_model` lives in `playground.lab.model` (the one model builder); it is importable from here too."""
    if name == "build_model":
        from playground.lab.model import build_model

        return build_model
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
