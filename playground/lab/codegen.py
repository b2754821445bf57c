"""The Keras code of a run: what the lab shows beside its form, and the stand-alone script a run exports.

Both are written from the option tables (`playground.lab.options`), as a learner would type them after the course
notes: load Fashion-MNIST with Keras, split with scikit-learn, the model, `compile`, the callbacks, `fit`, `evaluate`.
Pure text: no TensorFlow import here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from playground.code_comments import comments_with
from playground.lab.options import CALLBACKS, LOSS, N_TRAIN, OPTIMIZERS
from playground.run import TrainConfig

LOAD_LINE = "(x_train, y_train), (x_test, y_test) = keras.datasets.fashion_mnist.load_data()"
#: The English comments of `keras_code` and `training_script` (keys for their `comments=`).
COMMENTS = {
    "offline": "No internet? The same arrays from the Debian package `dataset-fashion-mnist` "
    "(apt install dataset-fashion-mnist):",
    "input": "uint8 pixels 0 … 255",
    "rescaling": "scale to 0 … 1 inside the model",
    "loss": 'integer labels; with one-hot labels: "categorical_crossentropy"',
    "save": "Save (course notes 004): the whole model, or the parameters only.",
    "save_model": 'restore: keras.models.load_model("model.keras") — compiled, ready to evaluate',
    "save_weights": "restore: build the same model, then model.load_weights(...)",
}
DEBIAN_ALTERNATIVE = """\
#   import gzip, numpy as np
#   def read_idx(name, offset):
#       with gzip.open(f"/usr/share/datasets/fashion-mnist/{name}.gz") as f:
#           return np.frombuffer(f.read(), np.uint8, offset=offset)
#   x_train = read_idx("train-images-idx3-ubyte", 16).reshape(-1, 28, 28)
#   y_train = read_idx("train-labels-idx1-ubyte", 8)
#   x_test = read_idx("t10k-images-idx3-ubyte", 16).reshape(-1, 28, 28)
#   y_test = read_idx("t10k-labels-idx1-ubyte", 8)"""


def _py(value: Any) -> str:
    """A Python literal for generated code: floats in their shortest general form (0.001, 1e-05), strings quoted."""
    if isinstance(value, float):
        return f"{value:g}"
    return repr(value)


def _call(name: str, kwargs: dict[str, Any]) -> str:
    return f"{name}({', '.join(f'{k}={_py(v)}' for k, v in kwargs.items())})"


def _layer(spec: dict[str, Any]) -> str:
    return f"    keras.layers.{_call(spec['type'], {k: v for k, v in spec.items() if k != 'type'})},"


def optimizer_code(config: TrainConfig) -> str:
    """`keras.optimizers.Adam(learning_rate=0.001, beta_1=0.9, ...)`: the choice's class and every tunable argument."""
    choice = OPTIMIZERS[config.optimizer]
    kwargs = {"learning_rate": config.learning_rate, **choice.hyper, **config.optimizer_params, **choice.fixed}
    return f"keras.optimizers.{_call(choice.keras_class, kwargs)}"


def callback_lines(config: TrainConfig) -> tuple[list[str], list[str]]:
    """One `name_cb = keras.callbacks.X(...)` line per callback switched on (in `CALLBACKS` order), and the names."""
    lines, names = [], []
    for field_name, callback in CALLBACKS.items():
        params = getattr(config, field_name)
        if params is None:
            continue
        ordered = {arg.name: params[arg.name] for arg in callback.args if arg.name in params}
        if callback.filepath is not None:
            ordered = {"filepath": callback.filepath, **ordered}
        lines.append(f"{callback.variable} = keras.callbacks.{_call(callback.keras_class, ordered)}")
        names.append(callback.variable)
    return lines, names


def keras_code(config: TrainConfig, *, offline_note: bool = False, comments: Mapping[str, str] | None = None) -> str:
    """The equivalent stand-alone Keras script for `config` (what the lab runs, written as the course notes do).

    With `offline_note`, a comment after the loading line shows how to read the same arrays from the Debian
    package's files. `comments` maps `COMMENTS`' keys to the comments in the page's language (English by default).
    """
    c = comments_with(COMMENTS, comments)
    lines = ["import keras", "from sklearn.model_selection import train_test_split", "", LOAD_LINE]
    if offline_note:
        lines += [f"# {c['offline']}", DEBIAN_ALTERNATIVE]
    if config.train_size < N_TRAIN:
        lines.append(
            f"x_train, _, y_train, _ = train_test_split(x_train, y_train, train_size={config.train_size}, "
            f"stratify=y_train, random_state={config.seed})"
        )
    if config.validation_split > 0:
        lines.append(
            f"x_train, x_val, y_train, y_val = train_test_split(x_train, y_train, "
            f"test_size={_py(config.validation_split)}, stratify=y_train, random_state={config.seed})"
        )
    lines += ["", f"keras.utils.set_random_seed({config.seed})", "model = keras.Sequential(["]
    lines.append(f"    keras.Input(shape=(28, 28, 1)),  # {c['input']}")
    lines += [_layer(spec) for spec in config.augmentation]
    lines.append(f"    keras.layers.Rescaling(1 / 255),  # {c['rescaling']}")
    lines += [_layer(spec) for spec in config.specs]
    lines += [
        "])",
        "model.compile(",
        f"    optimizer={optimizer_code(config)},",
        f'    loss="{LOSS}",  # {c["loss"]}',
        '    metrics=["accuracy"],',
        ")",
        "model.summary()",
        "",
    ]
    callbacks, names = callback_lines(config)
    lines += callbacks
    val = ", validation_data=(x_val[..., None], y_val)" if config.validation_split > 0 else ""
    cbs = f", callbacks=[{', '.join(names)}]" if names else ""
    lines += [
        f"history = model.fit(x_train[..., None], y_train{val}, batch_size={config.batch_size}, "
        f"epochs={config.epochs}{cbs})",
        "model.evaluate(x_test[..., None], y_test)",
    ]
    return "\n".join(lines) + "\n"


def training_script(
    config: TrainConfig, *, title: str = "CNN Playground run", comments: Mapping[str, str] | None = None
) -> str:
    """A runnable Python script that trains the same model with the same settings, as a learner would write it.

    The body is `keras_code` with the Debian-path alternative for loading the data offline (as a comment), a header
    naming the layers, and the two ways to save the result (course notes 004).

    The split is drawn with scikit-learn, so its exact images differ from the app's (same sizes, same
    stratification, same seed number); the initial weights follow `keras.utils.set_random_seed(seed)`.

    Args:
        config: the run's settings.
        title: first line of the script's docstring (e.g. the run id).
        comments: `COMMENTS`' keys mapped to the comments in the page's language (English by default).
    Returns:
        Python source text (it compiles; run it with `python script.py`).
    """
    from playground.export import describe_layers

    header = (
        f'"""{title}: {describe_layers(config.specs)}.\n\n'
        "Generated by CNN Playground. Run it with python (needs keras, tensorflow and scikit-learn).\n"
        '"""\n\n'
    )
    c = comments_with(COMMENTS, comments)
    footer = (
        f"\n# {c['save']}\n"
        f'model.save("model.keras")  # {c["save_model"]}\n'
        f'model.save_weights("model.weights.h5")  # {c["save_weights"]}\n'
    )
    return header + keras_code(config, offline_note=True, comments=comments) + footer
