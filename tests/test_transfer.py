"""playground.transfer: the three modes train what they should, freeze what they should, and the shipped base works."""

from __future__ import annotations

import numpy as np
import pytest

from playground import transfer
from playground.transfer import (
    BASE_SOURCE_ACCURACY,
    FINE_TUNE_LAYERS,
    MODES,
    SOURCE_CLASSES,
    TARGET_CLASSES,
    build_base,
    build_transfer_model,
    count_params,
    describe_modes,
    layer_strip,
    load_base_weights,
    load_pretrained,
    pretrain_base,
    run_transfer,
    save_pretrained,
    select_classes,
    set_mode_trainability,
    transfer_code,
)


def conv_params(kernel: int, c_in: int, filters: int) -> int:
    """Conv2D weights: kernel·kernel·c_in·filters + filters biases."""
    return kernel * kernel * c_in * filters + filters


def dense_params(n_in: int, units: int) -> int:
    return n_in * units + units


CONV1, CONV2, CONV3 = conv_params(3, 1, 16), conv_params(3, 16, 32), conv_params(3, 32, 64)
BASE = CONV1 + CONV2 + CONV3
HEAD = dense_params(3 * 3 * 64, 64) + dense_params(64, 5)  # 28 → 14 → 7 → 3 after three 2×2 poolings


@pytest.fixture(scope="module")
def tiny():
    """A tiny synthetic Fashion-MNIST-shaped data set: 12 train / 6 test images of each of the ten classes."""
    rng = np.random.default_rng(0)
    y_train = np.repeat(np.arange(10, dtype=np.uint8), 12)
    y_test = np.repeat(np.arange(10, dtype=np.uint8), 6)
    x_train = rng.integers(0, 256, (len(y_train), 28, 28), dtype=np.uint8)
    x_test = rng.integers(0, 256, (len(y_test), 28, 28), dtype=np.uint8)
    return x_train, y_train, x_test, y_test


@pytest.fixture(scope="module")
def base_weights():
    """Random but fixed base weights (stand-ins for pretrained ones)."""
    import keras

    keras.utils.set_random_seed(123)
    return [np.array(w) for w in build_base().get_weights()]


@pytest.fixture(scope="module")
def experiment(tiny, base_weights):
    """All three modes on the tiny set (4 labels per class, 1 epoch each), with the epoch hook recording calls."""
    calls = []
    results = run_transfer(
        *tiny,
        base_weights=base_weights,
        labels_per_class=4,
        epochs=1,
        fine_tune_epochs=2,
        val_per_class=3,
        batch_size=8,
        on_epoch_end=lambda mode, epoch, epochs, logs: calls.append((mode, epoch, epochs, sorted(logs))),
    )
    return results, calls


def test_the_two_class_sets_split_fashion_mnist():
    """Source and target are five classes each, disjoint, together all ten."""
    assert len(SOURCE_CLASSES) == len(TARGET_CLASSES) == 5
    assert sorted(SOURCE_CLASSES + TARGET_CLASSES) == list(range(10))


def test_base_architecture_counts_match_the_formula():
    """The base has conv1/conv2/conv3 weights by the Conv2D formula and outputs (3, 3, 64)."""
    base = build_base()
    assert base.count_params() == BASE
    assert tuple(base.output_shape[1:]) == (3, 3, 64)
    assert build_transfer_model(base).count_params() == BASE + HEAD


def test_described_modes_are_the_keras_models_counts_and_strip():
    """describe_modes' arithmetic (no Keras) equals count_params / layer_strip of the Keras transfer model in each
    mode, layer by layer (names, types, weights, frozen or not)."""
    model = build_transfer_model(build_base())
    described = describe_modes()
    assert list(described) == list(MODES)
    for mode in MODES:
        set_mode_trainability(model, mode)
        assert described[mode] == (*count_params(model), layer_strip(model)), mode
    assert [m[0] for m in described.values()] == [60549, 37253, 55749]


def test_all_three_modes_run_with_the_right_parameter_counts(experiment):
    """scratch trains everything; feature extraction freezes the base; fine-tuning unfreezes only conv3."""
    results, _ = experiment
    assert list(results) == list(MODES)
    expected = {
        "scratch": (BASE + HEAD, 0),
        "feature_extraction": (HEAD, BASE),
        "fine_tuning": (CONV3 + HEAD, CONV1 + CONV2),
    }
    assert FINE_TUNE_LAYERS == ("conv3",)
    for mode, result in results.items():
        assert (result.trainable_params, result.non_trainable_params) == expected[mode], mode
        assert count_params(result.model) == expected[mode]
        assert sum(expected[mode]) == result.model.count_params()


def test_frozen_weights_are_unchanged_after_training(experiment, base_weights):
    """Feature extraction leaves every base weight as loaded; fine-tuning leaves conv1/conv2 and moves conv3."""
    results, _ = experiment
    fe = results["feature_extraction"].model.get_layer("base")
    for got, loaded in zip(fe.get_weights(), base_weights, strict=True):
        np.testing.assert_array_equal(got, loaded)
    ft = results["fine_tuning"].model.get_layer("base")
    for name in ("conv1", "conv2"):
        for got, loaded in zip(ft.get_layer(name).get_weights(), _layer_weights(base_weights, name), strict=True):
            np.testing.assert_array_equal(got, loaded)
    kernel3 = ft.get_layer("conv3").get_weights()[0]
    assert not np.array_equal(kernel3, _layer_weights(base_weights, "conv3")[0])
    # the head trained in every mode, and the fine-tuned head continued from feature extraction's
    head_fe = results["feature_extraction"].model.get_layer("dense").get_weights()[0]
    head_ft = results["fine_tuning"].model.get_layer("dense").get_weights()[0]
    assert not np.array_equal(head_fe, head_ft)


def _layer_weights(base_weights, name):
    index = {"conv1": 0, "conv2": 2, "conv3": 4}[name]
    return base_weights[index : index + 2]


def test_scratch_does_not_use_the_pretrained_weights(experiment, base_weights):
    """From scratch starts from random weights, so its conv1 differs from the pretrained conv1."""
    results, _ = experiment
    conv1 = results["scratch"].model.get_layer("base").get_layer("conv1").get_weights()[0]
    assert not np.allclose(conv1, base_weights[0], atol=1e-2)


def test_histories_hook_and_strip(experiment):
    """Histories have one entry per epoch, fine-tuning continues after (b), the hook sees every epoch."""
    results, calls = experiment
    assert len(results["scratch"].history["val_accuracy"]) == 1
    assert len(results["fine_tuning"].history["loss"]) == 2 and results["fine_tuning"].first_epoch == 2
    assert [c[:3] for c in calls] == [
        ("scratch", 1, 1),
        ("feature_extraction", 1, 1),
        ("fine_tuning", 1, 2),
        ("fine_tuning", 2, 2),
    ]
    assert all({"loss", "accuracy", "val_loss", "val_accuracy"} <= set(c[3]) for c in calls)
    states = {mode: {layer.name: layer.state for layer in r.layers} for mode, r in results.items()}
    assert states["scratch"]["conv1"] == "trainable" and states["scratch"]["pool1"] == "no weights"
    assert states["feature_extraction"]["conv3"] == "frozen" and states["feature_extraction"]["dense"] == "trainable"
    assert states["fine_tuning"]["conv2"] == "frozen" and states["fine_tuning"]["conv3"] == "trainable"
    for r in results.values():  # the strip's counts add up to the model's
        assert sum(layer.params for layer in r.layers) == r.trainable_params + r.non_trainable_params
        assert sum(layer.params for layer in r.layers if layer.state == "trainable") == r.trainable_params


def test_same_seed_same_history(tiny, base_weights):
    """A run is reproducible: the same seed gives the same curves."""
    kwargs = dict(base_weights=base_weights, labels_per_class=3, epochs=1, val_per_class=2, modes=("scratch",))
    a = run_transfer(*tiny, seed=5, **kwargs)["scratch"].history
    b = run_transfer(*tiny, seed=5, **kwargs)["scratch"].history
    assert a == b


def test_pretrain_is_deterministic_and_round_trips_through_the_weights_file(tiny, tmp_path):
    """pretrain_base with a seed gives the same weights twice; save_pretrained/load_base_weights round-trip them."""
    a = pretrain_base(*tiny, epochs=1, train_size=6, seed=1)
    b = pretrain_base(*tiny, epochs=1, train_size=6, seed=1)
    for wa, wb in zip(a.weights + a.head_weights, b.weights + b.head_weights, strict=True):
        np.testing.assert_array_equal(wa, wb)
    assert 0 <= a.test_accuracy <= 1 and len(a.history["loss"]) == 1
    path = tmp_path / "base.weights.h5"
    save_pretrained(a, path)
    for got, saved in zip(load_base_weights(path), a.weights, strict=True):
        np.testing.assert_array_equal(got, saved)


def test_weights_files_that_do_not_fit_are_refused(tmp_path):
    """A missing file, a wrong name, or weights of another architecture give a clear ValueError."""
    import keras

    with pytest.raises(ValueError, match="missing"):
        load_base_weights(tmp_path / "nothing.weights.h5")
    with pytest.raises(ValueError, match=r"\.weights\.h5"):
        load_base_weights(tmp_path / "model.keras")
    other = keras.Sequential([keras.Input((28, 28, 1)), keras.layers.Flatten(), keras.layers.Dense(3)])
    foreign = tmp_path / "other.weights.h5"
    other.save_weights(str(foreign))
    with pytest.raises(ValueError, match="do not fit"):
        load_base_weights(foreign)


def test_select_classes_relabels_and_samples():
    """select_classes keeps the given classes, relabels them 0…k−1 in order, and samples per_class of each."""
    y = np.array([0, 1, 2, 1, 0, 2, 1, 9, 9, 9], np.uint8)
    x = np.arange(len(y))[:, None, None] * np.ones((1, 2, 2), np.uint8)
    xs, ys = select_classes(x, y, (9, 1))
    np.testing.assert_array_equal(ys, [0, 0, 0, 1, 1, 1])
    np.testing.assert_array_equal(xs[:, 0, 0], [7, 8, 9, 1, 3, 6])
    xs, ys = select_classes(x, y, (9, 1), per_class=2, seed=0)
    assert list(ys) == [0, 0, 1, 1] and set(xs[:2, 0, 0]) <= {7, 8, 9} and set(xs[2:, 0, 0]) <= {1, 3, 6}
    with pytest.raises(ValueError, match="per_class"):
        select_classes(x, y, (0,), per_class=3)


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"labels_per_class": 0}, "labels_per_class"),
        ({"epochs": 0}, "epochs"),
        ({"learning_rate": 0.0}, "learning_rate"),
        ({"fine_tune_learning_rate": 2.0}, "fine_tune_learning_rate"),
        ({"modes": ("scratch", "distillation")}, "modes"),
        ({"modes": ()}, "modes"),
    ],
)
def test_bad_settings_name_the_argument(tiny, base_weights, kwargs, argument):
    """Out-of-range settings raise a ValueError naming the argument, before any training."""
    with pytest.raises(ValueError, match=f"argument `{argument}`"):
        run_transfer(*tiny, base_weights=base_weights, **kwargs)


def test_too_many_labels_for_the_data(tiny, base_weights):
    """Asking for more labels per class than the data has is a ValueError, not a crash."""
    with pytest.raises(ValueError, match="per_class"):
        run_transfer(*tiny, base_weights=base_weights, labels_per_class=13, epochs=1)


@pytest.mark.parametrize("mode", MODES)
def test_transfer_code_compiles(mode):
    """The shown Keras code is valid Python for each mode, and mentions freezing where it should."""
    code = transfer_code(mode, epochs=3)
    compile(code, "<transfer_code>", "exec")
    assert ("trainable = False" in code) == (mode != "scratch")


def test_no_cached_mobilenet_is_reported_as_none(tmp_path, monkeypatch):
    """Without a cached MobileNetV2 file the optional extractor says None (and never downloads)."""
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    assert transfer.cached_mobilenet_weights() is None
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / transfer.MOBILENET_WEIGHTS).write_bytes(b"x")
    assert transfer.cached_mobilenet_weights() == tmp_path / "models" / transfer.MOBILENET_WEIGHTS


@pytest.mark.realdata
def test_shipped_weights_score_on_the_source_classes():
    """The shipped file loads into the app's architecture and classifies the 5 000 source test images > 80 %."""
    from playground.data import load_fashion_mnist

    _, (x_test, y_test) = load_fashion_mnist()
    x, y = select_classes(x_test, y_test, SOURCE_CLASSES)
    _, accuracy = load_pretrained().evaluate(x[..., None], y, batch_size=500, verbose=0)
    assert accuracy > 0.80
    assert abs(accuracy - BASE_SOURCE_ACCURACY) < 0.01  # the number stated in the script and on the page
    assert transfer.BASE_WEIGHTS.stat().st_size < 1_000_000
