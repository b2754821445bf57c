"""playground.evaluation against the references: tf.math.confusion_matrix, sklearn recall, model.evaluate /
model.predict, and the model's layers called one by one."""

from __future__ import annotations

import functools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from playground import evaluation as ev
from playground.run import Run, TrainConfig

TINY_SPECS = (
    {"type": "Conv2D", "filters": 4, "kernel_size": 3, "strides": 1, "padding": "same", "activation": "relu"},
    {"type": "MaxPooling2D", "pool_size": 2},
    {"type": "Conv2D", "filters": 6, "kernel_size": 3, "strides": 1, "padding": "valid", "activation": "relu"},
    {"type": "AveragePooling2D", "pool_size": 2},
    {"type": "Dropout", "rate": 0.2},
    {"type": "Flatten"},
    {"type": "Dense", "units": 10, "activation": "softmax"},
)
TINY_CONFIG = TrainConfig(specs=TINY_SPECS, epochs=1, batch_size=32, train_size=256, seed=7)


@functools.cache
def fashion_subset(n_train: int = 256, n_test: int = 300):
    """Small slices of the real Fashion-MNIST (read-only uint8, as the app gets them)."""
    from playground.data import load_fashion_mnist

    (x_train, y_train), (x_test, y_test) = load_fashion_mnist()
    return (x_train[:n_train], y_train[:n_train]), (x_test[:n_test], y_test[:n_test])


def make_run(config: TrainConfig = TINY_CONFIG, run_id: str = "run-1") -> Run:
    """A tiny finished Run: the lab's model for `config`, fitted 1 epoch on 256 real images."""
    import keras

    from playground.lab.model import build_model

    (x, y), _ = fashion_subset()
    keras.utils.set_random_seed(config.seed)
    model = build_model(config)
    fit = model.fit(x[..., None], y, validation_split=0.25, epochs=config.epochs, batch_size=32, verbose=0)
    history = {k: [float(v) for v in vals] for k, vals in fit.history.items()}
    history.setdefault("learning_rate", [config.learning_rate] * config.epochs)
    return Run(run_id=run_id, config=config, history=history, status="finished", model=model)


@functools.cache
def tiny_run() -> Run:
    return make_run()


@pytest.fixture(scope="module")
def run():
    return tiny_run()


@pytest.fixture(scope="module")
def test_set():
    return fashion_subset()[1]


@settings(max_examples=25, deadline=None)
@given(
    k=st.integers(1, 12),
    labels=st.lists(st.tuples(st.integers(0, 11), st.integers(0, 11)), min_size=0, max_size=60),
)
def test_confusion_matrix_equals_tensorflow(k, labels):
    """confusion_matrix equals tf.math.confusion_matrix for random labels and class counts."""
    import tensorflow as tf

    pairs = np.array([(a % k, b % k) for a, b in labels], dtype=np.int64).reshape(-1, 2)
    got = ev.confusion_matrix(pairs[:, 0], pairs[:, 1], k)
    want = tf.math.confusion_matrix(pairs[:, 0], pairs[:, 1], num_classes=k).numpy()
    np.testing.assert_array_equal(got, want)
    assert got.sum() == len(pairs)


def test_per_class_accuracy_equals_sklearn_recall():
    """Per-class accuracy is the diagonal over the row sums, i.e. sklearn's per-class recall; NaN for absent classes."""
    from sklearn.metrics import recall_score

    rng = np.random.default_rng(0)
    y_true = rng.integers(0, 9, 500)  # class 9 never occurs
    y_pred = np.where(rng.random(500) < 0.7, y_true, rng.integers(0, 10, 500))
    acc = ev.per_class_accuracy(ev.confusion_matrix(y_true, y_pred, 10))
    want = recall_score(y_true, y_pred, labels=range(9), average=None)
    np.testing.assert_allclose(acc[:9], want)
    assert np.isnan(acc[9])


def test_confident_mistakes_are_wrong_and_sorted():
    """Only wrong predictions, ordered by the predicted class's probability, the same set as a brute-force sort."""
    rng = np.random.default_rng(1)
    logits = rng.normal(size=(200, 10)) * 3
    proba = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    y = rng.integers(0, 10, 200)
    got = ev.confident_mistakes(proba, y, top=15)
    brute = sorted((i for i in range(200) if proba[i].argmax() != y[i]), key=lambda i: (-proba[i].max(), i))
    assert list(got) == brute[:15]
    assert ev.confident_mistakes(proba, proba.argmax(axis=1)).size == 0


def test_evaluate_model_equals_keras_and_the_formula(run, test_set):
    """Loss and accuracy equal model.evaluate and the formula mean(−log p[y]), mean(argmax = y); progress per batch."""
    x, y = test_set
    calls = []
    got = ev.evaluate_model(
        run.model, x, y, batch_size=128, on_progress=lambda done, total: calls.append((done, total))
    )
    direct = run.model.evaluate(x[..., None], y, batch_size=128, verbose=0, return_dict=True)
    assert got["loss"] == pytest.approx(direct["loss"], rel=1e-6)
    assert got["accuracy"] == pytest.approx(direct["accuracy"])
    proba = ev.predict_proba(run.model, x)
    assert got["accuracy"] == pytest.approx(np.mean(proba.argmax(axis=1) == y))
    eps = 1e-7  # Keras clips probabilities to [ε, 1 − ε] before the log
    assert got["loss"] == pytest.approx(np.mean(-np.log(np.clip(proba[np.arange(len(y)), y], eps, 1 - eps))), rel=1e-4)
    assert calls == [(i, 3) for i in (1, 2, 3)]


def test_predict_proba_is_the_softmax_of_model_predict(run, test_set):
    """predict_proba equals model.predict, one probability row per image; a single (28, 28) image works."""
    x, _ = test_set
    proba = ev.predict_proba(run.model, x[:20])
    np.testing.assert_allclose(proba, run.model.predict(x[:20, ..., None], verbose=0), rtol=1e-6)
    np.testing.assert_allclose(proba.sum(axis=1), 1, rtol=1e-5)
    np.testing.assert_allclose(ev.predict_proba(run.model, x[3])[0], proba[3], rtol=1e-5, atol=1e-7)


def test_feature_maps_equal_calling_the_layers_by_hand(run, test_set):
    """Each conv/pool feature map equals running the model's layers one after another on the image."""
    x, _ = test_set
    maps = ev.feature_maps(run.model, x[5])
    expected = []
    h = x[5][None, :, :, None].astype("float32")
    for layer in run.model.layers:
        h = np.asarray(layer(h, training=False))
        if type(layer).__name__ in ev.FEATURE_MAP_LAYERS:
            expected.append((layer.name, type(layer).__name__, h[0]))
    assert [(n, t) for n, t, _ in maps] == [(n, t) for n, t, _ in expected]
    assert [m.shape for _, _, m in maps] == [(28, 28, 4), (14, 14, 4), (12, 12, 6), (6, 6, 6)]
    for (_, _, got), (_, _, want) in zip(maps, expected, strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)


def test_first_conv_filters_and_mean_activation(run, test_set):
    """The first Conv2D's kernel (kh, kw, C_in, F) and bias; the mean activation is the (H, W) mean per filter."""
    name, kernel, bias = ev.first_conv_filters(run.model)
    conv = next(layer for layer in run.model.layers if type(layer).__name__ == "Conv2D")
    assert name == conv.name and kernel.shape == (3, 3, 1, 4) and bias.shape == (4,)
    np.testing.assert_array_equal(kernel, conv.get_weights()[0])
    maps = ev.feature_maps(run.model, test_set[0][0])[0][2]
    np.testing.assert_allclose(ev.mean_activation(maps), [maps[:, :, c].mean() for c in range(4)], rtol=1e-5)


def test_bad_inputs_raise_value_errors_naming_the_argument(run, test_set):
    """Bad labels, shapes and sizes raise ValueError naming the argument (the pages show them as warnings)."""
    with pytest.raises(ValueError, match="y_true"):
        ev.confusion_matrix(np.array([0, 10]), np.array([0, 1]), 10)
    with pytest.raises(ValueError, match="num_classes"):
        ev.confusion_matrix(np.array([0]), np.array([0]), 0)
    with pytest.raises(ValueError, match="images"):
        ev.as_model_input(np.zeros((2, 2, 28, 28, 3)))
    with pytest.raises(ValueError, match="batch_size"):
        ev.evaluate_model(run.model, test_set[0], test_set[1], batch_size=0)
    with pytest.raises(ValueError, match="image"):
        ev.feature_maps(run.model, np.zeros((2, 28, 28)))
    with pytest.raises(ValueError, match="top"):
        ev.confident_mistakes(np.full((2, 10), 0.1), np.array([0, 1]), top=-1)


def test_compared_accuracy_curves_read_in_per_cent_as_in_the_lab():
    """Compare's accuracy axis and hover read in per cent (0.87 → 87 %), as the training lab's; loss stays plain."""
    from playground.figures.evaluation import curves_figure

    history = {"loss": [0.9, 0.5], "accuracy": [0.7, 0.87], "val_accuracy": [0.68, 0.85]}
    acc = curves_figure([("run-1", history)], "accuracy", x_title="epoch", y_title="accuracy")
    assert acc.layout.yaxis.tickformat == ".0%" and all("%{y:.1%}" in tr.hovertemplate for tr in acc.data)
    loss = curves_figure([("run-1", history)], "loss", x_title="epoch", y_title="loss")
    assert loss.layout.yaxis.tickformat is None and "%{y:.4f}" in loss.data[0].hovertemplate
