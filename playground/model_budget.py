"""What an uploaded model would cost, read from its files *before* Keras builds or loads anything.

Two checks, independent of the installed Keras version:

* `config_cost(config)` walks a `.keras` file's config.json (Sequential or Functional) with the shape rules of the
  layers the app accepts and returns the parameter count and the largest activation for one image (batch 1).
  `check_config_budget` refuses a model over budget with the numbers, so a 1.2 KB config asking for
  `Dense(100000)` or `ZeroPadding2D(300)` costs nothing but this walk. Shape rules (channels last):

      Conv2D            out = floor((n + pads − d·(k − 1) − 1) / s) + 1,  params = k_h·k_w·C_in/groups·F (+ F)
      Max/AveragePool   out = floor((n − p) / s) + 1 (valid) or ceil(n / s) (same)
      Dense             params = n_in·units (+ units)

* `check_h5(path, expected)` opens a `.weights.h5` with h5py and refuses what Keras should never read:
  external links and soft links, datasets stored in external raw files (HDF5's "external storage", which can
  point at any file of the server, e.g. /proc/self/environ), virtual datasets, non-numeric dtypes, and any
  dataset whose shape or dtype differs from the model the app built. Keras older than 3.13.2 read external
  storage blindly; this check does not depend on that fix.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from playground._checks import check_int
from playground.messages import Phrase, Problem

# The largest preset (course_notes) has ~0.5 M parameters and a 40,000-value activation for one image.
MAX_PARAMS = 2_500_000  # 5× the largest preset
MAX_ACTIVATION = 200_000  # values in the largest layer output, batch 1 (5× the largest preset)

Shape = tuple[int, ...]
MODEL_KINDS = frozenset({"Sequential", "Functional", "Model"})

SHAPE_KEEPING = frozenset(
    {
        "Dropout",
        "SpatialDropout2D",
        "Activation",
        "ReLU",
        "LeakyReLU",
        "Softmax",
        "Rescaling",
        "RandomFlip",
        "RandomRotation",
        "RandomZoom",
        "RandomTranslation",
        "RandomContrast",
    }
)


@dataclass(frozen=True)
class ModelCost:
    params: int
    largest_activation: int  # values in the largest tensor for one input (batch 1)
    largest_layer: str


class CostError(Problem):
    """The config cannot be costed (an unknown layer, a shape that does not work): refused, like a bad file.

    Raised with the reason as a `Phrase` (``CostError(Phrase("layer {name} has no config", name=name))``): a
    fragment that the refusing sentence quotes ("… cannot be worked out ({reason}) …"), translated with it.
    """

    def __init__(self, reason: Phrase, /) -> None:
        super().__init__(reason.template, **reason.values)


def _pair(value: Any, name: str) -> tuple[int, int]:
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = (value, value)
    if not isinstance(value, list | tuple) or len(value) != 2:
        raise CostError(
            Phrase("`{name}` must be an integer or a pair of integers, not {value}", name=name, value=str(value)[:40])
        )
    return check_int(name, value[0], low=1), check_int(name, value[1], low=1)


def _windows(n: int, k: int, s: int, d: int, padding: str) -> int:
    effective = d * (k - 1) + 1
    if padding == "same":
        return math.ceil(n / s)
    if padding != "valid":
        raise CostError(Phrase("padding must be 'valid' or 'same', not {padding}", padding=str(padding)[:20]))
    if n < effective:
        raise CostError(Phrase("a window of {window} does not fit an input of {size}", window=effective, size=n))
    return (n - effective) // s + 1


def _spatial(shape: Shape, name: str, cls: str) -> Shape:
    if len(shape) != 3:
        raise CostError(
            Phrase("layer {name} ({kind}) needs an (H, W, C) input, got {shape}", name=name, kind=cls, shape=shape)
        )
    return shape


def _layer_cost(cls: str, cfg: Mapping[str, Any], inputs: list[Shape], name: str) -> tuple[Shape, int]:
    """(output shape without the batch axis, parameter count) of one layer."""
    if cfg.get("data_format", "channels_last") not in (None, "channels_last"):
        raise CostError(Phrase("layer {name}: only channels_last models are accepted", name=name))
    x = inputs[0]
    if cls in SHAPE_KEEPING:
        return x, 0
    if cls in ("Conv2D", "DepthwiseConv2D", "SeparableConv2D"):
        h, w, c = _spatial(x, name, cls)
        kh, kw = _pair(cfg.get("kernel_size"), "kernel_size")
        sh, sw = _pair(cfg.get("strides", 1), "strides")
        dh, dw = _pair(cfg.get("dilation_rate", 1), "dilation_rate")
        padding = cfg.get("padding", "valid")
        out_hw = (_windows(h, kh, sh, dh, padding), _windows(w, kw, sw, dw, padding))
        bias = bool(cfg.get("use_bias", True))
        if cls == "Conv2D":
            filters = check_int("filters", cfg.get("filters"), low=1)
            groups = check_int("groups", cfg.get("groups", 1), low=1)
            return (*out_hw, filters), kh * kw * (c // groups) * filters + (filters if bias else 0)
        dm = check_int("depth_multiplier", cfg.get("depth_multiplier", 1), low=1)
        if cls == "DepthwiseConv2D":
            return (*out_hw, c * dm), kh * kw * c * dm + (c * dm if bias else 0)
        filters = check_int("filters", cfg.get("filters"), low=1)
        return (*out_hw, filters), kh * kw * c * dm + c * dm * filters + (filters if bias else 0)
    if cls in ("MaxPooling2D", "AveragePooling2D"):
        h, w, c = _spatial(x, name, cls)
        ph, pw = _pair(cfg.get("pool_size", 2), "pool_size")
        sh, sw = _pair(cfg.get("strides") or (ph, pw), "strides")
        padding = cfg.get("padding", "valid")
        return (_windows(h, ph, sh, 1, padding), _windows(w, pw, sw, 1, padding), c), 0
    if cls in ("GlobalAveragePooling2D", "GlobalMaxPooling2D"):
        h, w, c = _spatial(x, name, cls)
        return ((1, 1, c) if cfg.get("keepdims") else (c,)), 0
    if cls == "ZeroPadding2D":
        h, w, c = _spatial(x, name, cls)
        pad = cfg.get("padding", 1)
        if isinstance(pad, int | float):
            pad = ((pad, pad), (pad, pad))
        elif isinstance(pad, list | tuple) and len(pad) == 2 and all(isinstance(p, int | float) for p in pad):
            pad = ((pad[0], pad[0]), (pad[1], pad[1]))
        try:
            (t, b), (left, r) = pad
            t, b, left, r = (check_int("padding", v, low=0) for v in (t, b, left, r))
        except (TypeError, ValueError) as err:
            raise CostError(
                Phrase("layer {name}: unreadable padding {padding}", name=name, padding=str(pad)[:40])
            ) from err
        return (h + t + b, w + left + r, c), 0
    if cls == "Flatten":
        return (math.prod(x),), 0
    if cls == "Reshape":
        target = [int(v) for v in cfg.get("target_shape") or ()]
        known = math.prod(v for v in target if v != -1)
        if target.count(-1) == 1 and known > 0:
            target[target.index(-1)] = math.prod(x) // known
        if math.prod(target) != math.prod(x) or any(v < 1 for v in target):
            raise CostError(
                Phrase("layer {name}: cannot reshape {shape} to {target}", name=name, shape=x, target=tuple(target))
            )
        return tuple(target), 0
    if cls == "Dense":
        units = check_int("units", cfg.get("units"), low=1)
        bias = bool(cfg.get("use_bias", True))
        return (*x[:-1], units), x[-1] * units + (units if bias else 0)
    if cls == "BatchNormalization":
        return x, 4 * x[-1]
    if cls == "LayerNormalization":
        return x, (x[-1] if cfg.get("center", True) else 0) + (x[-1] if cfg.get("scale", True) else 0)
    if cls == "Add":
        if any(s != x for s in inputs):
            raise CostError(Phrase("layer {name}: Add needs equal shapes, got {shapes}", name=name, shapes=inputs))
        return x, 0
    if cls == "Concatenate":
        axis = cfg.get("axis", -1)
        axis = axis if axis < 0 else axis - 1  # config axes count the batch axis
        total = sum(s[axis] for s in inputs)
        out = list(x)
        out[axis] = total
        return tuple(out), 0
    raise CostError(Phrase("the cost of layer {name} ({kind}) cannot be computed", name=name, kind=str(cls)[:40]))


def _input_shape(layer_cfg: Mapping[str, Any]) -> Shape:
    shape = layer_cfg.get("batch_shape") or layer_cfg.get("batch_input_shape")
    if not isinstance(shape, list | tuple) or len(shape) < 2:
        raise CostError(Phrase("the model's input shape is missing from config.json"))
    return tuple(check_int("input shape", v, low=1) for v in shape[1:])


def config_cost(config: Mapping[str, Any]) -> ModelCost:
    """Parameter count and largest activation (batch 1) of a Keras 3 model config (config.json of a `.keras`).

    A Sequential or Functional model used as a layer of another (what the app saves after putting `Rescaling` in
    front of an uploaded Functional model) is costed from its own config.

    Raises:
        CostError: a layer or structure whose cost cannot be computed (an unaccepted model).
    """
    cost, _shape = _model_cost(config, None, depth=0)
    return cost


def _model_cost(config: Mapping[str, Any], given: Shape | None, *, depth: int) -> tuple[ModelCost, Shape]:
    """(cost, output shape) of a model config; `given` is the input shape when the model is used as a layer."""
    if depth > 4:
        raise CostError(Phrase("models nested more than 4 deep are not accepted"))
    if not isinstance(config, Mapping) or not isinstance(config.get("config"), Mapping):
        raise CostError(Phrase("config.json does not describe a Keras model"))
    kind, body = config.get("class_name"), config["config"]
    layers = body.get("layers")
    if not isinstance(layers, list) or not layers:
        raise CostError(Phrase("the model has no layers"))
    params, largest, largest_name = 0, 0, ""

    def account(name: str, shape: Shape, p: int, inner: ModelCost | None = None) -> None:
        nonlocal params, largest, largest_name
        params += p
        size, at = (inner.largest_activation, inner.largest_layer) if inner else (math.prod(shape), name)
        if size > largest:
            largest, largest_name = size, at

    def layer_cost(cls: str, cfg: Any, inputs: list[Shape], name: str) -> tuple[Shape, int, ModelCost | None]:
        if cls in MODEL_KINDS:
            if len(inputs) != 1:
                raise CostError(Phrase("layer {name}: a nested model takes one input", name=name))
            inner, out = _model_cost({"class_name": cls, "config": cfg}, inputs[0], depth=depth + 1)
            return out, inner.params, inner
        if not isinstance(cfg, Mapping):
            raise CostError(Phrase("layer {name} has no config", name=name))
        out, p = _layer_cost(cls, cfg, inputs, name)
        return out, p, None

    if kind == "Sequential":
        shape: Shape | None = given
        build = body.get("build_input_shape")
        for layer in layers:
            if not isinstance(layer, Mapping):
                raise CostError(Phrase("a layer of the model is not described"))
            cls, cfg = layer.get("class_name"), layer.get("config") or {}
            name = str(cfg.get("name", cls))[:40]
            if cls == "InputLayer":
                shape = _input_shape(cfg)
                account(name, shape, 0)
                continue
            if shape is None:
                if not isinstance(build, list | tuple):
                    raise CostError(Phrase("the model's input shape is missing from config.json"))
                shape = tuple(check_int("input shape", v, low=1) for v in build[1:])
            shape, p, inner = layer_cost(str(cls), cfg, [shape], name)
            account(name, shape, p, inner)
        if shape is None:
            raise CostError(Phrase("the model's input shape is missing from config.json"))
        return ModelCost(params, largest, largest_name), shape
    if kind in ("Functional", "Model"):
        shapes: dict[str, Shape] = {}
        for layer in layers:  # Keras writes layers in an order where inputs come first
            if not isinstance(layer, Mapping):
                raise CostError(Phrase("a layer of the model is not described"))
            cls, cfg = layer.get("class_name"), layer.get("config") or {}
            name = str(layer.get("name") or cfg.get("name"))
            if cls == "InputLayer":
                shapes[name] = _input_shape(cfg)
                account(name[:40], shapes[name], 0)
                continue
            nodes = layer.get("inbound_nodes") or []
            if len(nodes) != 1:
                raise CostError(
                    Phrase(
                        "layer {name} is used {count} times; shared layers are not accepted",
                        name=name[:40],
                        count=len(nodes),
                    )
                )
            try:
                sources = [t["config"]["keras_history"][0] for t in _tensors(nodes[0])]
            except (KeyError, IndexError, TypeError):
                raise CostError(Phrase("layer {name}: unreadable inputs", name=name[:40])) from None
            if not sources or any(s not in shapes for s in sources):
                raise CostError(Phrase("layer {name} reads a tensor that no earlier layer makes", name=name[:40]))
            shapes[name], p, inner = layer_cost(str(cls), cfg, [shapes[s] for s in sources], name[:40])
            account(name[:40], shapes[name], p, inner)
        outputs = body.get("output_layers")
        try:
            if isinstance(outputs, list) and outputs and isinstance(outputs[0], str):
                outputs = [outputs]  # a single output written as [name, node, tensor]
            out_shape = shapes[outputs[0][0]]
        except (KeyError, IndexError, TypeError):
            raise CostError(Phrase("the model's output layer is missing from config.json")) from None
        return ModelCost(params, largest, largest_name), out_shape
    raise CostError(Phrase("unknown model kind {kind}", kind=str(kind)[:40]))


def _tensors(node: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []

    def walk(v: Any) -> None:
        if isinstance(v, dict):
            if v.get("class_name") == "__keras_tensor__":
                found.append(v)
                return
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    walk(node)
    return found


def check_config_budget(
    config: Mapping[str, Any], *, max_params: int = MAX_PARAMS, max_activation: int = MAX_ACTIVATION
) -> ModelCost:
    """`config_cost(config)`, or ValueError naming the numbers when a budget is exceeded."""
    cost = config_cost(config)
    if cost.params > max_params:
        raise Problem(
            "This model has {params:,} parameters; this server accepts up to {limit:,} "
            "(5× the largest model the lab trains).",
            params=cost.params,
            limit=max_params,
        )
    if cost.largest_activation > max_activation:
        raise Problem(
            "Layer {layer} of this model produces {values:,} values per image; this "
            "server accepts up to {limit:,} (5× the largest model the lab trains).",
            layer=cost.largest_layer,
            values=cost.largest_activation,
            limit=max_activation,
        )
    return cost


# ------------------------------------------------------------------------------------------------- HDF5


def check_h5(
    path: Path | str | BinaryIO,
    expected: Mapping[str, tuple[Shape, str]] | None = None,
    *,
    optional: str = "optimizer/",
) -> dict[str, Shape]:
    """Check a `.weights.h5` file's structure with h5py before Keras reads it; return {dataset path: shape}.

    Refused (ValueError): external links, soft links, external raw storage, virtual datasets, datasets of a
    non-numeric dtype, and — when `expected` ({path: (shape, dtype name)}) is given — any dataset missing, extra,
    or of another shape or dtype. Datasets under `optional` (a trained model's optimizer state, which a freshly
    built target does not have yet) may be present; each must be a scalar or have the shape of an expected
    dataset, so they can hold no more than the model's own weights do. Links are inspected with `getlink=True`,
    so they are never followed. `path` may be an open binary file (e.g. an entry of a `.keras` zip).
    """
    import h5py
    import numpy as np

    found: dict[str, Shape] = {}
    dtypes: dict[str, str] = {}

    def walk(group: Any, prefix: str) -> None:
        for key in group:
            link = group.get(key, getlink=True)
            path_ = f"{prefix}{key}"
            if isinstance(link, h5py.ExternalLink):
                raise Problem("This weights file links to another file ({path}); refused.", path=path_)
            if isinstance(link, h5py.SoftLink):
                raise Problem("This weights file contains a link ({path}); a Keras weights file has none.", path=path_)
            obj = group[key]
            if isinstance(obj, h5py.Group):
                walk(obj, path_ + "/")
            elif isinstance(obj, h5py.Dataset):
                if obj.external:
                    raise Problem(
                        "Dataset {path} of this weights file is stored in another file on disk (HDF5 external "
                        "storage); refused: it could make the server read its own files.",
                        path=path_,
                    )
                if obj.is_virtual:
                    raise Problem("Dataset {path} of this weights file is a virtual dataset; refused.", path=path_)
                if obj.dtype.kind not in "biuf":
                    raise Problem(
                        "Dataset {path} of this weights file is not numeric ({dtype}); refused.",
                        path=path_,
                        dtype=str(obj.dtype),
                    )
                found[path_] = tuple(int(n) for n in obj.shape)
                dtypes[path_] = np.dtype(obj.dtype).name

    try:
        with h5py.File(path, "r") as f:
            walk(f, "")
    except ValueError:
        raise
    except Exception as err:  # h5py raises OSError, KeyError, RuntimeError on damaged files
        raise Problem("The weights file could not be read as HDF5 ({reason}).", reason=str(err)[:120]) from None
    if expected is not None:
        for name, (shape, dtype) in expected.items():
            if name not in found:
                raise Problem(
                    "The weights file has no {name}, which the model needs (shape {shape}).",
                    name=name,
                    shape=tuple(shape),
                )
            if found[name] != tuple(shape) or dtypes[name] != dtype:
                raise Problem(
                    "{name} in the weights file is {shape} {dtype}; the model needs {needed_shape} {needed_dtype}.",
                    name=name,
                    shape=found[name],
                    dtype=dtypes[name],
                    needed_shape=tuple(shape),
                    needed_dtype=dtype,
                )
        shapes = {tuple(shape) for shape, _dtype in expected.values()} | {()}
        for name in sorted(set(found) - set(expected)):
            if optional and name.startswith(optional) and found[name] not in shapes:
                raise Problem(
                    "{name} in the weights file has shape {shape}, which no weight of the model has.",
                    name=name,
                    shape=found[name],
                )
        extra = sorted(n for n in set(found) - set(expected) if not (optional and n.startswith(optional)))
        if extra:
            raise Problem(
                "The weights file holds datasets the model does not have: {names}.", names=", ".join(extra[:5])
            )
    return found
