"""The reference docs (generator/docs/site.py) agree with the bundle: pages, errors, samples, no network."""

from __future__ import annotations

import ast
import copy
import html
import importlib
import json
import re
import shlex
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import httpx
import pytest

from b24_spec.bundle import BUNDLE_JSON
from generator.docs import samples as docs_samples
from generator.docs.samples import Target, python_names
from generator.docs.site import DocsBuildError, build, main

from .conftest import ROOT, page

CLIENT_PACKAGE = ROOT / "generated" / "python" / "b24_client"


def _request_examples(op: dict[str, Any], spec: dict[str, Any]) -> list[Any]:
    values = []
    for example in op["requestBody"]["content"]["application/json"].get("examples", {}).values():
        ref = example.get("$ref")
        values.append((spec["components"]["examples"][ref.rsplit("/", 1)[-1]] if ref else example)["value"])
    return values


def test_every_operation_has_a_page_linked_from_every_page(site: Path, operations: dict[str, Any]) -> None:
    pages = sorted(p.name for p in site.glob("*.html"))
    assert pages == sorted([*(f"{op_id}.html" for op_id in operations), "index.html", "protocol.html"])
    for name in pages:
        links = {value for tag, attr, value in page(site, name).urls if tag == "a" and attr == "href"}
        missing = {f"{op_id}.html" for op_id in operations} - links
        assert not missing, f"{name} does not link {sorted(missing)}"
        text = (site / name).read_text(encoding="utf-8")
        for op_id in operations:  # the inlined search index knows every operation
            assert f'"id":"{op_id}"' in text


def test_every_error_appears_in_its_table(site: Path, operations: dict[str, Any]) -> None:
    for op_id, op in operations.items():
        rows = page(site, f"{op_id}.html").error_rows
        shown = Counter((int(r["data-status"]), r["data-code"], r["data-retry"]) for r in rows)
        declared = Counter((e["status"], e["code"], e["retry"]) for e in op["x-bitrix-errors"])
        assert shown == declared, op_id
        for row, entry in zip(rows, _by_table_order(op["x-bitrix-errors"], rows), strict=True):
            cells = row["cells"].split("\x1f")
            assert cells[0] == str(entry["status"])
            assert cells[2] == " ".join(entry["message"].split()), op_id
            # "0" and "" must be visible as such, not as an empty or bare cell.
            visible = {"": '""', "0": '"0"'}.get(entry["code"], entry["code"])
            assert cells[1].startswith(visible), (op_id, cells[1])
            assert entry["retry"] in cells[4]


def _by_table_order(entries: list[dict[str, Any]], rows: list[dict[str, str]]) -> list[dict[str, Any]]:
    """Pair each table row with its catalogue entry (the table puts the method's own errors first)."""
    pool = list(entries)
    ordered = []
    for row in rows:
        message = row["cells"].split("\x1f")[2]
        match = next(
            e
            for e in pool
            if (str(e["status"]), e["code"]) == (row["data-status"], row["data-code"])
            and " ".join(e["message"].split()) == message
        )
        pool.remove(match)
        ordered.append(match)
    return ordered


def test_empty_and_zero_codes_are_shown_quoted(site: Path) -> None:
    flow = page(site, "tasks.flow.Flow.create.html").error_rows
    assert any(r["cells"].split("\x1f")[1].startswith('"0"') for r in flow)
    start = page(site, "bizproc.workflow.start.html").error_rows
    assert any(r["data-code"] == "" and r["cells"].split("\x1f")[1].startswith('""') for r in start)


def _curl_body(sample: str) -> Any:
    """Split the command as a POSIX shell would, and read the argument of `-d`."""
    words = shlex.split(sample)
    assert words[:3] == ["curl", "-X", "POST"], words
    return json.loads(words[words.index("-d") + 1])


def test_curl_quoting_survives_the_shell() -> None:
    body = {"NAME": 'it\'s "quoted"', "TEXT": "$HOME `x` \\ \n"}
    target = Target("bizproc.robot.add", "https://your-domain.bitrix24.com/rest", oauth=True)
    assert _curl_body(docs_samples.curl(target, body)) == body


def _python_body(sample: str) -> Any:
    calls = [
        node
        for node in ast.walk(ast.parse(sample))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "from_dict"
    ]
    assert len(calls) == 1
    return ast.literal_eval(calls[0].args[0])


def _typescript_body(sample: str, op_id: str) -> Any:
    match = re.search(rf'callBitrix\("{re.escape(op_id)}", (.*)\);\nconsole\.log', sample, re.DOTALL)
    assert match, sample
    return json.loads(match.group(1))


def test_samples_send_exactly_the_spec_examples(site: Path, spec: Any, operations: dict[str, Any]) -> None:
    webhook = "https://your-domain.bitrix24.com/rest/1/webhookcode"
    for op_id, op in operations.items():
        codes = page(site, f"{op_id}.html").codes
        examples = _request_examples(op, spec)
        assert examples, op_id
        assert (
            len(codes["lang-curl"])
            == len(codes["lang-python"])
            == len(codes["lang-typescript"])
            == len(examples)
        )
        for value, curl, py, ts in zip(
            examples, codes["lang-curl"], codes["lang-python"], codes["lang-typescript"], strict=True
        ):
            assert _curl_body(curl) == value, op_id
            assert _python_body(py) == value, op_id
            assert _typescript_body(ts, op_id) == value, op_id
            if op.get("x-bitrix-app-context"):
                # webhooks are refused: the samples authenticate as an application
                assert f"https://your-domain.bitrix24.com/rest/{op_id}?auth=" in curl
                assert "auth" in py and "auth=" in ts
            else:
                assert curl.rstrip().endswith(f"{webhook}/{op_id}")
            assert '"error" in data' in ts  # errors under HTTP 200 are caught by member, not status


def test_python_sample_names_match_the_generated_client(site: Path, operations: dict[str, Any]) -> None:
    # Names read off a client generated by openapi-python-client 0.29.1 from this bundle.
    known = {
        "tasks.flow.Flow.create": (
            "b24_client.api.tasks_flow",
            "tasks_flow_flow_create",
            "TasksFlowFlowCreateBody",
        ),
        "tasks.flow.Flow.isExists": (
            "b24_client.api.tasks_flow",
            "tasks_flow_flow_is_exists",
            "TasksFlowFlowIsExistsBody",
        ),
        "bizproc.activity.add": (
            "b24_client.api.bizproc_activity",
            "bizproc_activity_add",
            "ActivityRegistration",
        ),
        "bizproc.event.send": ("b24_client.api.bizproc_robot", "bizproc_event_send", "BizprocEventSendBody"),
        "bizproc.workflow.instances": (
            "b24_client.api.bizproc_workflow",
            "bizproc_workflow_instances",
            "WorkflowInstanceListRequest",
        ),
        "bizproc.workflow.template.add": (
            "b24_client.api.bizproc_workflow_template",
            "bizproc_workflow_template_add",
            "BizprocWorkflowTemplateAddBody",
        ),
        "batch": ("b24_client.api.batch", "batch", "BatchBody"),
    }
    for op_id, (module_path, module, body_class) in known.items():
        sample = page(site, f"{op_id}.html").codes["lang-python"][0]
        assert f"from {module_path} import {module}\n" in sample
        models = ", ".join(sorted(["ErrorResponse", body_class]))  # isort order
        assert f"from b24_client.models import {models}\n" in sample
        assert f"response = {module}.sync(client=client, body=body)" in sample
    if CLIENT_PACKAGE.is_dir():  # once the generated client is in the tree, check every operation against it
        for op_id, op in operations.items():
            names = python_names(
                op_id, op["tags"][0], op["requestBody"]["content"]["application/json"]["schema"]
            )
            source = CLIENT_PACKAGE / "api" / names.module_path.rsplit(".", 1)[-1] / f"{names.module}.py"
            assert f"body: {names.body_class}," in source.read_text(encoding="utf-8"), op_id


def test_operation_pages_carry_the_notes(site: Path, operations: dict[str, Any]) -> None:
    for op_id, op in operations.items():
        text = (site / f"{op_id}.html").read_text(encoding="utf-8")
        assert f'href="{op["externalDocs"]["url"]}"' in text
        assert ("Not idempotent." in text) is (not op["x-bitrix-idempotent"])
        assert ("Toggle." in text) is ("x-bitrix-toggle" in op)
        assert ("<strong>Paged by " in text) is ("x-bitrix-pagination" in op)
        assert ("Not batchable." in text) is (not op["x-bitrix-batchable"])
        assert ("Outside the operating budget." in text) is (op.get("x-bitrix-operating-budget") is False)
        assert ("Application only." in text) is bool(op.get("x-bitrix-app-context"))
        assert ("An alias of" in text) is ("x-bitrix-alias-of" in op)
        effect = op["x-bitrix-role"]["effect"]
        assert f'(x-bitrix-role)">{effect}</span>' in text, op_id
        example = text[text.find("Example response") :]
        assert '"error"' not in example[: example.find("</details>")], op_id  # a success body, never an error
        assert ("Errors under HTTP 200." in text) is any(e["status"] == 200 for e in op["x-bitrix-errors"])


def test_parameters_show_types_requirement_defaults_and_allowed_values(site: Path) -> None:
    text = (site / "tasks.flow.Flow.create.html").read_text(encoding="utf-8")
    # the parameter rows, not a description that mentions the member
    row = text[text.index('class="pleaf">distributionType<') :][:3000]
    assert "required" in row[:200]
    assert all(f"<code>&#34;{v}&#34;</code>" in row for v in ("manually", "queue", "himself"))
    templ = text[text.index('class="pleaf">templateId<') :][:2000]
    assert "integer (int64)" in templ and "Default" in templ and "<code>0</code>" in templ
    # nested members are expanded under their parent
    assert 'flowData.</span><code class="pleaf">name</code>' in text


def test_protocol_page_is_derived_from_the_spec(site: Path, spec: Any) -> None:
    text = (site / "protocol.html").read_text(encoding="utf-8")
    for server in spec["servers"]:
        assert server["url"] in text
    for name, scheme in spec["components"]["securitySchemes"].items():
        assert name in text
        assert scheme.get("name", "Bearer") in text
    for fact in (
        "start=-1",
        "$result[",
        "QUERY_LIMIT_EXCEEDED",
        "OPERATION_TIME_LIMIT",
        "250",
        "5 per second",
        "2 per second",
        "operating_reset_at",
        "halt",
        "Empty maps arrive as <code>[]</code>",
    ):
        assert fact in text, fact
    system = page(site, "protocol.html").error_rows
    # one row per status and error: an auth-layer error is declared under two statuses (spec D45)
    common = set.intersection(
        *(
            {(e["status"], e["example"]) for e in op["post"]["x-bitrix-errors"]}
            for op in spec["paths"].values()
        )
    )
    assert len(system) == len(common)


def test_no_asset_references_the_network(site: Path, spec: Any) -> None:
    official_hosts = {urlparse(item["post"]["externalDocs"]["url"]).netloc for item in spec["paths"].values()}
    for path in sorted(site.rglob("*")):
        if path.suffix == ".html":
            parsed = page(site, str(path.relative_to(site)))
            for tag, attr, value in parsed.urls:
                if re.match(r"(?i)\s*(https?:)?//", value):
                    # only plain links to the official pages may leave the site, and only when clicked
                    assert tag == "a" and attr == "href" and urlparse(value).netloc in official_hosts, (
                        path,
                        value,
                    )
            for chunk in parsed.inline:
                assert not re.search(r"(?i)(https?:)?//[a-z0-9]|@import|url\(", chunk), (path, chunk[:80])
        elif path.is_file() and path.suffix != ".json":  # JSON is data (errors.json quotes URL texts)
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"(?i)https?://|@import|url\(|fetch\(|XMLHttpRequest", text), path


def test_build_is_deterministic_and_fast(tmp_path: Path) -> None:
    started = time.perf_counter()
    first = build(BUNDLE_JSON, tmp_path / "a")
    elapsed = time.perf_counter() - started
    build(BUNDLE_JSON, tmp_path / "b")
    names = sorted(p.relative_to(tmp_path / "a") for p in first)
    assert names == sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    assert elapsed < 5, f"the docs took {elapsed:.1f}s to build"


def test_a_removed_operation_disappears(spec: Any, build_from: Callable[[Any], Path]) -> None:
    broken = copy.deepcopy(spec)
    del broken["paths"]["/tasks.flow.Flow.pin"]
    site = build_from(broken)
    assert not (site / "tasks.flow.Flow.pin.html").exists()
    for name in ("index.html", "protocol.html", "tasks.flow.Flow.get.html"):
        assert "tasks.flow.Flow.pin.html" not in (site / name).read_text(encoding="utf-8")


def test_a_changed_error_is_reflected(spec: Any, build_from: Callable[[Any], Path]) -> None:
    broken = copy.deepcopy(spec)
    op = broken["paths"]["/tasks.flow.Flow.get"]["post"]
    op["x-bitrix-errors"].append(
        {
            "status": 409,
            "code": "",
            "message": "A brand-new failure",
            "cause": "Test.",
            "retry": "never",
            "example": "#/x",
        }
    )
    rows = page(build_from(broken), "tasks.flow.Flow.get.html").error_rows
    assert any(r["data-status"] == "409" and "A brand-new failure" in r["cells"] for r in rows)


@pytest.mark.parametrize("key", ["x-bitrix-errors", "x-bitrix-access", "x-bitrix-role", "externalDocs"])
def test_a_missing_field_stops_the_build(spec: Any, tmp_path: Path, key: str) -> None:
    broken = copy.deepcopy(spec)
    del broken["paths"]["/bizproc.task.list"]["post"][key]
    spec_path = tmp_path / "openapi.json"
    spec_path.write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(DocsBuildError, match=f"bizproc.task.list: `{key}`"):
        build(spec_path, tmp_path / "site")
    assert main(["--spec", str(spec_path), "--out", str(tmp_path / "site")]) == 1


def test_python_samples_run_against_the_generated_client(
    site: Path, spec: Any, operations: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Execute every Python sample with the committed `b24_client`, the portal mocked to answer 400."""
    assert CLIENT_PACKAGE.is_dir(), "generated/python/b24_client is missing; run nox -s generate"
    monkeypatch.syspath_prepend(str(CLIENT_PACKAGE.parent))
    client_module = importlib.import_module("b24_client")
    sent: list[httpx.Request] = []

    def portal(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(400, json={"error": "0", "error_description": "mocked failure"})

    real_client = client_module.Client

    def client_with_mock(**kwargs: Any) -> Any:
        extra = {**kwargs.pop("httpx_args", {}), "transport": httpx.MockTransport(portal)}
        return real_client(**kwargs, httpx_args=extra)

    monkeypatch.setattr(client_module, "Client", client_with_mock)
    for op_id, op in operations.items():
        for value, sample in zip(
            _request_examples(op, spec), page(site, f"{op_id}.html").codes["lang-python"], strict=True
        ):
            sent.clear()
            # the sample's own check raises, or the client's typed error does where the templates add one
            with pytest.raises(Exception, match=r"'0'.*mocked failure"):
                exec(compile(sample, f"<{op_id} sample>", "exec"), {})  # our own generated sample
            assert len(sent) == 1, op_id
            assert sent[0].url.path.endswith(f"/{op_id}"), op_id
            assert json.loads(sent[0].content) == value, op_id
            assert ("auth" in sent[0].url.params) is bool(op.get("x-bitrix-app-context")), op_id


def test_every_message_variant_is_on_the_page(site: Path, operations: dict[str, Any]) -> None:
    """The error tables list every known form of each message (docs, language files, patterns)."""
    for op_id in ("tasks.flow.Flow.update", "tasks.flow.Flow.create", "tasks.flow.Flow.get"):
        text = " ".join(html.unescape((site / f"{op_id}.html").read_text(encoding="utf-8")).split())
        for entry in operations[op_id]["x-bitrix-errors"]:
            for variant in entry["messages"]:
                form = variant.get("text", variant.get("pattern"))
                assert " ".join(form.split()) in text, (op_id, form)


def test_the_update_page_says_what_update_keeps_and_resets(site: Path) -> None:
    raw = (site / "tasks.flow.Flow.update.html").read_text(encoding="utf-8")
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", raw)).split())
    assert "id and a non-empty responsibleList are required" in text
    assert "Kept when omitted" in text and "Reset when omitted" in text
    assert "'responsibleList': field's value must not be empty" in text
    # the checks the source adds: flow 0, an owner without its group, referenced users
    assert "'id': field's value must be greater than 0" in text
    assert "must come with groupId" in text
    assert "User 12 doesn't exists" in text


def test_the_list_pages_say_which_filter_keys_a_portal_drops(site: Path) -> None:
    """D40: a client filtering instances with `{"=ID": ...}` gets every row from a portal (and from the
    reference server); the instances and template list pages say so and why."""
    for name in ("bizproc.workflow.instances.html", "bizproc.workflow.template.list.html"):
        text = " ".join(
            re.sub(r"<[^>]+>", " ", html.unescape((site / name).read_text(encoding="utf-8"))).split()
        )
        assert "=ID" in text and "filter nothing" in text and "(D40)" in text, name
        assert "upper-case field names are applied" in text, name
