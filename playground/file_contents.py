"""What a saved model file really holds: the tree of a `.weights.h5` file and of a `.keras` zip, read from the bytes.

A `.weights.h5` written by Keras 3's `model.save_weights` is an HDF5 file with

* ``layers/<layer>/vars/<i>`` — each layer's variables (kernel, bias, BatchNormalization's moving statistics, …),
  the layers named by class in order (``conv2d``, ``conv2d_1``, ``max_pooling2d``, …);
* ``optimizer/vars/<i>`` — the optimizer's own variables once it has taken a step: its step counter
  (``iteration``), its learning rate and its per-weight state (Adam: a momentum and a velocity per weight);
* ``vars`` — the model's own variables (none for a Sequential).

A `.keras` file (`model.save`) is a zip of ``metadata.json`` (Keras version, date), ``config.json`` (the
architecture and the compile settings, as JSON) and ``model.weights.h5`` (the same tree as above).

Only h5py, zipfile and json read the files here; Keras is needed only to name the variables of a model at hand.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass, replace
from typing import Any

from playground.architecture import snake_name
from playground.messages import Problem

__all__ = ["Entry", "hdf5_tree", "keras_archive", "name_variables", "section_values", "variable_names"]


@dataclass(frozen=True)
class Entry:
    """One node of a file's tree.

    `kind` is "group" or "dataset" (HDF5) or "file" (a zip entry); `shape` and `dtype` for a dataset; `size` the
    number of values of a dataset (1 for a scalar) or the bytes of a zip entry (0 for a group); `name` the Keras
    variable a dataset holds (``sequential/conv2d/kernel``, ``adam/conv2d_kernel_momentum``) once named by
    :func:`name_variables`, else "".
    """

    path: str
    kind: str
    shape: tuple[int, ...] | None = None
    dtype: str | None = None
    size: int = 0
    name: str = ""

    @property
    def depth(self) -> int:
        return self.path.count("/")


def hdf5_tree(data: bytes) -> list[Entry]:
    """Every group and dataset of an HDF5 file (a `.weights.h5`), in h5py's (alphabetical) visiting order.

    Raises:
        ValueError: the bytes are not a readable HDF5 file.
    """
    import h5py
    import numpy as np

    entries: list[Entry] = []

    def visit(path: str, obj: Any) -> None:
        if isinstance(obj, h5py.Dataset):
            shape = tuple(int(v) for v in obj.shape)
            entries.append(Entry(path, "dataset", shape, str(obj.dtype), int(np.prod(shape, dtype=np.int64))))
        else:
            entries.append(Entry(path, "group"))

    try:
        with h5py.File(io.BytesIO(bytes(data)), "r") as f:
            f.visititems(visit)
    except (OSError, ValueError, KeyError) as err:
        raise Problem("This is not a readable HDF5 file ({reason}).", reason=str(err)) from None
    return entries


def keras_archive(data: bytes) -> dict[str, Any]:
    """The parts of a `.keras` zip: its entries, metadata.json, the config's outline and the weights' tree.

    Returns:
        ``{"entries": [Entry(kind="file")], "metadata": {...}, "model_class": "Sequential",
        "layers": ["Rescaling", "Conv2D", ...], "compile_config": {...} or None, "weights": [Entry, ...]}``
        — ``layers`` are the class names in config.json (the InputLayer included when the config lists it).
    Raises:
        ValueError: not a zip, or a `.keras` without config.json.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(bytes(data)))
    except (zipfile.BadZipFile, OSError) as err:
        raise Problem("This is not a `.keras` file: not a zip archive ({reason}).", reason=str(err)) from None
    with archive:
        names = archive.namelist()
        if "config.json" not in names:
            raise Problem("This `.keras` file has no config.json.")
        entries = [Entry(i.filename, "file", size=i.file_size) for i in archive.infolist()]
        config = json.loads(archive.read("config.json"))
        metadata = json.loads(archive.read("metadata.json")) if "metadata.json" in names else {}
        weights = hdf5_tree(archive.read("model.weights.h5")) if "model.weights.h5" in names else []
    layers = config.get("config", {}).get("layers", [])
    return {
        "entries": entries,
        "metadata": metadata,
        "model_class": config.get("class_name", ""),
        "layers": [layer.get("class_name", "") for layer in layers if isinstance(layer, dict)],
        "compile_config": config.get("compile_config"),
        "weights": weights,
    }


def variable_names(model: Any) -> dict[str, str]:
    """Dataset path in the model's weights file → the Keras variable saved there (its `.path`).

    Follows Keras 3's saving: ``layers/<snake_case class name, numbered>/vars/<i>`` is the i-th of the layer's
    `weights`, ``optimizer/vars/<i>`` the i-th of `model.optimizer.variables` (when it is compiled).
    """
    names: dict[str, str] = {}
    counts: dict[str, int] = {}
    for layer in model.layers:
        base = snake_name(type(layer).__name__)
        key = base if base not in counts else f"{base}_{counts[base]}"
        counts[base] = counts.get(base, 0) + 1
        for i, variable in enumerate(layer.weights):
            names[f"layers/{key}/vars/{i}"] = variable.path
    optimizer = getattr(model, "optimizer", None)
    for i, variable in enumerate(getattr(optimizer, "variables", None) or []):
        names[f"optimizer/vars/{i}"] = variable.path
    return names


def name_variables(tree: list[Entry], model: Any) -> list[Entry]:
    """The tree with each dataset's Keras variable named (from the model the file was written from)."""
    names = variable_names(model)
    return [replace(e, name=names.get(e.path, "")) if e.kind == "dataset" else e for e in tree]


def section_values(tree: list[Entry]) -> dict[str, int]:
    """How many numbers each top-level group holds: ``{"layers": 100_362, "optimizer": 200_726, "vars": 0}``."""
    totals: dict[str, int] = {}
    for e in tree:
        top = e.path.split("/", 1)[0]
        totals[top] = totals.get(top, 0) + (e.size if e.kind == "dataset" else 0)
    return totals
