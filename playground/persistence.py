"""Save and restore models, as in the course notes — and treat every uploaded file as untrusted.

Two file kinds (course notes 004):

* `.weights.h5` — the model's parameters only (`model.save_weights`). Restoring needs a model of *the same
  architecture*, built first (`model.load_weights`); the restored model is **not compiled**: `predict()` works,
  `evaluate()` needs `compile()` first.
* `.keras` — architecture + parameters + compile settings in one zip (`model.save`). `keras.saving.load_model`
  rebuilds a compiled model: `evaluate()` and `predict()` both work.

Uploads are checked *before* Keras sees them: size cap; a `.weights.h5` must be HDF5 with exactly the variable
shapes of the app-built architecture; a `.keras` must be a small zip (entry count, total uncompressed size and
compression ratio checked from the zip directory before anything is decompressed — zip bombs refused) holding
config.json, and every object named in config.json must be one of the Keras layers / initializers /
optimizers / losses / metrics this app knows; Lambda layers, custom classes and other code-carrying objects are
refused. Then the model's cost is worked out from config.json alone (`playground.model_budget`: parameters and
the largest activation for one image, against budgets a few times the largest preset) and the zip's weights file
is checked with h5py (no links, no external storage, no virtual datasets, at most the values such a model holds).
Only then `keras.saving.load_model(..., safe_mode=True)` runs. Models the app wrote itself (the run store, a
remote worker's result) go through the same checks (`load_checked_keras`), so a file changed on disk costs no
more than an upload.

TensorFlow/Keras are imported lazily inside the functions.
"""

from __future__ import annotations

import csv
import io
import json
import math
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from playground._checks import invalid
from playground.lab.options import INPUT_SHAPE, LOSS
from playground.messages import Phrase, Problem
from playground.model_budget import CostError, ModelCost, check_config_budget, check_h5
from playground.run import Run, TrainConfig

NUM_CLASSES = 10

MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # same as server.maxUploadSize in .streamlit/config.toml
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024  # sum of the zip's declared uncompressed sizes
MAX_COMPRESSION_RATIO = 50  # uncompressed / compressed, per entry and overall (a zip bomb is ≫ 100)
MAX_CONFIG_BYTES = 2 * 1024 * 1024
MAX_ZIP_ENTRIES = 16
KERAS_ARCHIVE_FILES = frozenset({"config.json", "metadata.json", "model.weights.h5"})
HDF5_SIGNATURE = b"\x89HDF\r\n\x1a\n"
ZIP_SIGNATURE = b"PK\x03\x04"

#: Layers an uploaded `.keras` may contain: the ones the app itself builds, plus a few harmless relatives.
#: Anything else (Lambda, TFSMLayer, JaxLayer, TorchModuleWrapper, custom layers, ...) is refused.
ALLOWED_LAYERS = frozenset(
    {
        "InputLayer",
        "Conv2D",
        "DepthwiseConv2D",
        "SeparableConv2D",
        "MaxPooling2D",
        "AveragePooling2D",
        "GlobalAveragePooling2D",
        "GlobalMaxPooling2D",
        "ZeroPadding2D",
        "Dropout",
        "SpatialDropout2D",
        "Flatten",
        "Reshape",
        "Dense",
        "BatchNormalization",
        "LayerNormalization",
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
        "Add",
        "Concatenate",
    }
)
ALLOWED_MODELS = frozenset({"Sequential", "Functional", "Model"})
#: Serialized internals that carry data, not code.
ALLOWED_INTERNALS = frozenset({"__keras_tensor__", "__tuple__", "__numpy__", "__tensor__", "DTypePolicy"})
#: Public Keras namespaces whose *classes* are plain objects (no user code): the class must exist there.
SAFE_NAMESPACES = (
    "initializers",
    "regularizers",
    "constraints",
    "optimizers",
    "optimizers.schedules",
    "losses",
    "metrics",
)
#: Functions serialized by name (`"class_name": "function"`): allowed when they are Keras's own.
FUNCTION_NAMESPACES = ("losses", "metrics", "activations")


# --------------------------------------------------------------------------------------------------- saving


def _tmpdir() -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix="cnn-playground-")


def keras_bytes(model: Any) -> bytes:
    """The whole model as a `.keras` file (`model.save`): architecture, weights, compile settings."""
    with _tmpdir() as tmp:
        path = Path(tmp) / "model.keras"
        model.save(path)
        return path.read_bytes()


def weights_bytes(model: Any) -> bytes:
    """The model's parameters only, as a `.weights.h5` file (`model.save_weights`)."""
    with _tmpdir() as tmp:
        path = Path(tmp) / "model.weights.h5"
        model.save_weights(path)
        return path.read_bytes()


HISTORY_COLUMNS = ("loss", "accuracy", "val_loss", "val_accuracy", "learning_rate")


def history_csv(history: dict[str, list[float]]) -> str:
    """`History.history` as CSV text: one row per epoch, an `epoch` column (1-based) then the metrics.

    Known metrics come first in a fixed order (loss, accuracy, val_loss, val_accuracy, learning_rate), then any
    others alphabetically; a metric shorter than the others leaves empty cells.
    """
    columns = [c for c in HISTORY_COLUMNS if c in history] + sorted(set(history) - set(HISTORY_COLUMNS))
    epochs = max((len(history[c]) for c in columns), default=0)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["epoch", *columns])
    for i in range(epochs):
        writer.writerow([i + 1, *(repr(float(history[c][i])) if i < len(history[c]) else "" for c in columns)])
    return out.getvalue()


# ---------------------------------------------------------------------------------------- the app's model


def compile_for_evaluation(model: Any, optimizer: Any = "adam") -> None:
    """Compile `model` (in place) with the lab's loss and metric so `evaluate()` works."""
    model.compile(optimizer=optimizer, loss=LOSS, metrics=["accuracy"])


# ------------------------------------------------------------------------------------------ weights upload


def _mb(size: int, other: int) -> str:
    """`size` in MB with as few decimals (≥ 1) as it takes to tell it apart from `other` (1 byte = 6 decimals)."""
    for decimals in range(1, 7):
        if f"{size / 1e6:.{decimals}f}" != f"{other / 1e6:.{decimals}f}":
            break
    return f"{size / 1e6:.{decimals}f}"


def _check_size(data: bytes, what: str) -> None:
    limit = MAX_UPLOAD_BYTES
    if not isinstance(data, bytes | bytearray):
        raise invalid("data", "bytes", data, show=type(data).__name__)
    if len(data) == 0:
        raise Problem("The {what} file is empty.", what=what)
    if len(data) > limit:
        raise Problem(
            "The {what} file is too large: {size} MB. The limit is {limit} MB "
            "(a model of this playground is well under 5 MB).",
            what=what,
            size=_mb(len(data), limit),
            limit=_mb(limit, len(data)),
        )


def _h5_datasets(path: Path) -> dict[str, tuple[tuple[int, ...], str]]:
    """{dataset path: (shape, dtype name)} of a weights file the app wrote itself (the reference)."""
    import h5py
    import numpy as np

    found: dict[str, tuple[tuple[int, ...], str]] = {}

    def visit(name: str, obj: Any) -> None:
        if isinstance(obj, h5py.Dataset):
            found[name] = (tuple(int(n) for n in obj.shape), np.dtype(obj.dtype).name)

    with h5py.File(path, "r") as f:
        f.visititems(visit)
    return found


def _check_built_budget(model: Any) -> ModelCost:
    """The budgets of `playground.model_budget` for a model the app built from settings (a restore target)."""
    import keras

    try:
        return check_config_budget(keras.saving.serialize_keras_object(model))
    except CostError as err:
        raise Problem("The size of this model cannot be worked out ({reason}); refused.", reason=err) from None


def _describe(shapes: dict[str, tuple[int, ...]]) -> str:
    """ "conv2d[0](3, 3, 1, 16), conv2d[1](16,), ..." from {"layers/conv2d/vars/0": (3, 3, 1, 16), ...}."""
    parts = []
    for name, shape in shapes.items():
        layer, _, index = name.removeprefix("layers/").rpartition("/vars/")
        parts.append(f"{layer}[{index}]{shape}")
    return ", ".join(parts)


def restore_weights(config: TrainConfig, data: bytes, *, run_id: str) -> Run:
    """Restore a `.weights.h5` file into the app-built architecture of `config`: a new Run, status "restored".

    As in the course notes, weights need a model of the same architecture, built first; we build it from the
    run's settings (within the model budgets), check the file with h5py *before* loading — no links, no external
    storage, no virtual datasets (`model_budget.check_h5`, whatever the Keras version), the same variable shapes
    and dtypes (so a wrong file is named precisely) — then `load_weights`. A weights-only restore is not compiled
    by itself; the model we build is compiled (the run's optimizer, sparse categorical cross-entropy, accuracy) so
    it can be evaluated.

    Args:
        config: the settings whose architecture the weights belong to.
        data: the file's bytes (untrusted).
        run_id: the id of the new Run.
    Returns:
        A new `Run(status="restored")` with an empty history; existing runs are never touched.
    Raises:
        ValueError: not an HDF5 file, too large, a refused HDF5 feature, or weights of a different architecture
            (the message says how).
    """
    _check_size(data, ".weights.h5")
    if not bytes(data[:8]) == HDF5_SIGNATURE:
        raise Problem("This is not a `.weights.h5` file (it does not start with the HDF5 signature).")
    from playground.lab.model import build_model  # the lab's own builder: the run's architecture, compiled

    model = build_model(config)
    _check_built_budget(model)
    with _tmpdir() as tmp:
        uploaded = Path(tmp) / "uploaded.weights.h5"
        uploaded.write_bytes(bytes(data))
        reference = Path(tmp) / "reference.weights.h5"
        model.save_weights(reference)
        want_full = _h5_datasets(reference)
        got = {k: v for k, v in check_h5(uploaded).items() if k.startswith("layers/")}  # links, storage, VDS
        want = {k: shape for k, (shape, _dtype) in want_full.items() if k.startswith("layers/")}
        if got != want:
            raise Problem(
                "These weights belong to a different architecture than the chosen run's model, so they cannot be "
                "restored into it. The model needs: {needed}. The file holds: {held}.",
                needed=_describe(want) or Phrase("no weights"),
                held=_describe(got) or Phrase("no layer weights"),
            )
        check_h5(uploaded, {k: v for k, v in want_full.items() if k.startswith("layers/")})  # dtypes, extras
        try:
            model.load_weights(uploaded)
        except Exception as err:
            raise Problem("Keras could not load these weights: {reason}", reason=str(err)) from None
    return Run(run_id=run_id, config=config, history={}, status="restored", model=model)


# -------------------------------------------------------------------------------------------- .keras upload


def _walk_objects(node: Any) -> Iterator[dict[str, Any]]:
    """Every serialized object (a dict with "class_name") in a Keras config, depth first."""
    if isinstance(node, dict):
        if "class_name" in node:
            yield node
        for value in node.values():
            yield from _walk_objects(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk_objects(value)


QUOTED_CHARS = 40  # a name from inside an uploaded file is quoted at most this long


def _quoted(name: object) -> str:
    """A name read from an uploaded file, for a refusal message shown to its uploader: a Markdown code span (shown
    literally: no link, image, HTML or emphasis), on one line, without backticks (which could end the span), cut to
    QUOTED_CHARS characters with "…"."""
    text = " ".join(str(name).replace("`", "'").split())
    if len(text) > QUOTED_CHARS:
        text = text[: QUOTED_CHARS - 1] + "…"
    return f"`{text}`"


def _refusal(obj: dict[str, Any], keras: Any) -> Phrase | None:
    """Why a serialized object is not allowed (None when it is)."""
    name = obj.get("class_name")
    module = obj.get("module")
    registered = obj.get("registered_name")
    if not isinstance(name, str):
        return Phrase("an object without a proper class name ({name})", name=_quoted(repr(name)))
    if name in ("Lambda", "__lambda__"):
        return Phrase("a Lambda layer (it carries Python code, which would run on this server)")
    if name in ALLOWED_INTERNALS:
        return None
    if name == "function":
        fn = obj.get("config")
        if isinstance(fn, str) and any(hasattr(getattr(keras, ns), fn) for ns in FUNCTION_NAMESPACES):
            return None
        return Phrase("a custom function ({name})", name=_quoted(fn))
    if registered not in (None, name):
        return Phrase("a custom object {name}", name=_quoted(registered))
    if name in ALLOWED_MODELS and module in ("keras", "keras.models", "keras.src.models.functional", None):
        return None
    if module == "keras.layers":
        if name in ALLOWED_LAYERS:
            return None
        return Phrase("the layer {name}, which this app does not accept", name=_quoted(name))
    for ns in SAFE_NAMESPACES:
        if module == f"keras.{ns}":
            target = keras
            for part in ns.split("."):
                target = getattr(target, part)
            if isinstance(getattr(target, name, None), type):
                return None
            return Phrase("the unknown object {name}", name=_quoted(f"{module}.{name}"))
    return Phrase("the unknown object {name}", name=_quoted(f"{module}.{name}" if module else name))


def inspect_keras_archive(data: bytes) -> dict[str, Any]:
    """Check an uploaded `.keras` file without executing or extracting anything; return its config.json.

    Checks, in order: size; zip signature; the zip directory (≤ MAX_ZIP_ENTRIES entries, only config.json /
    metadata.json / model.weights.h5, no encryption, declared uncompressed total ≤ MAX_UNCOMPRESSED_BYTES and
    compression ratio ≤ MAX_COMPRESSION_RATIO per entry and overall — refused before anything is decompressed);
    config.json read with a byte limit and parsed; every serialized object in it on the allow-list; the model's
    parameters and largest activation computed from config.json within the budgets of `playground.model_budget`
    (nothing built); model.weights.h5 checked with h5py (`model_budget.check_h5`). (Python's zipfile never
    outputs more than an entry's declared size, so the declared sizes are a real cap.)

    Raises:
        ValueError: with a learner-readable reason.
    """
    import keras

    _check_size(data, ".keras")
    if not bytes(data[:4]) == ZIP_SIGNATURE:
        raise Problem("This is not a `.keras` file: a `.keras` file is a zip archive, and this one is not.")
    try:
        archive = zipfile.ZipFile(io.BytesIO(bytes(data)))
    except (zipfile.BadZipFile, OSError) as err:
        raise Problem("This `.keras` file is not a readable zip archive ({reason}).", reason=str(err)) from None
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ZIP_ENTRIES:
            raise Problem("This `.keras` file holds {count} files; a Keras model file holds 3.", count=len(entries))
        names = [e.filename for e in entries]
        unexpected = sorted(set(names) - KERAS_ARCHIVE_FILES)
        if unexpected:
            raise Problem(
                "This `.keras` file contains files a Keras model file does not have: {names}",
                names=", ".join(unexpected[:5]),
            )
        if len(set(names)) != len(names):
            raise Problem("This `.keras` file lists the same file twice; refused.")
        if "config.json" not in names:
            raise Problem("This `.keras` file has no config.json, so it is not a Keras model file.")
        if any(e.flag_bits & 0x1 for e in entries):
            raise Problem("This `.keras` file is encrypted; refused.")
        total = sum(e.file_size for e in entries)
        packed = sum(e.compress_size for e in entries)
        if total > MAX_UNCOMPRESSED_BYTES:
            raise Problem(
                "This `.keras` file would unpack to {size_mb:.0f} MB (limit {limit_mb:.0f} MB); refused as a possible "
                "zip bomb.",
                size_mb=total / 1e6,
                limit_mb=MAX_UNCOMPRESSED_BYTES / 1e6,
            )
        for e in [*entries, None]:
            size, comp = (total, packed) if e is None else (e.file_size, e.compress_size)
            if size > 1024 * 1024 and size > MAX_COMPRESSION_RATIO * max(comp, 1):
                raise Problem(
                    "This `.keras` file is compressed {ratio:.0f}:1 (limit {limit}:1); refused as a possible zip bomb.",
                    ratio=size / max(comp, 1),
                    limit=MAX_COMPRESSION_RATIO,
                )
        info = archive.getinfo("config.json")
        if info.file_size > MAX_CONFIG_BYTES:
            raise Problem(
                "config.json is {size_mb:.1f} MB, far more than a model config needs.", size_mb=info.file_size / 1e6
            )
        try:
            with archive.open(info) as f:
                raw = f.read(MAX_CONFIG_BYTES + 1)
            config = json.loads(raw.decode("utf-8"))
        except (zipfile.BadZipFile, OSError, UnicodeDecodeError, ValueError, RecursionError) as err:
            raise Problem("config.json in this `.keras` file is damaged ({reason}).", reason=str(err)) from None
        if not isinstance(config, dict) or "class_name" not in config:
            raise Problem("config.json in this `.keras` file does not describe a Keras model.")
        for obj in _walk_objects(config):
            reason = _refusal(obj, keras)
            if reason is not None:
                raise Problem(
                    "This model was refused because it contains {reason}. Only standard Keras layers load.",
                    reason=reason,
                )
        try:
            cost = check_config_budget(config)  # from the config alone: nothing is built
        except CostError as err:
            raise Problem(
                "This model was refused: its size cannot be worked out from config.json ({reason}).", reason=err
            ) from None
        if "model.weights.h5" in names:
            _check_embedded_weights(archive, cost)
    return config


def _check_embedded_weights(archive: zipfile.ZipFile, cost: ModelCost) -> None:
    """The `.keras` zip's model.weights.h5, streamed to a temporary file (its declared size is already capped) and
    checked with h5py: no links, external storage or virtual datasets, and at most 3 × the parameters the config
    declares (the weights plus an optimizer's two moments) + 1024 values."""
    with _tmpdir() as tmp:
        path = Path(tmp) / "model.weights.h5"
        with archive.open("model.weights.h5") as src, path.open("wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
        values = sum(math.prod(shape) for shape in check_h5(path).values())
    limit = 3 * cost.params + 1024
    if values > limit:
        raise Problem(
            "The weights inside this `.keras` file hold {values:,} values; a model of {params:,} parameters "
            "holds at most {limit:,} (with its optimizer state). Refused.",
            values=values,
            params=cost.params,
            limit=limit,
        )


def _is_sparse_ce(loss: Any) -> bool:
    name = loss if isinstance(loss, str) else getattr(loss, "name", None) or getattr(loss, "__name__", "")
    return name in ("sparse_categorical_crossentropy", "SparseCategoricalCrossentropy")


def _has_rescaling(model: Any) -> bool:
    return any(type(layer).__name__ == "Rescaling" for layer in model.layers)


def specs_from_model(model: Any) -> tuple[dict[str, Any], ...]:
    """Layer specs (architecture format) read back from a model's layers, for display and comparison."""
    keep = (
        "filters",
        "kernel_size",
        "strides",
        "padding",
        "activation",
        "pool_size",
        "rate",
        "units",
        "scale",
        "factor",
        "mode",
    )
    specs = []
    for layer in model.layers:
        cfg = layer.get_config()
        spec: dict[str, Any] = {"type": type(layer).__name__}
        for key in keep:
            if key in cfg:
                value = cfg[key]
                spec[key] = list(value) if isinstance(value, tuple) else value
        specs.append(spec)
    return tuple(specs)


def _check_embedded_against_config(archive: zipfile.ZipFile, config: dict[str, Any], tmp: Path) -> None:
    """The `.keras` zip's model.weights.h5 against the model its config.json builds (already within the budgets):
    every `layers/` dataset of the same shape and dtype, nothing extra but optimizer state (`check_h5`), so Keras
    never casts or partly reads what the file holds, whatever its version."""
    import keras

    try:
        reference_model = keras.saving.deserialize_keras_object(config, safe_mode=True)
        reference = tmp / "reference.weights.h5"
        reference_model.save_weights(reference)
    except Exception as err:  # Keras raises many kinds on bad configs
        raise Problem("Keras refused this model file: {reason}", reason=str(err)[:300]) from None
    want = {k: v for k, v in _h5_datasets(reference).items() if k.startswith("layers/")}
    with archive.open("model.weights.h5") as src:
        embedded = tmp / "embedded.weights.h5"
        with embedded.open("wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
    check_h5(embedded, want)


def load_checked_keras(data: bytes) -> Any:
    """Any `.keras` file's model — an upload, the run store's file, a remote worker's result — after
    `inspect_keras_archive` (allow-list, budgets, weights check): `keras.saving.load_model(compile=True,
    safe_mode=True)`.

    Raises:
        ValueError: any refusal, with the reason (Keras's own errors included).
    """
    import keras

    config = inspect_keras_archive(data)
    with _tmpdir() as tmp:
        path = Path(tmp) / "model.keras"
        path.write_bytes(bytes(data))
        with zipfile.ZipFile(path) as archive:
            if "model.weights.h5" in archive.namelist():
                _check_embedded_against_config(archive, config, Path(tmp))
        try:
            return keras.saving.load_model(path, compile=True, safe_mode=True)
        except Exception as err:  # Keras raises many kinds on bad files
            raise Problem("Keras refused this model file: {reason}", reason=str(err)[:300]) from None


def load_keras_upload(data: bytes, *, run_id: str) -> tuple[Run, list[str]]:
    """Load an untrusted `.keras` upload as a new Run (status "restored"), after `inspect_keras_archive`.

    The model is loaded with `keras.saving.load_model(path, compile=True, safe_mode=True)`. It must take
    28×28×1 images and output 10 class probabilities. A model without a Rescaling layer (trained on pixels
    already divided by 255, as in the course notes) gets `Rescaling(1/255)` in front of it, so it reads the
    app's 0–255 images; a model compiled with another loss (e.g. the one-hot `categorical_crossentropy`) or
    not compiled is compiled with sparse categorical cross-entropy + accuracy for evaluation.

    Returns:
        (the new Run, notes) where notes lists what was adjusted: "rescaling_added", "recompiled".
    Raises:
        ValueError: any refusal, with the reason.
    """
    import keras

    model = load_checked_keras(data)
    in_shape = tuple(model.inputs[0].shape[1:]) if getattr(model, "inputs", None) else None
    out_shape = tuple(model.outputs[0].shape[1:]) if getattr(model, "outputs", None) else None
    if len(getattr(model, "inputs", []) or []) != 1 or in_shape not in (INPUT_SHAPE, INPUT_SHAPE[:2]):
        raise Problem(
            "This model takes inputs of shape {shape}; Fashion-MNIST images are {expected}.",
            shape=in_shape,
            expected=INPUT_SHAPE,
        )
    if out_shape != (NUM_CLASSES,):
        raise Problem(
            "This model outputs shape {shape}; Fashion-MNIST needs {count} class scores.",
            shape=out_shape,
            count=NUM_CLASSES,
        )
    notes = []
    optimizer = model.optimizer if getattr(model, "compiled", False) and model.optimizer is not None else "adam"
    front = []
    if in_shape == INPUT_SHAPE[:2]:
        front.append(keras.layers.Reshape(INPUT_SHAPE[:2]))
        notes.append("reshaped")
    if not _has_rescaling(model):
        front.append(keras.layers.Rescaling(1 / 255))
        notes.append("rescaling_added")
    if front:
        inner = model.layers if isinstance(model, keras.Sequential) else [model]
        model = keras.Sequential([keras.Input(INPUT_SHAPE), *front, *inner], name=model.name)
    if front or not getattr(model, "compiled", False) or not _is_sparse_ce(model.loss):
        compile_for_evaluation(model, optimizer)
        notes.append("recompiled")
    config = TrainConfig(specs=specs_from_model(model), preset="uploaded", epochs=0)
    return Run(run_id=run_id, config=config, history={}, status="restored", model=model), notes
