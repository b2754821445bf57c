"""Comparing runs truthfully: a value, or why there is none; a preset's name only while its settings are unchanged.

The compare page shows each run's results and settings side by side. A missing value is a `Cell` with a reason
code (the UI words it, `compare.why.<code>`), never a bare None:

- "not_trained_here": a restored run (an uploaded `.keras` model or restored weights) was not trained in the app,
  so its training settings, epochs, curves and training time are unknown — shown as unknown, never as
  differences;
- "not_evaluated": no test-set evaluation yet (the Evaluate page fills it in);
- "no_validation": trained without a validation set (validation_split = 0);
- "no_epoch": stopped before its first epoch ended;
- "off": a callback, dropout or augmentation that is switched off (a known value);
- "custom": the settings were changed after choosing the preset (`values["preset"]` names it).

No TensorFlow import here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any

from playground.architecture import normalize_spec
from playground.export import SETTINGS, config_summary
from playground.lab.options import OPTIMIZERS, PRESETS
from playground.run import Run, TrainConfig

#: Settings that come from the model itself: known for every run, uploaded or not.
ARCHITECTURE = ("layers", "conv_layers", "dropout", "batch_norm")
#: Settings only a training in the app records: unknown for restored runs.
TRAINING = tuple(name for name in SETTINGS if name not in ARCHITECTURE)
RESULTS = ("epochs", "val_accuracy", "best_val_accuracy", "test_accuracy", "duration_s")
WHY = ("not_trained_here", "not_evaluated", "no_validation", "no_epoch", "off", "custom")


@dataclass(frozen=True)
class Cell:
    """One table cell: `value` (a number or text), or None with `why` (a code of WHY) and its `values`."""

    value: Any = None
    why: str = ""
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def known(self) -> bool:
        """False only for what nobody recorded (a restored run's training settings and results)."""
        return self.why != "not_trained_here"


def _comparable(config: TrainConfig) -> TrainConfig:
    """The settings as they act: normalized layer specs, the optimizer's full hyper-parameters, no preset name."""
    params = {**OPTIMIZERS[config.optimizer].hyper, **config.optimizer_params} if config.optimizer in OPTIMIZERS else {}
    return replace(
        config,
        specs=tuple(normalize_spec(dict(s)) for s in config.specs),
        augmentation=tuple(normalize_spec(dict(s)) for s in config.augmentation),
        optimizer_params={k: float(v) for k, v in params.items()},
        learning_rate=float(config.learning_rate),
        validation_split=float(config.validation_split),
        preset=None,
    )


def preset_of(config: TrainConfig) -> str | None:
    """The name of the preset `config` started from while every setting still equals that preset's, else None."""
    preset = PRESETS.get(config.preset or "")
    if preset is None:
        return None
    try:
        return config.preset if _comparable(config) == _comparable(preset) else None
    except (KeyError, TypeError, ValueError):  # a spec this version cannot normalize: not the preset
        return None


def trained_here(run: Run) -> bool:
    """Was the run trained in the app (so its training settings are known)? Restored runs were not."""
    return run.status != "restored"


def settings(run: Run) -> dict[str, Cell]:
    """A run's settings as cells, keyed by `playground.export.SETTINGS`."""
    summary = config_summary(run.config)
    cells: dict[str, Cell] = {}
    for name in SETTINGS:
        if name in TRAINING and not trained_here(run):
            cells[name] = Cell(why="not_trained_here")
        elif name == "preset":
            name_now = preset_of(run.config)
            cells[name] = Cell(name_now) if name_now else Cell(why="custom", values={"preset": run.config.preset or ""})
        elif summary[name] is None:
            cells[name] = Cell(why="off")
        else:
            cells[name] = Cell(summary[name])
    return cells


def differing(table: list[dict[str, Cell]]) -> list[str]:
    """The settings (in SETTINGS order) with more than one known value among the runs; unknowns never count."""
    names = []
    for name in SETTINGS:
        seen = {(c.value, c.why, tuple(sorted(c.values.items()))) for row in table if (c := row[name]).known}
        if len(seen) > 1:
            names.append(name)
    return names


def _finite(values: list[float]) -> list[float]:
    return [v for v in values if v is not None and math.isfinite(v)]


def results(run: Run) -> dict[str, Cell]:
    """A run's results as cells, keyed by RESULTS (accuracies 0…1, duration in seconds)."""
    test = (run.test_metrics or {}).get("accuracy")
    cells = {"test_accuracy": Cell(float(test)) if test is not None else Cell(why="not_evaluated")}
    if not trained_here(run):
        return {**dict.fromkeys(("epochs", "val_accuracy", "best_val_accuracy", "duration_s"),
                                Cell(why="not_trained_here")), **cells}  # fmt: skip
    val = _finite(run.history.get("val_accuracy") or [])
    if val:
        val_cells = {"val_accuracy": Cell(val[-1]), "best_val_accuracy": Cell(max(val))}
    else:
        why = "no_validation" if run.config.validation_split == 0 else "no_epoch"
        val_cells = dict.fromkeys(("val_accuracy", "best_val_accuracy"), Cell(why=why))
    return {"epochs": Cell(run.epochs_run), **val_cells, **cells, "duration_s": Cell(run.duration_s)}
