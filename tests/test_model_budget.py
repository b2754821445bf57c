"""playground.model_budget: an upload's cost from its config equals what Keras builds; HDF5 tricks are refused."""

from __future__ import annotations

import json
import math
import zipfile

import numpy as np
import pytest

from playground.model_budget import CostError, check_config_budget, check_h5, config_cost


def keras_config(model, tmp_path) -> dict:
    """config.json exactly as it is inside the `.keras` file Keras writes."""
    path = tmp_path / "m.keras"
    model.save(path)
    with zipfile.ZipFile(path) as z:
        return json.loads(z.read("config.json"))


def sequential_models():
    import keras
    from keras import layers as L

    yield keras.Sequential(
        [
            keras.Input((28, 28, 1)),
            L.Rescaling(1 / 255),
            L.Conv2D(16, 3, activation="relu"),
            L.MaxPooling2D(),
            L.Conv2D(32, (5, 3), strides=2, padding="same"),
            L.AveragePooling2D(3, strides=2, padding="same"),
            L.BatchNormalization(),
            L.Dropout(0.3),
            L.Flatten(),
            L.Dense(64, activation="relu"),
            L.Dense(10, activation="softmax", use_bias=False),
        ]
    )
    yield keras.Sequential(
        [
            keras.Input((28, 28, 1)),
            L.ZeroPadding2D(((1, 2), (3, 0))),
            L.Conv2D(8, 3, dilation_rate=2),
            L.DepthwiseConv2D(3, depth_multiplier=2),
            L.SeparableConv2D(12, 3, padding="same"),
            L.GlobalAveragePooling2D(),
            L.Reshape((3, 4)),
            L.LayerNormalization(),
            L.Flatten(),
            L.Dense(10),
        ]
    )


def functional_model():
    import keras
    from keras import layers as L

    x_in = keras.Input((28, 28, 1))
    a = L.Conv2D(8, 3, padding="same")(x_in)
    b = L.Conv2D(8, 5, padding="same")(x_in)
    added = L.Add()([a, b])
    cat = L.Concatenate()([added, a])
    out = L.Dense(10)(L.GlobalMaxPooling2D()(cat))
    return keras.Model(x_in, out)


def keras_cost(model) -> tuple[int, int]:
    sizes = [math.prod(layer.output.shape[1:]) for layer in model.layers]
    sizes += [math.prod(t.shape[1:]) for t in model.inputs]
    return model.count_params(), max(sizes)


@pytest.mark.parametrize("which", [0, 1, "functional"])
def test_cost_from_config_equals_what_keras_builds(which, tmp_path):
    """Parameters and the largest activation computed from config.json equal Keras's count_params / layer outputs."""
    model = functional_model() if which == "functional" else list(sequential_models())[which]
    cost = config_cost(keras_config(model, tmp_path))
    assert (cost.params, cost.largest_activation) == keras_cost(model)


def test_a_huge_dense_layer_is_refused_from_the_config_alone(tmp_path):
    """The issue-13 payload (Dense units 128 → 30000 in config.json) is refused with the numbers, nothing built."""
    import keras

    model = keras.Sequential([keras.Input((28, 28, 1)), keras.layers.Flatten(), keras.layers.Dense(128)])
    config = keras_config(model, tmp_path)
    config["config"]["layers"][-1]["config"]["units"] = 30000
    with pytest.raises(ValueError, match=r"23,550,000 parameters; this server accepts up to 2,500,000"):
        check_config_budget(config)


def test_huge_activations_are_refused(tmp_path):
    """ZeroPadding2D(300) on 28×28 makes 628×628 values per image: over the activation budget, refused."""
    import keras
    from keras import layers as L

    model = keras.Sequential(
        [keras.Input((28, 28, 1)), L.Rescaling(1 / 255), L.ZeroPadding2D(300), L.GlobalMaxPooling2D(), L.Dense(10)]
    )
    with pytest.raises(ValueError, match=r"394,384 values per image"):
        check_config_budget(keras_config(model, tmp_path))


@pytest.mark.parametrize(
    "config",
    [
        {},
        {"class_name": "Sequential", "config": {"layers": []}},
        {"class_name": "Sequential", "config": {"layers": [{"class_name": "Lambda", "config": {}}]}},
        {"class_name": "Sequential", "config": {"layers": [{"class_name": "Dense", "config": {"units": 3}}]}},
    ],
)
def test_configs_that_cannot_be_costed_are_refused(config):
    with pytest.raises(CostError):
        config_cost(config)


# ---------------------------------------------------------------------------------------------------- HDF5


def _h5(tmp_path, build):
    import h5py

    path = tmp_path / "w.weights.h5"
    with h5py.File(path, "w") as f:
        build(f)
    return path


@pytest.mark.hdf5
def test_a_plain_weights_file_passes_with_its_shapes(tmp_path):
    path = _h5(tmp_path, lambda f: f.create_dataset("layers/dense/vars/0", data=np.zeros((4, 2), "float32")))
    assert check_h5(path, {"layers/dense/vars/0": ((4, 2), "float32")}) == {"layers/dense/vars/0": (4, 2)}


@pytest.mark.hdf5
def test_external_raw_storage_is_refused(tmp_path):
    """A dataset whose bytes live in another file (e.g. /proc/self/environ) is refused before any read."""
    secret = tmp_path / "secret.bin"
    secret.write_bytes(b"SECRET=1" * 8)
    path = _h5(
        tmp_path,
        lambda f: f.create_dataset(
            "layers/dense/vars/0", shape=(4, 2), dtype="float64", external=[(str(secret), 0, 64)]
        ),
    )
    with pytest.raises(ValueError, match="external storage"):
        check_h5(path)


@pytest.mark.hdf5
def test_links_are_refused(tmp_path):
    import h5py

    def build(f):
        f.create_dataset("layers/a/vars/0", data=np.zeros(2))
        f["layers/b"] = h5py.ExternalLink("/etc/passwd", "/")

    with pytest.raises(ValueError, match="links to another file"):
        check_h5(_h5(tmp_path, build))

    def soft(f):
        f.create_dataset("layers/a/vars/0", data=np.zeros(2))
        f["layers/c"] = h5py.SoftLink("/layers/a")

    with pytest.raises(ValueError, match="contains a link"):
        check_h5(_h5(tmp_path, soft))


@pytest.mark.hdf5
def test_virtual_datasets_are_refused(tmp_path):
    import h5py

    def build(f):
        layout = h5py.VirtualLayout(shape=(4,), dtype="f4")
        layout[:] = h5py.VirtualSource(str(tmp_path / "other.h5"), "data", shape=(4,))
        f.create_virtual_dataset("layers/v/vars/0", layout)

    with pytest.raises(ValueError, match="virtual"):
        check_h5(_h5(tmp_path, build))


@pytest.mark.hdf5
def test_shapes_dtypes_missing_and_extra_datasets_are_refused(tmp_path):
    path = _h5(tmp_path, lambda f: f.create_dataset("layers/dense/vars/0", data=np.zeros((4, 2), "float32")))
    with pytest.raises(ValueError, match=r"is \(4, 2\) float32; the model needs \(4, 3\) float32"):
        check_h5(path, {"layers/dense/vars/0": ((4, 3), "float32")})
    with pytest.raises(ValueError, match="float64"):
        check_h5(path, {"layers/dense/vars/0": ((4, 2), "float64")})
    with pytest.raises(ValueError, match="has no layers/x"):
        check_h5(path, {"layers/x": ((1,), "float32"), "layers/dense/vars/0": ((4, 2), "float32")})
    with pytest.raises(ValueError, match="does not have"):
        check_h5(path, {})


@pytest.mark.hdf5
def test_a_damaged_file_is_a_clear_error(tmp_path):
    path = tmp_path / "w.weights.h5"
    path.write_bytes(b"\x89HDF\r\n\x1a\n" + b"\0" * 100)
    with pytest.raises(ValueError, match="could not be read as HDF5"):
        check_h5(path)
