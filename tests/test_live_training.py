"""Training you can watch and honest progress: the watched feature maps are Keras's, the time left is measured.

The jobs train tiny random sets (a few hundred images) for seconds.
"""

from __future__ import annotations

import threading
from dataclasses import replace

import numpy as np
import pytest

from playground.lab import job as lab_job
from playground.lab.job import TrainingJob
from playground.lab.progress import VALIDATION_COST, EpochClock
from playground.lab.watch import watch_points
from tests.test_training import TINY, random_set

TWO_CONVS = (
    {"type": "Conv2D", "filters": 4, "kernel_size": 3, "padding": "same", "activation": "relu"},
    {"type": "MaxPooling2D", "pool_size": 2},
    {"type": "Conv2D", "filters": 6, "kernel_size": 3, "padding": "valid", "activation": "relu"},
    {"type": "MaxPooling2D", "pool_size": 4},
    {"type": "Flatten"},
    {"type": "Dense", "units": 10, "activation": "softmax"},
)


@pytest.fixture(autouse=True)
def fresh_slots(monkeypatch):
    monkeypatch.setattr(lab_job, "_SLOTS", threading.BoundedSemaphore(1))


def finished(job: TrainingJob):
    job.start()
    assert job.join(120), "the job did not end"
    snap = job.snapshot()
    assert snap.state == "finished", snap.error
    return snap


def keras_maps(model, image):
    """A Keras sub-model from the input to every Conv2D output, called on the image (the reference)."""
    import keras

    convs = [layer for layer in model.layers if isinstance(layer, keras.layers.Conv2D)]
    probe = keras.Model(model.inputs, [layer.output for layer in convs])
    outputs = probe.predict(image[None, :, :, None], verbose=0)
    return [np.asarray(m)[0] for m in (outputs if isinstance(outputs, list) else [outputs])]


@pytest.mark.parametrize(("batches", "points"), [(10, [3, 6, 9, 10]), (3, [1, 2, 3]), (1, [1]), (8, [2, 4, 6, 8])])
def test_watch_points_every_quarter_epoch_and_the_last_batch(batches, points):
    assert watch_points(batches) == points


def test_watch_points_reject_bad_counts():
    with pytest.raises(ValueError, match="batches"):
        watch_points(0)


def test_final_frame_equals_a_keras_sub_model_of_the_trained_model():
    """The last frame's maps and filters are what a Keras sub-model and `get_weights` give after training;
    there is a frame before training and one per quarter epoch, and the first differs from the last."""
    x, y = random_set(512, seed=4)
    config = replace(TINY, specs=TWO_CONVS, train_size=512, batch_size=32, epochs=2)
    snap = finished(TrainingJob(config, data=(x, y), watch_image=x[5]))
    run = snap.run
    assert [f.position for f in run.watch] == [0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0]
    assert snap.watch == run.watch
    final = run.watch[-1]
    expected = keras_maps(run.model, x[5])
    assert [(name, kind) for name, kind, _ in final.maps] == [("conv2d", "Conv2D"), ("conv2d_1", "Conv2D")]
    for (_, _, got), want in zip(final.maps, expected, strict=True):
        assert got.shape == want.shape
        np.testing.assert_allclose(got.astype(np.float32), want, rtol=2e-3, atol=2e-3)  # stored as float16
    kernel = run.model.get_layer("conv2d").get_weights()[0]
    np.testing.assert_allclose(final.filters.astype(np.float32), kernel, rtol=2e-3, atol=1e-3)
    assert not np.allclose(run.watch[0].filters.astype(np.float32), kernel, atol=1e-4)  # the filters learned


def test_watch_image_by_class_and_a_model_without_convolutions():
    """A class label picks the first image of that class; a dense-only model has frames without maps."""
    x, y = random_set(256, seed=5)
    config = replace(TINY, specs=TINY.specs[2:])  # Flatten → Dense: nothing to watch
    run = finished(TrainingJob(config, data=(x, y), watch_image=7)).run
    assert run.watch and all(f.maps == () and f.filters is None for f in run.watch)
    x, y = random_set(256, seed=6)
    run = finished(TrainingJob(TINY, data=(x, y), watch_image=7)).run
    expected = keras_maps(run.model, x[np.flatnonzero(y == 7)[0]])
    np.testing.assert_allclose(run.watch[-1].maps[0][2].astype(np.float32), expected[0], rtol=2e-3, atol=2e-3)


def test_progress_phases_validation_batches_and_first_batch_loss():
    """Seen while polling: preparation phases, the first batch, validation with its batch count; the loss of the
    very first batch is recorded as soon as it ends; time left is unknown before any rate was measured."""
    x, y = random_set(512, seed=7)
    config = replace(TINY, train_size=512, batch_size=32, epochs=2, validation_split=0.25)
    job = TrainingJob(config, data=(x, y))
    seen = []
    record = job._batch_done

    def spy(batch, loss):
        record(batch, loss)
        snap = job.snapshot()
        seen.append((snap.phase, snap.batch, len(snap.batch_loss), snap.eta_s))

    job._batch_done = spy
    validation = []
    record_val = job._validation_batch_done

    def spy_val(batch):
        record_val(batch)
        snap = job.snapshot()
        validation.append((snap.phase, snap.val_batch, snap.val_batches))

    job._validation_batch_done = spy_val
    snap = finished(job)
    assert seen[0][:3] == ("training", 1, 1) and seen[0][3] is None  # first point at once; no rate yet
    assert all(eta is not None for _, batch, _, eta in seen[2:])  # 1 timed batch of 12 ≥ 10 %
    assert validation[-1] == ("validating", 4, 4)  # 128 validation images / 32
    assert snap.phase == "" and snap.eta_s is None


def test_epoch_clock_is_exact_for_a_steady_rate():
    """Batches of 0.1 s, validations of 0.5 s and 0.2 s of shuffling per later epoch: the estimate is exact once
    each of them was measured, and before that uses the stated stand-ins."""
    clock = EpochClock(epochs=3, batches=20, val_batches=5)
    t = 0.0
    clock.epoch_begin(1, t)
    t += 2.0  # the first batch traces the training step
    clock.batch_end(1, t)
    assert clock.time_left(t) is None
    t += 0.1
    clock.batch_end(2, t)
    assert clock.time_left(t) is None  # 1 timed batch < 10 % of 20
    t += 0.1
    clock.batch_end(3, t)
    guess_val = 5 * 0.1 * VALIDATION_COST
    assert clock.time_left(t) == pytest.approx(17 * 0.1 + guess_val + 2 * (20 * 0.1 + guess_val))
    assert clock.time_left(t + 0.05) == pytest.approx(clock.time_left(t) - 0.05)  # counts down between batches
    for k in range(4, 21):
        t += 0.1
        clock.batch_end(k, t)
    clock.validation_begin(t)
    t += 0.5
    clock.validation_end(t)
    assert clock.time_left(t) == pytest.approx(2 * (20 * 0.1 + 0.5))
    clock.epoch_begin(2, t)
    t += 0.3  # 0.2 s of shuffling + the batch
    clock.batch_end(1, t)
    assert clock.start_s == pytest.approx(0.2)
    assert clock.time_left(t) == pytest.approx(19 * 0.1 + 0.5 + (0.2 + 20 * 0.1 + 0.5))
    clock.validation_begin(t)
    assert clock.time_left(t + 0.2) == pytest.approx(0.3 + 1 * (20 * 0.1 + 0.5 + 0.2))


def test_restored_weights_are_labelled_with_the_best_epoch():
    """EarlyStopping(restore_best_weights=True): Keras 3 puts the best epoch's weights back when training ends. The
    last frame shows the model Keras leaves (its kernel is the trained model's) and names Keras's best epoch; the
    frame of the last epoch trained stays before it, unlabelled."""
    import keras

    from ui.watch import frame_label

    x, y = random_set(512, seed=8)
    early = {"monitor": "val_loss", "patience": 5, "restore_best_weights": True}  # 3 epochs: restored, not stopped
    config = replace(TINY, train_size=512, batch_size=32, epochs=3, early_stopping=early, learning_rate=0.05)
    run = finished(TrainingJob(config, data=(x, y), watch_image=x[0])).run
    best = int(np.argmin(run.history["val_loss"])) + 1  # Keras's rule: the lowest monitored value, first on ties
    *_, last_trained, restored = run.watch
    assert restored.restored_epoch == best and last_trained.restored_epoch is None
    assert restored.position == last_trained.position == 3.0
    conv = run.model.get_layer("conv2d")
    assert isinstance(conv, keras.layers.Conv2D)
    kernel = conv.get_weights()[0]
    np.testing.assert_allclose(restored.filters.astype(np.float32), kernel, rtol=2e-3, atol=1e-3)
    if best < 3:  # the restored weights are not the last epoch's
        assert not np.allclose(last_trained.filters.astype(np.float32), kernel, atol=1e-4)
    assert frame_label(restored) == f"best epoch {best} (weights restored)" and frame_label(last_trained) == "3"


def test_without_early_stopping_no_frame_claims_restored_weights():
    x, y = random_set(256, seed=9)
    run = finished(TrainingJob(replace(TINY, epochs=2), data=(x, y))).run
    assert all(f.restored_epoch is None for f in run.watch) and run.watch[-1].position == 2.0
