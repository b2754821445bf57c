"""The hostile-HDF5 tests again, with the oldest Keras the project allows (issue 13, item 4).

pyproject.toml pins `keras>=X` because older Keras read HDF5 external storage in `.weights.h5` uploads. The app's
own check (`playground.model_budget.check_h5`) must hold whatever Keras is installed, so the tests marked `hdf5`
(tests/test_hostile_h5.py: every restore path refuses external storage, external links, virtual datasets and
shape/dtype mismatches, and the file's secret never reaches a model; tests/test_model_budget.py: check_h5 itself)
run here in a subprocess whose Keras is exactly X: a venv in a temporary folder made with
`--system-site-packages` (TensorFlow, h5py, numpy … from this environment) and `pip install --no-deps keras==X`.
Keras X's own requirements are checked against what the venv then sees, so a minimum that needs something newer
fails here with its name. The venv is removed afterwards. Without PyPI (offline, outside CI) the test skips and
says so; in CI a skip is a failure (tests/conftest.py).
"""

from __future__ import annotations

import os
import site
import subprocess
import sys
import sysconfig
import textwrap
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from tests.conftest import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

# In the venv: Keras is exactly the minimum and comes from the venv; each of its requirements is met; then pytest.
CHECK_AND_RUN = textwrap.dedent(
    """
    import sys
    from importlib.metadata import PackageNotFoundError, requires, version
    from packaging.requirements import Requirement

    want, venv = sys.argv[1], sys.argv[2]
    import keras
    assert keras.__version__ == want, f"keras {keras.__version__} imported, expected {want}"
    assert keras.__file__.startswith(venv), f"keras imported from {keras.__file__}, not the venv {venv}"
    missing = []
    for text in requires("keras") or []:
        req = Requirement(text)
        if req.marker is not None and not req.marker.evaluate({"extra": ""}):
            continue
        try:
            have = version(req.name)
        except PackageNotFoundError:
            have = None
        if have is None or not req.specifier.contains(have, prereleases=True):
            missing.append(f"{req} (have {have})")
    assert not missing, f"keras {want} needs: {missing}"
    print(f"keras {keras.__version__} from {keras.__file__}", flush=True)
    import pytest
    sys.exit(pytest.main(sys.argv[3:]))
    """
)


def minimum_keras() -> str:
    """X of the `keras>=X` requirement in pyproject.toml (the one place it is written)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for text in project["dependencies"]:
        req = Requirement(text)
        if req.name.lower() == "keras":
            lows = [s.version for s in req.specifier if s.operator == ">="]
            assert len(lows) == 1, f"pyproject.toml: keras needs exactly one '>=' bound, got {text!r}"
            return lows[0]
    raise AssertionError("pyproject.toml lists no keras requirement")


def test_requirements_txt_has_the_same_minimum():
    lines = (ROOT / "requirements.txt").read_text().splitlines()
    reqs = [Requirement(line.split("#")[0].strip()) for line in lines if line.split("#")[0].strip()]
    keras_reqs = [str(r.specifier) for r in reqs if r.name.lower() == "keras"]
    assert keras_reqs == [f">={minimum_keras()}"]


def test_hostile_h5_with_the_oldest_keras_allowed(tmp_path):
    want = minimum_keras()
    venv = tmp_path / "venv"
    try:
        subprocess.run(
            [sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", str(venv)],
            check=True,
            capture_output=True,
            timeout=120,
        )
        python = venv / "bin" / "python"
        purelib = Path(
            subprocess.run(
                [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                check=True,
                capture_output=True,
                text=True,
                timeout=60,
            ).stdout.strip()
        )
        # When this interpreter is itself a venv, --system-site-packages shows its base, not this environment:
        # add this environment's site folders after the venv's own (so the venv's Keras comes first).
        ours = [p for p in {*site.getsitepackages(), sysconfig.get_paths()["purelib"]} if Path(p).is_dir()]
        (purelib / "playground-outer-site.pth").write_text("\n".join(ours) + "\n")
        pip = subprocess.run(
            [
                str(python),
                "-m",
                "pip",
                "install",
                "--no-deps",
                "--ignore-installed",
                "--no-input",
                "--disable-pip-version-check",
                "--retries",
                "1",
                "--timeout",
                "20",
                f"keras=={want}",
            ],
            capture_output=True,
            text=True,
            timeout=240,
        )
        if pip.returncode != 0:
            tail = (pip.stdout + pip.stderr).strip().splitlines()[-6:]
            if any(w in "\n".join(tail).lower() for w in ("connection", "network", "resolve", "proxy", "timed out")):
                pytest.skip(f"PyPI unreachable, keras=={want} not installed: " + " | ".join(tail))
            pytest.fail(f"pip install keras=={want} failed:\n" + "\n".join(tail))
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
        env.pop("PYTHONPATH", None)
        run = subprocess.run(
            [
                str(python),
                "-c",
                CHECK_AND_RUN,
                want,
                str(venv),
                "tests/test_hostile_h5.py",
                "tests/test_model_budget.py",
                "-m",
                "hdf5",
                "-q",
                "-p",
                "no:cacheprovider",
                "--rootdir",
                str(ROOT),
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
    finally:
        import shutil

        shutil.rmtree(venv, ignore_errors=True)
    out = run.stdout + run.stderr
    assert run.returncode == 0, f"with keras {want}:\n{out[-6000:]}"
    assert f"keras {want} from {venv}" in out
    assert " passed" in out and " failed" not in out and " skipped" not in out, out[-3000:]
    assert not venv.exists()
