"""What a training run is: its settings (`TrainConfig`) and what it produced (`Run`).

Shared by the training lab (`playground.training`, which makes runs), the evaluation / save-restore / compare
pages (which read them) and the augmentation and transfer pages. Pure data: no TensorFlow import here.

In the app, a session's finished runs live in `st.session_state["lab_runs"]` (a list of `Run`, oldest first),
and the augmentation layers chosen on the augmentation page for the *next* run in
`st.session_state["lab_augmentation"]` (a tuple of layer specs).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

OptimizerName = Literal["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"]
RunStatus = Literal["finished", "stopped", "early_stopped", "failed", "restored"]

SESSION_RUNS = "lab_runs"
SESSION_AUGMENTATION = "lab_augmentation"


@dataclass(frozen=True)
class TrainConfig:
    """Everything that decides a training run, in Keras's own names.

    `specs` are layer specs in the `playground.architecture` format (plain dicts, Keras-config style), for an
    input of shape (28, 28, 1) uint8; the model rescales by 1/255 itself. `augmentation` specs
    (RandomFlip, RandomRotation, ...) go in front of the model and are active only in training.
    Callback dicts use the Keras callbacks' argument names, e.g.
    `early_stopping={"monitor": "val_loss", "patience": 3, "restore_best_weights": True}`,
    `reduce_lr={"monitor": "val_loss", "factor": 0.5, "patience": 2, "min_lr": 1e-5}`,
    `checkpoint={"monitor": "val_loss", "save_best_only": True}`; None switches a callback off.
    """

    specs: tuple[dict[str, Any], ...]
    optimizer: OptimizerName = "adam"
    learning_rate: float = 1e-3
    optimizer_params: dict[str, Any] = field(default_factory=dict)  # momentum, rho, beta_1, beta_2, epsilon, ...
    batch_size: int = 64
    epochs: int = 5
    seed: int = 42
    train_size: int = 60_000  # training subset size (stratified), before the validation split
    validation_split: float = 0.2  # stratified hold-out from the training subset
    augmentation: tuple[dict[str, Any], ...] = ()
    early_stopping: dict[str, Any] | None = None
    reduce_lr: dict[str, Any] | None = None
    checkpoint: dict[str, Any] | None = None
    preset: str | None = None  # name of the preset it started from, for display only

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class RunEvent:
    """Something a callback did, drawn on the curves: `kind` in {"lr_cut", "best", "checkpoint", "stopped"}."""

    epoch: int  # 1-based epoch number, as Keras prints it
    kind: str
    message: str
    value: float | None = None


@dataclass
class Run:
    """A finished (or stopped) training run of this session.

    `history` is `keras.callbacks.History.history`: per-epoch lists under "loss", "accuracy", "val_loss",
    "val_accuracy" and "learning_rate". `batch_loss` is the per-batch training loss (for the smoothed curve).
    `model` is the trained, compiled `keras.Model` (kept in memory only for this session).
    """

    run_id: str
    config: TrainConfig
    history: dict[str, list[float]]
    status: RunStatus
    model: Any = None
    batch_loss: list[float] = field(default_factory=list)
    events: list[RunEvent] = field(default_factory=list)
    stop_reason: str = ""
    duration_s: float = 0.0
    test_metrics: dict[str, float] | None = None  # {"loss": ..., "accuracy": ...} once evaluated
    checkpoint_path: str | None = None

    @property
    def epochs_run(self) -> int:
        return len(self.history.get("loss", []))
