"""Issue 16 in a real browser: with PLAYGROUND_RAY_ADDRESS set, the lab's Train button trains on a local Ray cluster.

A Ray head (with its dashboard, whose API server answers Ray's state API) is started in a temp folder, and a real
`streamlit run` server pointed at it. The browser trains the Quick preset on a 3,000-image subset for 2 epochs: the
loss curve grows while the training runs, and meanwhile the cluster's state API lists the training actor ALIVE;
afterwards the run is finished and the actor is gone (its slot freed). A second server pointed at an address where
nothing listens says so and trains here instead.
"""

from __future__ import annotations

import time

import pytest

pytest.importorskip("ray", reason="the cluster extra is not installed (pip install -e '.[cluster]')")
pytest.importorskip("ray.dashboard", reason="ray[default] is not installed (the cluster extra brings it)")

from ray.util.state.exception import ServerUnavailable  # noqa: E402

from tests.browser.conftest import TRAINED, Server, exceptions_on, free_port, wait_for_app  # noqa: E402
from tests.ray_cluster import LocalRayCluster  # noqa: E402
from ui.texts import TEXTS  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.cluster]

ACTOR_CLASS = "TrainingActor"  # playground.cluster's actor class


def _points(chart_key: str) -> str:
    """JS counting the y values drawn on the chart with key `chart_key` (0 while it is not on the page).

    Plotly's `_fullData`, not `data`: numpy arrays travel base64-encoded ({dtype, bdata}), and only the full data
    holds them decoded.
    """
    return f"""() => {{
  const gd = document.querySelector('.st-key-{chart_key} .js-plotly-plot');
  if (!gd || !gd._fullData) return 0;
  return gd._fullData.reduce((n, t) => n + (t.y ? t.y.length : 0), 0);
}}"""


POINTS = _points("train_chart_loss")  # per epoch: training and validation loss, and the callbacks' marks
BATCH_POINTS = _points("train_chart_batches")  # every batch's loss and its smoothed curve: grows between polls


@pytest.fixture(scope="module")
def ray_head(chromium_path):
    head = LocalRayCluster(num_cpus=2, dashboard=True)
    try:
        yield head
    finally:
        head.stop()
        assert not head.group_alive(), "a process of the test's Ray cluster is still running"


def _training_actors(head: LocalRayCluster) -> list[dict]:
    from ray.util.state import list_actors

    actors = list_actors(address=head.dashboard_url, timeout=10)  # class names are qualified: "_actors.<locals>.…"
    return [{"state": a.state, "pid": a.pid} for a in actors if a.class_name.split(".")[-1] == ACTOR_CLASS]


def _start_training(pg, server: Server, train_size: int = 200) -> None:
    pg.goto(server.url(f"train?train_preset=quick&train_epochs=2&train_size={train_size}"))
    wait_for_app(pg)
    pg.get_by_role("button", name=TEXTS["train.start"]["en"], exact=True).click()


def _wait_finished(pg, timeout_ms: int = 240_000) -> None:
    pg.get_by_text(TRAINED).first.wait_for(timeout=timeout_ms)


def test_training_runs_on_the_cluster_with_live_curves(ray_head, browser, artifacts):
    server = Server(
        extra_env={
            "PLAYGROUND_RAY_ADDRESS": ray_head.address,
            "PLAYGROUND_TRAIN_CPUS": "1",
            "PLAYGROUND_MIN_TRAIN_SIZE": "200",
        }
    )
    context = browser.new_context(viewport={"width": 1280, "height": 1600})
    try:
        pg = context.new_page()
        _start_training(pg, server, train_size=3000)  # a few seconds an epoch on one CPU: long enough to watch
        # While the remote training runs: the state API lists our actor ALIVE, and the batch curve gains points
        # from poll to poll. (The per-epoch curve can jump from nothing to both epochs on a fast machine: an epoch
        # on 3,000 images may take less than the page's 2 s poll. Batches arrive in every poll.)
        alive, counts, deadline = [], [], time.monotonic() + 240
        done = TRAINED
        while time.monotonic() < deadline:
            try:
                actors = _training_actors(ray_head)
            except ServerUnavailable:  # the dashboard not answering one poll (a busy box): the next one asks again
                actors = []
            alive = alive or [a for a in actors if a["state"] == "ALIVE"]
            if pg.get_by_text(done).count():
                break
            counts.append(pg.evaluate(BATCH_POINTS))
            pg.wait_for_timeout(500)
        assert alive, "Ray's state API never listed a TrainingActor ALIVE while the page trained"
        drawn = [c for c in counts if c]
        assert drawn and drawn[-1] > drawn[0], f"the batch loss curve did not grow while training: {counts}"
        _wait_finished(pg)
        wait_for_app(pg)
        assert pg.evaluate(POINTS) >= 2  # both epochs' points (and the batch points) are on the chart
        pg.screenshot(path=str(artifacts / "cluster-training-finished.png"))
        assert not exceptions_on(pg), exceptions_on(pg)
        # The run is over: its actor ends, so its CPU reservation goes back to the cluster.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and any(a["state"] == "ALIVE" for a in _training_actors(ray_head)):
            time.sleep(1)
        assert not [a for a in _training_actors(ray_head) if a["state"] == "ALIVE"], "the actor outlived its run"
    finally:
        context.close()
        server.stop()


def test_unreachable_cluster_says_so_and_trains_here(browser, artifacts, chromium_path):
    nowhere = f"127.0.0.1:{free_port()}"  # nothing listens there
    server = Server(
        extra_env={
            "PLAYGROUND_RAY_ADDRESS": nowhere,
            "PLAYGROUND_MIN_TRAIN_SIZE": "200",
        }
    )
    context = browser.new_context(viewport={"width": 1280, "height": 1400})
    try:
        pg = context.new_page()
        _start_training(pg, server)
        notice = TEXTS["train.cluster_unavailable"]["en"].split("(")[0].strip()
        pg.get_by_text(notice, exact=False).first.wait_for(timeout=120_000)
        _wait_finished(pg)
        wait_for_app(pg)
        assert pg.evaluate(POINTS) >= 1
        pg.screenshot(path=str(artifacts / "cluster-unreachable-trains-here.png"))
        assert not exceptions_on(pg), exceptions_on(pg)
    finally:
        context.close()
        server.stop()
