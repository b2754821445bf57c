"""What a training job reports: the Keras callback that records its progress, and the snapshot the page reads.

Keras calls the callback (`make_recorder`) inside `model.fit`, on the job's thread; it hands every batch's loss and
every epoch's metrics to the job, which keeps them under its lock. The page reads `JobSnapshot`s, copies taken under
that lock, so it never sees half an update.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from playground.lab.options import METRICS
from playground.run import Event, Run

if TYPE_CHECKING:
    from playground.lab.job import TrainingJob

HISTORY_KEYS = (*METRICS, "learning_rate")
JOB_STATES = ("waiting", "running", "finished", "stopped", "failed")


@dataclass(frozen=True)
class JobSnapshot:
    """What the page draws: a consistent copy of a job's progress, taken under its lock.

    `state` in JOB_STATES. `epoch` is 1-based (0 while the data and model are being prepared), `batch` the
    number of batches done in that epoch. `history` has the per-epoch lists of HISTORY_KEYS so far,
    `batch_loss` the loss of every training batch so far, `events` the callbacks' events so far. `queue_position`
    is the number of jobs ahead while waiting. `run` is the finished `Run` once the job has ended.
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

    return Recorder()
