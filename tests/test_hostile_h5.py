"""Hostile HDF5 weights through every restore path (issue 13, item 4), whatever the Keras version.

Keras before 3.13.2 followed HDF5 external raw storage in a `.weights.h5`, so an upload could make the server read
its own files (`/proc/self/environ`) into a model and hand them back in the download. The app's own check
(`playground.model_budget.check_h5`) refuses external storage, external links, virtual datasets and datasets of
another shape or dtype before Keras opens the file. Here each such file goes through each way a model is restored:

* `persistence.restore_weights` — a `.weights.h5` upload into the chosen run's architecture;
* `persistence.load_keras_upload` — a `.keras` upload whose `model.weights.h5` is the hostile file;
* `persistence.load_checked_keras` — the run store's / a remote worker's `.keras` file (the same file on disk).

Every path must refuse with a ValueError, and the file's secret (the bytes the hostile dataset points at) must
appear neither in the message nor in any model. `tests/test_oldest_keras.py` runs these tests (marker `hdf5`)
again in a venv holding the oldest Keras that pyproject.toml allows.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import numpy as np
import pytest

from playground import persistence
from tests import fuzzing
from tests import hostile_files as hf

pytestmark = pytest.mark.hdf5

MARKER = b"PLAYGROUND-H5-SECRET:"


@pytest.fixture(scope="module")
def target():
    """(config, model): the app-built tiny architecture (untrained: restoring needs no data)."""
    from playground.lab.model import build_model
    from playground.run import TrainConfig

    config = TrainConfig(specs=fuzzing.TINY_SPECS, epochs=1, batch_size=64, seed=0, preset="quick")
    return config, build_model(config)


@pytest.fixture(scope="module")
def secret(tmp_path_factory) -> tuple[Path, Path]:
    """(raw file, HDF5 file with dataset /secret): 64 KB of MARKER-stamped bytes, as float32 values."""
    folder = tmp_path_factory.mktemp("secret")
    raw = folder / "secret.bin"
    raw.write_bytes((MARKER + bytes(range(43))) * 1024)  # 64 bytes a stamp, 64 KB
    h5 = folder / "secret.h5"
    import h5py

    with h5py.File(h5, "w") as f:
        f.create_dataset("secret", data=np.frombuffer(raw.read_bytes(), dtype="float32"))
    return raw, h5


def _largest(f) -> tuple[str, tuple[int, ...], np.dtype]:
    import h5py

    found: list[tuple[str, tuple[int, ...], np.dtype]] = []
    f.visititems(lambda n, o: found.append((n, o.shape, o.dtype)) if isinstance(o, h5py.Dataset) else None)
    return max((d for d in found if d[0].startswith("layers/")), key=lambda d: int(np.prod(d[1])))


def _secret_copy(secret_h5: Path, name: str, shape: tuple[int, ...], dtype: np.dtype) -> str:
    """The secret's values as a dataset of `shape`/`dtype` in the secret HDF5 file; its path there."""
    import h5py

    with h5py.File(secret_h5, "a") as s:
        if name not in s:
            s.create_dataset(name, data=s["secret"][: int(np.prod(shape))].reshape(shape).astype(dtype))
    return "/" + name


def _hostile(path: Path, case: str, secret: tuple[Path, Path]) -> None:
    """Replace the largest `layers/` dataset of the weights file at `path` by the hostile `case`, in place."""
    import h5py

    raw, secret_h5 = secret
    with h5py.File(path, "r+") as f:
        name, shape, dtype = _largest(f)
        size = int(np.prod(shape))
        nbytes = size * np.dtype(dtype).itemsize
        assert nbytes <= raw.stat().st_size
        del f[name]
        if case == "external_environ":  # issue 13's file: the server's environment as a kernel
            f.create_dataset(name, shape=shape, dtype=dtype, external=[("/proc/self/environ", 0, nbytes)])
        elif case == "external_storage":
            f.create_dataset(name, shape=shape, dtype=dtype, external=[(str(raw), 0, nbytes)])
        elif case == "external_link":
            f[name] = h5py.ExternalLink(str(secret_h5), _secret_copy(secret_h5, name, shape, dtype))
        elif case == "virtual_dataset":  # same shape and dtype as the kernel: only the VDS itself is wrong
            layout = h5py.VirtualLayout(shape=shape, dtype=dtype)
            layout[...] = h5py.VirtualSource(str(secret_h5), _secret_copy(secret_h5, name, shape, dtype), shape=shape)
            f.create_virtual_dataset(name, layout)
            assert f[name].is_virtual
        elif case == "shape_mismatch":  # one row more, holding the secret's values
            wrong = (shape[0] + 1, *shape[1:])
            f.create_dataset(
                name, data=np.frombuffer(raw.read_bytes(), dtype=dtype)[: int(np.prod(wrong))].reshape(wrong)
            )
        elif case == "dtype_mismatch":
            wide = np.frombuffer(raw.read_bytes(), dtype="float64")[:size].reshape(shape)
            f.create_dataset(name, data=wide)
        else:
            raise AssertionError(case)


CASES = ["external_environ", "external_storage", "external_link", "virtual_dataset", "shape_mismatch", "dtype_mismatch"]


def _weights_upload(model, case, secret, tmp_path) -> bytes:
    path = tmp_path / "w.weights.h5"
    model.save_weights(path)
    _hostile(path, case, secret)
    return path.read_bytes()


def _keras_upload(model, case, secret, tmp_path) -> bytes:
    """The model's own `.keras` file with its `model.weights.h5` entry made hostile."""
    keras_path = tmp_path / "m.keras"
    model.save(keras_path)
    src = zipfile.ZipFile(keras_path)
    inner = tmp_path / "model.weights.h5"
    inner.write_bytes(src.read("model.weights.h5"))
    _hostile(inner, case, secret)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(info.filename, inner.read_bytes() if info.filename == "model.weights.h5" else src.read(info))
    return out.getvalue()


def _secrets() -> list[bytes]:
    environ = Path("/proc/self/environ").read_bytes() if Path("/proc/self/environ").exists() else b""
    return [MARKER, *([environ[:24]] if len(environ) >= 24 else [])]


def _assert_refused_and_clean(restore, what: str) -> None:
    try:
        result = restore()
    except ValueError as err:
        message = str(err)
        assert 20 < len(message) < 1500, message
        for s in _secrets():
            assert s.decode("latin-1") not in message, f"{what}: the refusal quotes the secret"
        return
    model = result[0].model if isinstance(result, tuple) else getattr(result, "model", result)
    values = b"".join(np.asarray(w).tobytes() for w in model.get_weights())
    leaked = [s for s in _secrets() if s in values]
    pytest.fail(f"{what}: accepted{' and the secret is in the model' if leaked else ''}")


@pytest.mark.parametrize("case", CASES)
def test_weights_upload_is_refused(case, target, secret, tmp_path):
    config, model = target
    data = _weights_upload(model, case, secret, tmp_path)
    _assert_refused_and_clean(lambda: persistence.restore_weights(config, data, run_id="h5-1"), f"{case} .weights.h5")


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("path", ["load_keras_upload", "load_checked_keras"])
def test_keras_file_with_hostile_weights_is_refused(case, path, target, secret, tmp_path):
    _config, model = target
    data = _keras_upload(model, case, secret, tmp_path)
    if path == "load_keras_upload":
        restore = lambda: persistence.load_keras_upload(data, run_id="h5-1")  # noqa: E731
    else:
        restore = lambda: persistence.load_checked_keras(data)  # noqa: E731
    _assert_refused_and_clean(restore, f"{case} in a .keras ({path})")


def test_the_controls_restore(target, tmp_path):
    """The same files untouched restore through each path (so the refusals above are about the hostile part)."""
    config, model = target
    weights = tmp_path / "w.weights.h5"
    model.save_weights(weights)
    keras_path = tmp_path / "m.keras"
    model.save(keras_path)
    x = np.random.default_rng(0).integers(0, 256, (2, 28, 28, 1)).astype("uint8")
    want = model.predict(x, verbose=0)
    run = persistence.restore_weights(config, weights.read_bytes(), run_id="h5-ok")
    np.testing.assert_allclose(run.model.predict(x, verbose=0), want, atol=1e-6)
    run, _notes = persistence.load_keras_upload(keras_path.read_bytes(), run_id="h5-ok")
    np.testing.assert_allclose(run.model.predict(x, verbose=0), want, atol=1e-6)
    np.testing.assert_allclose(persistence.load_checked_keras(keras_path.read_bytes()).predict(x, verbose=0), want)


def test_issue_13_file_from_the_corpus(target):
    """The corpus's own external-storage file (tests/hostile_files.py) is refused too."""
    config, model = target
    data = hf.external_storage_weights(model)
    _assert_refused_and_clean(lambda: persistence.restore_weights(config, data, run_id="h5-1"), "corpus file")
