"""--db keeps state across a restart and a kill -9, with nothing acknowledged lost."""

from __future__ import annotations

import signal
from pathlib import Path

import httpx

from reference_server.process import free_port, serving

BASE = "http://127.0.0.1:{port}/rest/1/reference-admin/"


def _create(client: httpx.Client, base: str, name: str) -> int:
    body = {
        "flowData": {
            "name": name,
            "plannedCompletionTime": 3600,
            "distributionType": "queue",
            "responsibleList": [["user", "2"]],
        }
    }
    response = client.post(base + "tasks.flow.Flow.create", json=body)
    assert response.status_code == 200, response.text
    flow_id: int = response.json()["result"]["id"]
    return flow_id


def test_state_survives_kill_9(tmp_path: Path) -> None:
    db = tmp_path / "portal.sqlite"
    port = free_port()
    base = BASE.format(port=port)
    with serving("--db", str(db), "--no-limits", port=port) as server, httpx.Client() as client:
        ids = [_create(client, base, f"Durable {i}") for i in range(20)]
        assert client.post(base + "tasks.flow.Flow.activate", json={"flowId": ids[0]}).status_code == 200
        assert client.post(base + "tasks.flow.Flow.pin", json={"flowId": ids[1]}).json()["result"] is True
        deleted = client.post(base + "tasks.flow.Flow.delete", json={"flowData": {"id": ids[2]}})
        assert deleted.status_code == 200
        # the moment the last answer arrived, kill without any chance to flush
        server.process.send_signal(signal.SIGKILL)
        server.process.wait(timeout=10)
    with serving("--db", str(db), "--no-limits", port=port), httpx.Client() as client:
        assert (
            client.post(base + "tasks.flow.Flow.get", json={"flowId": ids[0]}).json()["result"]["active"]
            is False
        )
        for flow_id in ids[3:]:
            response = client.post(base + "tasks.flow.Flow.get", json={"flowId": flow_id})
            assert response.status_code == 200
        gone = client.post(base + "tasks.flow.Flow.get", json={"flowId": ids[2]})
        assert gone.status_code == 400
        # the pin survived: pinning again unpins
        assert client.post(base + "tasks.flow.Flow.pin", json={"flowId": ids[1]}).json()["result"] is False
        # ids keep counting and names stay taken across the restart
        assert _create(client, base, "After restart") == ids[-1] + 1
        clash = client.post(
            base + "tasks.flow.Flow.create",
            json={
                "flowData": {
                    "name": "Durable 5",
                    "plannedCompletionTime": 3600,
                    "distributionType": "queue",
                    "responsibleList": [["user", "2"]],
                }
            },
        )
        # the group made for "Durable 5" survived too: its name refuses a create without a group
        assert clash.json()["error_description"].startswith("Cannot create project because another project")


def test_memory_state_is_lost_on_restart() -> None:
    port = free_port()
    base = BASE.format(port=port)
    with serving("--no-limits", port=port), httpx.Client() as client:
        flow_id = _create(client, base, "Ephemeral")
    with serving("--no-limits", port=port), httpx.Client() as client:
        assert client.post(base + "tasks.flow.Flow.get", json={"flowId": flow_id}).status_code == 400
