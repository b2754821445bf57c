"""Transfer learning, offline: a small base CNN pretrained on five Fashion-MNIST classes, reused on the other five.

The course notes' recipe with a pretrained model (VGG, ResNet, MobileNet, ...) shrunk to something that runs
on a laptop in seconds and needs no download:

* **Pretraining.** `pretrain_base` trains `BASE_SPECS` (three Conv2D + MaxPooling2D blocks) with a small
  head on the *source* classes `SOURCE_CLASSES` (the upper-body clothes: T-shirt/top, Pullover, Dress, Coat,
  Shirt). `scripts/pretrain_base.py` does it once with a fixed seed and ships the weights (base + source
  head, 60 549 numbers, 0.25 MB) as `assets/transfer_base.weights.h5`.
* **Transfer** (`run_transfer`) to the *target* classes `TARGET_CLASSES` (Trouser, Sandal, Sneaker, Bag,
  Ankle boot) with only a few labelled images per class, three ways:

  (a) ``"scratch"``: the same architecture, randomly initialised, everything trains;
  (b) ``"feature_extraction"``: the pretrained base is frozen (``base.trainable = False``), only a new
      head trains — the base is a fixed feature extractor;
  (c) ``"fine_tuning"``: after (b), the top block of the base (`FINE_TUNE_LAYERS`) is unfrozen and trained
      together with the head, with a lower learning rate so the pretrained features are only nudged.

TensorFlow/Keras is imported only inside the functions that build or train models.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from playground._checks import check_choice, check_int, check_number, invalid
from playground._keras import load_keras
from playground.code_comments import comments_with
from playground.data import sample_class
from playground.messages import Problem

SOURCE_CLASSES: tuple[int, ...] = (0, 2, 3, 4, 6)  # T-shirt/top, Pullover, Dress, Coat, Shirt
TARGET_CLASSES: tuple[int, ...] = (1, 5, 7, 8, 9)  # Trouser, Sandal, Sneaker, Bag, Ankle boot
INPUT_SHAPE = (28, 28, 1)
MODES: tuple[str, ...] = ("scratch", "feature_extraction", "fine_tuning")

BASE_SPECS: tuple[dict[str, Any], ...] = (
    {"type": "Conv2D", "filters": 16, "kernel_size": 3, "padding": "same", "activation": "relu", "name": "conv1"},
    {"type": "MaxPooling2D", "pool_size": 2, "name": "pool1"},
    {"type": "Conv2D", "filters": 32, "kernel_size": 3, "padding": "same", "activation": "relu", "name": "conv2"},
    {"type": "MaxPooling2D", "pool_size": 2, "name": "pool2"},
    {"type": "Conv2D", "filters": 64, "kernel_size": 3, "padding": "same", "activation": "relu", "name": "conv3"},
    {"type": "MaxPooling2D", "pool_size": 2, "name": "pool3"},
)
HEAD_SPECS: tuple[dict[str, Any], ...] = (
    {"type": "Flatten", "name": "flatten"},
    {"type": "Dense", "units": 64, "activation": "relu", "name": "dense"},
    {"type": "Dense", "units": len(TARGET_CLASSES), "activation": "softmax", "name": "output"},
)
FINE_TUNE_LAYERS: tuple[str, ...] = ("conv3",)  # the top of the base, unfrozen in mode (c)

ASSETS = Path(__file__).resolve().parent.parent / "assets"
BASE_WEIGHTS = ASSETS / "transfer_base.weights.h5"
# Printed by scripts/pretrain_base.py (seed 0, 5 epochs on all 30 000 source training images); keep in sync.
BASE_SOURCE_ACCURACY = 0.8282  # on the 5 000 source-class test images

LABELS_PER_CLASS_RANGE = (1, 1000)
EPOCHS_RANGE = (1, 50)
LEARNING_RATE_RANGE = (1e-6, 1.0)

# on_epoch_end(stage, epoch, epochs, logs): stage is a mode name or "pretrain", epoch is 1-based.
EpochHook = Callable[[str, int, int, dict[str, float]], None]


@dataclass(frozen=True)
class LayerInfo:
    """One layer of a transfer model, for the layer strip: where it sits and whether it trains."""

    name: str
    type: str
    part: str  # "base" or "head"
    params: int
    state: str  # "trainable", "frozen" or "no weights"


@dataclass
class ModeResult:
    """What one transfer mode produced.

    Attributes:
        mode: one of `MODES`.
        history: Keras ``History.history`` of this mode's own epochs ("loss", "accuracy", "val_loss",
            "val_accuracy"); fine-tuning's epochs come after feature extraction's.
        first_epoch: 1-based number of this mode's first epoch on a shared axis (epochs + 1 for fine-tuning).
        learning_rate: the Adam learning rate used.
        trainable_params / non_trainable_params: ``sum(w.size for w in model.trainable_weights)`` and the rest.
        layers: per-layer trainability (the layer strip).
        model: the trained Keras model (for the tests and for a closer look; not cached across sessions).
    """

    mode: str
    history: dict[str, list[float]]
    first_epoch: int
    learning_rate: float
    trainable_params: int
    non_trainable_params: int
    layers: list[LayerInfo] = field(default_factory=list)
    model: Any = None

    @property
    def val_accuracy(self) -> float:
        return float(self.history["val_accuracy"][-1])


@dataclass
class PretrainResult:
    """The pretrained base: its weights (in `build_base` order), the source head's weights, the training
    history and the accuracy on the source classes of the test set."""

    weights: list[np.ndarray]
    head_weights: list[np.ndarray]
    history: dict[str, list[float]]
    test_accuracy: float


# ---------------------------------------------------------------------------------------------------------------
# Data


def select_classes(
    x: np.ndarray,
    y: np.ndarray,
    classes: Sequence[int],
    *,
    per_class: int | None = None,
    seed: int = 0,
) -> tuple[np.ndarray, np.ndarray]:
    """The images of `classes`, relabelled 0…len(classes)−1 in the order given.

    Args:
        x: images of shape (n, 28, 28) (or with a channel axis).
        y: integer labels of shape (n,).
        classes: original class ids to keep; class ``classes[i]`` becomes label ``i``.
        per_class: if given, a random `per_class` images of each class (seeded), else all of them.
        seed: seed of the random choice.

    Returns:
        (x_sel, y_sel) with x_sel a view/copy of the chosen images (order: by class, then by index) and
        y_sel uint8 labels.

    Raises:
        ValueError: when a class has fewer than `per_class` images, or shapes disagree.
    """
    x, y = np.asarray(x), np.asarray(y)
    if y.ndim != 1 or len(x) != len(y):
        raise invalid("x and y", "as many images as labels", x, show=f"x.shape={x.shape}, y.shape={y.shape}")
    rng = np.random.default_rng(seed)
    chosen, labels = [], []
    for new_label, c in enumerate(classes):  # five classes: a plain loop reads best
        members = np.flatnonzero(y == c) if per_class is None else sample_class(y, c, per_class, rng)
        chosen.append(members)
        labels.append(np.full(len(members), new_label, dtype=np.uint8))
    index = np.concatenate(chosen)
    return x[index], np.concatenate(labels)


def _with_channel(x: np.ndarray) -> np.ndarray:
    return x[..., None] if x.ndim == 3 else x


# ---------------------------------------------------------------------------------------------------------------
# Models


def _layer(keras, spec: dict[str, Any]):
    arguments = {k: v for k, v in spec.items() if k != "type"}
    return getattr(keras.layers, spec["type"])(**arguments)


def build_base():
    """The base CNN as a ``keras.Sequential`` named "base": Input(28, 28, 1) → Rescaling(1/255) → `BASE_SPECS`.

    Output shape (3, 3, 64); 23 296 weights (160 + 4 640 + 18 496). Its weights file is what
    `scripts/pretrain_base.py` writes and `load_base_weights` reads.
    """
    keras = load_keras()
    layers = [keras.Input(shape=INPUT_SHAPE), keras.layers.Rescaling(1 / 255, name="rescaling")]
    layers += [_layer(keras, spec) for spec in BASE_SPECS]
    return keras.Sequential(layers, name="base")


def build_transfer_model(base, *, n_classes: int = len(TARGET_CLASSES)):
    """base → Flatten → Dense(64, relu) → Dense(n_classes, softmax), as one ``keras.Sequential``."""
    keras = load_keras()
    head = [_layer(keras, spec) for spec in HEAD_SPECS[:-1]]
    head.append(keras.layers.Dense(n_classes, activation="softmax", name="output"))
    return keras.Sequential([keras.Input(shape=INPUT_SHAPE), base, *head], name="transfer")


def base_layer_trains(mode: str, name: str) -> bool:
    """Whether the base layer `name` trains in `mode`: all of them from scratch, `FINE_TUNE_LAYERS` when fine-tuning."""
    return mode == "scratch" or (mode == "fine_tuning" and name in FINE_TUNE_LAYERS)


def set_mode_trainability(model, mode: str) -> None:
    """Freeze / unfreeze the base of a `build_transfer_model` model for `mode` (recompile afterwards).

    scratch: everything trains. feature_extraction: ``base.trainable = False``. fine_tuning: the base is
    frozen except `FINE_TUNE_LAYERS`.
    """
    check_choice("mode", mode, MODES)
    base = model.get_layer("base")
    base.trainable = mode != "feature_extraction"
    for layer in base.layers:
        layer.trainable = base_layer_trains(mode, layer.name)


def count_params(model) -> tuple[int, int]:
    """(trainable, non-trainable) weight counts, as ``model.summary()`` reports them."""
    trainable = sum(int(np.prod(w.shape)) for w in model.trainable_weights)
    frozen = sum(int(np.prod(w.shape)) for w in model.non_trainable_weights)
    return trainable, frozen


def layer_strip(model) -> list[LayerInfo]:
    """Per-layer trainability of a transfer model, base layers first (the figure colours them)."""
    rows = []
    base = model.get_layer("base")
    for part, layers in (("base", base.layers), ("head", [layer for layer in model.layers if layer is not base])):
        for layer in layers:
            params = sum(int(np.prod(w.shape)) for w in layer.weights)
            if not layer.weights:
                state = "no weights"
            else:
                state = "trainable" if layer.trainable and (part == "head" or base.trainable) else "frozen"
            rows.append(LayerInfo(layer.name, type(layer).__name__, part, params, state))
    return rows


def build_source_model():
    """The pretraining model: `build_base()` with a head for the five source classes."""
    return build_transfer_model(build_base(), n_classes=len(SOURCE_CLASSES))


def describe_modes() -> dict[str, tuple[int, int, list[LayerInfo]]]:
    """{mode: (trainable, non-trainable, layer strip)} of the three modes, before any training.

    The counts are ``model.summary()``'s arithmetic (`playground.architecture.summarize`: (k×k×C_in + 1) × filters
    per Conv2D, (n_in + 1) × units per Dense) on `build_transfer_model`'s layers, frozen as
    `set_mode_trainability` freezes them; tests/test_transfer.py checks them against the Keras models. No Keras
    here: the page shows them on its first paint without loading TensorFlow (~4 s on a fresh server).
    """
    from playground.architecture import summarize

    specs = [{"type": "Rescaling", "scale": 1 / 255, "name": "rescaling"}, *BASE_SPECS, *HEAD_SPECS]
    rows = summarize([{k: v for k, v in spec.items() if k != "name"} for spec in specs], INPUT_SHAPE)
    described = {}
    for mode in MODES:
        strip = []
        for index, (spec, row) in enumerate(zip(specs, rows, strict=True)):
            part = "base" if index <= len(BASE_SPECS) else "head"
            trains = part == "head" or base_layer_trains(mode, spec["name"])
            state = "no weights" if not row["params"] else "trainable" if trains else "frozen"
            strip.append(LayerInfo(spec["name"], row["type"], part, row["params"], state))
        trainable = sum(layer.params for layer in strip if layer.state == "trainable")
        described[mode] = (trainable, sum(layer.params for layer in strip) - trainable, strip)
    return described


def save_pretrained(result: PretrainResult, path: str | os.PathLike) -> None:
    """Write the pretrained source model (base + its source head) as a Keras ``.weights.h5`` file."""
    model = build_source_model()
    model.set_weights([*result.weights, *result.head_weights])
    model.save_weights(str(path))


def load_pretrained(path: str | os.PathLike = BASE_WEIGHTS):
    """Load a ``.weights.h5`` file into the app's own source model (`build_source_model`); return it compiled.

    Only weights are read, into an architecture this module builds — never a model or code from the file.

    Raises:
        ValueError: missing file, wrong file name, or weights that do not fit the architecture.
    """
    path = Path(path)
    if not path.name.endswith(".weights.h5"):
        raise invalid("path", "a .weights.h5 file", str(path))
    if not path.is_file():
        raise Problem(
            "The pretrained base weights are missing: {path}. Run `python scripts/pretrain_base.py`.", path=str(path)
        )
    model = build_source_model()
    try:
        model.load_weights(str(path))
    except Exception as err:  # Keras raises ValueError/KeyError/OSError for foreign or damaged files
        raise Problem(
            "These weights do not fit the base CNN ({kind}: {reason}).", kind=type(err).__name__, reason=str(err)
        ) from None
    model.compile(loss="sparse_categorical_crossentropy", metrics=["accuracy"])  # ready for evaluate()
    return model


def load_base_weights(path: str | os.PathLike = BASE_WEIGHTS) -> list[np.ndarray]:
    """The pretrained base's weights (in `build_base` order) from a file written by `save_pretrained`."""
    return [np.array(w) for w in load_pretrained(path).get_layer("base").get_weights()]


def _hook_callback(keras, on_epoch_end: EpochHook | None, stage: str, epochs: int):
    if on_epoch_end is None:
        return []

    def call(epoch: int, logs: dict[str, Any] | None) -> None:
        on_epoch_end(stage, epoch + 1, epochs, {k: float(v) for k, v in (logs or {}).items()})

    return [keras.callbacks.LambdaCallback(on_epoch_end=call)]


def _history(history) -> dict[str, list[float]]:
    keys = ("loss", "accuracy", "val_loss", "val_accuracy")
    return {k: [float(v) for v in history.history[k]] for k in keys if k in history.history}


# ---------------------------------------------------------------------------------------------------------------
# Pretraining and transfer


def pretrain_base(
    x_train: np.ndarray,
    y_train: np.ndarray,
    x_test: np.ndarray,
    y_test: np.ndarray,
    *,
    epochs: int = 3,
    train_size: int | None = None,
    batch_size: int = 64,
    learning_rate: float = 1e-3,
    seed: int = 0,
    on_epoch_end: EpochHook | None = None,
) -> PretrainResult:
    """Train the base (plus a throw-away head) on the source classes; deterministic for a given seed.

    Args:
        x_train, y_train, x_test, y_test: Fashion-MNIST arrays (all ten classes; the source ones are picked).
        epochs: passes over the source training images.
        train_size: images per source class to use (all ≈ 6 000 when None).
        on_epoch_end: called as ``on_epoch_end("pretrain", epoch, epochs, logs)``.

    Returns:
        `PretrainResult` with the base's weights and its accuracy on the source classes of the test set.
    """
    (low_e, high_e), (low_lr, high_lr) = EPOCHS_RANGE, LEARNING_RATE_RANGE
    epochs = check_int("epochs", epochs, low=low_e, high=high_e, whole_floats=False)
    learning_rate = check_number("learning_rate", learning_rate, low=low_lr, high=high_lr)
    keras = load_keras()
    xs, ys = select_classes(x_train, y_train, SOURCE_CLASSES, per_class=train_size, seed=seed)
    xt, yt = select_classes(x_test, y_test, SOURCE_CLASSES)
    keras.utils.set_random_seed(seed)
    model = build_source_model()
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    history = model.fit(
        _with_channel(xs),
        ys,
        epochs=epochs,
        batch_size=batch_size,
        shuffle=True,
        verbose=0,
        callbacks=_hook_callback(keras, on_epoch_end, "pretrain", epochs),
    )
    _, accuracy = model.evaluate(_with_channel(xt), yt, batch_size=256, verbose=0)
    weights = [np.array(w) for w in model.get_layer("base").get_weights()]
    head_weights = [np.array(w) for w in model.get_weights()[len(weights) :]]
    return PretrainResult(weights, head_weights, _history(history), float(accuracy))


def run_transfer(
    x_train: np.ndarray,
    y_train: np.ndarray,
    x_test: np.ndarray,
    y_test: np.ndarray,
    *,
    base_weights: Sequence[np.ndarray],
    labels_per_class: int = 50,
    epochs: int = 5,
    fine_tune_epochs: int | None = None,
    learning_rate: float = 1e-3,
    fine_tune_learning_rate: float = 1e-4,
    batch_size: int = 32,
    val_per_class: int = 200,
    seed: int = 0,
    modes: Sequence[str] = MODES,
    on_epoch_end: EpochHook | None = None,
) -> dict[str, ModeResult]:
    """Train on the target classes with few labels, in each of `modes`, and return what each produced.

    The training set is `labels_per_class` random images of each target class from `x_train`; validation
    uses `val_per_class` images of each target class from `x_test` (never seen in training). Every mode
    starts from ``keras.utils.set_random_seed(seed)``, so runs are reproducible and comparable.

    (a) scratch: random init, all layers train for `epochs` at `learning_rate`.
    (b) feature_extraction: pretrained base frozen, new head trains for `epochs` at `learning_rate`.
    (c) fine_tuning: continues (b)'s model with `FINE_TUNE_LAYERS` unfrozen, `fine_tune_epochs` more epochs
        (default: `epochs`) at `fine_tune_learning_rate` (lower, so the pretrained filters move only a little).
        (b) runs first when (c) is asked for.

    Args:
        base_weights: weights of `build_base()` (from `load_base_weights` or `pretrain_base`).
        on_epoch_end: called as ``on_epoch_end(mode, epoch, epochs_of_that_mode, logs)`` after each epoch.

    Returns:
        {mode: `ModeResult`} in the order of `MODES`, for the modes asked for.

    Raises:
        ValueError: naming the argument, for an out-of-range setting or an unknown mode.
    """
    (low_n, high_n), (low_e, high_e), (low_lr, high_lr) = LABELS_PER_CLASS_RANGE, EPOCHS_RANGE, LEARNING_RATE_RANGE
    labels_per_class = check_int("labels_per_class", labels_per_class, low=low_n, high=high_n, whole_floats=False)
    epochs = check_int("epochs", epochs, low=low_e, high=high_e, whole_floats=False)
    fine_tune_epochs = epochs if fine_tune_epochs is None else fine_tune_epochs
    fine_tune_epochs = check_int("fine_tune_epochs", fine_tune_epochs, low=low_e, high=high_e, whole_floats=False)
    learning_rate = check_number("learning_rate", learning_rate, low=low_lr, high=high_lr)
    fine_tune_learning_rate = check_number("fine_tune_learning_rate", fine_tune_learning_rate, low=low_lr, high=high_lr)
    batch_size = check_int("batch_size", batch_size, low=1, high=4096, whole_floats=False)
    if not modes or any(m not in MODES for m in modes):
        raise invalid("modes", "a non-empty list from {modes}", list(modes), modes=", ".join(map(repr, MODES)))
    keras = load_keras()
    xs, ys = select_classes(x_train, y_train, TARGET_CLASSES, per_class=labels_per_class, seed=seed)
    xv, yv = select_classes(x_test, y_test, TARGET_CLASSES, per_class=val_per_class, seed=seed)
    xs, xv = _with_channel(xs), _with_channel(xv)

    def fit(model, mode: str, n_epochs: int, lr: float):
        set_mode_trainability(model, mode)
        model.compile(optimizer=keras.optimizers.Adam(lr), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
        trainable, frozen = count_params(model)
        strip = layer_strip(model)
        history = model.fit(
            xs,
            ys,
            validation_data=(xv, yv),
            epochs=n_epochs,
            batch_size=batch_size,
            shuffle=True,
            verbose=0,
            callbacks=_hook_callback(keras, on_epoch_end, mode, n_epochs),
        )
        return _history(history), trainable, frozen, strip

    results: dict[str, ModeResult] = {}
    if "scratch" in modes:
        keras.utils.set_random_seed(seed)
        model = build_transfer_model(build_base())
        history, trainable, frozen, strip = fit(model, "scratch", epochs, learning_rate)
        results["scratch"] = ModeResult("scratch", history, 1, learning_rate, trainable, frozen, strip, model)
    if "feature_extraction" in modes or "fine_tuning" in modes:
        keras.utils.set_random_seed(seed)
        base = build_base()
        base.set_weights(list(base_weights))
        model = build_transfer_model(base)
        history, trainable, frozen, strip = fit(model, "feature_extraction", epochs, learning_rate)
        results["feature_extraction"] = ModeResult(
            "feature_extraction", history, 1, learning_rate, trainable, frozen, strip, model
        )
        if "fine_tuning" in modes:
            extractor = model
            model = keras.models.clone_model(extractor)  # (b) stays as it was; (c) continues from a copy
            model.set_weights(extractor.get_weights())
            history, trainable, frozen, strip = fit(model, "fine_tuning", fine_tune_epochs, fine_tune_learning_rate)
            results["fine_tuning"] = ModeResult(
                "fine_tuning", history, epochs + 1, fine_tune_learning_rate, trainable, frozen, strip, model
            )
            if "feature_extraction" not in modes:
                del results["feature_extraction"]
    return {m: results[m] for m in MODES if m in results}


#: The English comments of `transfer_code` (keys for its `comments=`).
CODE_COMMENTS = {
    "random": "random initial weights",
    "pretrained": "pretrained",
    "frozen": "feature extraction: the base is frozen",
    "fine_tuning": "fine-tuning: unfreeze the top of the base, recompile with a lower learning rate, train on",
}


def transfer_code(
    mode: str,
    *,
    epochs: int = 5,
    learning_rate: float = 1e-3,
    fine_tune_learning_rate: float = 1e-4,
    comments: Mapping[str, str] | None = None,
) -> str:
    """The Keras lines of one mode, as the course notes write feature extraction and fine-tuning.

    `comments` maps `CODE_COMMENTS`' keys to the comments in the page's language (English by default).
    """
    check_choice("mode", mode, MODES)
    c = comments_with(CODE_COMMENTS, comments)
    lines = ["import keras", ""]
    if mode == "scratch":
        lines += [f"base = build_base()  # {c['random']}"]
    else:
        lines += ["base = build_base()", f'base.load_weights("assets/transfer_base.weights.h5")  # {c["pretrained"]}']
    lines += [
        "model = keras.Sequential([",
        "    keras.Input(shape=(28, 28, 1)), base,",
        '    keras.layers.Flatten(), keras.layers.Dense(64, activation="relu"),',
        '    keras.layers.Dense(5, activation="softmax"),',
        "])",
    ]
    if mode != "scratch":
        lines += [f"base.trainable = False  # {c['frozen']}"]
    lines += [
        f"model.compile(optimizer=keras.optimizers.Adam({learning_rate:g}),",
        '              loss="sparse_categorical_crossentropy", metrics=["accuracy"])',
        f"model.fit(x_few, y_few, epochs={epochs}, validation_data=(x_val, y_val))",
    ]
    if mode == "fine_tuning":
        lines += [
            "",
            f"# {c['fine_tuning']}",
            "base.trainable = True",
            "for layer in base.layers:",
            f"    layer.trainable = layer.name in {FINE_TUNE_LAYERS!r}",
            f"model.compile(optimizer=keras.optimizers.Adam({fine_tune_learning_rate:g}),",
            '              loss="sparse_categorical_crossentropy", metrics=["accuracy"])',
            f"model.fit(x_few, y_few, epochs={epochs}, validation_data=(x_val, y_val))",
        ]
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------------------------
# Optional: a real ImageNet feature extractor, only if its weights are already on this machine


MOBILENET_WEIGHTS = "mobilenet_v2_weights_tf_dim_ordering_tf_kernels_1.0_224_no_top.h5"


def cached_mobilenet_weights() -> Path | None:
    """The MobileNetV2 (no top) ImageNet weights file in Keras's cache, or None — never downloads."""
    home = Path(os.environ.get("KERAS_HOME") or Path.home() / ".keras")
    path = home / "models" / MOBILENET_WEIGHTS
    return path if path.is_file() else None


def mobilenet_features(image: np.ndarray, weights: str | os.PathLike) -> np.ndarray:
    """MobileNetV2's last feature maps for an RGB photo: (7, 7, 1280) float32, from a cached weights file.

    The photo is resized to 224 × 224 and scaled by ``keras.applications.mobilenet_v2.preprocess_input``.
    """
    image = np.asarray(image)
    if image.dtype != np.uint8 or image.ndim != 3 or image.shape[2] != 3:
        show = f"dtype={image.dtype}, shape={image.shape}"
        raise invalid("image", "a uint8 RGB array (H, W, 3)", image, show=show)
    keras = load_keras()
    model = keras.applications.MobileNetV2(include_top=False, weights=str(weights), input_shape=(224, 224, 3))
    x = keras.ops.image.resize(image[None].astype("float32"), (224, 224))
    x = keras.applications.mobilenet_v2.preprocess_input(keras.ops.convert_to_numpy(x))
    return np.asarray(keras.ops.convert_to_numpy(model(x, training=False))[0], dtype=np.float32)
