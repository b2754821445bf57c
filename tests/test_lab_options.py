"""playground.lab.options: one table drives the lab's form, its checks, the generated code and the export; the
table's names are Keras's; every event the core can emit is worded in both languages."""

from __future__ import annotations

import inspect
from dataclasses import replace

import pytest

from playground import export
from playground.lab import events
from playground.lab.codegen import keras_code
from playground.lab.options import CALLBACKS, HYPERS, KERAS_OPTIMIZERS, OPTIMIZERS, PRESETS, TRAINING, Arg, callback
from playground.lab.validate import validate_config
from playground.run import EVENT_CODES, STOP_CODES, Event, TrainConfig
from tests.helpers import codes
from ui.texts import LANGUAGES, TEXTS

PAGE = "app_pages/train.py"
WIDGETS = ("slider", "select_slider", "selectbox", "checkbox", "toggle", "number_input")
ALL_ON = replace(PRESETS["course_notes"], validation_split=0.2)  # every callback switched on


def widget_keys(at) -> set[str]:
    return {w.key for kind in WIDGETS for w in getattr(at, kind) if w.key}


def bad_value(arg: Arg):
    """A value just outside what the row accepts."""
    if arg.kind in ("int", "float"):
        return arg.high + 1
    return "yes" if arg.kind == "bool" else "no_such_choice"


def lab_form_keys(app_for, **query) -> set[str]:
    at = app_for(PAGE)
    at.query_params.update(query)
    at.run()
    assert not at.exception
    return widget_keys(at)


# ------------------------------------------------------------------------------------------- one table, four uses


def test_every_callback_argument_is_in_the_form_checks_code_and_export(app_for):
    """Each callback argument of the table has its widget (train_<callback>_<arg>), is checked, is written into the
    generated Keras call and into the compare table's summary."""
    keys = lab_form_keys(app_for, train_preset="course_notes")
    code = keras_code(ALL_ON)
    summary = export.config_summary(ALL_ON)
    for name, cb in CALLBACKS.items():
        assert f"train_{cb.key}" in keys and name in export.SETTINGS
        line = next(line for line in code.splitlines() if f"keras.callbacks.{cb.keras_class}(" in line)
        for arg in cb.args:
            assert f"train_{cb.key}_{arg.widget_key}" in keys, (name, arg.name)
            assert f"{arg.name}=" in line and f"{arg.name}=" in summary[name], (name, arg.name)
            with pytest.raises(ValueError, match=f"`{arg.name}`"):
                validate_config(replace(ALL_ON, **{name: {**getattr(ALL_ON, name), arg.name: bad_value(arg)}}))


def test_a_new_callback_argument_needs_only_the_table(app_for, monkeypatch):
    """Adding EarlyStopping's `min_delta` to the table alone gives its widget, its check, its code and its summary."""
    early = CALLBACKS["early_stopping"]
    min_delta = Arg("min_delta", "float", 0.0, 0.0, 1.0, 0.01)
    monkeypatch.setitem(CALLBACKS, "early_stopping", replace(early, args=(*early.args, min_delta)))
    assert "train_es_min_delta" in lab_form_keys(app_for, train_preset="course_notes")
    config = replace(ALL_ON, early_stopping=callback("early_stopping", min_delta=0.05))
    validate_config(config)
    assert "min_delta=0.05" in keras_code(config)
    assert "min_delta=0.05" in export.config_summary(config)["early_stopping"]
    with pytest.raises(ValueError, match="`min_delta`"):
        validate_config(replace(config, early_stopping=callback("early_stopping", min_delta=2.0)))


def test_every_optimizer_shows_its_hyperparameters(app_for):
    """Choosing each optimizer in the form shows one widget per tunable hyper-parameter of its table row."""
    at = app_for(PAGE)
    at.run()
    for name, choice in OPTIMIZERS.items():
        at.selectbox(key="train_optimizer").set_value(name).run()
        assert not at.exception
        keys = widget_keys(at)
        assert {f"train_{HYPERS[h].widget_key}" for h in choice.tunable} <= keys, name
        assert f"keras.optimizers.{choice.keras_class}(" in codes(at)[-1].value


def test_training_rows_are_checked():
    """Each training setting of the table rejects a value outside its row, naming the argument."""
    base = TrainConfig(specs=PRESETS["mlp"].specs)
    for name, arg in TRAINING.items():
        with pytest.raises(ValueError, match=f"`{name}`"):
            validate_config(replace(base, **{name: bad_value(arg)}))
    for name in HYPERS:
        owner = next(key for key, o in OPTIMIZERS.items() if name in o.tunable)
        with pytest.raises(ValueError, match=f"`{name}`"):
            validate_config(replace(base, optimizer=owner, optimizer_params={name: bad_value(HYPERS[name])}))


def test_unknown_callback_argument_is_refused():
    """An argument that is not in the table is a ValueError naming it (Keras would only fail in the thread)."""
    with pytest.raises(ValueError, match="`patiense`"):
        validate_config(replace(ALL_ON, early_stopping={"patiense": 3}))
    with pytest.raises(TypeError):
        callback("early_stopping", patiense=3)


def test_presets_name_every_argument_of_their_callbacks():
    """A preset's callback gives every argument of the table, so the form shows exactly what it trains with."""
    for preset in PRESETS.values():
        for name, cb in CALLBACKS.items():
            params = getattr(preset, name)
            assert params is None or set(params) == {arg.name for arg in cb.args}, (preset.preset, name)


def test_the_form_offers_only_what_the_checks_accept():
    """Each row's form range and options lie inside the range its check accepts, and its default passes."""
    rows = [*TRAINING.values(), *HYPERS.values(), *(arg for cb in CALLBACKS.values() for arg in cb.args)]
    for arg in rows:
        if arg.kind in ("int", "float"):
            low, high = arg.form_range
            assert arg.low <= low <= high <= arg.high, arg.name
            assert all(arg.low <= v <= arg.high for v in arg.options), arg.name
            assert arg.default is None or arg.low <= arg.default <= arg.high, arg.name
        elif arg.kind == "choice":
            assert arg.default in arg.options


# ------------------------------------------------------------------------------------------------ Keras's names


def test_callback_arguments_are_keras_arguments():
    """Every callback argument of the table is an argument of the Keras class, and the defaults build it."""
    import keras

    for cb in CALLBACKS.values():
        cls = getattr(keras.callbacks, cb.keras_class)
        params = inspect.signature(cls.__init__).parameters
        assert {arg.name for arg in cb.args} <= set(params), cb.keras_class
        cls(**({"filepath": "/tmp/x.keras"} if cb.filepath else {}), **cb.defaults)


def test_optimizer_choices_are_keras_optimizers():
    """Each choice's class, settings and tunable hyper-parameters are the Keras optimizer's own."""
    import keras

    for name, choice in OPTIMIZERS.items():
        cls = getattr(keras.optimizers, choice.keras_class)
        params = inspect.signature(cls.__init__).parameters
        assert set(choice.settings) | set(choice.tunable) <= set(params), name
        assert set(choice.tunable) <= set(HYPERS) and choice.keras in KERAS_OPTIMIZERS, name


def test_architecture_build_model_is_the_lab_builder():
    """`playground.architecture.build_model` is the one builder of `playground.lab.model`."""
    from playground.architecture import build_model as from_architecture
    from playground.lab.model import build_model

    assert from_architecture is build_model


# ------------------------------------------------------------------------------------------------------- texts


def test_table_labels_have_both_languages():
    """Every callback (toggle, help, compare row) and callback argument has its label in English and Korean."""
    keys = [f"train.opt.{name}" for name in OPTIMIZERS]
    for name, cb in CALLBACKS.items():
        keys += [f"train.{cb.key}", f"train.{cb.key}_help", f"compare.setting.{name}"]
        keys += [f"train.arg.{arg.name}" for arg in cb.args]
    for key in keys:
        assert all(TEXTS.get(key, {}).get(lang) for lang in LANGUAGES), key


def _every_event(tmp_path) -> list[Event]:
    """The events the core emits, made by the core's own functions for every way a run can go."""
    config = ALL_ON
    path = tmp_path / "checkpoint.keras"
    path.write_bytes(b"x")
    found = events.epoch_events(config, 2, {"val_loss": 0.4}, 1e-3, 5e-4, events.CheckpointWatch(str(path)))
    history = {"loss": [0.9, 0.7], "val_loss": [0.5, 0.4]}
    for stop in ("", "user_stop", "session_end", "early_stopping"):
        status, reason, final = events.final_events(config, history, stop)
        assert reason.code in STOP_CODES and (status == "finished") == (stop == "")
        found += [*final, reason]
    return found


def test_every_event_code_is_worded_in_both_languages(tmp_path):
    """Each code the core can emit has `train.event.<code>` in English and Korean, filled by its values alone."""
    emitted = _every_event(tmp_path)
    assert {e.code for e in emitted} == set(EVENT_CODES)
    for event in emitted:
        entry = TEXTS[f"train.event.{event.code}"]
        for lang in LANGUAGES:
            text = entry[lang].format(epoch=event.epoch, **event.values)
            assert "{" not in text and text.strip(), (event.code, lang)
    assert all(TEXTS["train.event.best_restored"].get(lang) for lang in LANGUAGES)


def test_events_are_codes_not_sentences():
    """An event is a known code with plain values; an unknown code is refused."""
    with pytest.raises(ValueError, match="Unknown event code"):
        Event("EarlyStopping: val_loss did not improve", {})
    event = Event("reduce_lr", {"old": 0.01, "new": 0.005}, 4)
    assert event.values == {"old": 0.01, "new": 0.005} and event.epoch == 4
