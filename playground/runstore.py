"""The run store: training runs that outlive the browser session — SQLite for what a run is, model files beside it.

A run belongs to one browser, named by an *owner token*: ≥ 128 random bits the browser keeps (a cookie set by the
app, never part of a link). The store keeps only the token's SHA-256, so the database alone does not let anyone
act as an owner, and every call is scoped to one owner: no call lists or reads another owner's runs.

Layout of the data folder (`$PLAYGROUND_DATA_DIR`, default `$XDG_CACHE_HOME/cnn-playground` or
`~/.cache/cnn-playground`)::

    runs.sqlite3                     metadata, settings, histories, events, test metrics (one row per run)
    models/<owner hash[:16]>/<run>.keras   the trained model, written atomically (temp file + rename)
    models/<owner hash[:16]>/<run>.frames.npz   the run's watch frames (playground.lab.watch.save_frames), likewise

Limits: runs expire `ttl_days` after their last change; an owner's runs and all runs together have a disk budget
(model and frames files), the oldest runs go first. Every call that removed or could not do something returns or
records a `StoreNotice` (a code with values; the UI words it in both languages), never an English sentence.

Faults, each leaving everything else intact:
* a damaged database file is moved aside (`runs.sqlite3.damaged-<time>`) and a new one started (notice
  "store_damaged"); model files stay where they are;
* a database locked by another process for longer than `busy_timeout_s` → `StoreUnavailable` ("store_locked");
* a model file that cannot be written (disk full, read-only folder) → the run's record is kept without a model
  (notice "model_not_saved"); a model file that went missing → the run comes back without a model
  ("model_missing"); the same for the frames file ("frames_not_saved"; a missing one → `frames_path` None, and
  the page says the replay is unavailable);
* two tabs (threads or processes) saving at once: SQLite's WAL mode and `BEGIN IMMEDIATE` serialise the writes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import re
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playground._checks import check_number, invalid

SCHEMA_VERSION = 1
DB_NAME = "runs.sqlite3"
TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{22,128}$")  # 22 url-safe base64 characters = 132 bits
DEFAULT_TTL_DAYS = 7.0
NOTICE_CODES = {  # every StoreNotice / StoreUnavailable code and the values it carries (ui/texts/store.py words them)
    "store_damaged": ("path",),
    "store_locked": ("seconds",),
    "store_unreadable": ("reason",),
    "model_not_saved": ("run_id", "reason"),
    "model_missing": ("run_id",),
    "frames_not_saved": ("run_id", "reason"),
    "expired": ("count",),
    "over_owner_budget": ("run_ids", "budget_mb"),
    "over_total_budget": ("count", "budget_mb"),
    "forgotten": ("count",),
}
DEFAULT_OWNER_BUDGET_MB = 200.0
DEFAULT_TOTAL_BUDGET_MB = 2000.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    owner TEXT NOT NULL,             -- sha256 of the owner token
    run_id TEXT NOT NULL,
    created REAL NOT NULL,           -- unix time
    updated REAL NOT NULL,
    status TEXT NOT NULL,
    record TEXT NOT NULL,            -- JSON: config, history, batch_loss, events, stop_reason, duration_s, test_metrics
    model_file TEXT,                 -- relative to the data folder, NULL when there is no model
    model_bytes INTEGER NOT NULL DEFAULT 0,
    frames_file TEXT,                -- the watch frames (.npz), relative to the data folder, NULL when none
    frames_bytes INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (owner, run_id)
);
CREATE INDEX IF NOT EXISTS runs_by_age ON runs (updated);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


class StoreUnavailable(RuntimeError):
    """The store cannot answer now (locked by another process, unreadable folder); `code` says which."""

    def __init__(self, code: str, **values: Any):
        super().__init__(f"{code}: {values}")
        self.code = code
        self.values = values


@dataclass(frozen=True)
class StoreNotice:
    """Something the store did or could not do that the user should hear about. Codes:

    store_damaged (path), store_locked, model_not_saved (run_id, reason), model_missing (run_id),
    expired (count), over_owner_budget (run_ids, budget_mb), over_total_budget (count, budget_mb), forgotten (count).
    """

    code: str
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class StoredRun:
    """One run as stored: its record (plain JSON data) and where its model file is, if it has one."""

    run_id: str
    status: str
    created: float
    updated: float
    record: dict[str, Any]
    model_path: Path | None  # None: saved without a model, or the file went missing (see the notices)
    model_bytes: int
    frames_path: Path | None = None  # the watch frames file; None: saved without frames, or the file went missing


def default_data_dir() -> Path:
    """`$PLAYGROUND_DATA_DIR`, else `$XDG_CACHE_HOME/cnn-playground`, else `~/.cache/cnn-playground`."""
    if os.environ.get("PLAYGROUND_DATA_DIR"):
        return Path(os.environ["PLAYGROUND_DATA_DIR"])
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "cnn-playground"


def new_owner_token() -> str:
    """A fresh owner token: 32 random bytes, url-safe base64 (256 bits)."""
    import secrets

    return secrets.token_urlsafe(32)


def check_token(token: Any) -> str:
    """The token if it looks like one the app made (22–128 url-safe characters), else ValueError."""
    if not isinstance(token, str) or not TOKEN_PATTERN.match(token):
        raise invalid("token", "22 to 128 url-safe characters", "…", show="a value that is not an owner token")
    return token


def owner_key(token: str) -> str:
    """What the store keeps instead of the token: its SHA-256 (hex)."""
    return hashlib.sha256(check_token(token).encode()).hexdigest()


def _json_default(value: Any) -> Any:
    if hasattr(value, "tolist"):  # numpy scalars and arrays
        return value.tolist()
    if isinstance(value, tuple | set):
        return list(value)
    raise TypeError(f"not JSON-serialisable: {type(value).__name__}")


def _dumps(record: dict[str, Any]) -> str:
    def clean(v: Any) -> Any:  # NaN / inf are not JSON: store them as null ("—" on screen)
        if isinstance(v, float) and not math.isfinite(v):
            return None
        if isinstance(v, dict):
            return {str(k): clean(x) for k, x in v.items()}
        if isinstance(v, list | tuple):
            return [clean(x) for x in v]
        return v

    return json.dumps(clean(json.loads(json.dumps(record, default=_json_default))), separators=(",", ":"))


class RunStore:
    """Runs of many owners in one data folder. Thread- and process-safe; one short connection per call.

    Args:
        root: the data folder (created if missing).
        ttl_days: a run expires this long after its last change.
        owner_budget_mb / total_budget_mb: model and frames files' disk budget per owner and in all.
        busy_timeout_s: how long a call waits for another writer before `StoreUnavailable("store_locked")`.
    """

    def __init__(
        self,
        root: Path | str | None = None,
        *,
        ttl_days: float = DEFAULT_TTL_DAYS,
        owner_budget_mb: float = DEFAULT_OWNER_BUDGET_MB,
        total_budget_mb: float = DEFAULT_TOTAL_BUDGET_MB,
        busy_timeout_s: float = 5.0,
        clock: Callable[[], float] = time.time,
    ):
        self.root = Path(root) if root is not None else default_data_dir()
        self.ttl_s = check_number("ttl_days", ttl_days, low=0, low_open=True) * 86400
        self.owner_budget = check_number("owner_budget_mb", owner_budget_mb, low=0, low_open=True) * 2**20
        self.total_budget = check_number("total_budget_mb", total_budget_mb, low=0, low_open=True) * 2**20
        self.busy_timeout_s = check_number("busy_timeout_s", busy_timeout_s, low=0)
        self.clock = clock
        self.notices: list[StoreNotice] = []  # what happened when the store opened (damaged file, expiry)
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "models").mkdir(exist_ok=True)
        self.db_path = self.root / DB_NAME
        self._open_schema()
        expired = self.expire()
        if expired:
            self.notices.append(StoreNotice("expired", {"count": expired}))

    # ---------------------------------------------------------------------------------------------- connection
    def _connect(self) -> sqlite3.Connection:
        con = sqlite3.connect(self.db_path, timeout=self.busy_timeout_s, isolation_level=None)
        con.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout_s * 1000)}")
        return con

    @contextlib.contextmanager
    def _tx(self, *, write: bool) -> Iterator[sqlite3.Connection]:
        """One connection, one transaction (`BEGIN IMMEDIATE` for writes: the write lock is taken at once)."""
        try:
            con = self._connect()
        except sqlite3.OperationalError as err:
            raise StoreUnavailable("store_unreadable", reason=f"{self.db_path}: {err}") from err
        try:
            con.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            yield con
            con.execute("COMMIT")
        except sqlite3.OperationalError as err:
            with contextlib.suppress(sqlite3.Error):
                con.execute("ROLLBACK")
            if "locked" in str(err) or "busy" in str(err):
                raise StoreUnavailable("store_locked", seconds=self.busy_timeout_s) from err
            raise
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                con.execute("ROLLBACK")
            raise
        finally:
            con.close()

    def _open_schema(self) -> None:
        """Create the tables; a file that is not a readable SQLite database is moved aside, never deleted."""
        for attempt in range(2):
            try:
                con = self._connect()
                try:
                    con.execute("PRAGMA journal_mode = WAL")
                    if con.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                        raise sqlite3.DatabaseError("quick_check failed")
                    con.executescript(_SCHEMA)
                    columns = {row[1] for row in con.execute("PRAGMA table_info(runs)")}
                    for column, kind in (("frames_file", "TEXT"), ("frames_bytes", "INTEGER NOT NULL DEFAULT 0")):
                        if column not in columns:  # a database from before the watch frames were kept
                            con.execute(f"ALTER TABLE runs ADD COLUMN {column} {kind}")
                    con.execute(
                        "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
                    )
                finally:
                    con.close()
                return
            except sqlite3.OperationalError as err:
                if "locked" in str(err) or "busy" in str(err):
                    raise StoreUnavailable("store_locked", seconds=self.busy_timeout_s) from err
                raise StoreUnavailable("store_unreadable", reason=f"{self.db_path}: {err}") from err
            except sqlite3.DatabaseError:
                if attempt:
                    raise
                aside = self.db_path.with_name(f"{DB_NAME}.damaged-{int(self.clock())}")
                for suffix in ("", "-wal", "-shm"):
                    part = Path(str(self.db_path) + suffix)
                    if part.exists():
                        os.replace(part, Path(str(aside) + suffix))
                self.notices.append(StoreNotice("store_damaged", {"path": str(aside)}))

    # ------------------------------------------------------------------------------------------------- writing
    def save(
        self,
        token: str,
        run_id: str,
        *,
        status: str,
        record: dict[str, Any],
        write_model: Callable[[Path], None] | None = None,
        write_frames: Callable[[Path], None] | None = None,
    ) -> list[StoreNotice]:
        """Store (or replace) one run of the owner of `token`; returns what the user should be told.

        Args:
            run_id: the run's id, unique per owner (1–64 characters: letters, digits, "-", "_", ".").
            status: "finished", "stopped", "early_stopped", "failed", "restored", ...
            record: plain data (JSON-serialisable; numpy values are converted, NaN/inf become null).
            write_model: writes the model to the path it is given (e.g. `lambda p: model.save(p)`); None = no model.
            write_frames: writes the run's watch frames to the path it is given
                (`lambda p: playground.lab.watch.save_frames(run.watch, p)`); None = no frames.
        """
        owner = owner_key(token)
        if not isinstance(run_id, str) or not re.fullmatch(r"[A-Za-z0-9_.-]{1,64}", run_id):
            raise invalid("run_id", "1–64 letters, digits, '-', '_' or '.'", run_id)
        text = _dumps(record)
        notices: list[StoreNotice] = []
        model_rel, model_bytes = self._write_file(owner, run_id, ".keras", write_model, "model_not_saved", notices)
        frames_rel, frames_bytes = self._write_file(
            owner, run_id, ".frames.npz", write_frames, "frames_not_saved", notices
        )
        now = self.clock()
        with self._tx(write=True) as con:
            old = con.execute(
                "SELECT model_file, frames_file FROM runs WHERE owner = ? AND run_id = ?", (owner, run_id)
            ).fetchone()
            con.execute(
                "INSERT INTO runs (owner, run_id, created, updated, status, record, model_file, model_bytes,"
                " frames_file, frames_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (owner, run_id) DO UPDATE SET updated = excluded.updated,"
                " status = excluded.status, record = excluded.record,"
                " model_file = COALESCE(excluded.model_file, runs.model_file),"
                " model_bytes = CASE WHEN excluded.model_file IS NULL THEN runs.model_bytes"
                " ELSE excluded.model_bytes END,"
                " frames_file = COALESCE(excluded.frames_file, runs.frames_file),"
                " frames_bytes = CASE WHEN excluded.frames_file IS NULL THEN runs.frames_bytes"
                " ELSE excluded.frames_bytes END",
                (owner, run_id, now, now, status, text, model_rel, model_bytes, frames_rel, frames_bytes),
            )
        if old:
            for before, after in zip(old, (model_rel, frames_rel), strict=True):
                if before and after and before != after:
                    self._unlink(before)
        notices += self._enforce_budgets(owner)
        return notices

    def _write_file(
        self,
        owner: str,
        run_id: str,
        suffix: str,
        write: Callable[[Path], None] | None,
        failure: str,
        notices: list[StoreNotice],
    ) -> tuple[str | None, int]:
        """Write one of a run's files atomically (temp file + rename): (path relative to the data folder, bytes), or
        (None, 0) with a `failure` notice when it cannot be written (disk full, read-only folder)."""
        if write is None:
            return None, 0
        folder = self.root / "models" / owner[:16]
        final = folder / f"{run_id}-{uuid.uuid4().hex[:8]}{suffix}"
        temp = final.with_name(f".{final.name}.tmp{suffix}")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            write(temp)
            os.replace(temp, final)
            return str(final.relative_to(self.root)), final.stat().st_size
        except OSError as err:
            with contextlib.suppress(OSError):
                temp.unlink()
            notices.append(StoreNotice(failure, {"run_id": run_id, "reason": err.strerror or str(err)}))
            return None, 0

    def set_test_metrics(self, token: str, run_id: str, metrics: dict[str, float]) -> bool:
        """Add the test-set evaluation to a stored run's record; False when there is no such run of this owner."""
        owner = owner_key(token)
        with self._tx(write=True) as con:
            row = con.execute("SELECT record FROM runs WHERE owner = ? AND run_id = ?", (owner, run_id)).fetchone()
            if row is None:
                return False
            record = json.loads(row[0])
            record["test_metrics"] = metrics
            con.execute(
                "UPDATE runs SET record = ?, updated = ? WHERE owner = ? AND run_id = ?",
                (_dumps(record), self.clock(), owner, run_id),
            )
        return True

    # ------------------------------------------------------------------------------------------------- reading
    def runs(self, token: str) -> tuple[list[StoredRun], list[StoreNotice]]:
        """The owner's runs, oldest first, and notices (e.g. a model file that went missing)."""
        owner = owner_key(token)
        with self._tx(write=False) as con:
            rows = con.execute(
                "SELECT run_id, status, created, updated, record, model_file, model_bytes, frames_file FROM runs "
                "WHERE owner = ? ORDER BY created, run_id",
                (owner,),
            ).fetchall()
        out, notices = [], []
        for run_id, status, created, updated, record, model_file, model_bytes, frames_file in rows:
            path = self.root / model_file if model_file else None
            if path is not None and not path.is_file():
                notices.append(StoreNotice("model_missing", {"run_id": run_id}))
                path = None
            frames = self.root / frames_file if frames_file else None
            if frames is not None and not frames.is_file():
                frames = None  # (no notice: the page says the replay is unavailable when it is asked for)
            try:
                data = json.loads(record)
            except json.JSONDecodeError:
                data = {}
            out.append(StoredRun(run_id, status, created, updated, data, path, model_bytes if path else 0, frames))
        return out, notices

    def usage(self, token: str | None = None) -> int:
        """Bytes of model and frames files of one owner (or of all owners)."""
        with self._tx(write=False) as con:
            if token is None:
                row = con.execute("SELECT COALESCE(SUM(model_bytes + frames_bytes), 0) FROM runs").fetchone()
            else:
                row = con.execute(
                    "SELECT COALESCE(SUM(model_bytes + frames_bytes), 0) FROM runs WHERE owner = ?",
                    (owner_key(token),),
                ).fetchone()
        return int(row[0])

    # ------------------------------------------------------------------------------------------------ removing
    def delete(self, token: str, run_id: str) -> bool:
        owner = owner_key(token)
        with self._tx(write=True) as con:
            row = con.execute(
                "SELECT model_file, frames_file FROM runs WHERE owner = ? AND run_id = ?", (owner, run_id)
            ).fetchone()
            con.execute("DELETE FROM runs WHERE owner = ? AND run_id = ?", (owner, run_id))
        for f in row or ():
            if f:
                self._unlink(f)
        return row is not None

    def forget_owner(self, token: str) -> StoreNotice:
        """ "Forget my runs": every run and model file of this owner."""
        owner = owner_key(token)
        with self._tx(write=True) as con:
            rows = con.execute("SELECT model_file, frames_file FROM runs WHERE owner = ?", (owner,))
            files = [f for r in rows for f in r if f]
            count = con.execute("DELETE FROM runs WHERE owner = ?", (owner,)).rowcount
        for f in files:
            self._unlink(f)
        with contextlib.suppress(OSError):
            (self.root / "models" / owner[:16]).rmdir()
        return StoreNotice("forgotten", {"count": count})

    def expire(self) -> int:
        """Remove runs unchanged for longer than the time to live; returns how many."""
        cutoff = self.clock() - self.ttl_s
        with self._tx(write=True) as con:
            rows = con.execute("SELECT model_file, frames_file FROM runs WHERE updated < ?", (cutoff,))
            files = [f for r in rows for f in r if f]
            count = con.execute("DELETE FROM runs WHERE updated < ?", (cutoff,)).rowcount
        for f in files:
            self._unlink(f)
        return count

    def _enforce_budgets(self, owner: str) -> list[StoreNotice]:
        """Drop the oldest runs (by last change) while the owner's, then everyone's, model and frames files exceed a
        budget."""
        notices = []
        for scope, budget, code in ((owner, self.owner_budget, "over_owner_budget"), (None, self.total_budget, "")):
            removed: list[str] = []
            with self._tx(write=True) as con:
                where, args = ("WHERE owner = ?", (scope,)) if scope else ("", ())
                rows = con.execute(
                    f"SELECT owner, run_id, model_file, model_bytes + frames_bytes, frames_file FROM runs {where}"
                    " ORDER BY updated DESC",
                    args,
                ).fetchall()
                total = sum(r[3] for r in rows)
                for row_owner, run_id, model_file, size, frames_file in reversed(rows):  # oldest first
                    if total <= budget or len(rows) - len(removed) <= 1:  # never drop the run just saved
                        break
                    if not size:
                        continue
                    con.execute("DELETE FROM runs WHERE owner = ? AND run_id = ?", (row_owner, run_id))
                    total -= size
                    removed.append(run_id if row_owner == owner else "")
                    for f in (model_file, frames_file):
                        if f:
                            self._unlink(f)
            mine = [r for r in removed if r]
            if scope and mine:
                notices.append(StoreNotice(code, {"run_ids": mine, "budget_mb": round(budget / 2**20)}))
            elif not scope and removed:
                notices.append(
                    StoreNotice("over_total_budget", {"count": len(removed), "budget_mb": round(budget / 2**20)})
                )
        return notices

    def _unlink(self, relative: str) -> None:
        path = (self.root / relative).resolve()
        if self.root.resolve() in path.parents:  # never outside the data folder, whatever the row says
            with contextlib.suppress(OSError):
                path.unlink()


def store_from_env() -> RunStore:
    """The app's store, configured by `PLAYGROUND_DATA_DIR`, `PLAYGROUND_RUN_TTL_DAYS`,
    `PLAYGROUND_OWNER_BUDGET_MB` and `PLAYGROUND_TOTAL_BUDGET_MB`."""

    def number(name: str, default: float) -> float:
        raw = os.environ.get(name)
        return check_number(name, float(raw), low=0, low_open=True) if raw else default

    return RunStore(
        default_data_dir(),
        ttl_days=number("PLAYGROUND_RUN_TTL_DAYS", DEFAULT_TTL_DAYS),
        owner_budget_mb=number("PLAYGROUND_OWNER_BUDGET_MB", DEFAULT_OWNER_BUDGET_MB),
        total_budget_mb=number("PLAYGROUND_TOTAL_BUDGET_MB", DEFAULT_TOTAL_BUDGET_MB),
    )


__all__ = [
    "RunStore",
    "StoreNotice",
    "StoreUnavailable",
    "StoredRun",
    "check_token",
    "default_data_dir",
    "new_owner_token",
    "owner_key",
    "store_from_env",
]
