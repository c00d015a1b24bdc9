"""Concurrent requests never corrupt state."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from reference_server.process import serving

# an existing group: without one each create would also make a group named like the flow (D52)
BODY = {
    "plannedCompletionTime": 3600,
    "distributionType": "queue",
    "responsibleList": [["user", "2"]],
    "groupId": 1,
}


def test_50_concurrent_creates_of_one_name(tmp_path: Path) -> None:
    with serving("--no-limits", "--db", str(tmp_path / "db.sqlite")) as server:
        url = f"{server.webhook}/tasks.flow.Flow.create"

        def create(name: str) -> httpx.Response:
            return httpx.post(url, json={"flowData": {"name": name, **BODY}}, timeout=30)

        with ThreadPoolExecutor(max_workers=50) as pool:
            same = list(pool.map(create, ["Contested"] * 50))
            distinct = list(pool.map(create, [f"Own {i}" for i in range(50)]))
    assert sorted(r.status_code for r in same) == [200] + [400] * 49
    assert {r.json()["error_description"] for r in same if r.status_code == 400} == {
        "A flow with this name already exists."
    }
    ids = [r.json()["result"]["id"] for r in distinct]
    assert all(r.status_code == 200 for r in distinct)
    assert len(set(ids)) == 50
