"""The Save & restore page: downloads for a run, restoring weights and .keras uploads as new runs, refusals that
leave the session's runs untouched."""

from __future__ import annotations

import functools

import numpy as np
import pytest
from streamlit.runtime.uploaded_file_manager import UploadedFile, UploadedFileRec

from playground import persistence
from tests.helpers import codes
from tests.test_evaluation import TINY_CONFIG, fashion_subset, tiny_run
from ui.glossary import english_words


@functools.cache
def _files():
    run = tiny_run()
    return persistence.keras_bytes(run.model), persistence.weights_bytes(run.model)


def _lambda_keras() -> bytes:
    import keras

    inputs = keras.Input((28, 28, 1))
    x = keras.layers.Lambda(lambda t: t / 255.0)(inputs)
    model = keras.Model(inputs, keras.layers.Dense(10, activation="softmax")(keras.layers.Flatten()(x)))
    return persistence.keras_bytes(model)


def _upload(at, key: str, name: str, data: bytes, monkeypatch):
    """Make the file uploader `key` return `data` (AppTest has no upload API in 1.67)."""
    import streamlit as st

    real = st.file_uploader

    def fake(label, *args, **kwargs):
        if kwargs.get("key") == key:
            real(label, *args, **kwargs)
            return UploadedFile(
                UploadedFileRec(file_id="f", name=name, type="application/octet-stream", data=data), None
            )
        return real(label, *args, **kwargs)

    monkeypatch.setattr(st, "file_uploader", fake)


def open_page(script: str, *, lang: str | None = None):
    """`script` inside the frame, not yet run: set session state / query params, then `.run()`."""
    from tests.conftest import page_app

    at = page_app(script)
    if lang:
        at.query_params["lang"] = lang
    return at


@pytest.fixture
def page():
    run = tiny_run()
    at = open_page("app_pages/models.py")
    at.session_state["lab_runs"] = [run]
    return at, run


def test_smoke_without_runs():
    """No runs: the explanation, the no-runs notice (pointing below, not to this very page) and the .keras uploader;
    no exception."""
    at = open_page("app_pages/models.py")
    at.run()
    assert not at.exception
    notice = next(i.value for i in at.info if "training lab" in i.value)
    assert "restore a saved model below" in notice and "Save & restore page" not in notice
    assert any("not compiled" in m.value for m in at.markdown)


def test_downloads_for_a_run(page):
    """The four download buttons exist for the chosen run; the code box names the run's files."""
    at, run = page
    at.run()
    assert not at.exception
    for key in ("keras", "weights", "history", "script"):
        assert at.get_by_key(f"models_download_{key}") is not None
    assert f"{run.run_id}.weights.h5" in codes(at)[0].value


def test_the_tree_of_the_files_just_written_is_shown(page):
    """The page shows every group and array of the run's real .weights.h5 (optimizer/vars included, read with h5py)
    and the .keras zip's three files."""
    import io

    import h5py

    at, run = page
    at.run()
    assert not at.exception
    paths: list[str] = []
    with h5py.File(io.BytesIO(_files()[1]), "r") as f:
        f.visit(paths.append)
    shown = at.dataframe[0].value
    assert len(shown) == len(paths) and any(p.startswith("optimizer/vars/") for p in paths)
    values = [int(v.replace(",", "")) for v in shown.iloc[:, 2] if v]  # a folder's cell is empty (was "None")
    assert len(values) == len(_dataset_shapes(_files()[1])) and "None" not in list(shown.iloc[:, 2])
    assert sum(values) == sum(int(np.prod(f_shape)) for f_shape in _dataset_shapes(_files()[1]))
    assert shown.iloc[:, 3].str.contains("iteration").any()
    entries = at.dataframe[1].value
    assert sorted(entries.iloc[:, 0]) == ["config.json", "metadata.json", "model.weights.h5"]
    assert any("optimizer" in m.value and "state" in m.value for m in at.markdown)


def _dataset_shapes(data: bytes) -> list[tuple[int, ...]]:
    import io

    import h5py

    shapes: list[tuple[int, ...]] = []
    with h5py.File(io.BytesIO(data), "r") as f:
        f.visititems(lambda _, obj: shapes.append(obj.shape) if isinstance(obj, h5py.Dataset) else None)
    return shapes


def test_weights_upload_becomes_a_new_restored_run(page, monkeypatch):
    """Uploading the run's .weights.h5 and restoring adds a 'restored' run with identical predictions."""
    at, run = page
    _upload(at, "models_weights_file", "w.weights.h5", _files()[1], monkeypatch)
    at.run()
    at.button(key="models_restore_weights").click().run()
    assert not at.exception
    runs = at.session_state["lab_runs"]
    assert [r.run_id for r in runs] == ["run-1", "run-1-weights-1"]
    assert runs[0] is run and runs[1].status == "restored"
    x = fashion_subset()[1][0][:32, ..., None]
    np.testing.assert_array_equal(runs[1].model.predict(x, verbose=0), run.model.predict(x, verbose=0))
    assert any("not compiled" in s.value for s in at.success)


def test_wrong_architecture_weights_are_refused_and_runs_untouched(monkeypatch):
    """Weights of another architecture: a clear error, no new run, the existing run unchanged."""
    from dataclasses import replace

    run = tiny_run()
    other = replace(run, run_id="other", config=replace(TINY_CONFIG, specs=TINY_CONFIG.specs[4:]))
    at = open_page("app_pages/models.py")
    at.session_state["lab_runs"] = [run, other]
    at.session_state["models_arch"] = "other"
    _upload(at, "models_weights_file", "w.weights.h5", _files()[1], monkeypatch)
    at.run()
    at.button(key="models_restore_weights").click().run()
    assert not at.exception
    assert [r.run_id for r in at.session_state["lab_runs"]] == ["run-1", "other"]
    assert any("different architecture" in e.value and "not changed" in e.value for e in at.error)


def test_keras_upload_becomes_a_new_run(page, monkeypatch):
    """A .keras upload loads (safe_mode) as a new compiled run."""
    at, run = page
    _upload(at, "models_keras_file", "m.keras", _files()[0], monkeypatch)
    at.run()
    at.button(key="models_load_keras").click().run()
    assert not at.exception
    runs = at.session_state["lab_runs"]
    assert [r.run_id for r in runs] == ["run-1", "uploaded-1"] and runs[1].model.compiled


def test_lambda_keras_upload_is_refused_in_korean(monkeypatch):
    """A .keras with a Lambda layer is refused with a message naming Lambda; runs untouched; Korean UI works."""
    run = tiny_run()
    at = open_page("app_pages/models.py", lang="ko")
    at.session_state["lab_runs"] = [run]
    _upload(at, "models_keras_file", "evil.keras", _lambda_keras(), monkeypatch)
    at.run()
    at.button(key="models_load_keras").click().run()
    assert not at.exception
    assert at.session_state["lab_runs"] == [run]
    refusal = next(e.value for e in at.error if "Lambda" in e.value and "기존 실행은 그대로" in e.value)
    assert not english_words(refusal), refusal  # the core's reason in Korean too, not only the page's sentence


def test_unknown_url_params_are_reported(page):
    """Unknown URL parameters don't break the page; the frame reports them."""
    at, _ = page
    at.query_params["models_whatever"] = "1"
    at.run()
    assert not at.exception
    assert any("ignored" in i.value for i in at.info)


def test_the_best_checkpoint_loads_back_as_a_new_run(tmp_path):
    """A run whose ModelCheckpoint wrote a file: the page names its best epoch and loads the file as a new run that
    predicts like keras.saving.load_model of that file; a run without one says so."""
    from dataclasses import replace

    import keras

    from playground.run import Event

    base = tiny_run()
    path = tmp_path / "best_model.keras"
    base.model.save(path)
    run = replace(
        base,
        run_id="with-best",
        checkpoint_path=str(path),
        events=[Event("checkpoint", {"monitor": "val_loss", "value": 0.5}, 1)],
    )
    at = open_page("app_pages/models.py")
    at.session_state["lab_runs"] = [run]
    at.run()
    assert not at.exception
    assert any("epoch 1" in m.value and "0.5000" in m.value for m in at.markdown)
    at.button(key="models_load_checkpoint").click().run()
    assert not at.exception
    runs = at.session_state["lab_runs"]
    assert len(runs) == 2 and runs[-1].status == "restored" and runs[-1].config == run.config
    x = fashion_subset()[1][0][:4, ..., None]
    np.testing.assert_allclose(
        runs[-1].model.predict(x, verbose=0), keras.saving.load_model(path).predict(x, verbose=0), rtol=1e-6
    )

    at = open_page("app_pages/models.py")
    at.session_state["lab_runs"] = [base]
    at.run()
    assert not at.exception and "models_load_checkpoint" not in [b.key for b in at.button]
    assert any("no checkpoint file" in c.value for c in at.caption)
