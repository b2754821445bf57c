"""playground.lab: the job trains what a bare keras `fit` trains, records it, stops, queues, fires callbacks."""

from __future__ import annotations

import threading
import time
from dataclasses import replace

import numpy as np
import pytest

from playground import data as fmnist
from playground.lab import job as lab_job
from playground.lab.codegen import keras_code
from playground.lab.job import TrainingJob, queue_length
from playground.lab.model import build_model, make_optimizer
from playground.lab.options import METRICS, OPTIMIZERS, PRESETS
from playground.lab.progress import HISTORY_KEYS
from playground.lab.validate import validate_config
from playground.run import Event, Run, TrainConfig

TINY_SPECS = (
    {"type": "Conv2D", "filters": 4, "kernel_size": 3, "padding": "same", "activation": "relu"},
    {"type": "MaxPooling2D", "pool_size": 4},
    {"type": "Flatten"},
    {"type": "Dense", "units": 10, "activation": "softmax"},
)
TINY = TrainConfig(specs=TINY_SPECS, batch_size=64, epochs=1, train_size=256, validation_split=0.25, seed=3)


def random_set(n: int = 256, seed: int = 0):
    rng = np.random.default_rng(seed)
    return rng.integers(0, 256, (n, 28, 28), dtype=np.uint8), (np.arange(n) % 10).astype(np.uint8)


def blank_set(n: int = 256):
    """All images black: every prediction is the same, so val_accuracy is exactly 0.1 every epoch (never improves)."""
    return np.zeros((n, 28, 28), np.uint8), (np.arange(n) % 10).astype(np.uint8)


def run_job(config: TrainConfig, **kwargs) -> Run:
    job = TrainingJob(config, **kwargs).start()
    assert job.join(120), "the job did not end"
    snap = job.snapshot()
    assert snap.state in ("finished", "stopped"), snap.error
    return snap.run


@pytest.fixture(autouse=True)
def fresh_slots(monkeypatch):
    """Every test gets its own one-slot semaphore, so a test never waits for another's leftovers."""
    monkeypatch.setattr(lab_job, "_SLOTS", threading.BoundedSemaphore(1))


def test_job_history_equals_bare_fit():
    """Same config and seed: the job's per-epoch history equals a bare `model.fit` (the callback changes nothing)."""
    import keras

    x, y = random_set()
    config = replace(TINY, epochs=2)
    run = run_job(config, data=(x, y))
    tr, va = fmnist.train_validation_split(y, train_size=256, validation_split=0.25, seed=config.seed)
    keras.utils.set_random_seed(config.seed)
    model = build_model(config)
    bare = model.fit(
        x[tr][..., None], y[tr], validation_data=(x[va][..., None], y[va]), batch_size=64, epochs=2, verbose=0
    ).history
    for key in METRICS:
        np.testing.assert_allclose(run.history[key], bare[key], rtol=1e-4, err_msg=key)
    np.testing.assert_allclose(run.history["learning_rate"], [config.learning_rate] * 2, rtol=1e-6)


def test_history_lengths_and_batch_losses():
    """256 images, 1/4 held out, batch 64: 3 batches; their size-weighted mean is Keras's epoch loss."""
    x, y = random_set(seed=1)
    run = run_job(TINY, data=(x, y))
    assert run.status == "finished" and run.epochs_run == 1
    assert set(run.history) == set(HISTORY_KEYS)
    assert all(len(v) == 1 for v in run.history.values())
    assert len(run.batch_loss) == 3  # 192 training images / 64
    np.testing.assert_allclose(np.average(run.batch_loss, weights=[64, 64, 64]), run.history["loss"][0], rtol=1e-5)
    assert run.model is not None and run.model.output_shape == (None, 10)


def test_final_metrics_equal_keras_evaluate():
    """The last epoch's val_loss / val_accuracy are what `model.evaluate` gives on the validation part."""
    x, y = random_set(seed=2)
    run = run_job(TINY, data=(x, y))
    _, va = fmnist.train_validation_split(y, train_size=256, validation_split=0.25, seed=TINY.seed)
    loss, accuracy = run.model.evaluate(x[va][..., None], y[va], verbose=0)
    np.testing.assert_allclose([loss, accuracy], [run.history["val_loss"][-1], run.history["val_accuracy"][-1]], 1e-4)


def test_stop_within_one_batch():
    """Stop requested during batch 2 → training ends after batch 2, the partial model and history are kept."""
    x, y = random_set(1024, seed=3)
    job = TrainingJob(replace(TINY, train_size=1024, batch_size=32, epochs=3), data=(x, y))
    record = job._batch_done

    def stop_at_two(batch, loss):
        record(batch, loss)
        if batch == 2:
            job.stop()

    job._batch_done = stop_at_two
    job.start()
    assert job.join(120)
    run = job.snapshot().run
    assert run.status == "stopped" and run.stop_reason == Event("user_stop", {}, 1)
    assert len(run.batch_loss) <= 3 and run.epochs_run == 1
    assert run.events[-1] == run.stop_reason and run.model is not None


def test_early_stopping_and_reduce_lr_fire_on_a_flat_metric():
    """A metric that can't improve: ReduceLROnPlateau(0.5, patience 0) halves the rate after epochs 2 and 3,
    EarlyStopping(patience 2) stops after epoch 3; the events say so and the best epoch is 1."""
    lr = 1e-3
    config = replace(
        TINY,
        epochs=6,
        learning_rate=lr,
        reduce_lr={"monitor": "val_accuracy", "factor": 0.5, "patience": 0},
        early_stopping={"monitor": "val_accuracy", "patience": 2, "restore_best_weights": True},
    )
    run = run_job(config, data=blank_set())
    assert run.status == "early_stopped" and run.epochs_run == 3
    assert len(set(run.history["val_accuracy"])) == 1  # flat: it never improves
    np.testing.assert_allclose(run.history["learning_rate"], [lr, lr, lr * 0.5], rtol=1e-6)
    cuts = [e for e in run.events if e.code == "reduce_lr"]
    assert [e.epoch for e in cuts] == [2, 3]
    np.testing.assert_allclose([e.values["old"] for e in cuts], [lr, lr * 0.5], rtol=1e-6)
    np.testing.assert_allclose([e.values["new"] for e in cuts], [lr * 0.5, lr * 0.25], rtol=1e-6)
    np.testing.assert_allclose(float(run.model.optimizer.learning_rate), lr * 0.25, rtol=1e-6)
    codes = {e.code: e for e in run.events}
    assert codes["early_stopping"] == run.stop_reason
    assert run.stop_reason == Event("early_stopping", {"monitor": "val_accuracy", "patience": 2, "waited": 2}, 3)
    assert codes["best"].epoch == 1 and codes["best"].values["restored"] is True
    assert codes["best"].values["value"] == run.history["val_accuracy"][0]


def test_checkpoint_file_written_and_loadable():
    """ModelCheckpoint writes a .keras file; loaded with the checks every restored model goes through
    (`persistence.load_checked_keras`: allow-list, model budgets, weights check) it predicts exactly like the
    run's model (1 epoch)."""
    from pathlib import Path

    from playground.persistence import load_checked_keras

    x, y = random_set(seed=4)
    config = replace(TINY, checkpoint={"monitor": "val_loss", "save_best_only": True})
    run = run_job(config, data=(x, y))
    assert run.checkpoint_path and run.checkpoint_path.endswith(".keras")
    assert [e.epoch for e in run.events if e.code == "checkpoint"] == [1]
    restored = load_checked_keras(Path(run.checkpoint_path).read_bytes())
    np.testing.assert_allclose(
        restored.predict(x[:8, ..., None], verbose=0), run.model.predict(x[:8, ..., None], verbose=0)
    )


def test_concurrency_cap_queues_the_second_job():
    """With one slot, a second job waits (1 in line, 0 ahead) until the first ends, then trains."""
    x, y = random_set(seed=5)
    gate = threading.Event()
    first = TrainingJob(TINY, data=(x, y))
    record = first._batch_done

    def hold(batch, loss):
        record(batch, loss)
        gate.wait(60)

    first._batch_done = hold
    first.start()
    second = TrainingJob(TINY, data=(x, y)).start()
    for _ in range(400):
        if first.state == "running" and first.snapshot().batch >= 1:
            break
        threading.Event().wait(0.05)
    snap = second.snapshot()
    assert snap.state == "waiting" and snap.queue_position == 0 and queue_length() == 1
    gate.set()
    assert first.join(120) and second.join(120)
    assert second.snapshot().state == "finished"
    assert first._t_end <= second._t_start  # it trained only once the first had ended


def test_dead_session_stops_the_job(monkeypatch):
    """A job whose is_alive() turns False stops at the next check and says the session ended."""
    monkeypatch.setattr(lab_job, "_ALIVE_CHECK_S", 0.0)
    x, y = random_set(1024, seed=6)
    run = run_job(replace(TINY, train_size=1024, batch_size=32, epochs=3), data=(x, y), is_alive=lambda: False)
    assert run.status == "stopped" and run.stop_reason.code == "session_end"
    assert len(run.batch_loss) == 1


def test_dead_session_leaves_the_queue(monkeypatch):
    """A waiting job whose session is gone leaves the line without training."""
    monkeypatch.setattr(lab_job, "_ALIVE_CHECK_S", 0.0)
    slot = lab_job._SLOTS
    slot.acquire()  # someone else holds the only slot
    try:
        job = TrainingJob(TINY, data=random_set(), is_alive=lambda: False).start()
        assert job.join(10)
        assert job.snapshot().state == "stopped" and job.run is None and queue_length() == 0
    finally:
        slot.release()


def test_failure_is_reported_not_raised():
    """An error inside the thread becomes state "failed" with the message, and the slot is freed."""
    x, y = random_set()
    job = TrainingJob(TINY, data=(x[:, :20, :20], y)).start()  # wrong image size for Input(28, 28, 1)
    assert job.join(60)
    snap = job.snapshot()
    assert snap.state == "failed" and snap.error and snap.run is None
    assert lab_job._SLOTS.acquire(blocking=False)
    lab_job._SLOTS.release()


@pytest.mark.realdata
def test_real_data_tiny_run():
    """The default data source (Fashion-MNIST) trains 256 images for one epoch."""
    run = run_job(replace(TINY, specs=PRESETS["mlp"].specs))
    assert run.status == "finished" and len(run.batch_loss) == 3 and 0 <= run.history["val_accuracy"][0] <= 1


# ------------------------------------------------------------------------------------------- configs and code


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_presets_are_valid_and_build(name):
    """Every preset passes validation and builds a Keras model with 10 softmax outputs."""
    config = PRESETS[name]
    validate_config(config)
    assert config.preset == name
    model = build_model(config)
    assert model.output_shape == (None, 10) and model.input_shape == (None, 28, 28, 1)


def test_course_notes_preset_matches_the_notes_parameter_counts():
    """The notes' CNN: conv params 160, 8224, 32832 (their arithmetic), as Keras counts them."""
    model = build_model(PRESETS["course_notes"])
    convs = [layer.count_params() for layer in model.layers if layer.__class__.__name__ == "Conv2D"]
    assert convs == [3 * 3 * 1 * 16 + 16, 4 * 4 * 16 * 32 + 32, 4 * 4 * 32 * 64 + 64]


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_make_optimizer_matches_keras(name):
    """Each choice is the Keras optimizer with the documented hyper-parameters (momentum/nesterov for SGD)."""
    import keras

    spec = OPTIMIZERS[name]
    opt = make_optimizer(name, 0.05)
    assert isinstance(opt, getattr(keras.optimizers, spec.keras_class))
    np.testing.assert_allclose(float(opt.learning_rate), 0.05)
    config = opt.get_config()
    for key, value in {**spec.hyper, **spec.fixed}.items():
        assert config[key] == pytest.approx(value), key
    if name == "sgd":
        assert config["momentum"] == 0 and not config["nesterov"]


@pytest.mark.parametrize(
    "changes, argument",
    [
        ({"optimizer": "lbfgs"}, "optimizer"),
        ({"learning_rate": 0.0}, "learning_rate"),
        ({"optimizer_params": {"rho": 0.9}}, "rho"),  # adam has no rho
        ({"optimizer_params": {"beta_1": 1.5}}, "beta_1"),
        ({"batch_size": 0}, "batch_size"),
        ({"epochs": 1000}, "epochs"),
        ({"train_size": 70_000}, "train_size"),
        ({"validation_split": 0.95}, "validation_split"),
        ({"early_stopping": {"monitor": "val_loss", "patience": -1}}, "patience"),
        ({"reduce_lr": {"monitor": "val_loss", "factor": 1.5}}, "factor"),
        ({"validation_split": 0.0, "checkpoint": {"monitor": "val_loss"}}, "monitor"),
        ({"specs": TINY_SPECS[:-1]}, "specs"),
    ],
)
def test_invalid_configs_name_the_argument(changes, argument):
    """A bad setting raises ValueError naming the argument, before any thread starts."""
    with pytest.raises(ValueError, match=f"`{argument}`"):
        TrainingJob(replace(TINY, **changes))


def test_keras_code_runs_the_same_model():
    """The generated script is valid Python whose model has the same layers and parameters as build_model's."""
    import ast

    import keras

    config = replace(
        PRESETS["course_notes"], optimizer="nesterov", train_size=6000, augmentation=({"type": "RandomFlip"},)
    )
    code = keras_code(config)
    tree = ast.parse(code)
    assert "SGD(learning_rate=0.001, momentum=0.9, nesterov=True)" in code
    assert "EarlyStopping(" in code and "ReduceLROnPlateau(" in code and "ModelCheckpoint(" in code
    model_src = "\n".join(
        ast.get_source_segment(code, node)
        for node in tree.body
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "model"
    )
    scope = {"keras": keras}
    exec(model_src, scope)  # noqa: S102 — our own generated code, the point of the test
    ours = build_model(config)
    assert [type(layer).__name__ for layer in scope["model"].layers] == [type(layer).__name__ for layer in ours.layers]
    assert scope["model"].count_params() == ours.count_params()


# ------------------------------------------------------------------------------------------- the live figures


@pytest.mark.parametrize("weight", [0.0, 0.5, 0.9, 0.99])
def test_smoothing_equals_pandas_ewm(weight):
    """The smoothed batch loss is pandas' bias-corrected EWM with alpha = 1 − weight."""
    import pandas as pd

    from playground.figures.training import smooth

    values = np.random.default_rng(0).random(200) * 3
    np.testing.assert_allclose(smooth(values, weight), pd.Series(values).ewm(alpha=1 - weight).mean(), rtol=1e-10)
    with pytest.raises(ValueError, match="`weight`"):
        smooth(values, 1.0)


def test_curves_mark_the_events():
    """Events sit on the validation curve at their epoch; LR cuts on the learning-rate step curve."""
    from playground.figures.training import batch_loss_curve, learning_rate_curve, metric_curves

    history = {"loss": [1.0, 0.8, 0.7], "val_loss": [0.9, 0.85, 0.95], "learning_rate": [1e-3, 1e-3, 5e-4]}
    events = [
        Event("best", {"monitor": "val_loss", "value": 0.85, "restored": False}, 2),
        Event("reduce_lr", {"old": 1e-3, "new": 5e-4}, 2),
        Event("user_stop", {}, 3),
    ]
    fig = metric_curves(history, "loss", events, labels={"best": "B", "reduce_lr": "C", "stop": "S"})
    markers = {trace.name: (list(trace.x), list(trace.y)) for trace in fig.data if trace.mode == "markers"}
    assert markers == {"C": ([2], [0.85]), "B": ([2], [0.85]), "S": ([3], [0.95])}
    lr = learning_rate_curve(history["learning_rate"], events)
    assert [list(t.y) for t in lr.data if t.mode == "markers"] == [[1e-3]]
    batches = batch_loss_curve([2.0, 1.0, 1.5, 0.5], batches_per_epoch=2)
    np.testing.assert_allclose(batches.data[0].x, [0.5, 1.0, 1.5, 2.0])


def test_one_training_cap_for_every_kind_of_training():
    """Work holding `training_slot` (the transfer page's trainings) and lab jobs share one cap and one line: while
    the slot is held, a lab job waits; a second slot-holder queues behind it and is told one job is ahead."""
    from playground.lab import job as job_module

    held, release = threading.Event(), threading.Event()
    waits: list[int] = []

    def other_training(signal=None, wait_for=None, on_wait=None):
        with job_module.training_slot(on_wait=on_wait):
            if signal is not None:
                signal.set()
            if wait_for is not None:
                wait_for.wait(30)

    first = threading.Thread(target=other_training, kwargs={"signal": held, "wait_for": release})
    first.start()
    assert held.wait(10)
    job = TrainingJob(TINY, data=random_set()).start()
    time.sleep(0.6)
    assert job.snapshot().state == "waiting"
    second = threading.Thread(target=other_training, kwargs={"on_wait": waits.append})
    second.start()
    time.sleep(0.6)
    assert waits and waits[-1] == 1, waits  # the lab job is ahead of it
    release.set()
    first.join(10)
    assert job.join(120) and job.snapshot().state == "finished"
    second.join(30)
    assert not second.is_alive()


def test_no_temp_folder_is_left_however_a_run_ends(tmp_path, monkeypatch):
    """A job stopped while waiting makes no folder; a run without a checkpoint removes its folder at the end."""
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    lab_job._SLOTS.acquire()  # the only slot is busy: the first job waits, then is stopped
    waiting = TrainingJob(TINY, data=random_set(), run_id="waits").start()
    waiting.stop()
    assert waiting.join(30) and waiting.snapshot().state == "stopped"
    lab_job._SLOTS.release()
    run_job(TINY, data=random_set(), run_id="plain")
    assert list(tmp_path.glob("playground-*")) == []


def test_stopped_trainings_leave_no_temp_folder(tmp_path, monkeypatch):
    """Issue 13: stopped trainings left empty `playground-run-*` folders. Stopped without a checkpoint callback: the
    folder goes at once. With ModelCheckpoint (Keras still ends the stopped epoch, so it writes its file): the
    folder lives as long as the run that points at the file, and goes when the run is dropped. A failed training
    removes its folder too."""
    import gc
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    config = replace(
        TINY, train_size=1024, batch_size=32, epochs=5, checkpoint={"monitor": "val_loss", "save_best_only": False}
    )

    def stopped_at(epoch: int, config: TrainConfig = config) -> Run:
        job = TrainingJob(config, data=random_set(1024, seed=5), run_id=f"run-{epoch}")
        record = job._batch_done

        def stop(batch, loss):
            record(batch, loss)
            if job._epoch == epoch and batch == 2:
                job.stop()

        job._batch_done = stop
        job.start()
        assert job.join(120)
        return job.snapshot().run

    run = stopped_at(1, replace(config, checkpoint=None))
    assert run.status == "stopped" and run.checkpoint_path is None
    assert list(tmp_path.glob("playground-*")) == []
    run = stopped_at(3)
    assert run.status == "stopped" and run.checkpoint_path
    assert [p.name for p in tmp_path.glob("playground-run-3-*/*")] == ["best_model.keras"]
    del run
    gc.collect()
    assert list(tmp_path.glob("playground-*")) == []

    failing = TrainingJob(TINY, data=random_set(), run_id="run-fails")
    monkeypatch.setattr(failing, "_finish", lambda *a: (_ for _ in ()).throw(RuntimeError("disk full")))
    failing.start()
    assert failing.join(120) and failing.snapshot().state == "failed"
    assert list(tmp_path.glob("playground-*")) == []
