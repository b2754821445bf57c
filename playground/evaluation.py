"""After training: test-set evaluation, the confusion matrix, mistakes, softmax outputs and a look inside the model.

Everything takes a trained `keras.Model` whose input is Fashion-MNIST-like images — uint8 (N, 28, 28) or
(N, 28, 28, 1), 0–255; the app's models rescale by 1/255 themselves — and whose output is the softmax over the
10 classes. TensorFlow/Keras are imported lazily, inside the functions that need them. Nothing here modifies
its inputs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from playground._checks import check_int, invalid
from playground.messages import Phrase, Problem

#: Layer types whose outputs are drawn as feature maps (their output is (H, W, C)).
FEATURE_MAP_LAYERS = (
    "Conv2D",
    "DepthwiseConv2D",
    "SeparableConv2D",
    "MaxPooling2D",
    "AveragePooling2D",
)

ProgressFn = Callable[[int, int], None]


def as_model_input(images: np.ndarray) -> np.ndarray:
    """Images in the shape the models take: (N, 28, 28) or a single (28, 28) image → (N, 28, 28, 1).

    Args:
        images: array of shape (H, W), (N, H, W) or (N, H, W, 1); dtype kept (uint8 0–255 for the app's models).
    Returns:
        A new array of shape (N, H, W, 1).
    Raises:
        ValueError: for any other number of dimensions.
    """
    x = np.asarray(images)
    if x.ndim == 2:
        return x[None, :, :, None].copy()
    if x.ndim == 3:
        return x[..., None].copy()
    if x.ndim == 4 and x.shape[-1] == 1:
        return x.copy()
    raise invalid("images", "an array of shape (H, W), (N, H, W) or (N, H, W, 1)", x, show=f"images.shape={x.shape}")


def _check_labels(y: np.ndarray, num_classes: int, name: str) -> np.ndarray:
    y = np.asarray(y)
    if y.ndim != 1 or not np.issubdtype(y.dtype, np.integer):
        show = f"{name}.shape={y.shape}, dtype={y.dtype}"
        raise invalid(name, "a 1-D array of integer class labels", y, show=show)
    if y.size and (y.min() < 0 or y.max() >= num_classes):
        show = f"min={y.min()}, max={y.max()}"
        raise invalid(name, "labels in the range [0, {high}]", y, show=show, high=num_classes - 1)
    return y.astype(np.int64)


def _accuracy_key(metrics: dict[str, float]) -> str | None:
    for key in ("accuracy", "sparse_categorical_accuracy", "acc", "categorical_accuracy"):
        if key in metrics:
            return key
    return next((k for k in metrics if k.endswith("accuracy")), None)


def evaluate_model(
    model: Any,
    images: np.ndarray,
    labels: np.ndarray,
    *,
    batch_size: int = 500,
    on_progress: ProgressFn | None = None,
) -> dict[str, float]:
    """Test-set loss and accuracy, exactly `model.evaluate(x, y, batch_size=batch_size, return_dict=True)`.

    The model must be compiled with the sparse categorical cross-entropy loss and an accuracy metric (the lab's
    runs are; restored weights are compiled that way before evaluation). Batches report progress through
    `on_progress(batches_done, batches_total)` (a Keras callback's `on_test_batch_end`).

    Args:
        model: a compiled `keras.Model` taking (N, 28, 28, 1) images.
        images: (N, 28, 28) or (N, 28, 28, 1) images.
        labels: (N,) integer class labels.
        batch_size: images per batch, a positive integer.
        on_progress: optional callable, called after each batch.
    Returns:
        {"loss": mean cross-entropy, "accuracy": fraction of argmax predictions equal to the label}.
    Raises:
        ValueError: bad shapes, an uncompiled model, or a model without an accuracy metric.
    """
    import keras

    batch_size = check_int("batch_size", batch_size, low=1)
    x = as_model_input(images)
    y = np.asarray(labels)
    if len(x) != len(y) or len(x) == 0:
        show = Phrase("{images} images, {labels} labels", images=len(x), labels=len(y))
        raise invalid("images and labels", "the same non-zero number of images and labels", x, show=show)
    if not getattr(model, "compiled", False):
        raise Problem("The model is not compiled, so `evaluate()` cannot run. Compile it first (loss + accuracy).")
    total = -(-len(x) // batch_size)

    class _Progress(keras.callbacks.Callback):
        def on_test_batch_end(self, batch, logs=None):
            if on_progress is not None:
                on_progress(batch + 1, total)

    result = model.evaluate(x, y, batch_size=batch_size, verbose=0, return_dict=True, callbacks=[_Progress()])
    key = _accuracy_key(result)
    if key is None:
        raise Problem(
            "The model was compiled without an accuracy metric. Received metrics: {metrics}", metrics=sorted(result)
        )
    return {"loss": float(result["loss"]), "accuracy": float(result[key])}


def predict_proba(
    model: Any, images: np.ndarray, *, batch_size: int = 500, on_progress: ProgressFn | None = None
) -> np.ndarray:
    """Softmax outputs, `model.predict(x)`: one row of class probabilities per image.

    Args:
        model: a `keras.Model` ending in a softmax over the classes.
        images: (28, 28), (N, 28, 28) or (N, 28, 28, 1) images.
        on_progress: optional callable `(batches_done, batches_total)`, called after each batch.
    Returns:
        float array of shape (N, num_classes); `argmax(axis=1)` is the predicted class (as in the course notes).
    """
    x = as_model_input(images)
    callbacks = []
    if on_progress is not None:
        import keras

        total, report = -(-len(x) // batch_size), on_progress

        class _Progress(keras.callbacks.Callback):
            def on_predict_batch_end(self, batch, logs=None):
                report(batch + 1, total)

        callbacks.append(_Progress())
    return np.asarray(model.predict(x, batch_size=batch_size, verbose=0, callbacks=callbacks))


def confusion_matrix(y_true: np.ndarray, y_pred: np.ndarray, num_classes: int) -> np.ndarray:
    """Counts of (true class, predicted class) pairs, like `tf.math.confusion_matrix(y_true, y_pred, num_classes)`.

    Args:
        y_true: (N,) integer labels in [0, num_classes).
        y_pred: (N,) integer predicted classes (argmax of the softmax) in [0, num_classes).
        num_classes: number of classes K ≥ 1.
    Returns:
        int64 array of shape (K, K): cm[i, j] = #images of true class i predicted as j. Rows sum to the class
        counts; the diagonal holds the correct predictions.
    """
    num_classes = check_int("num_classes", num_classes, low=1)
    t = _check_labels(y_true, num_classes, "y_true")
    p = _check_labels(y_pred, num_classes, "y_pred")
    if t.shape != p.shape:
        shown = Phrase("{first_length} and {second_length}", first_length=t.shape[0], second_length=p.shape[0])
        raise invalid("y_true and y_pred", "the same length", t, show=shown)
    return np.bincount(t * num_classes + p, minlength=num_classes * num_classes).reshape(num_classes, num_classes)


def per_class_accuracy(cm: np.ndarray) -> np.ndarray:
    """Per-class accuracy (recall) from a confusion matrix: cm[i, i] / Σ_j cm[i, j].

    Args:
        cm: (K, K) confusion matrix, rows = true classes.
    Returns:
        float array (K,); NaN for a class with no images.
    """
    cm = np.asarray(cm, dtype=float)
    if cm.ndim != 2 or cm.shape[0] != cm.shape[1]:
        raise invalid("cm", "a square matrix", cm, show=f"shape={cm.shape}")
    rows = cm.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(rows > 0, np.diag(cm) / rows, np.nan)


def confident_mistakes(proba: np.ndarray, y_true: np.ndarray, *, top: int = 12) -> np.ndarray:
    """The wrong predictions the model was most sure about.

    Args:
        proba: (N, K) softmax outputs.
        y_true: (N,) integer labels.
        top: how many to return (at most), ≥ 0.
    Returns:
        int array of image indices where argmax(proba) ≠ y_true, sorted by the predicted class's probability,
        highest first (ties: lower index first).
    """
    proba = np.asarray(proba)
    if proba.ndim != 2:
        raise invalid("proba", "an array of shape (N, K)", proba, show=f"shape={proba.shape}")
    y = _check_labels(y_true, proba.shape[1], "y_true")
    if len(y) != len(proba):
        shown = Phrase("{first_length} and {second_length}", first_length=len(proba), second_length=len(y))
        raise invalid("proba and y_true", "the same length", proba, show=shown)
    top = check_int("top", top, low=0)
    pred = proba.argmax(axis=1)
    wrong = np.flatnonzero(pred != y)
    confidence = proba[wrong, pred[wrong]]
    order = np.lexsort((wrong, -confidence))
    return wrong[order][:top]


def feature_maps(model: Any, image: np.ndarray) -> list[tuple[str, str, np.ndarray]]:
    """The activations of every convolution and pooling layer for one image.

    Builds a `keras.Model` from the model's input to the outputs of its top-level Conv2D / pooling layers and
    runs it once (inference mode: dropout and augmentation layers pass the input through).

    Args:
        model: a built `keras.Model` (Sequential or Functional) taking (N, 28, 28, 1) images.
        image: one image, (28, 28) or (28, 28, 1).
    Returns:
        A list, in layer order, of (layer_name, layer_type, array of shape (H', W', C)): the feature maps, one
        channel per filter. Empty when the model has no such layers at its top level.
    """
    import keras

    x = np.asarray(image)
    if x.ndim == 3 and x.shape[-1] == 1:
        x = x[..., 0]
    if x.ndim != 2:
        raise invalid("image", "one (H, W) image", x, show=f"shape={x.shape}")
    layers = [layer for layer in model.layers if type(layer).__name__ in FEATURE_MAP_LAYERS]
    if not layers:
        return []
    inputs = model.inputs[0] if len(model.inputs) == 1 else model.inputs
    probe = keras.Model(inputs=inputs, outputs=[layer.output for layer in layers])
    outputs = probe(as_model_input(x), training=False)
    if not isinstance(outputs, list | tuple):
        outputs = [outputs]
    return [(layer.name, type(layer).__name__, np.asarray(out)[0]) for layer, out in zip(layers, outputs, strict=True)]


def first_conv_filters(model: Any) -> tuple[str, np.ndarray, np.ndarray] | None:
    """The learned kernels of the model's first Conv2D layer.

    Returns:
        (layer_name, kernel of shape (kh, kw, C_in, F), bias of shape (F,) — zeros when `use_bias=False`),
        or None when the model has no Conv2D layer.
    """
    for layer in model.layers:
        if type(layer).__name__ == "Conv2D":
            weights = layer.get_weights()
            kernel = np.asarray(weights[0])
            bias = np.asarray(weights[1]) if len(weights) > 1 else np.zeros(kernel.shape[-1], kernel.dtype)
            return layer.name, kernel, bias
    return None


def mean_activation(maps: np.ndarray) -> np.ndarray:
    """Mean activation of each filter: the (H, W, C) feature maps averaged over H and W → (C,)."""
    maps = np.asarray(maps)
    if maps.ndim != 3:
        raise invalid("maps", "an array of shape (H, W, C)", maps, show=f"shape={maps.shape}")
    return maps.mean(axis=(0, 1))
