"""A run's settings as short text, to compare runs side by side (the compare page's table).

The callbacks' rows come from the lab's option table (`playground.lab.options.CALLBACKS`): a new callback or
argument shows up here by itself. The training script a run exports is `playground.lab.codegen.training_script`.
No TensorFlow import here.
"""

from __future__ import annotations

from typing import Any

from playground.lab.options import CALLBACKS
from playground.run import TrainConfig


def _size(value: Any) -> str:
    if isinstance(value, list | tuple):
        return "×".join(str(v) for v in value)
    return f"{value}×{value}"


def describe_layer(spec: dict[str, Any]) -> str:
    """One layer spec as short text: "Conv2D 16 3×3 same relu", "MaxPooling2D 2×2", "Dropout 0.3", "Dense 10"."""
    kind = spec.get("type", "?")
    parts = [str(kind)]
    if "filters" in spec:
        parts.append(str(spec["filters"]))
    if "kernel_size" in spec:
        parts.append(_size(spec["kernel_size"]))
    if "pool_size" in spec:
        parts.append(_size(spec["pool_size"]))
    strides = spec.get("strides")
    if strides not in (None, 1, (1, 1), [1, 1]):
        parts.append(f"stride {'×'.join(map(str, strides)) if isinstance(strides, list | tuple) else strides}")
    if "padding" in spec:
        parts.append(str(spec["padding"]))
    for key in ("units", "rate", "factor", "mode", "height_factor"):
        if key in spec:
            parts.append(str(spec[key]))
    if spec.get("activation") not in (None, "linear"):
        parts.append(str(spec["activation"]))
    return " ".join(parts)


def describe_layers(specs: tuple[dict[str, Any], ...] | list[dict[str, Any]]) -> str:
    """A layer stack as one line: "Conv2D 16 3×3 same relu → MaxPooling2D 2×2 → … → Dense 10 softmax"."""
    return " → ".join(describe_layer(s) for s in specs) if specs else "—"


#: The settings the compare table shows, in order (page labels: `compare.setting.<name>`).
SETTINGS = (
    "preset",
    "layers",
    "conv_layers",
    "dropout",
    "batch_norm",
    "optimizer",
    "learning_rate",
    "optimizer_params",
    "batch_size",
    "epochs",
    "seed",
    "train_size",
    "validation_split",
    "augmentation",
    *CALLBACKS,  # early_stopping, reduce_lr, checkpoint, … (TrainConfig fields)
)


def _kwargs(d: dict[str, Any] | None, order: tuple[str, ...] = ()) -> str | None:
    """ "monitor=val_loss, patience=3" — the arguments in `order` first (the option table's), then any others."""
    if not d:
        return None
    names = [k for k in order if k in d] + [k for k in d if k not in order]
    return ", ".join(f"{k}={d[k]:g}" if isinstance(d[k], float) else f"{k}={d[k]}" for k in names)


def config_summary(config: TrainConfig) -> dict[str, str | None]:
    """A run's settings as short comparable strings, keyed by `SETTINGS`; None means "off" / "none".

    "dropout" lists the Dropout rates ("0.3, 0.5"); "augmentation" the augmentation layers; the callbacks
    their Keras arguments.
    """
    specs = config.specs
    dropout = [str(s.get("rate")) for s in specs if s.get("type") in ("Dropout", "SpatialDropout2D")]
    convs = [s for s in specs if s.get("type") in ("Conv2D", "SeparableConv2D", "DepthwiseConv2D")]
    return {
        "preset": config.preset,
        "layers": describe_layers(specs),
        "conv_layers": str(len(convs)),
        "dropout": ", ".join(dropout) or None,
        "batch_norm": str(sum(s.get("type") == "BatchNormalization" for s in specs)),
        "optimizer": config.optimizer,
        "learning_rate": f"{config.learning_rate:g}",
        "optimizer_params": _kwargs(config.optimizer_params),
        "batch_size": str(config.batch_size),
        "epochs": str(config.epochs),
        "seed": str(config.seed),
        "train_size": str(config.train_size),
        "validation_split": f"{config.validation_split:g}",
        "augmentation": describe_layers(config.augmentation) if config.augmentation else None,
        **{
            name: _kwargs(getattr(config, name), tuple(arg.name for arg in callback.args))
            for name, callback in CALLBACKS.items()
        },
    }


def differing_settings(configs: list[TrainConfig]) -> list[str]:
    """The names in `SETTINGS` whose value is not the same for all `configs` (in `SETTINGS` order)."""
    summaries = [config_summary(c) for c in configs]
    return [name for name in SETTINGS if len({s[name] for s in summaries}) > 1]
