"""The Compare runs page with two tiny trained runs (dropout on vs off) in session_state."""

from __future__ import annotations

import functools
from dataclasses import replace

import pytest

from tests.helpers import chart, codes
from tests.test_evaluation import TINY_CONFIG, make_run, tiny_run
from tests.test_page_models import open_page


@functools.cache
def no_dropout_run():
    config = replace(TINY_CONFIG, specs=tuple(s for s in TINY_CONFIG.specs if s["type"] != "Dropout"))
    return make_run(config, "run-2")


@pytest.fixture
def page():
    at = open_page("app_pages/compare.py")
    at.session_state["lab_runs"] = [tiny_run(), no_dropout_run()]
    return at


def _chart(at, key):
    return chart(at, key).spec


def test_no_runs_links_to_the_lab():
    """Without runs: the friendly notice, no exception."""
    at = open_page("app_pages/compare.py")
    at.run()
    assert not at.exception
    assert any("training lab" in i.value for i in at.info)


def test_curves_overlay_each_run_train_solid_validation_dashed(page):
    """Each chart has a solid training and a dashed validation curve per run, with the runs' own numbers."""
    page.run()
    assert not page.exception
    fig = _chart(page, "compare_loss")
    traces = fig["data"]
    assert [t["name"] for t in traces] == [
        "run-1 · train",
        "run-1 · validation",
        "run-2 · train",
        "run-2 · validation",
    ]
    assert [t["line"]["dash"] for t in traces] == ["solid", "dash", "solid", "dash"]
    assert traces[0]["line"]["color"] != traces[2]["line"]["color"]
    assert traces[1]["y"] == pytest.approx(tiny_run().history["val_loss"])


def test_settings_table_highlights_the_dropout_difference(page):
    """The differing settings (layers, dropout) are named and highlighted; the table shows the rates and 'off'."""
    page.run()
    table = page.dataframe[1].value
    assert list(table.columns) == ["run-1", "run-2"]
    assert table.loc["Dropout (rates)"].tolist() == ["0.2", "off"]
    assert any("Dropout (rates)" in m.value and "Highlighted" in m.value for m in page.markdown)
    assert not page.warning  # same seed: no warning


def test_different_seeds_warn_and_script_is_exported(page):
    """Different seeds give the fairness warning; the script shown is the chosen run's stand-alone script."""
    other = replace(no_dropout_run(), config=replace(no_dropout_run().config, seed=3))
    page.session_state["lab_runs"] = [tiny_run(), other]
    page.run()
    assert any("different seeds" in w.value for w in page.warning)
    page.selectbox(key="compare_script_run").set_value("run-2").run()
    assert "keras.utils.set_random_seed(3)" in codes(page)[0].value
    assert "Dropout" not in codes(page)[0].value.split("model = keras.Sequential")[1]


def test_korean_run_and_unknown_params(page):
    """Korean labels render; an unknown URL parameter is reported, no exception."""
    page.session_state["lang"] = "ko"
    page.query_params["compare_nope"] = "1"
    page.run()
    assert not page.exception
    assert page.dataframe[1].value.index[0] == "프리셋"
    assert any("compare_nope" in i.value for i in page.info)


def _uploaded_run():
    """The tiny run's model saved as .keras and uploaded, as on the Save & restore page."""
    from playground.persistence import keras_bytes, load_keras_upload

    run, _ = load_keras_upload(keras_bytes(tiny_run().model), run_id="uploaded-1")
    return run


def test_missing_values_say_why_and_unknowns_are_not_differences():
    """An uploaded model next to a trained run: no literal "None"; its training settings and results read
    "unknown", never highlighted; the trained run's missing test accuracy says it was not evaluated yet."""
    at = open_page("app_pages/compare.py")
    at.session_state["lab_runs"] = [tiny_run(), _uploaded_run()]
    at.session_state["compare_runs"] = ["run-1", "uploaded-1"]
    at.run()
    assert not at.exception
    results, settings = at.dataframe[0].value, at.dataframe[1].value
    cells = [str(v) for v in results.to_numpy().ravel()] + [str(v) for v in settings.to_numpy().ravel()]
    assert not any(c in ("None", "nan", "NaN") for c in cells), cells
    uploaded = results.iloc[1]
    assert uploaded["Epochs"] == uploaded["Training time"] == "unknown — not trained in the app"
    assert uploaded["Val. accuracy (last)"] == "unknown — not trained in the app"
    assert results.iloc[0]["Test accuracy"] == "— not evaluated yet (Evaluate page)"
    assert results.iloc[0]["Val. accuracy (last)"] == f"{tiny_run().history['val_accuracy'][-1]:.1%}"
    for name in ("Optimizer", "Learning rate", "Epochs (planned)", "Training images", "Batch size", "Seed"):
        assert settings.loc[name, "uploaded-1"] == "unknown — not trained in the app"
        assert not any(name in m.value for m in at.markdown if "Highlighted" in m.value), name
    assert settings.loc["Dropout (rates)", "uploaded-1"] == "0.2"  # read from the model: known
    assert any("uploaded-1" in c.value and "not trained in the app" in c.value for c in at.caption)


def test_preset_name_only_while_the_settings_equal_the_preset():
    """A run started from Quick but trained with SGD is not labelled "quick"; an unchanged Quick run is."""
    from playground.lab.options import PRESETS
    from playground.run import Run

    history = {"loss": [0.5], "accuracy": [0.8], "val_loss": [0.6], "val_accuracy": [0.78], "learning_rate": [1e-3]}
    quick = Run("run-1", PRESETS["quick"], history, "finished", duration_s=30.0)
    sgd = Run("run-2", replace(PRESETS["quick"], optimizer="sgd", learning_rate=0.01), history, "finished")
    at = open_page("app_pages/compare.py")
    at.session_state["lab_runs"] = [quick, sgd]
    at.session_state["compare_runs"] = ["run-1", "run-2"]
    at.run()
    assert not at.exception
    results, settings = at.dataframe[0].value, at.dataframe[1].value
    assert results.iloc[0]["Run"].startswith("run-1 · quick ·")
    assert "quick" not in results.iloc[1]["Run"]
    assert settings.loc["Preset", "run-1"] == "quick"
    assert settings.loc["Preset", "run-2"].startswith("— custom (changed from")
    marked = next(m.value for m in at.markdown if "Highlighted" in m.value)
    assert "Preset" in marked and "Optimizer" in marked and "Layers" not in marked
