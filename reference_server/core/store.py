"""Portal state: flows, per-user pins, workgroups, id counters, and the business-process records
(templates, workflows, tasks, robots and actions, handler calls) as JSON documents by kind and key.

Everything lives in dicts. With a database file every change is also written to SQLite and committed
before the call answers, so an acknowledged change survives a restart or a kill -9. All access goes
through one re-entrant lock: handlers run one at a time, which is what makes "50 concurrent creates of
one name, exactly one succeeds" hold.
"""

from __future__ import annotations

import fcntl
import json
import os
import sqlite3
import threading
from pathlib import Path
from typing import Any

from .identities import Group

_SCHEMA = """
CREATE TABLE IF NOT EXISTS flows (id INTEGER PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS pins (user_id INTEGER, flow_id INTEGER, PRIMARY KEY (user_id, flow_id));
CREATE TABLE IF NOT EXISTS groups (id INTEGER PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS records (kind TEXT, key TEXT, data TEXT NOT NULL, PRIMARY KEY (kind, key));
"""


class StoreLockedError(RuntimeError):
    """Another process serves the same database file."""


def _lock(db: Path) -> int:
    """An exclusive lock on `<db>.lock`, held as long as the returned descriptor is open.

    Two servers on one file would each keep their own counters and overwrite each other's rows
    (both hand out id 1); the second one refuses to start instead. flock is tied to the open file,
    so the lock goes with the process, also on kill -9."""
    path = Path(f"{db}.lock")
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise StoreLockedError(f"{db} is in use by another reference server (lock file {path})") from None
    return fd


def flow_name_key(name: str) -> str:
    """How the portal's database compares names: SQL `=` under a case-insensitive collation that pads
    with spaces, so letter case and trailing spaces do not count; leading spaces do (D55)."""
    return name.rstrip(" ").casefold()


class Store:
    def __init__(self, db: Path | None = None, groups: dict[int, Group] | None = None) -> None:
        self.lock = threading.RLock()
        self.flows: dict[int, dict[str, Any]] = {}
        # name key -> flow id: the uniqueness check must not scan every flow on each create
        self.flow_names: dict[str, int] = {}
        self.pins: set[tuple[int, int]] = set()
        self.groups: dict[int, Group] = dict(groups or {})
        # name key -> group id: create checks a new group's name without scanning every group
        self.group_names: dict[str, int] = {flow_name_key(g.name): g.id for g in self.groups.values()}
        self.counters: dict[str, int] = {}
        # kind -> key -> record; dicts keep insertion order, which is creation order
        self.records: dict[str, dict[str, dict[str, Any]]] = {}
        self._db: sqlite3.Connection | None = None
        self._lock_fd: int | None = None
        if db is not None:
            self._lock_fd = _lock(db)
            self._db = sqlite3.connect(db, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.executescript(_SCHEMA)
            self._load()

    def _load(self) -> None:
        assert self._db is not None
        for (data,) in self._db.execute("SELECT data FROM flows"):
            self._index_flow(json.loads(data))
        self.pins = {(int(u), int(f)) for u, f in self._db.execute("SELECT user_id, flow_id FROM pins")}
        for group_id, data in self._db.execute("SELECT id, data FROM groups"):
            raw = json.loads(data)
            self.groups[int(group_id)] = Group(
                int(group_id),
                raw["name"],
                tuple(raw["members"]),
                tasks=raw.get("tasks", True),
                closed=raw.get("closed", False),
            )
        self.group_names = {flow_name_key(g.name): g.id for g in self.groups.values()}
        self.counters = {str(n): int(v) for n, v in self._db.execute("SELECT name, value FROM counters")}
        for kind, key, data in self._db.execute("SELECT kind, key, data FROM records ORDER BY rowid"):
            self.records.setdefault(str(kind), {})[str(key)] = json.loads(data)

    def _write(self, statements: list[tuple[str, tuple[Any, ...]]]) -> None:
        """Run the statements in one transaction; dict and list arguments are stored as JSON.

        Serializing here, only when there is a database, keeps it off the in-memory path, where it
        cost about a tenth of a flow create."""
        if self._db is None:
            return
        self._db.execute("BEGIN IMMEDIATE")
        try:
            for sql, args in statements:
                self._db.execute(sql, tuple(json.dumps(a) if isinstance(a, dict | list) else a for a in args))
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def set_counter(self, name: str, value: int) -> None:
        with self.lock:
            self.counters[name] = value
            self._write([("INSERT OR REPLACE INTO counters VALUES (?, ?)", (name, value))])

    def next_id(self, name: str, floor: int = 0) -> int:
        with self.lock:
            value = max(self.counters.get(name, 0), floor) + 1
            self.counters[name] = value
            self._write([("INSERT OR REPLACE INTO counters VALUES (?, ?)", (name, value))])
            return value

    def _index_flow(self, flow: dict[str, Any]) -> None:
        flow_id = int(flow["id"])
        old = self.flows.get(flow_id)
        if old is not None and self.flow_names.get(flow_name_key(old["name"])) == flow_id:
            del self.flow_names[flow_name_key(old["name"])]
        self.flows[flow_id] = flow
        self.flow_names[flow_name_key(flow["name"])] = flow_id

    def flow_named(self, name: str) -> int | None:
        """The id of the flow with this name (after trimming and case folding), if any."""
        return self.flow_names.get(flow_name_key(name))

    def put_flow(self, flow: dict[str, Any]) -> None:
        with self.lock:
            self._index_flow(flow)
            self._write([("INSERT OR REPLACE INTO flows VALUES (?, ?)", (flow["id"], flow))])

    def delete_flow(self, flow_id: int) -> None:
        with self.lock:
            flow = self.flows.pop(flow_id, None)
            if flow is not None and self.flow_names.get(flow_name_key(flow["name"])) == flow_id:
                del self.flow_names[flow_name_key(flow["name"])]
            self.pins = {p for p in self.pins if p[1] != flow_id}
            self._write(
                [
                    ("DELETE FROM flows WHERE id = ?", (flow_id,)),
                    ("DELETE FROM pins WHERE flow_id = ?", (flow_id,)),
                ]
            )

    def toggle_pin(self, user_id: int, flow_id: int) -> bool:
        with self.lock:
            key = (user_id, flow_id)
            if key in self.pins:
                self.pins.discard(key)
                self._write([("DELETE FROM pins WHERE user_id = ? AND flow_id = ?", key)])
                return False
            self.pins.add(key)
            self._write([("INSERT OR REPLACE INTO pins VALUES (?, ?)", key)])
            return True

    def put_group(self, group: Group) -> None:
        with self.lock:
            self.groups[group.id] = group
            self.group_names[flow_name_key(group.name)] = group.id
            data = {
                "name": group.name,
                "members": list(group.members),
                "tasks": group.tasks,
                "closed": group.closed,
            }
            self._write([("INSERT OR REPLACE INTO groups VALUES (?, ?)", (group.id, data))])

    def of(self, kind: str) -> dict[str, dict[str, Any]]:
        """The records of one kind, by key (read only: change them through `save`)."""
        return self.records.setdefault(kind, {})

    def save(
        self,
        puts: list[tuple[str, str, dict[str, Any]]] | None = None,
        deletes: list[tuple[str, str]] | None = None,
    ) -> None:
        """Write and delete records in one transaction, so that killing a workflow with its tasks is
        all or nothing on disk too."""
        statements: list[tuple[str, tuple[Any, ...]]] = []
        with self.lock:
            for kind, key, data in puts or []:
                self.of(kind)[key] = data
                # an upsert keeps the rowid, and with it the creation order after a restart
                upsert = "INSERT INTO records VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET data = excluded.data"
                statements.append((upsert, (kind, key, data)))
            for kind, key in deletes or []:
                self.of(kind).pop(key, None)
                statements.append(("DELETE FROM records WHERE kind = ? AND key = ?", (kind, key)))
            self._write(statements)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None
