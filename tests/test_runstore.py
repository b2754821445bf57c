"""The run store (playground.runstore): runs outlive the session, stay private to their owner, and survive faults."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import numpy as np
import pytest

from playground.runstore import RunStore, StoreUnavailable, new_owner_token, owner_key

RECORD = {"config": {"optimizer": "adam", "learning_rate": 1e-3}, "history": {"loss": [0.9, 0.5]}, "events": []}


def write_bytes(n: int):
    def write(path: Path) -> None:
        path.write_bytes(b"k" * n)

    return write


@pytest.fixture
def store(tmp_path):
    return RunStore(tmp_path)


def test_a_saved_run_comes_back_from_a_new_store_on_the_same_folder(tmp_path):
    """A server restart (a new RunStore on the same folder) returns the run, its record and its model file."""
    token = new_owner_token()
    RunStore(tmp_path).save(token, "run-1", status="finished", record=RECORD, write_model=write_bytes(10))
    runs, notices = RunStore(tmp_path).runs(token)
    assert [r.run_id for r in runs] == ["run-1"] and notices == []
    assert runs[0].record == RECORD and runs[0].model_path.read_bytes() == b"k" * 10


def test_owners_never_see_each_others_runs(store):
    """Runs are scoped by owner token; the database keeps only the token's hash."""
    a, b = new_owner_token(), new_owner_token()
    store.save(a, "run-1", status="finished", record=RECORD)
    assert store.runs(b)[0] == []
    with sqlite3.connect(store.db_path) as con:
        owners = [r[0] for r in con.execute("SELECT owner FROM runs")]
    assert owners == [owner_key(a)] and a not in owners


@pytest.mark.parametrize("token", ["", "short", "x" * 200, "has space in it and is long enough", None, 123])
def test_tokens_that_the_app_did_not_make_are_refused(store, token):
    """A token must be 22–128 url-safe characters (≥ 128 bits): anything else is a ValueError, not a lookup."""
    with pytest.raises(ValueError, match="token"):
        store.runs(token)


def test_new_tokens_have_at_least_128_bits():
    """Tokens are 32 random bytes (43 url-safe characters) and differ every time."""
    tokens = {new_owner_token() for _ in range(100)}
    assert len(tokens) == 100 and all(len(t) >= 43 for t in tokens)


def test_runs_expire_after_their_time_to_live(tmp_path):
    """A run unchanged for longer than ttl_days is removed with its model file (on open and on expire())."""
    now = [1_000_000.0]
    token = new_owner_token()
    store = RunStore(tmp_path, ttl_days=7, clock=lambda: now[0])
    store.save(token, "old", status="finished", record=RECORD, write_model=write_bytes(5))
    model = store.runs(token)[0][0].model_path
    now[0] += 7 * 86400 + 1
    reopened = RunStore(tmp_path, ttl_days=7, clock=lambda: now[0])
    assert reopened.runs(token)[0] == [] and not model.exists()
    assert [n.code for n in reopened.notices] == ["expired"]


def test_owner_budget_drops_the_oldest_runs_with_a_notice(tmp_path):
    """Over the per-owner budget, the oldest runs go first, the newest stays, and the notice names them."""
    now = [0.0]

    def tick():
        now[0] += 1
        return now[0]

    store = RunStore(tmp_path, owner_budget_mb=2.5 / 1024, clock=tick)  # 2.5 KiB
    token = new_owner_token()
    notices = []
    for i in range(4):
        notices += store.save(token, f"run-{i}", status="finished", record=RECORD, write_model=write_bytes(1024))
    assert [r.run_id for r in store.runs(token)[0]] == ["run-2", "run-3"]
    dropped = [rid for n in notices if n.code == "over_owner_budget" for rid in n.values["run_ids"]]
    assert dropped == ["run-0", "run-1"]
    assert len(list((tmp_path / "models").rglob("*.keras"))) == 2


def test_total_budget_spans_owners(tmp_path):
    """The total budget counts every owner's model files; the oldest run of anyone goes first."""
    now = [0.0]

    def tick():
        now[0] += 1
        return now[0]

    store = RunStore(tmp_path, total_budget_mb=2.5 / 1024, clock=tick)
    a, b = new_owner_token(), new_owner_token()
    store.save(a, "a-1", status="finished", record=RECORD, write_model=write_bytes(1024))
    store.save(b, "b-1", status="finished", record=RECORD, write_model=write_bytes(1024))
    notices = store.save(b, "b-2", status="finished", record=RECORD, write_model=write_bytes(1024))
    assert store.runs(a)[0] == [] and len(store.runs(b)[0]) == 2
    assert [n.code for n in notices] == ["over_total_budget"]


def test_forget_my_runs_removes_records_and_files_of_that_owner_only(store):
    a, b = new_owner_token(), new_owner_token()
    for token in (a, b):
        store.save(token, "run-1", status="finished", record=RECORD, write_model=write_bytes(3))
    notice = store.forget_owner(a)
    assert notice.values == {"count": 1}
    assert store.runs(a)[0] == [] and len(store.runs(b)[0]) == 1
    assert len(list((store.root / "models").rglob("*.keras"))) == 1


def test_a_damaged_database_is_set_aside_and_the_store_starts_again(tmp_path):
    """A file that is not SQLite is moved aside (kept, never deleted), a notice says where, new runs are stored."""
    (tmp_path / "runs.sqlite3").write_bytes(b"this is not a database" * 100)
    store = RunStore(tmp_path)
    assert [n.code for n in store.notices] == ["store_damaged"]
    assert Path(store.notices[0].values["path"]).read_bytes().startswith(b"this is not a database")
    token = new_owner_token()
    store.save(token, "run-1", status="finished", record=RECORD)
    assert len(store.runs(token)[0]) == 1


def test_a_locked_database_is_reported_not_hung_on(tmp_path):
    """Another process holding the write lock past busy_timeout_s → StoreUnavailable('store_locked')."""
    store = RunStore(tmp_path, busy_timeout_s=0.2)
    holder = sqlite3.connect(store.db_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreUnavailable) as info:
            store.save(new_owner_token(), "run-1", status="finished", record=RECORD)
        assert info.value.code == "store_locked"
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    store.save(new_owner_token(), "run-1", status="finished", record=RECORD)  # and works again afterwards


def test_a_model_that_cannot_be_written_keeps_the_record(store):
    """Disk full while writing the model: the run is stored without a model, with a notice; no temp file left."""

    def full(path: Path) -> None:
        path.write_bytes(b"partial")
        raise OSError(28, "No space left on device")

    token = new_owner_token()
    notices = store.save(token, "run-1", status="finished", record=RECORD, write_model=full)
    assert [(n.code, n.values["reason"]) for n in notices] == [("model_not_saved", "No space left on device")]
    (run,) = store.runs(token)[0]
    assert run.record == RECORD and run.model_path is None
    assert list((store.root / "models").rglob("*")) == [next((store.root / "models").iterdir())]  # only the folder


def test_a_missing_model_file_is_reported_and_the_run_kept(store):
    token = new_owner_token()
    store.save(token, "run-1", status="finished", record=RECORD, write_model=write_bytes(3))
    store.runs(token)[0][0].model_path.unlink()
    runs, notices = store.runs(token)
    assert runs[0].model_path is None and runs[0].record == RECORD
    assert [n.code for n in notices] == ["model_missing"]


def test_test_metrics_are_added_to_the_stored_record(store):
    token = new_owner_token()
    store.save(token, "run-1", status="finished", record=RECORD)
    assert store.set_test_metrics(token, "run-1", {"accuracy": 0.9, "loss": float("nan")})
    assert store.runs(token)[0][0].record["test_metrics"] == {"accuracy": 0.9, "loss": None}
    assert not store.set_test_metrics(new_owner_token(), "run-1", {"accuracy": 1.0})


def test_two_tabs_writing_at_once_lose_nothing(tmp_path):
    """Threads saving runs of one owner at the same moment: every run is there afterwards."""
    store = RunStore(tmp_path)
    token = new_owner_token()
    barrier = threading.Barrier(8)

    def tab(i: int) -> None:
        barrier.wait()
        for j in range(10):
            store.save(token, f"t{i}-{j}", status="finished", record=RECORD, write_model=write_bytes(10))

    threads = [threading.Thread(target=tab, args=(i,)) for i in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(store.runs(token)[0]) == 80


_TAB = """
import sys
sys.path.insert(0, sys.argv[1])
from playground.runstore import RunStore
from tests.test_runstore import RECORD
store = RunStore(sys.argv[2])
for j in range(10):
    store.save(sys.argv[3], f"p{sys.argv[4]}-{j}", status="finished", record=RECORD)
"""


def test_two_server_processes_writing_at_once_lose_nothing(tmp_path):
    """Processes (two servers sharing the data folder) saving at once: every run is there afterwards. Each is a
    fresh `python` (what a second server is), given the project root explicitly."""
    import subprocess
    import sys

    root = str(Path(__file__).resolve().parent.parent)
    token = new_owner_token()
    RunStore(tmp_path)
    procs = [
        subprocess.Popen([sys.executable, "-c", _TAB, root, str(tmp_path), token, str(i)], stderr=subprocess.PIPE)
        for i in range(3)
    ]
    errors = [p.communicate(timeout=120)[1].decode()[-2000:] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], errors
    assert len(RunStore(tmp_path).runs(token)[0]) == 30


def test_rows_cannot_point_outside_the_data_folder(store, tmp_path_factory):
    """A tampered row naming a file outside the data folder is never deleted."""
    outside = tmp_path_factory.mktemp("outside") / "victim.txt"
    outside.write_text("keep me")
    token = new_owner_token()
    store.save(token, "run-1", status="finished", record=RECORD)
    with sqlite3.connect(store.db_path) as con:
        con.execute("UPDATE runs SET model_file = ?", (str(Path("..") / ".." / outside),))
    store.delete(token, "run-1")
    assert outside.read_text() == "keep me"


@pytest.mark.parametrize("code", sorted(__import__("playground.runstore").runstore.NOTICE_CODES))
def test_every_notice_code_is_worded_in_both_languages(code):
    """The UI words each store notice in English and Korean, with the values the core gives it."""
    from playground.runstore import NOTICE_CODES
    from ui.texts import TEXTS

    entry = TEXTS[f"store.{code}"]
    values = {name: ("a, b" if name == "run_ids" else 1) for name in NOTICE_CODES[code]}
    for lang in ("en", "ko"):
        assert entry[lang].format(**values)


# ------------------------------------------------------------------------------------------- the watch frames
def frames():
    """Two WatchFrames as a training run records them (float16 maps and kernel, uint8 image), the last restored."""
    from playground.lab.watch import WatchFrame

    rng = np.random.default_rng(0)
    image = rng.integers(0, 256, (28, 28), dtype=np.uint8)
    out = []
    for k, restored in ((0, None), (1, 2)):
        maps = (
            ("conv2d", "Conv2D", rng.normal(size=(28, 28, 4)).astype(np.float16)),
            ("conv2d_1", "Conv2D", rng.normal(size=(12, 12, 6)).astype(np.float16)),
        )
        kernel = rng.normal(size=(3, 3, 1, 4)).astype(np.float16)
        out.append(WatchFrame(float(k), maps, kernel, image, restored))
    return tuple(out)


def write_frames(frames):
    from playground.lab.watch import save_frames

    return lambda path: save_frames(frames, path)


def test_watch_frames_come_back_from_a_new_store_on_the_same_folder(tmp_path):
    """A run saved with its frames: a server restart (new RunStore) gives a frames file that loads to equal frames
    (same positions, restored epoch, layer names and float16 arrays bit for bit)."""
    from playground.lab.watch import load_frames

    token, saved = new_owner_token(), frames()
    RunStore(tmp_path).save(token, "run-1", status="finished", record=RECORD, write_frames=write_frames(saved))
    (run,), notices = RunStore(tmp_path).runs(token)
    assert notices == [] and run.frames_path is not None
    loaded = load_frames(run.frames_path)
    assert loaded == saved
    assert loaded[1].restored_epoch == 2 and loaded[0].maps[1][2].dtype == np.float16
    np.testing.assert_array_equal(loaded[1].maps[0][2], saved[1].maps[0][2])


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty"])
def test_a_damaged_frames_file_leaves_the_run_loadable(store, damage):
    """A damaged frames file: the run (record, model) still loads; reading the frames is a ValueError, not a crash."""
    from playground.lab.watch import load_frames

    token = new_owner_token()
    saved = write_frames(frames())
    store.save(token, "run-1", status="finished", record=RECORD, write_model=write_bytes(3), write_frames=saved)
    path = store.runs(token)[0][0].frames_path
    data = path.read_bytes()
    path.write_bytes({"garbage": b"\x00not a zip" * 50, "truncated": data[: len(data) // 2], "empty": b""}[damage])
    (run,), notices = store.runs(token)
    assert run.record == RECORD and run.model_path is not None and notices == []
    with pytest.raises(ValueError, match="frames file"):
        load_frames(run.frames_path)


def test_a_missing_frames_file_leaves_the_run_without_frames(store):
    token = new_owner_token()
    store.save(token, "run-1", status="finished", record=RECORD, write_frames=write_frames(frames()))
    store.runs(token)[0][0].frames_path.unlink()
    (run,), notices = store.runs(token)
    assert run.frames_path is None and run.record == RECORD and notices == []


def test_frames_that_cannot_be_written_keep_the_run(store):
    def full(path: Path) -> None:
        raise OSError(28, "No space left on device")

    token = new_owner_token()
    notices = store.save(token, "run-1", status="finished", record=RECORD, write_frames=full)
    assert [(n.code, n.values["reason"]) for n in notices] == [("frames_not_saved", "No space left on device")]
    (run,) = store.runs(token)[0]
    assert run.record == RECORD and run.frames_path is None


def test_frames_count_in_the_disk_budget_and_go_with_their_run(tmp_path):
    """Frames files count in the owner's budget; a dropped or deleted run takes its frames file along."""
    now = [0.0]

    def tick():
        now[0] += 1
        return now[0]

    store = RunStore(tmp_path, owner_budget_mb=2.5 / 1024, clock=tick)  # 2.5 KiB
    token = new_owner_token()

    def frames_of(n):
        return lambda path: path.write_bytes(b"f" * n)

    for i in range(3):
        store.save(token, f"run-{i}", status="finished", record=RECORD, write_frames=frames_of(1024))
    assert [r.run_id for r in store.runs(token)[0]] == ["run-1", "run-2"]
    assert store.usage(token) == 2048
    store.delete(token, "run-1")
    assert len(list((tmp_path / "models").rglob("*.npz"))) == 1
    store.forget_owner(token)
    assert list((tmp_path / "models").rglob("*.npz")) == []


def test_a_database_from_before_the_frames_gains_the_columns(tmp_path):
    """A runs table without frames_file / frames_bytes (an older version's): its runs load, new runs keep frames."""
    token = new_owner_token()
    con = sqlite3.connect(tmp_path / "runs.sqlite3")
    con.executescript(
        "CREATE TABLE runs (owner TEXT NOT NULL, run_id TEXT NOT NULL, created REAL NOT NULL, updated REAL NOT NULL,"
        " status TEXT NOT NULL, record TEXT NOT NULL, model_file TEXT, model_bytes INTEGER NOT NULL DEFAULT 0,"
        " PRIMARY KEY (owner, run_id));"
    )
    import json
    import time

    con.execute(
        "INSERT INTO runs VALUES (?, 'old', ?, ?, 'finished', ?, NULL, 0)",
        (owner_key(token), time.time(), time.time(), json.dumps(RECORD)),
    )
    con.commit()
    con.close()
    store = RunStore(tmp_path)
    store.save(token, "new", status="finished", record=RECORD, write_frames=write_frames(frames()))
    runs = {r.run_id: r for r in store.runs(token)[0]}
    assert runs["old"].record == RECORD and runs["old"].frames_path is None
    assert runs["new"].frames_path is not None
