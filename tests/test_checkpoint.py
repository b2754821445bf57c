"""playground.checkpoint and the Keras 3 facts the pages state where the course notes are outdated, each checked
against Keras itself: ModelCheckpoint's names, `.weights.hdf5` refused, `import keras`, `keras.Input` vs
`input_shape=`."""

from __future__ import annotations

import os
import warnings
from dataclasses import replace

import numpy as np
import pytest

from playground.checkpoint import check_filepath, checkpoint_name, load_checkpoint
from tests.test_training import TINY, random_set, run_job


def _tiny_model():
    import keras

    model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2)])
    model.compile(optimizer="sgd", loss="mean_squared_error")
    return model


@pytest.mark.parametrize(
    ("filepath", "weights_only"),
    [
        ("best.keras", False),
        ("weights.{epoch:02d}-{val_loss:.2f}.weights.h5", True),
        ("legacy.h5", False),
        ("model.weights.hdf5", True),
        ("model.hdf5", True),
        ("model.weights.h5", False),  # Keras accepts it (ends in .h5): a legacy whole-model file
        ("model.tf", False),
    ],
)
def test_check_filepath_agrees_with_keras_model_checkpoint(filepath, weights_only):
    """check_filepath accepts exactly the names keras.callbacks.ModelCheckpoint accepts; both raise ValueError."""
    import keras

    try:
        keras.callbacks.ModelCheckpoint(filepath, save_weights_only=weights_only)
        keras_ok = True
    except ValueError:
        keras_ok = False
    try:
        check_filepath(filepath, save_weights_only=weights_only)
        ours_ok = True
    except ValueError as err:
        assert "filepath" in str(err)
        ours_ok = False
    assert ours_ok == keras_ok


def test_save_weights_refuses_weights_hdf5(tmp_path):
    """The notes' `.weights.hdf5`: Keras 3's model.save_weights raises ValueError; `.weights.h5` is written."""
    model = _tiny_model()
    with pytest.raises(ValueError, match=r"\.weights\.h5"):
        model.save_weights(tmp_path / "model.weights.hdf5")
    model.save_weights(tmp_path / "model.weights.h5")
    assert (tmp_path / "model.weights.h5").exists()


def test_checkpoint_name_is_the_file_keras_writes(tmp_path):
    """checkpoint_name(pattern, epoch, logs) names exactly the files ModelCheckpoint writes during fit."""
    import keras

    x = np.random.default_rng(0).standard_normal((32, 3)).astype("float32")
    y = x[:, :2] * 2
    pattern = str(tmp_path / "weights.{epoch:02d}-{val_loss:.2f}.weights.h5")
    model = _tiny_model()
    logs: list[dict] = []
    record = keras.callbacks.LambdaCallback(on_epoch_end=lambda epoch, values: logs.append(dict(values)))
    checkpoint = keras.callbacks.ModelCheckpoint(pattern, save_weights_only=True)
    model.fit(x, y, validation_split=0.25, epochs=3, verbose=0, callbacks=[checkpoint, record])
    expected = {os.path.basename(checkpoint_name(pattern, e, logs[e])) for e in range(3)}
    assert set(os.listdir(tmp_path)) == expected
    assert min(expected).startswith("weights.01-")


def test_checkpoint_name_names_a_missing_value():
    """A placeholder the logs do not have is a ValueError naming `filepath`."""
    with pytest.raises(ValueError, match="filepath"):
        checkpoint_name("w.{val_acc:.2f}.keras", 0, {"val_loss": 0.5})


def test_import_keras_is_what_tf_keras_is():
    """`import keras` is Keras 3 itself; in TensorFlow ≥ 2.16 `tf.keras` is the same package (no separate tf.keras)."""
    import keras
    import tensorflow as tf

    assert keras.__version__.startswith("3.")
    assert tf.keras.layers.Dense is keras.layers.Dense


def test_input_shape_on_first_layer_warns_and_keras_input_does_not():
    """`Dense(..., input_shape=...)` warns in Keras 3 (use `keras.Input(shape=...)` first); the Input form does not."""
    import keras

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        keras.Sequential([keras.layers.Dense(2, input_shape=(3,))])
    assert any("input_shape" in str(w.message) for w in caught)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2)])
    assert not any("input_shape" in str(w.message) for w in caught)


def test_load_checkpoint_restores_the_best_epoch():
    """The lab's ModelCheckpoint file loads back as a new run predicting exactly like keras.saving.load_model's."""
    import keras

    x, y = random_set(seed=5)
    run = run_job(replace(TINY, epochs=2, checkpoint={"monitor": "val_loss", "save_best_only": True}), data=(x, y))
    restored = load_checkpoint(run, run_id="best")
    assert restored.status == "restored" and restored.config == run.config
    reference = keras.saving.load_model(run.checkpoint_path)
    np.testing.assert_allclose(
        restored.model.predict(x[:8, ..., None], verbose=0), reference.predict(x[:8, ..., None], verbose=0)
    )
    with pytest.raises(ValueError, match="run"):
        load_checkpoint(replace(run, checkpoint_path=None), run_id="none")
