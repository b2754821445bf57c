"""deploy/: the classroom recipe hangs together — services, addresses, ports, volumes, flags the real CLIs accept.

No Docker engine runs here, so the recipe is checked as data: the compose file parsed, every cross-reference
resolved, and each `ray start` / `streamlit run` flag checked against the installed CLI's own --help.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT

DEPLOY = ROOT / "deploy"
yaml = pytest.importorskip("yaml", reason="pyyaml comes with the cluster extra (ray)")


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def flags(command: str) -> list[str]:
    return [part.split("=", 1)[0] for part in shlex.split(command) if part.startswith("--")]


def cli_help(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, timeout=120).stdout


def test_services_and_their_references(compose):
    """The app points at the head's address and port; workers join that head; the run store is on a named volume."""
    services = compose["services"]
    assert {"ray-head", "ray-worker", "app", "proxy"} <= set(services)
    head_port = re.search(r"--port=(\d+)", services["ray-head"]["command"]).group(1)
    env = services["app"]["environment"]
    assert env["PLAYGROUND_RAY_ADDRESS"] == f"ray-head:{head_port}"
    assert f"--address=ray-head:{head_port}" in services["ray-worker"]["command"]
    volume, mount = services["app"]["volumes"][0].split(":")[:2]
    assert volume in compose["volumes"] and env["PLAYGROUND_DATA_DIR"].startswith(mount + "/")
    assert services["app"]["deploy"]["replicas"] >= 2, "N replicas behind the proxy"
    for name in ("ray-head", "ray-worker", "app"):
        assert services[name]["build"]["dockerfile"] == "deploy/Dockerfile"
        assert (DEPLOY / services[name]["build"]["context"]).resolve() == ROOT


def test_the_proxy_sticks_each_browser_to_one_replica(compose):
    """Caddy finds the app's replicas by DNS on the app's port and pins a browser to one with a cookie."""
    caddyfile = (DEPLOY / "Caddyfile").read_text()
    assert re.search(r"dynamic a app 8501", caddyfile)
    assert re.search(r"lb_policy cookie \w+", caddyfile)
    mounts = compose["services"]["proxy"]["volumes"]
    assert any(m.startswith("./Caddyfile:") for m in mounts)
    assert "--server.port=8501" in (DEPLOY / "Dockerfile").read_text()


def test_ray_start_flags_exist_in_the_installed_ray(compose):
    pytest.importorskip("ray")
    ray = shutil.which("ray") or str(ROOT)
    known = cli_help(ray, "start", "--help")
    for name in ("ray-head", "ray-worker"):
        for flag in flags(compose["services"][name]["command"]):
            assert flag in known, f"{name}: `ray start` has no {flag}"


def test_streamlit_flags_exist(compose):
    cmd = re.search(r"CMD \[(.*)\]", (DEPLOY / "Dockerfile").read_text()).group(1)
    parts = [p.strip().strip('"') for p in cmd.split(",")]
    known = cli_help(sys.executable, "-m", "streamlit", "run", "--help")
    for flag in flags(" ".join(parts)):
        assert flag in known, f"`streamlit run` has no {flag}"


def test_the_image_installs_the_cluster_extra_and_the_dataset():
    text = (DEPLOY / "Dockerfile").read_text()
    assert 'pip install --no-cache-dir -e ".[cluster]"' in text
    assert "dataset-fashion-mnist" in text
