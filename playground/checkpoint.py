"""ModelCheckpoint's file: its name pattern, the extension Keras 3 requires, and loading the lab's best file back.

`keras.callbacks.ModelCheckpoint(filepath, monitor="val_loss", save_best_only=False, save_weights_only=False)`
writes after each epoch (with `save_best_only=True`: only when `monitor` improved) to `filepath` formatted with the
epoch (counted from 1) and that epoch's logs: ``"weights.{epoch:02d}-{val_loss:.2f}.weights.h5"`` →
``weights.03-0.41.weights.h5``. A fixed name such as ``"best_model.keras"`` is overwritten each time, so with
`save_best_only=True` it ends holding the best epoch's model.

- `save_weights_only=False`: the whole model (`model.save`), so the name must end in `.keras` (`.h5` is the legacy
  format);
- `save_weights_only=True`: only the weights (`model.save_weights`), so the name must end in `.weights.h5`.
  Keras 3 refuses anything else with a ValueError — the older `.weights.hdf5` / `.hdf5` names of Keras 2 tutorials
  included.
"""

from __future__ import annotations

import os
from typing import Any

from playground._checks import check_bool, invalid
from playground.run import Run

__all__ = ["KERAS3_EXTENSIONS", "check_filepath", "checkpoint_name", "load_checkpoint"]

KERAS3_EXTENSIONS = {False: (".keras", ".h5"), True: (".weights.h5",)}
"""save_weights_only → the endings `keras.callbacks.ModelCheckpoint` accepts for `filepath` (Keras 3)."""


def check_filepath(filepath: str, *, save_weights_only: bool = False) -> str:
    """`filepath` if Keras 3's ModelCheckpoint accepts it for this `save_weights_only`, else the ValueError it raises.

    Raises:
        ValueError: with `save_weights_only=True` a name not ending in `.weights.h5` (e.g. `.weights.hdf5`);
            otherwise a name ending in neither `.keras` nor `.h5`.
    """
    save_weights_only = check_bool("save_weights_only", save_weights_only)
    allowed = KERAS3_EXTENSIONS[save_weights_only]
    if not isinstance(filepath, str) or not filepath.endswith(allowed):
        endings = [f"`{e}`" for e in allowed]
        if len(endings) == 1:
            raise invalid(
                "filepath",
                "a name ending in {ending} when save_weights_only={save_weights_only}",
                filepath,
                ending=endings[0],
                save_weights_only=save_weights_only,
            )
        raise invalid(
            "filepath",
            "a name ending in {first} or {second} when save_weights_only={save_weights_only}",
            filepath,
            first=", ".join(endings[:-1]),
            second=endings[-1],
            save_weights_only=save_weights_only,
        )
    return filepath


def checkpoint_name(filepath: str, epoch: int, logs: dict[str, Any]) -> str:
    """The file ModelCheckpoint writes after epoch `epoch` (0-based, as callbacks receive it): `filepath` formatted
    with ``epoch=epoch + 1`` and the epoch's logs, e.g. ``{val_loss:.2f}``.

    Raises:
        ValueError: the pattern names a value the logs do not have.
    """
    try:
        return filepath.format(epoch=epoch + 1, **logs)
    except KeyError as err:
        raise invalid("filepath", "placeholders among epoch, {names}", filepath, names=", ".join(logs)) from err


def load_checkpoint(run: Run, *, run_id: str) -> Run:
    """The model ModelCheckpoint kept for `run` (the lab writes the whole model, `.keras`, `save_best_only=True`:
    the best epoch's), loaded with `keras.saving.load_model` into a new Run of the same settings, status "restored".

    Raises:
        ValueError: the run has no checkpoint file (ModelCheckpoint was off, or never saved, or the file is gone).
    """
    path = run.checkpoint_path
    if not path or not os.path.exists(path):
        raise invalid("run", "a run whose ModelCheckpoint wrote a file", run.run_id)
    import keras

    model = keras.saving.load_model(path, compile=True, safe_mode=True)
    return Run(run_id=run_id, config=run.config, history={}, status="restored", model=model)
