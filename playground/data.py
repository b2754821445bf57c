"""Fashion-MNIST, the real thing: 60 000 training and 10 000 test images of 28×28 grey pixels, 10 classes.

`load_fashion_mnist()` returns exactly what `keras.datasets.fashion_mnist.load_data()` returns — uint8 images
of shape (n, 28, 28) with 0 = black … 255 = white, and uint8 labels 0…9 — found, in this order, in

1. the folder named by the environment variable `FASHION_MNIST_DIR`,
2. `/usr/share/datasets/fashion-mnist` (the Debian package `dataset-fashion-mnist`),
3. Keras's own loader (its `~/.keras/datasets` cache, or a download when online).

The files are IDX files (the MNIST format: a magic number, the dimensions, then the raw bytes), gzipped or not.
Arrays are loaded once per process and are read-only: every page shares them, and scaling to floats happens
inside the model (`Rescaling(1/255)`), never as a second cached copy.
"""

from __future__ import annotations

import functools
import gzip
import os
from collections.abc import Mapping
from pathlib import Path

import numpy as np

from playground._checks import check_int, check_number, invalid
from playground.code_comments import comments_with

CLASS_NAMES: tuple[str, ...] = (
    "T-shirt/top",
    "Trouser",
    "Pullover",
    "Dress",
    "Coat",
    "Sandal",
    "Shirt",
    "Sneaker",
    "Bag",
    "Ankle boot",
)
NUM_CLASSES = len(CLASS_NAMES)
IMAGE_SHAPE = (28, 28)

ENV_VAR = "FASHION_MNIST_DIR"
DEBIAN_DIR = Path("/usr/share/datasets/fashion-mnist")
DEBIAN_PACKAGE = "dataset-fashion-mnist"
FILES = {  # the names Zalando publishes (and Debian ships), without the optional ".gz"
    "x_train": "train-images-idx3-ubyte",
    "y_train": "train-labels-idx1-ubyte",
    "x_test": "t10k-images-idx3-ubyte",
    "y_test": "t10k-labels-idx1-ubyte",
}
#: The English comments of `load_code` (keys for its `comments=`).
LOAD_COMMENTS = {"shape": "(60000, 28, 28) uint8, pixel values 0 … 255"}


def load_code(comments: Mapping[str, str] | None = None) -> str:
    """The Keras lines that load Fashion-MNIST, with `comments` (a mapping over `LOAD_COMMENTS`' keys) or English."""
    c = comments_with(LOAD_COMMENTS, comments)
    return (
        "import keras\n\n"
        "(x_train, y_train), (x_test, y_test) = keras.datasets.fashion_mnist.load_data()\n"
        f"print(x_train.shape, x_train.dtype)  # {c['shape']}\n"
    )


_IDX_UBYTE = 0x08  # IDX type code of unsigned bytes, the only one Fashion-MNIST uses


class DataUnavailableError(RuntimeError):
    """Fashion-MNIST is nowhere to be found (no folder, no Debian package, Keras could not download it)."""


def missing_data_message(reason: str = "") -> str:
    """The one explanation shown when the data set is missing: the three ways to get it."""
    text = (
        "Fashion-MNIST was not found. Any one of these three ways makes it available:\n"
        f"1. set the environment variable `{ENV_VAR}` to a folder holding the four files "
        f"{', '.join(f'`{n}.gz`' for n in FILES.values())} (gzipped or not);\n"
        f"2. install the Debian/Ubuntu package `{DEBIAN_PACKAGE}` (files in `{DEBIAN_DIR}`);\n"
        "3. let Keras download it once (needs internet): "
        '`python -c "import keras; keras.datasets.fashion_mnist.load_data()"`.'
    )
    return f"{text}\n(Keras's loader said: {reason})" if reason else text


def read_idx(path: str | os.PathLike, *, ndim: int | None = None) -> np.ndarray:
    """Read one IDX file of unsigned bytes (gzipped or plain) into a uint8 array.

    Layout: bytes 0–1 are zero, byte 2 is the type code (0x08 = uint8), byte 3 the number of dimensions d,
    then d big-endian uint32 sizes, then prod(sizes) data bytes.

    Args:
        path: the file; gzip is recognised by its magic bytes, not by the name.
        ndim: the number of dimensions expected (3 for images, 1 for labels), or None for any.
    Returns:
        uint8 array of shape `sizes`.
    Raises:
        ValueError: naming the file, when the header or the size is not a valid IDX uint8 file.
    """
    path = Path(path)
    raw = path.read_bytes()
    if raw[:2] == b"\x1f\x8b":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as err:
            raise ValueError(f"Invalid IDX file {path}: the gzip data is corrupt ({err}).") from err
    if len(raw) < 4 or raw[0] != 0 or raw[1] != 0:
        raise ValueError(f"Invalid IDX file {path}: bad magic number (expected two zero bytes first).")
    if raw[2] != _IDX_UBYTE:
        raise ValueError(f"Invalid IDX file {path}: type code {raw[2]:#04x}, expected 0x08 (unsigned byte).")
    dims = raw[3]
    if dims == 0 or (ndim is not None and dims != ndim):
        raise ValueError(f"Invalid IDX file {path}: {dims} dimensions, expected {ndim if ndim else 'at least 1'}.")
    header = 4 + 4 * dims
    if len(raw) < header:
        raise ValueError(f"Invalid IDX file {path}: truncated header.")
    shape = tuple(int(s) for s in np.frombuffer(raw, dtype=">u4", count=dims, offset=4))
    expected = int(np.prod(shape, dtype=np.int64))
    if len(raw) - header != expected:
        raise ValueError(
            f"Invalid IDX file {path}: the header promises {expected} bytes of data for shape {shape}, "
            f"the file holds {len(raw) - header}."
        )
    return np.frombuffer(raw, dtype=np.uint8, offset=header).reshape(shape)


def _find(directory: Path, name: str) -> Path | None:
    for candidate in (directory / f"{name}.gz", directory / name):
        if candidate.is_file():
            return candidate
    return None


def has_files(directory: str | os.PathLike | None) -> bool:
    """True when `directory` holds all four Fashion-MNIST files (gzipped or plain)."""
    if not directory:
        return False
    directory = Path(directory)
    return directory.is_dir() and all(_find(directory, name) for name in FILES.values())


def load_from_dir(directory: str | os.PathLike) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """Read the four IDX files from `directory` and check they fit together.

    Returns:
        ((x_train, y_train), (x_test, y_test)): images uint8 (n, 28, 28), labels uint8 (n,) in 0…9.
    Raises:
        FileNotFoundError: a file is missing. ValueError: a file is corrupt or the files don't match.
    """
    directory = Path(directory)
    arrays = {}
    for key, name in FILES.items():
        path = _find(directory, name)
        if path is None:
            raise FileNotFoundError(f"{directory} has no {name}.gz (nor {name}).")
        arrays[key] = read_idx(path, ndim=3 if key.startswith("x") else 1)
        if key.startswith("x") and arrays[key].shape[1:] != IMAGE_SHAPE:
            raise ValueError(f"Invalid IDX file {path}: images are {arrays[key].shape[1:]}, expected {IMAGE_SHAPE}.")
        if key.startswith("y") and arrays[key].size and arrays[key].max() >= NUM_CLASSES:
            raise ValueError(f"Invalid IDX file {path}: labels must be 0 … {NUM_CLASSES - 1}.")
    for part in ("train", "test"):
        x, y = arrays[f"x_{part}"], arrays[f"y_{part}"]
        if len(x) != len(y):
            raise ValueError(f"The {part} files of {directory} disagree: {len(x)} images but {len(y)} labels.")
    return (arrays["x_train"], arrays["y_train"]), (arrays["x_test"], arrays["y_test"])


def _keras_load():
    import keras  # lazy: the data page must not pay for TensorFlow when the files are on disk

    return keras.datasets.fashion_mnist.load_data()


def data_source() -> str:
    """Where `load_fashion_mnist()` reads from (or would): a folder, or "keras"."""
    for directory in (os.environ.get(ENV_VAR), DEBIAN_DIR):
        if has_files(directory):
            return str(directory)
    return "keras"


@functools.cache
def load_fashion_mnist() -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """Fashion-MNIST exactly like `keras.datasets.fashion_mnist.load_data()`, loaded once per process.

    Returns:
        ((x_train, y_train), (x_test, y_test)): x uint8 of shape (60000, 28, 28) / (10000, 28, 28),
        y uint8 of shape (60000,) / (10000,); all four arrays read-only.
    Raises:
        DataUnavailableError: none of the three sources has it (the message names all three).
        ValueError: a file in a data folder is corrupt (the message names the file).
    """
    source = data_source()
    if source == "keras":
        try:
            (x_train, y_train), (x_test, y_test) = _keras_load()
        except Exception as err:  # offline, no cache, no keras: one clear message instead
            raise DataUnavailableError(missing_data_message(f"{type(err).__name__}: {err}")) from err
    else:
        (x_train, y_train), (x_test, y_test) = load_from_dir(source)
    arrays = [np.ascontiguousarray(a, dtype=np.uint8) for a in (x_train, y_train, x_test, y_test)]
    for a in arrays:
        a.setflags(write=False)
    return (arrays[0], arrays[1]), (arrays[2], arrays[3])


def _stratified_take(y: np.ndarray, n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Split indices of `y` into (taken, rest) with `n` taken, each class in proportion to its count.

    Per class c with count n_c the share is n·n_c/N; the floors are topped up by the largest remainders
    (Hamilton's method), so the total is exactly `n`. Inside a class the choice is a random permutation.
    """
    classes, inverse, counts = np.unique(y, return_inverse=True, return_counts=True)
    share = counts * (n / len(y))
    take = np.floor(share).astype(np.int64)
    short = n - int(take.sum())
    if short:
        take[np.argsort(-(share - take), kind="stable")[:short]] += 1
    order = rng.permutation(len(y))
    order = order[np.argsort(inverse[order], kind="stable")]  # grouped by class, random inside each class
    starts = np.cumsum(counts) - counts
    rank = np.arange(len(y)) - np.repeat(starts, counts)  # position of each index inside its class group
    taken = rank < np.repeat(take, counts)
    return np.sort(order[taken]), np.sort(order[~taken])


def train_validation_split(
    y: np.ndarray, *, train_size: int | None = None, validation_split: float = 0.2, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Stratified subset and train/validation split of the training labels, reproducible with `seed`.

    Like the course notes' `train_test_split(..., stratify=y, test_size=validation_split)`: first a stratified
    subset of `train_size` images (all of them when None), then `validation_split` of that subset held out,
    every class in the same proportion in both parts.

    Args:
        y: labels of shape (n,).
        train_size: images used in all (training + validation), 1 ≤ train_size ≤ n.
        validation_split: fraction held out for validation, 0 ≤ validation_split < 1.
        seed: seed of the random choice.
    Returns:
        (train_idx, val_idx): sorted int64 index arrays into `y`, disjoint,
        len(val_idx) = round(train_size · validation_split).
    Raises:
        ValueError: naming the argument, when a size is out of range or a part would be empty.
    """
    y = np.asarray(y)
    if y.ndim != 1 or len(y) == 0:
        raise invalid("y", "a 1-D array of labels", y, show=f"shape={y.shape}")
    n = len(y) if train_size is None else check_int("train_size", train_size, low=1, high=len(y))
    validation_split = check_number("validation_split", validation_split, low=0, high=1, high_open=True)
    n_val = round(n * validation_split)
    if validation_split > 0 and not 1 <= n_val < n:
        raise invalid(
            "validation_split",
            "a split leaving at least 1 validation and 1 training image; with train_size={train_size} it leaves "
            "{validation} validation and {training} training images",
            validation_split,
            train_size=n,
            validation=n_val,
            training=n - n_val,
        )
    rng = np.random.default_rng(seed)
    subset = np.arange(len(y)) if n == len(y) else _stratified_take(y, n, rng)[0]
    if n_val == 0:
        return subset, np.empty(0, dtype=np.int64)
    val_local, train_local = _stratified_take(y[subset], n_val, rng)
    return subset[train_local], subset[val_local]


def class_counts(y: np.ndarray) -> np.ndarray:
    """Number of images per class, shape (NUM_CLASSES,): `np.bincount(y, minlength=10)`."""
    return np.bincount(np.asarray(y), minlength=NUM_CLASSES)


def samples_per_class(y: np.ndarray, per_class: int, *, seed: int = 0) -> np.ndarray:
    """Indices of `per_class` random images of each class, shape (NUM_CLASSES, per_class), row c = class c."""
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(NUM_CLASSES):  # ten classes, not pixels: a plain loop reads best
        rows.append(sample_class(y, c, per_class, rng))
    return np.stack(rows)


def sample_class(y: np.ndarray, label: int, per_class: int, rng: np.random.Generator) -> np.ndarray:
    """`per_class` indices of images of class `label`, drawn from `rng` without replacement, sorted: shape
    (per_class,). Raises ValueError when the class has fewer images."""
    members = np.flatnonzero(y == label)
    if len(members) < per_class:
        raise invalid(
            "per_class",
            "at most {count}, the number of images of class {label}",
            per_class,
            count=len(members),
            label=label,
        )
    return np.sort(rng.choice(members, size=per_class, replace=False))
