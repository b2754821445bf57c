"""playground.persistence: save → load round trips give identical predictions, and hostile uploads are refused
before Keras ever deserializes them."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from dataclasses import replace

import numpy as np
import pytest

from playground import persistence as ps
from tests.test_evaluation import TINY_CONFIG, fashion_subset, tiny_run


@pytest.fixture(scope="module")
def run():
    return tiny_run()


@pytest.fixture(scope="module")
def images():
    return fashion_subset()[1][0][:64]


@pytest.fixture
def no_keras_load(monkeypatch):
    """Fail the test if keras.saving.load_model is reached (the refusal must come first)."""
    import keras

    def boom(*args, **kwargs):
        raise AssertionError("keras.saving.load_model was called on a file that should have been refused")

    monkeypatch.setattr(keras.saving, "load_model", boom)


def _rezip(data: bytes, changes: dict[str, bytes | None], compression=zipfile.ZIP_STORED) -> bytes:
    """A copy of a .keras zip with some entries replaced (bytes), removed (None) or added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", compression) as dst:
        for info in src.infolist():
            if info.filename in changes:
                continue
            dst.writestr(info.filename, src.read(info.filename))
        for name, content in changes.items():
            if content is not None:
                dst.writestr(name, content)
    return out.getvalue()


def test_keras_round_trip_gives_identical_predictions(run, images):
    """`.keras` bytes → load_keras_upload: same predictions, same evaluation, compiled, a new 'restored' Run."""
    data = ps.keras_bytes(run.model)
    restored, notes = ps.load_keras_upload(data, run_id="up-1")
    assert restored.status == "restored" and restored.run_id == "up-1" and restored.model is not run.model
    assert notes == []  # the lab's model has Rescaling and the sparse loss: nothing to adjust
    np.testing.assert_array_equal(
        restored.model.predict(images[..., None], verbose=0), run.model.predict(images[..., None], verbose=0)
    )
    y = fashion_subset()[1][1][:64]
    a = restored.model.evaluate(images[..., None], y, verbose=0, return_dict=True)
    b = run.model.evaluate(images[..., None], y, verbose=0, return_dict=True)
    assert a == pytest.approx(b)
    assert [s["type"] for s in restored.config.specs][-1] == "Dense"


def test_weights_round_trip_into_the_app_built_architecture(run, images):
    """`.weights.h5` bytes → restore_weights(config): identical predictions, compiled for evaluation, run untouched."""
    before = [w.copy() for w in run.model.get_weights()]
    restored = ps.restore_weights(run.config, ps.weights_bytes(run.model), run_id="w-1")
    assert restored.status == "restored" and restored.history == {} and restored.config == run.config
    assert restored.model.compiled
    np.testing.assert_array_equal(
        restored.model.predict(images[..., None], verbose=0), run.model.predict(images[..., None], verbose=0)
    )
    for a, b in zip(before, run.model.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)


def test_weights_for_a_different_architecture_are_refused(run):
    """Weights of another architecture raise ValueError naming both layouts; nothing is loaded."""
    other = replace(TINY_CONFIG, specs=(TINY_CONFIG.specs[0] | {"filters": 5}, *TINY_CONFIG.specs[1:]))
    with pytest.raises(ValueError, match="different architecture") as info:
        ps.restore_weights(other, ps.weights_bytes(run.model), run_id="w-2")
    assert "(3, 3, 1, 5)" in str(info.value) and "(3, 3, 1, 4)" in str(info.value)
    fewer = replace(TINY_CONFIG, specs=TINY_CONFIG.specs[4:])  # Dropout, Flatten, Dense only
    with pytest.raises(ValueError, match="different architecture"):
        ps.restore_weights(fewer, ps.weights_bytes(run.model), run_id="w-3")


def test_weights_file_checks(run, monkeypatch):
    """Empty, non-HDF5 and oversized weight files are refused with a clear message."""
    with pytest.raises(ValueError, match="empty"):
        ps.restore_weights(TINY_CONFIG, b"", run_id="x")
    with pytest.raises(ValueError, match="HDF5"):
        ps.restore_weights(TINY_CONFIG, b"PK\x03\x04 not weights", run_id="x")
    with pytest.raises(ValueError, match="HDF5"):
        ps.restore_weights(TINY_CONFIG, ps.keras_bytes(run.model), run_id="x")
    monkeypatch.setattr(ps, "MAX_UPLOAD_BYTES", 1000)
    with pytest.raises(ValueError, match="too large"):
        ps.restore_weights(TINY_CONFIG, ps.weights_bytes(run.model), run_id="x")


def test_lambda_layer_is_refused_before_loading(no_keras_load, tmp_path):
    """A `.keras` whose model has a Lambda layer is refused by the config check, before keras.saving.load_model."""
    import keras

    inputs = keras.Input((28, 28, 1))
    outputs = keras.layers.Dense(10, activation="softmax")(
        keras.layers.Flatten()(keras.layers.Lambda(lambda t: t / 255.0)(inputs))
    )
    model = keras.Model(inputs, outputs)
    model.save(tmp_path / "evil.keras")
    data = (tmp_path / "evil.keras").read_bytes()
    with pytest.raises(ValueError, match="Lambda"):
        ps.inspect_keras_archive(data)
    with pytest.raises(ValueError, match="Lambda"):
        ps.load_keras_upload(data, run_id="evil")


def test_custom_and_unknown_objects_are_refused(run, no_keras_load):
    """Custom registered classes, non-Keras modules, unlisted layers and custom functions are refused."""
    data = ps.keras_bytes(run.model)
    config = json.loads(zipfile.ZipFile(io.BytesIO(data)).read("config.json"))

    def tampered(mutate) -> bytes:
        cfg = json.loads(json.dumps(config))
        mutate(cfg)
        return _rezip(data, {"config.json": json.dumps(cfg).encode()})

    def layer(cfg):
        return cfg["config"]["layers"][1]

    cases = {
        "custom object": lambda c: layer(c).update(registered_name="my_pkg>Evil"),
        "os.system": lambda c: layer(c).update(module="os", class_name="system"),
        "TFSMLayer": lambda c: layer(c).update(class_name="TFSMLayer"),
        "custom function": lambda c: layer(c)["config"].update(
            activation={"module": "builtins", "class_name": "function", "config": "evil", "registered_name": "function"}
        ),
        "keras.optimizers.Nope": lambda c: c["compile_config"]["optimizer"].update(class_name="Nope"),
    }
    for expected, mutate in cases.items():
        with pytest.raises(ValueError, match="refused") as info:
            ps.load_keras_upload(tampered(mutate), run_id="t")
        assert expected in str(info.value), str(info.value)


def test_zip_bombs_and_malformed_archives_are_refused(run, no_keras_load, monkeypatch):
    """Highly compressed or huge-when-unpacked archives, extra or missing files and non-zips are refused."""
    data = ps.keras_bytes(run.model)
    bomb = _rezip(data, {"model.weights.h5": bytes(8 * 1024 * 1024)}, compression=zipfile.ZIP_DEFLATED)
    assert len(bomb) < 200_000  # 8 MB of zeros packs to a few kB
    with pytest.raises(ValueError, match="zip bomb"):
        ps.load_keras_upload(bomb, run_id="b")
    monkeypatch.setattr(ps, "MAX_UNCOMPRESSED_BYTES", len(data) // 2)
    with pytest.raises(ValueError, match="zip bomb"):
        ps.load_keras_upload(data, run_id="b")
    monkeypatch.undo()
    with pytest.raises(ValueError, match="config.json"):
        ps.load_keras_upload(_rezip(data, {"config.json": None}), run_id="m")
    with pytest.raises(ValueError, match="does not have"):
        ps.load_keras_upload(_rezip(data, {"payload.py": b"import os"}), run_id="m")
    with pytest.raises(ValueError, match="damaged"):
        ps.load_keras_upload(_rezip(data, {"config.json": b"{not json"}), run_id="m")
    with pytest.raises(ValueError, match="zip"):
        ps.load_keras_upload(b"\x89HDF\r\n\x1a\n" + bytes(100), run_id="m")
    with pytest.raises(ValueError, match="empty"):
        ps.load_keras_upload(b"", run_id="m")


def test_course_notes_style_model_gets_rescaling_and_recompiled(images, tmp_path):
    """A model trained on pixels/255 with one-hot loss (as in the notes): Rescaling added in front, recompiled,
    and its predictions on 0–255 images equal the original model's on images/255."""
    import keras

    model = keras.Sequential(
        [keras.Input((28, 28, 1)), keras.layers.Flatten(), keras.layers.Dense(10, activation="softmax")]
    )
    model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["acc"])
    model.save(tmp_path / "notes.keras")
    restored, notes = ps.load_keras_upload((tmp_path / "notes.keras").read_bytes(), run_id="n")
    assert notes == ["rescaling_added", "recompiled"]
    assert type(restored.model.layers[0]).__name__ == "Rescaling"
    want = model.predict(images[..., None].astype("float32") / 255, verbose=0)
    np.testing.assert_allclose(restored.model.predict(images[..., None], verbose=0), want, rtol=1e-5, atol=1e-6)
    result = restored.model.evaluate(images[..., None], np.zeros(len(images), int), verbose=0, return_dict=True)
    assert set(result) == {"loss", "accuracy"}


def test_wrong_input_or_output_shape_is_refused(tmp_path):
    """A model that does not take 28×28×1 images or output 10 classes is refused with the shapes in the message."""
    import keras

    model = keras.Sequential([keras.Input((32, 32, 3)), keras.layers.Flatten(), keras.layers.Dense(10)])
    model.save(tmp_path / "cifar.keras")
    with pytest.raises(ValueError, match=r"\(32, 32, 3\)"):
        ps.load_keras_upload((tmp_path / "cifar.keras").read_bytes(), run_id="c")


def test_history_csv_round_trips_the_numbers():
    """history_csv has an epoch column and every metric per epoch, exactly (repr of the floats)."""
    history = {"val_loss": [0.5, 0.4], "loss": [0.9, 0.1 + 0.2], "accuracy": [0.5, 0.75], "learning_rate": [1e-3, 5e-4]}
    rows = list(csv.DictReader(io.StringIO(ps.history_csv(history))))
    assert list(rows[0]) == ["epoch", "loss", "accuracy", "val_loss", "learning_rate"]
    assert [int(r["epoch"]) for r in rows] == [1, 2]
    for key, values in history.items():
        assert [float(r[key]) for r in rows] == values
    assert ps.history_csv({}) == "epoch\n"


# ------------------------------------------------------------------------------------- model budgets (issue 13)


@pytest.fixture
def nothing_built(monkeypatch, no_keras_load):
    """Fail the test if Keras builds a layer or loads a model (the refusal must come from the files alone)."""
    import keras

    def boom(self, *args, **kwargs):
        raise AssertionError(f"Keras built {type(self).__name__} for a file that should have been refused")

    for cls in (keras.layers.Dense, keras.layers.Conv2D, keras.layers.ZeroPadding2D):
        monkeypatch.setattr(cls, "build", boom)


def test_huge_dense_config_is_refused_before_keras_builds_anything(run, nothing_built):
    """Issue 13's 1.2 KB `.keras` (Dense units → 30000, config.json + metadata.json only) is refused from its
    config, naming the parameter count and the budget; no layer is built, load_model is never reached."""
    from tests.hostile_files import huge_dense_keras

    data = huge_dense_keras(ps.keras_bytes(run.model))
    assert len(data) < 3000
    with pytest.raises(ValueError, match=r"parameters; this server accepts up to 2,500,000") as info:
        ps.load_keras_upload(data, run_id="d")
    params = int(re.search(r"has ([\d,]+) parameters", str(info.value)).group(1).replace(",", ""))
    assert params > 2_500_000


@pytest.fixture
def padding_keras_bytes():
    from tests.hostile_files import padding_keras

    return padding_keras()


def test_huge_activation_model_is_refused_before_keras_builds_anything(padding_keras_bytes, nothing_built):
    """The valid ZeroPadding2D(300) model: 628×628 = 394,384 values per image against 200,000, refused unbuilt.
    (The file is made before `nothing_built` patches Keras: saving it needed a build.)"""
    with pytest.raises(ValueError, match=r"394,384 values per image; this server accepts up to 200,000"):
        ps.load_keras_upload(padding_keras_bytes, run_id="p")


def test_budget_refusals_also_guard_the_run_store_and_remote_models(run, padding_keras_bytes, no_keras_load):
    """`load_checked_keras` (the run store's reload, a remote worker's model) refuses what an upload refuses."""
    from playground import cluster
    from tests.hostile_files import huge_dense_keras

    for data in (padding_keras_bytes, huge_dense_keras(ps.keras_bytes(run.model))):
        with pytest.raises(ValueError, match="this server accepts up to"):
            ps.load_checked_keras(data)
        with pytest.raises(ValueError, match="this server accepts up to"):
            cluster._load_model(data)


def test_a_tampered_run_store_file_comes_back_without_a_model(run, padding_keras_bytes, tmp_path):
    """ensure_model on a run whose stored file was replaced by an over-budget model: no model, a notice, no crash."""
    from streamlit.testing.v1 import AppTest

    path = tmp_path / "run.keras"
    path.write_bytes(padding_keras_bytes)

    def script(path: str) -> None:
        import streamlit as st

        from playground.run import Run
        from tests.test_evaluation import TINY_CONFIG
        from ui.runs import ensure_model

        r = ensure_model(Run(run_id="stored-1", config=TINY_CONFIG, history={}, status="finished", model_path=path))
        st.write(f"model={r.model is not None} path={r.model_path}")

    at = AppTest.from_function(script, args=(str(path),), default_timeout=60).run()
    assert not at.exception
    assert at.markdown[-1].value == "model=False path=None"
    assert at.warning


def test_external_storage_in_a_weights_file_is_refused(run, tmp_path):
    """A `.weights.h5` with the right shapes whose largest kernel lives in another file of the server (HDF5
    external storage) is refused before Keras reads it — whatever the Keras version — and nothing is loaded."""
    from tests.hostile_files import external_storage_weights

    secret = tmp_path / "secret.bin"
    secret.write_bytes(np.arange(10_000, dtype="float32").tobytes())
    data = external_storage_weights(run.model, str(secret))
    with pytest.raises(ValueError, match="external storage"):
        ps.restore_weights(TINY_CONFIG, data, run_id="x")
    with pytest.raises(ValueError, match="external storage"):
        ps.restore_weights(TINY_CONFIG, external_storage_weights(run.model), run_id="x")  # /proc/self/environ


def test_external_storage_inside_a_keras_file_is_refused(run, tmp_path, no_keras_load):
    """The same trick inside a `.keras` zip's model.weights.h5: refused before load_model."""
    from tests.hostile_files import external_storage_weights

    data = _rezip(ps.keras_bytes(run.model), {"model.weights.h5": external_storage_weights(run.model)})
    with pytest.raises(ValueError, match="external storage"):
        ps.load_keras_upload(data, run_id="x")


def test_weights_of_another_dtype_or_with_extra_state_are_refused(run, tmp_path):
    """Same shapes, float64 instead of float32 → refused naming both; optimizer state of a shape the model does
    not have → refused; a trained run's own optimizer state is accepted (the valid control elsewhere)."""
    import h5py

    path = tmp_path / "w.weights.h5"
    path.write_bytes(ps.weights_bytes(run.model))
    with h5py.File(path, "r+") as f:
        data = f["layers/dense/vars/1"][()]
        del f["layers/dense/vars/1"]
        f.create_dataset("layers/dense/vars/1", data=data.astype("float64"))
    with pytest.raises(ValueError, match="float64; the model needs"):
        ps.restore_weights(TINY_CONFIG, path.read_bytes(), run_id="x")
    path.write_bytes(ps.weights_bytes(run.model))
    with h5py.File(path, "r+") as f:
        f.create_dataset("optimizer/vars/999", data=np.zeros(5_000_000, "float32"))
    with pytest.raises(ValueError, match="which no weight of the model has"):
        ps.restore_weights(TINY_CONFIG, path.read_bytes(), run_id="x")


def test_an_uploaded_functional_model_round_trips_through_the_store(images, tmp_path):
    """A Functional upload without Rescaling is wrapped (Sequential around the Functional model); the file the
    run store then writes passes the same checks when it is read back (nested models are costed too)."""
    import keras

    inputs = keras.Input((28, 28, 1))
    outputs = keras.layers.Dense(10, activation="softmax")(keras.layers.Flatten()(inputs))
    keras.Model(inputs, outputs).save(tmp_path / "f.keras")
    uploaded, notes = ps.load_keras_upload((tmp_path / "f.keras").read_bytes(), run_id="f")
    assert "rescaling_added" in notes
    again = ps.load_checked_keras(ps.keras_bytes(uploaded.model))
    np.testing.assert_allclose(
        again.predict(images[:8, ..., None], verbose=0), uploaded.model.predict(images[:8, ..., None], verbose=0)
    )


@pytest.mark.parametrize(
    "name",
    [
        "![t](https://example.invalid/p.png)",
        "`![t](https://example.invalid/p.png)`",
        "[click](https://example.invalid/x) **bold** <b>x</b>\n# heading",
        "A" * 5000,
    ],
)
def test_names_from_a_refused_file_are_quoted_as_one_short_code_span(name):
    """A layer name inside an uploaded `.keras` is quoted to its uploader as one code span (shown literally: no image,
    link, HTML or heading), whatever backticks or newlines it holds, and at most 40 characters long."""
    import keras

    from tests import hostile_files as hf

    model = keras.Sequential([keras.Input((28, 28, 1)), keras.layers.Flatten(), keras.layers.Dense(10)])

    def rename(config: dict) -> dict:
        for layer in config["config"]["layers"]:
            if layer.get("class_name") == "Flatten":
                layer["class_name"] = name
        return config

    with pytest.raises(ValueError) as err:
        ps.load_keras_upload(hf._edited_keras(hf._keras_file(model), rename), run_id="x")
    message = str(err.value)
    assert message.count("`") == 2 and "\n" not in message
    quoted = message.split("`")[1]
    assert len(quoted) <= ps.QUOTED_CHARS and quoted.rstrip("…") in " ".join(name.replace("`", "'").split())
