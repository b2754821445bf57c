"""Data augmentation with Keras's own random preprocessing layers.

Augmentation makes *more* training samples out of the ones we have by applying random, label-preserving
changes (a mirrored shirt is still a shirt). In Keras the changes are layers put at the start of the model;
they act only while training (`training=True`) and pass images through unchanged at inference.

Specs use the architecture format (plain dicts with the Keras class in "type" and Keras's own argument names),
so the training lab can build them with ``getattr(keras.layers, spec["type"])(**arguments)``:

    {"type": "RandomFlip", "mode": "horizontal"}
    {"type": "RandomRotation", "factor": 0.1}          # ± 0.1 of a full turn = ± 36°
    {"type": "RandomZoom", "height_factor": 0.2}       # zoom in/out by up to 20 % (aspect kept)
    {"type": "RandomTranslation", "height_factor": 0.1, "width_factor": 0.1}  # shift by up to 10 % of H / W
    {"type": "RandomContrast", "factor": 0.2}          # contrast × a factor in [0.8, 1.2]

TensorFlow/Keras is imported only inside `augment`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from playground._checks import check_arguments, check_choice, check_int, check_number, invalid
from playground._keras import load_keras
from playground.code_comments import comments_with


@dataclass(frozen=True)
class AugmentationDef:
    """One augmentation choice: the Keras layer, its fixed arguments and its adjustable factor.

    Attributes:
        layer: the Keras class name in ``keras.layers``.
        factor_args: the Keras arguments that take the (same) factor value, e.g. ("height_factor",
            "width_factor"); empty for RandomFlip, which has no factor.
        factor_range: allowed factor values (inclusive).
        default: the factor a learner starts with (the course notes' values where they give one).
        fixed: arguments that define the choice itself (RandomFlip's mode).
    """

    layer: str
    factor_args: tuple[str, ...] = ()
    factor_range: tuple[float, float] = (0.0, 0.0)
    default: float = 0.0
    fixed: dict[str, Any] = field(default_factory=dict)


AUGMENTATIONS: dict[str, AugmentationDef] = {  # option table that feeds the page's widgets
    "flip_horizontal": AugmentationDef("RandomFlip", fixed={"mode": "horizontal"}),
    "flip_vertical": AugmentationDef("RandomFlip", fixed={"mode": "vertical"}),
    "rotation": AugmentationDef("RandomRotation", ("factor",), (0.01, 0.5), 0.1),
    "zoom": AugmentationDef("RandomZoom", ("height_factor",), (0.01, 0.9), 0.2),
    "translation": AugmentationDef("RandomTranslation", ("height_factor", "width_factor"), (0.01, 0.9), 0.1),
    "contrast": AugmentationDef("RandomContrast", ("factor",), (0.01, 1.0), 0.2),
}

LAYER_TYPES = frozenset(d.layer for d in AUGMENTATIONS.values())
MAX_VERSIONS = 64  # the most augmented versions `augment` makes in one call
FLIP_MODES = ("horizontal", "vertical", "horizontal_and_vertical")
_ALLOWED_ARGS = {
    "RandomFlip": {"mode"},
    "RandomRotation": {"factor"},
    "RandomZoom": {"height_factor", "width_factor"},
    "RandomTranslation": {"height_factor", "width_factor"},
    "RandomContrast": {"factor"},
}


def spec_for(option: str, factor: float | None = None) -> dict[str, Any]:
    """The layer spec of one `AUGMENTATIONS` option with the given factor (its default when None).

    Raises:
        ValueError: unknown option, or factor outside the option's range.
    """
    check_choice("option", option, list(AUGMENTATIONS))
    definition = AUGMENTATIONS[option]
    spec: dict[str, Any] = {"type": definition.layer, **definition.fixed}
    value = definition.default if factor is None else factor
    for name in definition.factor_args:
        spec[name] = float(value)
    return validate_spec(spec)


def validate_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """Check one augmentation spec and return a clean copy (floats as floats).

    Raises:
        ValueError: not a dict, unknown "type", unknown argument, or a factor out of range.
    """
    if not isinstance(spec, dict):
        raise invalid("type", 'a layer spec, a dict like {{"type": "RandomFlip", "mode": "horizontal"}}', spec)
    layer = check_choice("type", spec.get("type"), sorted(LAYER_TYPES))
    arguments = {k: v for k, v in spec.items() if k != "type"}
    check_arguments(arguments, sorted(_ALLOWED_ARGS[layer]), layer)
    clean: dict[str, Any] = {"type": layer}
    if layer == "RandomFlip":
        if "mode" in arguments:
            clean["mode"] = check_choice("mode", arguments["mode"], FLIP_MODES)
        return clean
    low, high = next(d.factor_range for d in AUGMENTATIONS.values() if d.layer == layer and d.factor_args)
    first = "factor" if layer in {"RandomRotation", "RandomContrast"} else "height_factor"
    if first not in arguments:
        raise invalid(
            first,
            "a number in the range [{low:g}, {high:g}] ({layer} needs it)",
            None,
            show=repr(spec),
            low=low,
            high=high,
            layer=layer,
        )
    for name, value in arguments.items():
        if name == "width_factor" and value is None:
            clean[name] = None
        else:
            clean[name] = check_number(name, value, low=low, high=high)
    return clean


def build_layers(specs: tuple[dict[str, Any], ...] | list[dict[str, Any]], *, seed: int | None = None) -> list:
    """The Keras layers of `specs`, in order; layer i gets ``seed + i`` so the layers are not correlated."""
    keras = load_keras()
    clean = [validate_spec(spec) for spec in specs]
    layers = []
    for i, spec in enumerate(clean):
        arguments = {k: v for k, v in spec.items() if k != "type"}
        layer_seed = None if seed is None else int(seed) + i
        layers.append(getattr(keras.layers, spec["type"])(seed=layer_seed, **arguments))
    return layers


def _check_image(image: np.ndarray) -> np.ndarray:
    image = np.asarray(image)
    ok_shape = image.ndim == 2 or (image.ndim == 3 and image.shape[2] in (1, 3))
    if not ok_shape or image.size == 0 or not np.issubdtype(image.dtype, np.number):
        show = f"dtype={image.dtype}, shape={image.shape}"
        raise invalid("image", "a numeric array of shape (H, W), (H, W, 1) or (H, W, 3)", image, show=show)
    if min(image.shape[:2]) < 2:
        raise invalid("image", "at least 2 × 2 pixels", image, show=f"shape={image.shape}")
    return image


def augment(
    image: np.ndarray,
    specs: tuple[dict[str, Any], ...] | list[dict[str, Any]],
    *,
    n: int = 8,
    seed: int | None = 0,
    training: bool = True,
) -> np.ndarray:
    """`n` randomly augmented versions of one image, made by the real Keras layers.

    The image is repeated into a batch of `n` and passed once through the layers of `specs` (fresh layers,
    seeded with `seed`, `seed + 1`, ...): every batch element draws its own random flip / angle / zoom /
    shift / contrast, so the `n` versions differ, and the same `seed` gives the same versions again.
    Pixel values keep their range (0…255 for uint8 input; RandomContrast uses ``value_range=(0, 255)`` and
    clips to it); empty borders are filled by reflection (Keras's default ``fill_mode="reflect"``).

    Args:
        image: array (H, W), (H, W, 1) or (H, W, 3), values 0…255.
        specs: augmentation layer specs (see module docstring); empty means no augmentation.
        n: number of versions, 1…`MAX_VERSIONS`.
        seed: integer seed for reproducible versions (None: different every call).
        training: False runs the layers in inference mode, where Keras makes them the identity.

    Returns:
        float32 array of shape (n, *image.shape).

    Raises:
        ValueError: invalid image, spec, n or seed.
    """
    image = _check_image(image)
    n = check_int("n", n, low=1, high=MAX_VERSIONS, whole_floats=False)
    if seed is not None:
        seed = check_int("seed", seed, low=0, whole_floats=False)
    clean = [validate_spec(spec) for spec in specs]
    batch = np.repeat(image.astype(np.float32)[None], n, axis=0)
    if batch.ndim == 3:
        batch = batch[..., None]
    out = batch
    if clean:  # with training=False Keras's random layers return their input unchanged (the tests check it)
        keras = load_keras()
        for layer in build_layers(clean, seed=seed):
            out = keras.ops.convert_to_numpy(layer(out, training=training))
    out = np.asarray(out, dtype=np.float32)
    return out.reshape((n, *image.shape))


def _argument_text(value: Any) -> str:
    return f'"{value}"' if isinstance(value, str) else f"{value:g}" if isinstance(value, float) else repr(value)


#: The English comments of `keras_code` (keys for its `comments=`).
CODE_COMMENTS = {"training": "training=False: images come back unchanged"}


def keras_code(
    specs: tuple[dict[str, Any], ...] | list[dict[str, Any]],
    *,
    seed: int | None = None,
    comments: Mapping[str, str] | None = None,
) -> str:
    """Python source of a ``keras.Sequential`` augmentation block for `specs`, as the course notes write it.

    `comments` maps `CODE_COMMENTS`' keys to the comments in the page's language (English by default).
    """
    c = comments_with(CODE_COMMENTS, comments)
    clean = [validate_spec(spec) for spec in specs]
    lines = ["import keras", "", "data_augmentation = keras.Sequential(["]
    for i, spec in enumerate(clean):
        arguments = [f"{k}={_argument_text(v)}" for k, v in spec.items() if k != "type"]
        if seed is not None:
            arguments.append(f"seed={int(seed) + i}")
        lines.append(f"    keras.layers.{spec['type']}({', '.join(arguments)}),")
    lines += [
        "])",
        f"augmented = data_augmentation(images, training=True)  # {c['training']}",
    ]
    return "\n".join(lines)
