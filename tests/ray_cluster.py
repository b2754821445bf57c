"""A real local Ray cluster for tests and benchmarks: `ray start --head --block` in a temp folder, stopped exactly.

The head runs in its own process group (start_new_session); stopping it sends SIGTERM to that group, then SIGKILL
after a grace period, and waits until no process of the group is left — so everything this started (GCS, raylet,
workers) ends, and nothing else on the machine is touched (never `ray stop`, which stops every cluster).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class LocalRayCluster:
    """A Ray head with `num_cpus` CPUs on 127.0.0.1; `.address` for `ray.init` / PLAYGROUND_RAY_ADDRESS."""

    def __init__(self, num_cpus: int = 2, *, timeout_s: float = 120, dashboard: bool = False):
        """`dashboard=True` also starts Ray's dashboard (needs `ray[default]`): its API server answers the state API
        (`ray.util.state.list_actors(address=cluster.dashboard_url)`)."""
        self.temp = Path(tempfile.mkdtemp(prefix="pg-ray-"))
        self.port = _free_port()
        self.address = f"127.0.0.1:{self.port}"
        self.dashboard_port = _free_port() if dashboard else None
        self.dashboard_url = f"http://127.0.0.1:{self.dashboard_port}" if dashboard else None
        dashboard_args = (
            ["--include-dashboard=true", "--dashboard-host=127.0.0.1", f"--dashboard-port={self.dashboard_port}"]
            if dashboard
            else ["--include-dashboard=false"]
        )
        self.log = open(self.temp / "head.log", "w")  # noqa: SIM115
        ray = shutil.which("ray") or str(Path(sys.executable).with_name("ray"))
        self.proc = subprocess.Popen(
            [
                ray,
                "start",
                "--head",
                "--block",
                f"--temp-dir={self.temp}",
                f"--port={self.port}",
                f"--num-cpus={num_cpus}",
                "--num-gpus=0",
                *dashboard_args,
                "--disable-usage-stats",
                "--node-ip-address=127.0.0.1",
            ],  # fmt: skip
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            env={**os.environ, "RAY_USAGE_STATS_ENABLED": "0", "TF_CPP_MIN_LOG_LEVEL": "2"},
        )
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self.stop()
                raise RuntimeError(f"ray head exited; see {self.temp / 'head.log'}")
            head_up = "ray start --address" in (self.temp / "head.log").read_text() or self._port_open(self.port)
            # the dashboard (the state API) comes up after the head, later still on a busy box
            if head_up and (self.dashboard_port is None or self._port_open(self.dashboard_port)):
                return
            time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"ray head did not start within {timeout_s} s; see {self.temp / 'head.log'}")

    @staticmethod
    def _port_open(port: int) -> bool:
        with socket.socket() as s:
            s.settimeout(0.5)
            return s.connect_ex(("127.0.0.1", port)) == 0

    def stop(self, grace_s: float = 10) -> None:
        pgid = self.proc.pid
        if _group_alive(pgid):
            os.killpg(pgid, signal.SIGTERM)
            deadline = time.monotonic() + grace_s
            while _group_alive(pgid) and time.monotonic() < deadline:
                time.sleep(0.2)
            if _group_alive(pgid):
                os.killpg(pgid, signal.SIGKILL)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        deadline = time.monotonic() + 10
        while _group_alive(pgid) and time.monotonic() < deadline:
            time.sleep(0.2)
        self.log.close()
        shutil.rmtree(self.temp, ignore_errors=True)

    def group_alive(self) -> bool:
        return _group_alive(self.proc.pid)
