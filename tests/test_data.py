"""playground.data: the IDX reader, every lookup path, the missing-data error, the stratified split."""

from __future__ import annotations

import gzip
import struct

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from playground import data

REAL = data.DEBIAN_DIR


def idx_bytes(array: np.ndarray) -> bytes:
    """The IDX encoding of a uint8 array, written from the format's definition (not from our reader)."""
    header = bytes([0, 0, 0x08, array.ndim]) + struct.pack(f">{array.ndim}I", *array.shape)
    return header + np.ascontiguousarray(array, dtype=np.uint8).tobytes()


def tiny_set(seed: int = 0, n_train: int = 30, n_test: int = 20):
    rng = np.random.default_rng(seed)
    x_train = rng.integers(0, 256, (n_train, 28, 28), dtype=np.uint8)
    x_test = rng.integers(0, 256, (n_test, 28, 28), dtype=np.uint8)
    y_train = (np.arange(n_train) % 10).astype(np.uint8)
    y_test = (np.arange(n_test) % 10).astype(np.uint8)
    return (x_train, y_train), (x_test, y_test)


def write_set(folder, arrays, *, gz: bool = True):
    (x_train, y_train), (x_test, y_test) = arrays
    folder.mkdir(parents=True, exist_ok=True)
    for key, array in {"x_train": x_train, "y_train": y_train, "x_test": x_test, "y_test": y_test}.items():
        raw = idx_bytes(array)
        name = data.FILES[key]
        if gz:
            (folder / f"{name}.gz").write_bytes(gzip.compress(raw))
        else:
            (folder / name).write_bytes(raw)
    return folder


def assert_same(got, expected):
    for g, e in zip((*got[0], *got[1]), (*expected[0], *expected[1]), strict=True):
        assert g.dtype == np.uint8 and g.shape == e.shape
        np.testing.assert_array_equal(g, e)


@pytest.fixture
def fresh(monkeypatch):
    """No cache, no env dir, no Debian dir: each lookup path is switched on by the test itself."""
    data.load_fashion_mnist.cache_clear()
    monkeypatch.delenv(data.ENV_VAR, raising=False)
    monkeypatch.setattr(data, "DEBIAN_DIR", data.Path("/nonexistent/fashion-mnist"))
    yield
    data.load_fashion_mnist.cache_clear()


# --------------------------------------------------------------------------------------------------- IDX files


@pytest.mark.parametrize("gz", [True, False])
@pytest.mark.parametrize("shape", [(5,), (3, 28, 28), (2, 3, 4, 5)])
def test_read_idx_round_trip(tmp_path, gz, shape):
    """An IDX file (gzipped or plain) reads back as the array it encodes."""
    array = np.random.default_rng(1).integers(0, 256, shape, dtype=np.uint8)
    raw = idx_bytes(array)
    path = tmp_path / "f.idx"
    path.write_bytes(gzip.compress(raw) if gz else raw)
    np.testing.assert_array_equal(data.read_idx(path), array)


@pytest.mark.parametrize(
    "mutate, words",
    [
        (lambda raw: b"\x01" + raw[1:], "magic"),
        (lambda raw: raw[:2] + b"\x0d" + raw[3:], "type code"),
        (lambda raw: raw[:-1], "holds"),
        (lambda raw: raw + b"\x00", "holds"),
        (lambda raw: raw[:3] + b"\x02" + raw[4:], "dimensions"),
        (lambda raw: raw[:6], "truncated"),
    ],
)
def test_corrupt_idx_names_the_file(tmp_path, mutate, words):
    """A corrupt header or size raises ValueError that names the file and the problem."""
    raw = idx_bytes(np.zeros((4, 28, 28), np.uint8))
    path = tmp_path / "train-images-idx3-ubyte"
    path.write_bytes(mutate(raw))
    with pytest.raises(ValueError, match=words) as info:
        data.read_idx(path, ndim=3)
    assert str(path) in str(info.value)


def test_corrupt_gzip_names_the_file(tmp_path):
    """A broken gzip stream is a ValueError naming the file, not a zlib traceback."""
    path = tmp_path / "t10k-labels-idx1-ubyte.gz"
    path.write_bytes(gzip.compress(idx_bytes(np.zeros(10, np.uint8)))[:-12])
    with pytest.raises(ValueError, match="gzip") as info:
        data.read_idx(path)
    assert str(path) in str(info.value)


def test_mismatched_counts_are_refused(tmp_path):
    """Train images and labels of different lengths are refused, naming the folder."""
    (x, y), test = tiny_set()
    folder = write_set(tmp_path / "d", ((x, y[:-1]), test))
    with pytest.raises(ValueError, match="disagree"):
        data.load_from_dir(folder)


def test_labels_out_of_range_are_refused(tmp_path):
    """A label ≥ 10 is refused."""
    (x, y), test = tiny_set()
    y = y.copy()
    y[0] = 10
    with pytest.raises(ValueError, match="labels"):
        data.load_from_dir(write_set(tmp_path / "d", ((x, y), test)))


# ------------------------------------------------------------------------------------------------- lookup paths


@pytest.mark.parametrize("gz", [True, False])
def test_env_dir_is_used_first(tmp_path, monkeypatch, fresh, gz):
    """$FASHION_MNIST_DIR wins over the Debian folder; arrays are uint8 and read-only."""
    env_set, debian_set = tiny_set(1), tiny_set(2)
    monkeypatch.setenv(data.ENV_VAR, str(write_set(tmp_path / "env", env_set, gz=gz)))
    monkeypatch.setattr(data, "DEBIAN_DIR", write_set(tmp_path / "debian", debian_set))
    got = data.load_fashion_mnist()
    assert_same(got, env_set)
    assert all(not a.flags.writeable for a in (*got[0], *got[1]))
    assert data.data_source() == str(tmp_path / "env")


@pytest.mark.parametrize("gz", [True, False])
def test_debian_dir_when_no_env(tmp_path, monkeypatch, fresh, gz):
    """Without the env variable (or with an incomplete env folder) the Debian folder is read."""
    debian_set = tiny_set(3)
    (tmp_path / "incomplete").mkdir()
    monkeypatch.setenv(data.ENV_VAR, str(tmp_path / "incomplete"))
    monkeypatch.setattr(data, "DEBIAN_DIR", write_set(tmp_path / "debian", debian_set, gz=gz))
    assert_same(data.load_fashion_mnist(), debian_set)


def test_keras_fallback(monkeypatch, fresh):
    """With no folder, Keras's loader is asked, and its arrays come back read-only."""
    keras_set = tiny_set(4)
    calls = []
    monkeypatch.setattr(data, "_keras_load", lambda: calls.append(1) or keras_set)
    got = data.load_fashion_mnist()
    assert_same(got, keras_set)
    assert calls == [1] and not got[0][0].flags.writeable


def test_loaded_once_per_process(monkeypatch, fresh):
    """A second call returns the same arrays without loading again."""
    calls = []
    monkeypatch.setattr(data, "_keras_load", lambda: calls.append(1) or tiny_set(5))
    first, second = data.load_fashion_mnist(), data.load_fashion_mnist()
    assert first[0][0] is second[0][0] and calls == [1]


def test_missing_data_error_names_three_ways(monkeypatch, fresh):
    """Nothing anywhere (Keras offline): one DataUnavailableError naming the env var, the package and Keras."""

    def offline():
        raise OSError("URL fetch failure: no internet")

    monkeypatch.setattr(data, "_keras_load", offline)
    with pytest.raises(data.DataUnavailableError) as info:
        data.load_fashion_mnist()
    message = str(info.value)
    for part in (data.ENV_VAR, data.DEBIAN_PACKAGE, str(data.DEBIAN_DIR), "load_data()", "no internet"):
        assert part in message


# ---------------------------------------------------------------------------------------------------- real data


@pytest.mark.realdata
def test_real_files_match_keras_loader(tmp_path, monkeypatch, fresh):
    """The Debian files read by our IDX parser equal keras.datasets.fashion_mnist.load_data() of the same files."""
    assert data.has_files(REAL), f"Fashion-MNIST is not installed in {REAL} (apt package {data.DEBIAN_PACKAGE})"
    monkeypatch.setattr(data, "DEBIAN_DIR", REAL)
    ours = data.load_fashion_mnist()
    from keras.src.backend import config as keras_config

    cache = tmp_path / "keras_home" / "datasets" / "fashion-mnist"
    cache.mkdir(parents=True)
    for name in data.FILES.values():
        (cache / f"{name}.gz").symlink_to(REAL / f"{name}.gz")
    monkeypatch.setattr(keras_config, "_KERAS_DIR", str(tmp_path / "keras_home"))
    import keras

    assert_same(ours, keras.datasets.fashion_mnist.load_data())
    (x_train, y_train), (x_test, y_test) = ours
    assert x_train.shape == (60_000, 28, 28) and x_test.shape == (10_000, 28, 28)
    np.testing.assert_array_equal(data.class_counts(y_train), np.full(10, 6000))
    np.testing.assert_array_equal(data.class_counts(y_test), np.full(10, 1000))


# --------------------------------------------------------------------------------------------------- the split


@settings(max_examples=40, deadline=None)
@given(
    counts=st.lists(st.integers(1, 60), min_size=2, max_size=10),
    frac=st.floats(0.05, 1.0),
    validation_split=st.sampled_from([0.0, 0.1, 0.2, 0.3, 0.5]),
    seed=st.integers(0, 2**16),
)
def test_split_is_stratified_and_disjoint(counts, frac, validation_split, seed):
    """Subset and validation part have the requested sizes, no overlap, and each class within 1 of its share."""
    y = np.repeat(np.arange(len(counts)), counts)
    n = max(2, round(len(y) * frac))
    if validation_split and not 1 <= round(n * validation_split) < n:
        with pytest.raises(ValueError, match="validation_split"):
            data.train_validation_split(y, train_size=n, validation_split=validation_split, seed=seed)
        return
    tr, va = data.train_validation_split(y, train_size=n, validation_split=validation_split, seed=seed)
    n_val = round(n * validation_split)
    assert len(va) == n_val and len(tr) == n - n_val
    assert len(np.intersect1d(tr, va)) == 0 and len(np.unique(tr)) == len(tr)
    subset_counts = np.bincount(y[np.concatenate([tr, va])], minlength=len(counts))
    np.testing.assert_array_less(np.abs(subset_counts - np.array(counts) * n / len(y)), 1 + 1e-9)
    if n_val:
        val_counts = np.bincount(y[va], minlength=len(counts))
        np.testing.assert_array_less(np.abs(val_counts - subset_counts * n_val / n), 1 + 1e-9)


def test_split_matches_sklearn_class_proportions():
    """Per-class validation counts equal scikit-learn's stratified train_test_split (the notes' tool) within 1."""
    from sklearn.model_selection import train_test_split

    y = np.repeat(np.arange(10), [600, 50, 300, 10, 77, 600, 5, 33, 250, 75])
    _, va = data.train_validation_split(y, validation_split=0.2, seed=7)
    _, y_val = train_test_split(y, test_size=0.2, stratify=y, random_state=7)
    assert len(va) == len(y_val)
    assert np.abs(np.bincount(y[va], minlength=10) - np.bincount(y_val, minlength=10)).max() <= 1


def test_split_is_reproducible_and_seed_dependent():
    """The same seed gives the same split; another seed a different one; the input is not modified."""
    y = np.repeat(np.arange(10), 50)
    y.setflags(write=False)
    a = data.train_validation_split(y, train_size=200, validation_split=0.25, seed=1)
    b = data.train_validation_split(y, train_size=200, validation_split=0.25, seed=1)
    c = data.train_validation_split(y, train_size=200, validation_split=0.25, seed=2)
    np.testing.assert_array_equal(a[0], b[0])
    assert not np.array_equal(a[0], c[0])


@pytest.mark.parametrize(
    "kwargs, argument",
    [
        ({"train_size": 0}, "train_size"),
        ({"train_size": 501}, "train_size"),
        ({"train_size": 2.5}, "train_size"),
        ({"validation_split": 1.0}, "validation_split"),
        ({"validation_split": -0.1}, "validation_split"),
        ({"train_size": 2, "validation_split": 0.1}, "validation_split"),
    ],
)
def test_split_errors_name_the_argument(kwargs, argument):
    """Out-of-range sizes raise ValueError naming the argument and the received value."""
    y = np.repeat(np.arange(10), 50)
    with pytest.raises(ValueError, match=f"`{argument}`.*Received: {argument}="):
        data.train_validation_split(y, **kwargs)


def test_samples_per_class():
    """Row c of samples_per_class holds distinct images of class c only."""
    y = np.repeat(np.arange(10), 7)[::-1].copy()
    rows = data.samples_per_class(y, 5, seed=3)
    assert rows.shape == (10, 5)
    for c, row in enumerate(rows):
        assert set(y[row]) == {c} and len(set(row)) == 5
    with pytest.raises(ValueError, match="per_class"):
        data.samples_per_class(y, 8)
