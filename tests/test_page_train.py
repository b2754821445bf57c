"""The training lab page: form → config, a short real training to a Run in session_state, stop, queue, sessions.

Trainings here use PLAYGROUND_MIN_TRAIN_SIZE=200 (the page's smallest subset; 2 000 in the app) so they last seconds.
"""

from __future__ import annotations

import threading
import time

import pytest

from playground.architecture import stack_to_text
from playground.lab import job as lab_job
from playground.lab.job import queue_length
from playground.lab.model import build_model
from playground.lab.options import PRESETS
from tests.helpers import charts, codes

PAGE = "app_pages/train.py"
pytestmark = pytest.mark.realdata


@pytest.fixture(autouse=True)
def small_subsets(monkeypatch):
    monkeypatch.setenv("PLAYGROUND_MIN_TRAIN_SIZE", "200")
    monkeypatch.setattr(lab_job, "_SLOTS", threading.BoundedSemaphore(1))


def no_runs(at) -> bool:
    """The session has no runs (the run store may have put an empty list there)."""
    return "lab_runs" not in at.session_state or not at.session_state["lab_runs"]


def open_lab(app_for, lang: str | None = None, **query):
    """The page inside the frame, opened like a shared link carrying `query` (and `lang`)."""
    at = app_for(PAGE)
    if lang:
        at.query_params["lang"] = lang
    at.query_params.update(query)
    at.run()
    assert not at.exception
    return at


def total_params(at) -> int:
    text = next(c.value for c in at.caption if c.value.startswith(("Total params", "전체 파라미터")))
    return int(text.split(":")[1].replace(",", ""))


def train_until(at, states=("finished", "stopped"), timeout=120):
    """Rerun the page (as the polling fragment would) until the session's job reaches one of `states`."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        time.sleep(0.5)
        at.run()
        assert not at.exception
        if at.session_state["train_job"].state in states:
            at.run()  # the run the ended job triggers: files the Run, re-enables Train
            return
    raise AssertionError(f"the job did not reach {states}: {at.session_state['train_job'].snapshot()}")


def test_smoke_and_summary_matches_keras(app_for):
    """The lab renders; its parameter total equals the Keras model's count_params() for the default preset."""
    at = open_lab(app_for)
    assert at.info and "Train" in [b.label for b in at.button]
    assert total_params(at) == build_model(PRESETS["quick"]).count_params()


def test_preset_loads_layers_optimizer_and_callbacks(app_for):
    """Choosing the MLP preset loads its layers (params from the formula) and the course notes preset its callbacks."""
    at = open_lab(app_for)
    at.selectbox(key="train_preset").set_value("mlp").run()
    assert total_params(at) == (784 * 64 + 64) + (64 * 128 + 128) + (128 * 10 + 10)
    at.selectbox(key="train_preset").set_value("course_notes").run()
    assert total_params(at) == 160 + 8224 + 32832 + (64 * 12 * 12 * 50 + 50) + (50 * 20 + 20) + (20 * 10 + 10)
    assert at.toggle(key="train_es").value and at.toggle(key="train_rlr").value and at.toggle(key="train_ckpt").value
    assert at.slider(key="train_rlr_factor").value == pytest.approx(0.1)
    assert at.query_params["train_preset"] == "course_notes"


def test_optimizer_change_shows_its_hyperparameters(app_for):
    """RMSProp shows rho / momentum / epsilon and its default learning rate; SGD + momentum shows momentum 0.9."""
    at = open_lab(app_for)
    at.selectbox(key="train_optimizer").set_value("rmsprop").run()
    assert at.slider(key="train_rho").value == pytest.approx(0.9) and at.slider(key="train_momentum").value == 0
    assert at.select_slider(key="train_lr").value == pytest.approx(0.001)
    at.selectbox(key="train_optimizer").set_value("momentum").run()
    assert at.slider(key="train_momentum").value == pytest.approx(0.9)
    assert at.select_slider(key="train_lr").value == pytest.approx(0.01)
    assert "SGD(learning_rate=0.01, momentum=0.9)" in codes(at)[-1].value


def test_invalid_model_is_a_friendly_warning(app_for):
    """A stack without the softmax output: the core's message as a warning, Train disabled, no exception."""
    specs = [{"type": "Flatten"}, {"type": "Dense", "units": 10}]
    at = open_lab(app_for, train_stack=stack_to_text(specs))
    assert any("Dense(units=10, activation='softmax')" in w.value for w in at.warning)
    assert at.button(key="train_start").disabled


def test_korean(app_for):
    """In Korean the lab's labels are Korean."""
    at = open_lab(app_for, lang="ko")
    assert at.button(key="train_start").label == "학습 시작"
    assert any("콜백" in e.label for e in at.expander)


def test_tampered_link_is_ignored(app_for):
    """Out-of-range or wrong-type lab settings in the link are dropped with the notice."""
    at = open_lab(app_for, train_epochs="500", train_lr="banana", train_preset="huge", train_batch_size="7")
    assert at.slider(key="train_epochs").value == PRESETS["quick"].epochs
    assert at.selectbox(key="train_preset").value == "quick"
    assert any("ignored" in i.value for i in at.info)


def test_short_training_to_a_run(app_for):
    """Train 200 images for 2 epochs: a finished Run in lab_runs, the metrics on screen are its history's."""
    at = open_lab(app_for)
    at.slider(key="train_size").set_value(200)
    at.slider(key="train_epochs").set_value(2)
    at.toggle(key="train_rlr").set_value(True)
    at.run()
    at.button(key="train_start").click().run()
    assert at.button(key="train_start").disabled and not at.button(key="train_stop").disabled
    train_until(at)
    runs = at.session_state["lab_runs"]
    assert len(runs) == 1
    run = runs[0]
    assert run.status == "finished" and run.epochs_run == 2 and run.config.train_size == 200
    assert run.config.reduce_lr is not None and run.model is not None
    assert [m.value for m in at.metric][:2] == [f"{run.history['loss'][-1]:.4f}", f"{run.history['val_loss'][-1]:.4f}"]
    assert any(run.run_id in s.value for s in at.success)
    assert len(charts(at)) == 4
    assert not at.button(key="train_start").disabled
    at.run()
    assert len(at.session_state["lab_runs"]) == 1  # filed once, not on every rerun


def test_stop_keeps_the_partial_run(app_for):
    """Stop during a 30-epoch run: a "stopped" Run with fewer epochs is filed."""
    at = open_lab(app_for)
    at.slider(key="train_size").set_value(200)
    at.slider(key="train_epochs").set_value(30)
    at.run()
    at.button(key="train_start").click().run()
    train_until(at, states=("running",))
    while at.session_state["train_job"].snapshot().epoch < 1:
        time.sleep(0.2)
    at.button(key="train_stop").click().run()
    train_until(at)
    run = at.session_state["lab_runs"][-1]
    assert run.status == "stopped" and 1 <= run.epochs_run < 30


def test_waiting_for_a_slot_and_other_sessions(app_for):
    """With the only slot taken the job waits and says so; another session sees none of it; Stop leaves the line."""
    slot = lab_job._SLOTS
    slot.acquire()
    try:
        at = open_lab(app_for)
        at.slider(key="train_size").set_value(200)
        at.run()
        at.button(key="train_start").click().run()
        time.sleep(0.5)
        at.run()
        assert any("Waiting for a free training slot" in i.value and "0 ahead" in i.value for i in at.info)
        other = open_lab(app_for)
        assert "train_job" not in other.session_state and no_runs(other)
        assert other.button(key="train_stop").disabled and not other.button(key="train_start").disabled
        assert any("No training yet" in i.value for i in other.info)
        at.button(key="train_stop").click().run()
        train_until(at, states=("stopped",), timeout=10)
        assert queue_length() == 0 and no_runs(at)  # nothing was trained
    finally:
        slot.release()


def test_live_maps_badge_and_replay(app_for):
    """While training, the sidebar badge's epoch is the progress bar's; afterwards a slider replays the watched
    test image's maps, the last step being a Keras sub-model's output of the trained model on that image."""
    import keras
    import numpy as np

    from playground.data import load_fashion_mnist
    from ui.watch import epochs_label

    at = open_lab(app_for)
    at.slider(key="train_size").set_value(200)
    at.slider(key="train_epochs").set_value(3)
    at.selectbox(key="train_watch").set_value(9)
    at.run()
    at.button(key="train_start").click().run()
    agreed = 0
    deadline = time.time() + 120
    while at.session_state["train_job"].state in ("waiting", "running") and time.time() < deadline:
        at.run()
        bars = [p.proto.text for p in at.get("progress")]
        label = at.sidebar.get("page_link")[0].proto.label if at.sidebar.get("page_link") else ""
        if bars and bars[0].startswith("Epoch ") and label.startswith("Training: epoch"):
            assert bars[0].split(" · ")[0].split()[1] == label.split()[-1], (bars[0], label)
            agreed += 1
        time.sleep(0.3)
    assert agreed, "never saw the badge and the progress bar during an epoch"
    train_until(at)
    run = at.session_state["lab_runs"][-1]
    assert run.watch[0].position == 0 and run.watch[-1].position == 3
    slider = at.select_slider(key=f"train_watch_step_{run.run_id}")
    assert slider.options == [epochs_label(f.position) for f in run.watch] and slider.value == len(run.watch) - 1
    assert slider.options[:4] == ["0", "0.33", "0.67", "1"]  # 180 training images, batch 64: 3 batches
    assert len(at.get("image")) >= 4  # the watched image, the filters, two conv layers' maps
    (_, _), (x_test, y_test) = load_fashion_mnist()
    image = x_test[np.flatnonzero(y_test == 9)[0]]
    np.testing.assert_array_equal(run.watch[-1].image, image)
    convs = [layer for layer in run.model.layers if isinstance(layer, keras.layers.Conv2D)]
    want = keras.Model(run.model.inputs, [c.output for c in convs]).predict(image[None, :, :, None], verbose=0)
    for (_, _, got), ref in zip(run.watch[-1].maps, want, strict=True):
        np.testing.assert_allclose(got.astype(np.float32), ref[0], rtol=2e-3, atol=2e-3)
    slider.set_value(0).run()
    assert not at.exception and at.select_slider(key=f"train_watch_step_{run.run_id}").value == 0
    assert len(at.get("image")) >= 4
