"""What a run's callbacks did, as `playground.run.Event` codes with values (the UI words them; the core never does).

Pure Python apart from one `os.stat`: the job calls `epoch_events` after every epoch and `final_events` once at the
end; tests can call them with made-up histories.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.run import Event, RunStatus, TrainConfig


@dataclass
class CheckpointWatch:
    """ModelCheckpoint's file: `changed()` is True once after each epoch that (re)wrote it."""

    path: str | None
    mtime: int = 0

    @property
    def saved(self) -> bool:
        return bool(self.mtime)

    def changed(self) -> bool:
        if not self.path or not os.path.exists(self.path):
            return False
        mtime = os.stat(self.path).st_mtime_ns
        if mtime == self.mtime:
            return False
        self.mtime = mtime
        return True


def epoch_events(
    config: TrainConfig, epoch: int, logs: dict[str, Any], lr: float, new_lr: float, checkpoint: CheckpointWatch
) -> list[Event]:
    """After epoch `epoch`: "reduce_lr" when the learning rate went down, "checkpoint" when the file was written."""
    found = []
    if new_lr < lr * (1 - 1e-6):
        found.append(Event("reduce_lr", {"old": lr, "new": new_lr}, epoch))
    if checkpoint.changed() and config.checkpoint is not None:
        monitor = config.checkpoint.get("monitor", "val_loss")
        value = logs.get(monitor)
        found.append(Event("checkpoint", {"monitor": monitor, "value": None if value is None else float(value)}, epoch))
    return found


def best_monitor(config: TrainConfig) -> tuple[str, str]:
    """The metric the callbacks watch (EarlyStopping's, else ModelCheckpoint's, else ReduceLROnPlateau's; without
    callbacks val_loss, or loss without a validation set) and whether "max" or "min" is best."""
    for params in (config.early_stopping, config.checkpoint, config.reduce_lr):
        if params:
            monitor = params.get("monitor", "val_loss")
            return monitor, "max" if "accuracy" in monitor else "min"
    return ("val_loss" if config.validation_split > 0 else "loss"), "min"


def final_events(
    config: TrainConfig, history: dict[str, list[float]], stop_code: str
) -> tuple[RunStatus, Event, list[Event]]:
    """The run's status, why it ended, and the events to add at the end: "best", and the stop unless every epoch ran.

    Args:
        history: the per-epoch metrics of the run.
        stop_code: "user_stop", "session_end" or "early_stopping" when training ended early, else "".
    """
    epochs_run = len(history.get("loss", []))
    found = []
    monitor, mode = best_monitor(config)
    values = history.get(monitor, [])
    if values:
        best = int(np.argmax(values) if mode == "max" else np.argmin(values))
        restored = bool(config.early_stopping and config.early_stopping.get("restore_best_weights"))
        found.append(Event("best", {"monitor": monitor, "value": float(values[best]), "restored": restored}, best + 1))
    last = max(epochs_run, 1)
    status: RunStatus
    if stop_code == "early_stopping":
        params = config.early_stopping or {}
        patience = params.get("patience", 0)  # Keras stops after max(patience, 1) epochs without improvement
        waited = {"monitor": params.get("monitor", "val_loss"), "patience": patience, "waited": max(patience, 1)}
        stop, status = Event("early_stopping", waited, last), "early_stopped"
    elif stop_code:
        stop, status = Event(stop_code, {}, last), "stopped"
    else:
        return "finished", Event("all_epochs", {"epochs": epochs_run}, last), found
    return status, stop, [*found, stop]
