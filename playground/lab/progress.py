"""What a training job reports: the Keras callback that records its progress, and the snapshot the page reads.

Keras calls the callback (`make_recorder`) inside `model.fit`, on the job's thread; it hands every batch's loss and
every epoch's metrics to the job, which keeps them under its lock. The page reads `JobSnapshot`s, copies taken under
that lock, so it never sees half an update.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from playground.lab.options import METRICS
from playground.lab.watch import WatchFrame
from playground.run import Event, Run

if TYPE_CHECKING:
    from playground.lab.job import TrainingJob

HISTORY_KEYS = (*METRICS, "learning_rate")
JOB_STATES = ("waiting", "running", "finished", "stopped", "failed")
PHASES = ("", "loading_data", "building_model", "first_batch", "epoch_start", "training", "validating")
"""What a running job is doing: preparing the data; building the model; its very first batch (TensorFlow traces the
training step then: seconds); the first batch of a later epoch (the data are shuffled); training batches;
evaluating the validation set after an epoch. "" once it is not running."""
ETA_MIN_FRACTION = 0.1  # time left is shown once this fraction of an epoch has been timed
VALIDATION_COST = 0.35  # a validation batch ≈ this fraction of a training batch (forward pass only), until measured


@dataclass(frozen=True)
class JobSnapshot:
    """What the page draws: a consistent copy of a job's progress, taken under its lock.

    `state` in JOB_STATES. `epoch` is 1-based (0 while the data and model are being prepared), `batch` the
    number of batches done in that epoch. `history` has the per-epoch lists of HISTORY_KEYS so far,
    `batch_loss` the loss of every training batch so far, `events` the callbacks' events so far. `queue_position`
    is the number of jobs ahead while waiting. `run` is the finished `Run` once the job has ended. `phase` (in
    PHASES) says what a running job is doing, for `phase_s` seconds; `val_batch` / `val_batches` count the
    validation batches while it validates. `watch` holds the `WatchFrame`s taken so far (oldest first). `eta_s` is
    `EpochClock.time_left` (None until ETA_MIN_FRACTION of an epoch is timed).
    """

    state: str
    epoch: int
    epochs: int
    batch: int
    batches: int
    history: dict[str, list[float]]
    batch_loss: list[float]
    events: list[Event]
    elapsed_s: float
    eta_s: float | None
    queue_position: int
    stop_requested: bool
    error: str
    run: Run | None
    phase: str = ""
    phase_s: float = 0.0  # seconds since the phase began
    val_batch: int = 0  # validation batches done, while phase == "validating"
    val_batches: int = 0
    watch: tuple[WatchFrame, ...] = field(default=())  # the watched image's frames so far (playground.lab.watch)

    @property
    def progress(self) -> float:
        """Fraction of all batches done, 0 … 1."""
        if not self.batches or not self.epochs:
            return 1.0 if self.state in ("finished", "stopped") else 0.0
        done = (max(self.epoch, 1) - 1) * self.batches + self.batch
        return min(1.0, done / (self.epochs * self.batches))

    @property
    def active(self) -> bool:
        return self.state in ("waiting", "running")


class EpochClock:
    """Time left from the measured batch rate (pure: every method takes the time `now` in seconds).

    The rate is measured from the end of an epoch's first batch (that one also traces the training step or
    shuffles the data) to the end of its latest batch: rate = (t_k − t_1) / (k − 1). It counts once it spans
    ETA_MIN_FRACTION of an epoch (and at least one batch); a later epoch starts from the last epoch's rate. Then

        time left = (batches − k) · rate + validation + (epochs − e) · (batches · rate + validation + start)

    where `validation` is the last measured validation time (before one was measured: val_batches · rate ·
    VALIDATION_COST) and `start` the measured extra time of a later epoch's first batch; minus the seconds since
    the last batch ended (the estimate counts down between batches).
    """

    def __init__(self, epochs: int, batches: int, val_batches: int) -> None:
        self.epochs, self.batches, self.val_batches = epochs, max(1, batches), val_batches
        self.rate: float | None = None
        self.validation_s: float | None = None
        self.start_s = 0.0
        self._epoch = 0
        self._t_begin = self._t_first = self._t_last = self._t_val = 0.0
        self._batch = 0
        self._validating = False

    def epoch_begin(self, epoch: int, now: float) -> None:
        """Epoch `epoch` (1-based) begins."""
        self._epoch, self._batch, self._t_begin, self._t_last = epoch, 0, now, now
        self._validating = False

    def batch_end(self, batch: int, now: float) -> None:
        """Batch `batch` (1-based, within the epoch) ended."""
        self._batch, self._t_last = batch, now
        if batch == 1:
            self._t_first = now
            if self._epoch > 1 and self.rate is not None:
                self.start_s = max(0.0, now - self._t_begin - self.rate)
        elif batch - 1 >= ETA_MIN_FRACTION * self.batches:
            self.rate = (now - self._t_first) / (batch - 1)

    def validation_begin(self, now: float) -> None:
        self._validating, self._t_val = True, now

    def validation_end(self, now: float) -> None:
        self._validating = False
        self.validation_s = now - self._t_val
        self._t_last = now

    def time_left(self, now: float) -> float | None:
        """Seconds until the last epoch ends, or None while the rate is not known yet."""
        if self.rate is None or not self._epoch:
            return None
        validation = (
            self.validation_s if self.validation_s is not None else self.val_batches * self.rate * VALIDATION_COST
        )
        validation = validation if self.val_batches else 0.0
        later = (self.epochs - self._epoch) * (self.batches * self.rate + validation + self.start_s)
        if self._validating:
            return max(0.0, validation - (now - self._t_val)) + later
        this_epoch = (self.batches - self._batch) * self.rate + (validation if self._batch < self.batches else 0)
        return max(0.0, this_epoch + later - (now - self._t_last))


def make_recorder(job: TrainingJob):
    """The Keras callback that feeds `job` (built here, so keras is imported only inside a job)."""
    import keras

    class Recorder(keras.callbacks.Callback):
        """Per batch: the batch's own loss and the stop checks. Per epoch: metrics, learning rate, events.

        Keras logs the *running mean* of the loss over the epoch so far, weighted by batch size; the batch's own
        loss follows from two consecutive means: (n_k · mean_k − n_{k−1} · mean_{k−1}) / (n_k − n_{k−1}).
        """

        def on_epoch_begin(self, epoch, logs=None):
            self._lr = float(keras.ops.convert_to_numpy(self.model.optimizer.learning_rate))
            self._seen = 0
            self._sum = 0.0
            job._epoch_started(epoch + 1)

        def on_train_batch_end(self, batch, logs=None):
            seen = min((batch + 1) * job.config.batch_size, job._n_train)
            total = float(logs["loss"]) * seen
            job._batch_done(batch + 1, (total - self._sum) / max(1, seen - self._seen))
            self._seen, self._sum = seen, total
            if job._should_stop():
                self.model.stop_training = True

        def on_epoch_end(self, epoch, logs=None):
            if logs is None:
                return
            logs["learning_rate"] = self._lr  # the rate used during this epoch (History runs after us)
            new_lr = float(keras.ops.convert_to_numpy(self.model.optimizer.learning_rate))
            job._epoch_done(epoch + 1, dict(logs), self._lr, new_lr)

        # the validation set after each epoch (fit passes its callbacks to evaluate): its own progress
        def on_test_begin(self, logs=None):
            job._validation_started()

        def on_test_batch_end(self, batch, logs=None):
            job._validation_batch_done(batch + 1)

        def on_test_end(self, logs=None):
            job._validation_done()

    return Recorder()
