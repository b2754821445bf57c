"""What a training run is: its settings (`TrainConfig`) and what it produced (`Run`).

Shared by the training lab (`playground.lab`, which makes runs), the evaluation / save-restore / compare
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


STOP_CODES = ("all_epochs", "early_stopping", "user_stop", "session_end")
"""Why a run ended: every planned epoch ran; EarlyStopping; the learner pressed Stop; the browser session ended."""
EVENT_CODES = ("reduce_lr", "checkpoint", "best", *STOP_CODES)
"""Every event a run can record. Values (all plain JSON types) by code:

- "reduce_lr": `old`, `new` — ReduceLROnPlateau changed the learning rate after this epoch;
- "checkpoint": `monitor`, `value` — ModelCheckpoint wrote its file after this epoch;
- "best": `monitor`, `value`, `restored` — the best epoch by the callbacks' monitor (`restored`: EarlyStopping's
  restore_best_weights gave the model this epoch's weights);
- "all_epochs": `epochs`; "early_stopping": `monitor`, `patience`, `waited` (epochs without
  improvement: max(patience, 1)); "user_stop": —; "session_end": —.
"""


@dataclass(frozen=True)
class Event:
    """Something that happened in a run, as a code with values; the UI words it (ui/texts: `train.event.<code>`).

    `epoch` is 1-based, as Keras prints it: the epoch after which it happened (for a stop, the last epoch run).
    """

    code: str
    values: dict[str, Any] = field(default_factory=dict)
    epoch: int = 0

    def __post_init__(self) -> None:
        if self.code not in EVENT_CODES:  # a bug in the core, never a user's input
            raise ValueError(f"Unknown event code {self.code!r}; the codes are {EVENT_CODES}")


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
    events: list[Event] = field(default_factory=list)
    stop_reason: Event | None = None  # why it ended (a code of STOP_CODES); None for restored runs
    duration_s: float = 0.0
    test_metrics: dict[str, float] | None = None  # {"loss": ..., "accuracy": ...} once evaluated
    checkpoint_path: str | None = None
    model_path: str | None = None  # the run store's model file, loaded into `model` when a page needs it
    watch: tuple[Any, ...] = ()  # the watched image's `playground.lab.watch.WatchFrame`s
    watch_path: str | None = None  # the run store's frames file, loaded into `watch` when a page replays them
    watch_saved: int = 0  # how many frames the stored run had (> 0 with no readable file: replay unavailable)

    @property
    def epochs_run(self) -> int:
        return len(self.history.get("loss", []))


def run_record(run: Run) -> dict[str, Any]:
    """A run as plain JSON data for the run store (everything but the model and local file paths)."""
    return {
        "config": run.config.as_dict(),
        "history": run.history,
        "batch_loss": run.batch_loss,
        "events": [asdict(e) for e in run.events],
        "stop_reason": asdict(run.stop_reason) if run.stop_reason is not None else None,
        "duration_s": run.duration_s,
        "test_metrics": run.test_metrics,
        "watch_frames": max(len(run.watch), run.watch_saved),  # the frames themselves go to a file of their own
    }


def _event(data: Any) -> Event | None:
    if not isinstance(data, dict) or data.get("code") not in EVENT_CODES:
        return None
    return Event(data["code"], dict(data.get("values") or {}), int(data.get("epoch") or 0))


def run_from_record(
    run_id: str, status: str, record: dict[str, Any], *, model_path: str | None = None, watch_path: str | None = None
) -> Run:
    """The inverse of `run_record` (a run read back from the store; its model stays on disk until needed).

    Raises:
        ValueError: the record does not describe a run (a damaged or foreign row).
    """
    try:
        cfg = dict(record["config"])
        cfg["specs"] = tuple(dict(s) for s in cfg["specs"])
        cfg["augmentation"] = tuple(dict(s) for s in cfg.get("augmentation") or ())
        config = TrainConfig(**cfg)
    except (KeyError, TypeError, ValueError) as err:
        raise ValueError(f"Run {run_id!r}: its stored settings cannot be read ({err}).") from None
    events = [e for e in map(_event, record.get("events") or []) if e is not None]
    history = {k: [float("nan") if v is None else v for v in vs] for k, vs in (record.get("history") or {}).items()}
    return Run(
        run_id=run_id,
        config=config,
        history=history,
        status=status,  # type: ignore[arg-type]
        batch_loss=[v for v in record.get("batch_loss") or [] if v is not None],
        events=events,
        stop_reason=_event(record.get("stop_reason")),
        duration_s=float(record.get("duration_s") or 0.0),
        test_metrics=record.get("test_metrics"),
        model_path=model_path,
        watch_path=watch_path,
        watch_saved=int(record.get("watch_frames") or 0),
    )
