"""Real Bitrix24 client libraries from PyPI drive the server over the network, unchanged.

fast-bitrix24 takes any webhook URL (it sends JSON POSTs and wraps single calls into `batch`);
b24pysdk, the official SDK, builds `https://{domain}/rest/...` itself and so needs `--tls` with the
server's CA trusted through REQUESTS_CA_BUNDLE. @bitrix24/b24jssdk (npm, pinned in package.json) takes
only https webhook URLs; a small Node script (node/b24jssdk_drive.mjs) drives it, with the CA trusted
through NODE_EXTRA_CA_CERTS, where Node and the package are installed.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import shutil
import subprocess
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reference_server.process import serving

FLOW = {"plannedCompletionTime": 3600, "distributionType": "queue", "responsibleList": [["user", "2"]]}
# one worker runs the module: its two servers start once (pytest-xdist, --dist loadgroup)
pytestmark = pytest.mark.xdist_group("real-clients")


@pytest.fixture(scope="module")
def http_port() -> Iterator[int]:
    with serving("--no-limits") as server:
        yield server.port


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, Path]]:
    ca = tmp_path_factory.mktemp("tls") / "ca.pem"
    with serving("--no-limits", "--tls", "--ca-file", str(ca)) as server:
        yield server.port, ca


@pytest.fixture
def own_event_loop() -> Iterator[None]:
    """fast_bitrix24's sync calls run on `asyncio.get_event_loop()`, which makes a loop, keeps it as
    the thread's loop and never closes it; dropped by a later test, it warns (ResourceWarning) in
    whichever test the garbage collector happens to run. Closed here, after the test that used it."""
    yield
    # RuntimeError: asyncio.run() ran since and unset the loop, which it closed itself
    with warnings.catch_warnings(), contextlib.suppress(RuntimeError):
        warnings.simplefilter("ignore", DeprecationWarning)
        asyncio.get_event_loop().close()
    # a fresh policy: the next get_event_loop() makes a new loop, as on first use (after
    # set_event_loop(None) it would raise instead)
    asyncio.set_event_loop_policy(None)


@pytest.mark.usefixtures("own_event_loop")
def test_fast_bitrix24_over_http(http_port: int) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the library's own deprecation noise is not ours to fail on
        from fast_bitrix24 import Bitrix  # type: ignore[import-untyped]  # noqa: PLC0415

        bx = Bitrix(f"http://127.0.0.1:{http_port}/rest/1/reference-admin/", verbose=False)
        created: dict[str, Any] = bx.call(
            "tasks.flow.Flow.create", {"flowData": {"name": "Fast", **FLOW}}, raw=True
        )
        flow_id = created["result"]["id"]
        assert set(created["time"]) >= {"start", "finish", "duration"}
        # non-raw calls travel inside a batch built by the library, keyed by its own command ids
        got = bx.call("tasks.flow.Flow.get", {"flowId": flow_id})
        assert next(iter(got.values()))["name"] == "Fast"
        updated = bx.call(
            "tasks.flow.Flow.update",
            {"flowData": {"id": flow_id, "description": "from fast", "responsibleList": [["user", "2"]]}},
        )
        assert next(iter(updated.values()))["description"] == "from fast"
        assert bx.call("tasks.flow.Flow.activate", {"flowId": flow_id}, raw=True)["result"] is True
        assert bx.call("tasks.flow.Flow.pin", {"flowId": flow_id}, raw=True)["result"] is True
        out = bx.call_batch(
            {
                "halt": 0,
                "cmd": {
                    "read": f"tasks.flow.Flow.get?flowId={flow_id}",
                    "exists": "tasks.flow.Flow.isExists?flowData[name]=$result[read][name]",
                },
            }
        )
        assert out["read"]["active"] is False
        assert out["exists"] == {"exists": True}
        deleted = bx.call("tasks.flow.Flow.delete", {"flowData": {"id": flow_id}}, raw=True)
        assert deleted["result"] == {"deleted": True}


def test_b24pysdk_over_https(tls_server: tuple[int, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    port, ca = tls_server
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(ca))
    from b24pysdk import BitrixWebhook, Client  # type: ignore[import-untyped]  # noqa: PLC0415

    client = Client(BitrixWebhook(domain=f"127.0.0.1:{port}", webhook_token="1/reference-admin"))
    flows = client.tasks.flow.flow
    flow_id = flows.create(flow_data={"name": "SDK", **FLOW}).result["id"]
    assert flows.get(flow_id=flow_id).result["name"] == "SDK"
    updated = flows.update(
        flow_data={"id": flow_id, "description": "sdk", "responsibleList": [["user", "2"]]}
    )
    assert updated.result["description"] == "sdk"
    assert flows.activate(flow_id=flow_id).result is True
    assert flows.pin(flow_id=flow_id).result is True
    assert flows.pin(flow_id=flow_id).result is False
    batch = client.call_batch(
        {"a": flows.get(flow_id=flow_id), "b": flows.is_exists(flow_data={"name": "SDK"})}
    )
    assert batch.result.result["a"]["active"] is False
    assert batch.result.result["b"] == {"exists": True}
    assert flows.delete(flow_data={"id": flow_id}).result == {"deleted": True}


def test_tls_server_trusts_only_its_ca(tls_server: tuple[int, Path]) -> None:
    import ssl  # noqa: PLC0415

    import httpx  # noqa: PLC0415

    port, ca = tls_server
    url = f"https://127.0.0.1:{port}/rest/1/reference-admin/tasks.flow.Flow.isExists"
    with httpx.Client(verify=ssl.create_default_context(cafile=str(ca))) as client:
        assert client.post(url, json={"flowData": {"name": "x"}}).status_code == 200
    with httpx.Client() as client, pytest.raises(httpx.ConnectError):
        client.post(url, json={"flowData": {"name": "x"}})


ROOT = Path(__file__).resolve().parents[2]
JSSDK_SCRIPT = Path(__file__).parent / "node" / "b24jssdk_drive.mjs"


def _jssdk_missing() -> str | None:
    """Why the b24jssdk check cannot run here, or None when it can."""
    if shutil.which("node") is None:
        return "Node.js is not installed"
    if not (ROOT / "node_modules" / "@bitrix24" / "b24jssdk" / "package.json").is_file():
        return "@bitrix24/b24jssdk is not installed (npm ci installs it from package-lock.json)"
    return None


def test_b24jssdk_over_https(tls_server: tuple[int, Path]) -> None:
    """The JS SDK's single calls, its batch with a `$result` reference between two commands and a
    bizproc list all work against the server, unchanged."""
    missing = _jssdk_missing()
    if missing is not None:
        pytest.skip(missing)
    port, ca = tls_server
    done = subprocess.run(
        ["node", str(JSSDK_SCRIPT), f"https://127.0.0.1:{port}/rest/1/reference-admin/"],
        env={**os.environ, "NODE_EXTRA_CA_CERTS": str(ca)},
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    out = json.loads(done.stdout)
    flow = out["created"]["result"]
    assert flow["name"] == "From b24jssdk" and set(out["created"]["time"]) >= {"start", "finish"}
    assert out["got"]["result"]["id"] == flow["id"]
    assert out["batchOk"] is True
    assert out["batch"]["read"]["name"] == "From b24jssdk"
    assert out["batch"]["exists"] == {"exists": True}  # the reference reached the second command
    assert out["batch"]["instances"] == []
    assert out["deleted"]["result"] == {"deleted": True}
