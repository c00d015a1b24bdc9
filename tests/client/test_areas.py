"""The typed namespaces of `Bitrix24`: one per area, one method per operation, sync and async.

Which methods exist is read from the bundle's operationIds; the calls run against the in-process
reference server, the wire names against a recording transport, the types through mypy --strict, and
the README's examples against a reference server process.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from b24_client import Bitrix24, Client, errors
from b24_client.models import DistributionType, Flow

from b24_spec import conventions
from generator.bundle import bundle
from reference_server.process import serving
from tests.client.conftest import BASE_URL
from tests.conftest import ROOT

SPEC = bundle()
OPERATION_IDS = sorted(op["operationId"] for _p, _m, op in conventions.operations(SPEC))
GENERATED = ROOT / "generated" / "python"


def _path_of(operation_id: str) -> tuple[list[str], str]:
    """Namespace and method as the README explains them: the dotted name without the controller
    class (capitalised), the last part snake_cased."""
    parts = [p for p in operation_id.split(".") if not p[0].isupper()]
    return parts[:-1], re.sub(r"(?<=[a-z])(?=[A-Z])", "_", parts[-1]).lower()


def _method(b24: Bitrix24, operation_id: str, prefix: str = "") -> Any:
    namespace, name = _path_of(operation_id)
    target: Any = b24
    for part in namespace:
        target = getattr(target, part)
    return getattr(target, prefix + name)


@pytest.fixture
def b24(client: Client) -> Bitrix24:
    return Bitrix24(client)


def test_every_operation_with_a_namespace_has_a_sync_and_an_async_method(b24: Bitrix24) -> None:
    with_namespace = [op for op in OPERATION_IDS if _path_of(op)[0]]
    assert set(OPERATION_IDS) - set(with_namespace) == {"batch"}  # served by Bitrix24.batch
    for operation_id in with_namespace:
        sync, asynchronous = _method(b24, operation_id), _method(b24, operation_id, "a")
        assert f"`{operation_id}`" in (sync.__doc__ or ""), operation_id
        assert not inspect.iscoroutinefunction(sync) and inspect.iscoroutinefunction(asynchronous)
        # every argument is keyword-only
        params = list(inspect.signature(sync).parameters.values())
        assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in params), operation_id


def test_the_flow_life_cycle_through_the_namespaces(b24: Bitrix24) -> None:
    flow = b24.tasks.flow.create(
        name="Typed", planned_completion_time=7200, distribution_type=DistributionType.MANUALLY,
        responsible_list=[["user", "1"]], group_id=1,
    )  # fmt: skip
    assert isinstance(flow, Flow) and flow.name == "Typed" and flow.planned_completion_time == 7200
    assert b24.tasks.flow.get(flow_id=flow.id).id == flow.id
    assert (
        b24.tasks.flow.update(id=flow.id, description="changed", responsible_list=[["user", "2"]]).description
        == "changed"
    )
    assert b24.tasks.flow.is_exists(name="Typed").exists is True
    assert b24.tasks.flow.pin(flow_id=flow.id) is True
    assert b24.tasks.flow.activate(flow_id=flow.id) is True
    assert b24.tasks.flow.get(flow_id=flow.id).active is False
    with pytest.raises(errors.FlowNameExists):
        b24.tasks.flow.create(
            name="Typed", planned_completion_time=7200, distribution_type=DistributionType.MANUALLY,
            responsible_list=[["user", "1"]], group_id=1,
        )  # fmt: skip
    assert b24.tasks.flow.delete(id=flow.id).deleted is True
    with pytest.raises(errors.FlowNotFound):
        b24.tasks.flow.get(flow_id=flow.id)


def test_async_twins(b24: Bitrix24) -> None:
    async def scenario() -> list[Any]:
        flow = await b24.tasks.flow.acreate(
            name="Async typed", planned_completion_time=3600, distribution_type=DistributionType.HIMSELF,
            responsible_list=[["user", "3"]],
        )  # fmt: skip
        got = await b24.tasks.flow.aget(flow_id=flow.id)
        templates = await b24.bizproc.workflow.template.alist(select=["ID"])
        try:
            await b24.bizproc.workflow.astart(
                template_id=404, document_id=["crm", "CCrmDocumentLead", "LEAD_1"]
            )
        except errors.WorkflowStartTemplateNotFound as error:
            return [got.name, templates, error.error_name]
        return []

    assert asyncio.run(scenario()) == ["Async typed", [], "WorkflowStartTemplateNotFound"]


def test_keyword_arguments_go_out_under_their_wire_names() -> None:
    sent: list[Any] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append((request.url.path, json.loads(request.content)))
        return httpx.Response(200, json={"result": "wf-1"})

    client = Client(base_url=BASE_URL)
    client.set_httpx_client(httpx.Client(transport=httpx.MockTransport(answer), base_url=BASE_URL))
    b24 = Bitrix24(client)
    assert b24.bizproc.workflow.start(template_id=7, document_id=["lists", "BizprocDocument", "12"]) == "wf-1"
    with pytest.raises(errors.MalformedResponse):  # the canned answer is not a flow
        b24.tasks.flow.create(
            name="Wire", planned_completion_time=7200, distribution_type=DistributionType.QUEUE,
            responsible_list=[["user", "2"]], notify_at_half_time=1,
        )  # fmt: skip
    assert sent[0] == (
        "/rest/1/reference-admin/bizproc.workflow.start",
        {"TEMPLATE_ID": 7, "DOCUMENT_ID": ["lists", "BizprocDocument", "12"]},
    )
    flow_data = sent[1][1]["flowData"]
    assert sent[1][0].endswith("/tasks.flow.Flow.create")
    wire = ("name", "plannedCompletionTime", "distributionType", "notifyAtHalfTime")
    assert {k: flow_data[k] for k in wire} == {
        "name": "Wire", "plannedCompletionTime": 7200, "distributionType": "queue", "notifyAtHalfTime": 1,
    }  # fmt: skip


SAMPLE = """
from b24_client import Bitrix24, errors
from b24_client.models import DistributionType, Flow


def make(b24: Bitrix24) -> Flow:
    flow: Flow = b24.tasks.flow.create(
        name="Typed", planned_completion_time=7200, distribution_type=DistributionType.MANUALLY,
        responsible_list=[["user", "1"]],
    )
    exists: bool = b24.tasks.flow.is_exists(name="Typed").exists
    workflow: str = b24.bizproc.workflow.start(template_id=1, document_id=["crm", "CCrmDocumentLead", "L_1"])
    print(exists, workflow)
    return flow


async def later(b24: Bitrix24) -> int:
    try:
        return (await b24.tasks.flow.aget(flow_id=1)).id
    except errors.FlowNotFound as error:
        return len(error.statuses)
"""
WRONG = {
    "a string where the spec says integer": 'b24.tasks.flow.get(flow_id="1")',
    "a member the request does not have": "b24.tasks.flow.get(flowId=1)",
    "a missing required member": "b24.tasks.flow.get()",
    "the result used as another type": "b24.tasks.flow.get(flow_id=1).name + 1",
}


def _mypy(source: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    sample = tmp_path / "sample.py"
    sample.write_text(source, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache"), str(sample)],
        cwd=GENERATED, capture_output=True, text=True, check=False, timeout=600,
        env={"MYPYPATH": str(GENERATED), "PATH": ""},
    )  # fmt: skip


def test_a_sample_passes_mypy_strict_and_each_mistake_fails_it(tmp_path: Path) -> None:
    result = _mypy(SAMPLE, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    mistakes = "\n".join(
        f"def wrong_{i}(b24: Bitrix24) -> None:\n    {line}\n" for i, line in enumerate(WRONG.values())
    )
    result = _mypy(SAMPLE + "\n\n" + mistakes, tmp_path)
    reported = {int(m) for m in re.findall(r"sample\.py:(\d+): error", result.stdout)}
    lines = (SAMPLE + "\n\n" + mistakes).splitlines()
    for what, line in WRONG.items():
        number = next(i for i, text in enumerate(lines, 1) if text.strip() == line)
        assert number in reported, (what, result.stdout)


WEBHOOK_PLACEHOLDER = "https://your-domain.bitrix24.com/rest/1/your-webhook-code/"
_BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def _readme_blocks() -> list[str]:
    return _BLOCK.findall((GENERATED / "README.md").read_text(encoding="utf-8"))


def test_the_readme_examples_run_against_a_reference_server(tmp_path: Path) -> None:
    """Every README example that calls a portal runs as written, with the placeholders pointing at
    a reference server; a block that elides arguments (`...`) is an outline and is not run."""
    blocks = _readme_blocks()
    runnable = [b for b in blocks if "your-domain" in b and "..." not in b]
    assert any("b24.tasks.flow.create(" in b for b in runnable)
    assert any("b24.bizproc.workflow.astart(" in b for b in runnable)
    assert all("..." not in b for b in blocks if re.search(r"b24\.(tasks|bizproc)\.", b))
    with serving("--no-limits") as served:
        port = served.port
        base = f"http://127.0.0.1:{port}"
        for index, block in enumerate(runnable):
            code = (
                block.replace(WEBHOOK_PLACEHOLDER, f"{base}/rest/1/reference-admin/")
                .replace('"your-domain.bitrix24.com"', json.dumps(base))
                .replace('"access-token"', '"reference-token-admin"')
            )
            script = tmp_path / f"block_{index}.py"
            script.write_text(code, encoding="utf-8")
            result = subprocess.run(
                [sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, check=False,
                timeout=120, env={"PYTHONPATH": str(GENERATED), "PATH": ""},
            )  # fmt: skip
            assert result.returncode == 0, f"README block {index}:\n{code}\n{result.stdout}{result.stderr}"
            if "b24.tasks.flow.create(" in block:
                assert "the name is taken: A flow with this name already exists." in result.stdout
            if "b24.bizproc.workflow.astart(" in block:
                assert "WorkflowStartTemplateNotFound" in result.stdout
