"""TensorFlow's set-up and the one model builder: layer specs → `keras.Sequential`, a run's settings → compiled model.

TensorFlow and Keras are imported inside the functions, never at module level, so pages that only check or
describe a configuration stay free of TensorFlow.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from typing import Any

from playground.lab.options import CALLBACKS, INPUT_SHAPE, LOSS, OPTIMIZERS
from playground.lab.validate import check_optimizer
from playground.run import TrainConfig

_TF_LOCK = threading.Lock()
_TF_CONFIGURED = False
CHECKPOINT_FILE: str = CALLBACKS["checkpoint"].filepath or "best_model.keras"  # the name the code box shows
RESCALING = {"type": "Rescaling", "scale": 1 / 255}  # in front of every lab model: it reads uint8 pixels 0 … 255


def configure_tensorflow() -> None:
    """Import TensorFlow and set its thread pools once per process, before the first op.

    intra-op threads = `PLAYGROUND_TF_THREADS` or the CPU count (the big matmuls/convolutions use them all),
    inter-op threads = 1 (a small model's ops form a chain; more pools only fight over the same cores).
    If some other code already ran a TensorFlow op, TensorFlow refuses the change and its settings stay.
    """
    global _TF_CONFIGURED
    with _TF_LOCK:
        if _TF_CONFIGURED:
            return
        import tensorflow as tf

        threads = int(os.environ.get("PLAYGROUND_TF_THREADS", "0") or 0) or (os.cpu_count() or 1)
        try:
            tf.config.threading.set_intra_op_parallelism_threads(threads)
            tf.config.threading.set_inter_op_parallelism_threads(1)
        except RuntimeError:  # "cannot be modified after initialization": TensorFlow already ran an op
            pass
        _TF_CONFIGURED = True


def model_specs(config: TrainConfig) -> list[dict[str, Any]]:
    """The layer specs of a run's model, in order: its augmentation, Rescaling(1/255), its own layers (pure Python)."""
    return [*config.augmentation, RESCALING, *config.specs]


def make_optimizer(name: str, learning_rate: float, **params: Any):
    """The Keras optimizer of the choice `name` (a key of `OPTIMIZERS`: "sgd", "momentum", "nesterov", "adagrad",
    "rmsprop", "adam").

    "momentum" is `SGD(momentum=0.9)` and "nesterov" `SGD(momentum=0.9, nesterov=True)`; `params` override the
    tunable hyper-parameters (`OPTIMIZERS[name].hyper`, Keras names). Imports keras.
    """
    check_optimizer(name, learning_rate, params)
    import keras

    choice = OPTIMIZERS[name]
    kwargs = {**choice.hyper, **params, **choice.fixed}
    return getattr(keras.optimizers, choice.keras_class)(learning_rate=learning_rate, **kwargs)


def build_model(
    model: TrainConfig | Sequence[dict[str, Any]],
    input_shape: Sequence[int] = INPUT_SHAPE,
    *,
    name: str | None = None,
):
    """The Keras model of a run's settings, or of a bare layer stack.

    A `TrainConfig` gives the lab's model: Input(28, 28, 1) → augmentation → Rescaling(1/255) → its specs, compiled
    with its optimizer, `loss="sparse_categorical_crossentropy"` (integer labels; the one-hot variant is
    `categorical_crossentropy`) and `metrics=["accuracy"]`. Pixels arrive as uint8 0…255 and are scaled inside the
    model, so no float copy of the data set is ever kept; augmentation layers are active only in training (Keras
    switches them off in `predict`/`evaluate`). Call `keras.utils.set_random_seed` first for reproducible weights.

    A sequence of layer specs (the `playground.architecture` format) gives that stack on
    `keras.Input(shape=input_shape)`, not compiled, its layers named as `summarize` names them (conv2d, conv2d_1,
    ...), so `model.summary()` and the playground's table read the same.

    Raises:
        LayerError: the specs do not build (as `playground.architecture.summarize` says, before Keras is called).
        ValueError: an invalid optimizer setting.
    """
    from playground.architecture import keras_kwargs, summarize

    config: TrainConfig | None = None
    if isinstance(model, TrainConfig):
        config = model
        specs = model_specs(config)
        check_optimizer(config.optimizer, config.learning_rate, dict(config.optimizer_params))
    else:
        specs = list(model)
    rows = summarize(specs, tuple(input_shape))
    configure_tensorflow()
    import keras

    layers = [keras.Input(shape=tuple(input_shape))]
    for row in rows:
        spec = row["spec"]
        layers.append(getattr(keras.layers, spec["type"])(name=row["name"], **keras_kwargs(spec, everything=True)))
    built = keras.Sequential(layers, name=name)
    if config is not None:
        built.compile(
            optimizer=make_optimizer(config.optimizer, config.learning_rate, **config.optimizer_params),
            loss=LOSS,
            metrics=["accuracy"],
        )
    return built


def keras_callbacks(config: TrainConfig, folder: str) -> tuple[list, str | None]:
    """The Keras callbacks `config` switches on, in `CALLBACKS` order, and the checkpoint's path (or None).

    A callback with a file writes it into `folder` (the job's own temporary folder).
    """
    import keras

    callbacks, checkpoint_path = [], None
    for field_name, callback in CALLBACKS.items():
        params = getattr(config, field_name)
        if params is None:
            continue
        extra = {}
        if callback.filepath is not None:
            checkpoint_path = extra["filepath"] = os.path.join(folder, CHECKPOINT_FILE)
        callbacks.append(getattr(keras.callbacks, callback.keras_class)(**extra, **params))
    return callbacks, checkpoint_path
