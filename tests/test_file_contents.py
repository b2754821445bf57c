"""playground.file_contents: the tree it shows is the file Keras really wrote, every variable where Keras put it."""

from __future__ import annotations

import io

import h5py
import numpy as np
import pytest

from playground import file_contents as fc
from playground import persistence
from tests.test_evaluation import tiny_run


@pytest.fixture(scope="module")
def run():
    return tiny_run()


@pytest.fixture(scope="module")
def weights_file(run):
    return persistence.weights_bytes(run.model)


def test_weights_file_holds_layers_and_optimizer_state(run, weights_file):
    """A trained model's .weights.h5 holds every layer variable and every optimizer variable, and nothing else."""
    tree = fc.hdf5_tree(weights_file)
    datasets = {e.path: e for e in tree if e.kind == "dataset"}
    optimizer = [p for p in datasets if p.startswith("optimizer/vars/")]
    layers = [p for p in datasets if p.startswith("layers/")]
    assert len(optimizer) == len(run.model.optimizer.variables) > 0
    assert len(layers) == len(run.model.weights)
    assert set(datasets) == set(optimizer) | set(layers)
    totals = fc.section_values(tree)
    assert totals["layers"] == run.model.count_params()
    assert totals["optimizer"] == sum(int(np.prod(v.shape)) for v in run.model.optimizer.variables)


def test_named_variables_hold_the_models_values(run, weights_file):
    """Each dataset named after a Keras variable holds exactly that variable's value (read back with h5py)."""
    tree = fc.name_variables(fc.hdf5_tree(weights_file), run.model)
    by_path = {v.path: v for v in [*run.model.weights, *run.model.optimizer.variables]}
    named = [e for e in tree if e.kind == "dataset"]
    assert all(e.name for e in named)
    assert any("iteration" in e.name for e in named)
    with h5py.File(io.BytesIO(weights_file), "r") as f:
        for e in named:
            np.testing.assert_array_equal(f[e.path][()], np.asarray(by_path[e.name].numpy()), err_msg=e.path)
            assert e.shape == tuple(by_path[e.name].shape)


def test_keras_archive_lists_its_three_files_and_the_same_weights(run):
    """A .keras zip: metadata.json, config.json (architecture + compile settings) and model.weights.h5."""
    import keras

    data = persistence.keras_bytes(run.model)
    parts = fc.keras_archive(data)
    assert sorted(e.path for e in parts["entries"]) == ["config.json", "metadata.json", "model.weights.h5"]
    assert parts["metadata"]["keras_version"] == keras.__version__
    assert parts["model_class"] == "Sequential"
    assert [c for c in parts["layers"] if c != "InputLayer"] == [type(layer).__name__ for layer in run.model.layers]
    assert parts["compile_config"]["loss"] == "sparse_categorical_crossentropy"
    weights_tree = fc.hdf5_tree(persistence.weights_bytes(run.model))
    assert [(e.path, e.shape) for e in parts["weights"]] == [(e.path, e.shape) for e in weights_tree]


def test_not_a_file_is_a_clear_error():
    """Bytes that are not HDF5 / not a zip raise a ValueError saying so."""
    with pytest.raises(ValueError, match="HDF5"):
        fc.hdf5_tree(b"not hdf5")
    with pytest.raises(ValueError, match="zip"):
        fc.keras_archive(b"not a zip")
