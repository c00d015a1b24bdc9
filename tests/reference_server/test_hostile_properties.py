"""Hostile input as properties: whatever bytes, bracket strings, JSON or YAML templates a caller sends,
the portal answers without a server error, within a bounded time, and every object it holds stays
readable afterwards.

The examples are derandomized so that CI sees the same cases every run; set
`HYPOTHESIS_PROFILE=hostile-explore` for a long random search."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from b24_spec.model import default
from reference_server import ServerConfig, create_app

from .bizproc import APP, LEAD, upload
from .conftest import ADMIN, Portal, request_examples

settings.register_profile(
    "hostile-ci",
    max_examples=60,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("hostile-explore", parent=settings.get_profile("hostile-ci"), max_examples=2000,
                          derandomize=False)  # fmt: skip
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "hostile-ci"))

# A request that takes longer than this on one event loop stalls every other caller: the bound is a
# denial-of-service detector (quadratic parsing took seconds), far above any legitimate request here.
MAX_SECONDS = 5.0
OPERATIONS = sorted(default().operations)
BASES = [ADMIN, f"/rest/?auth={APP}&method="]
MEDIA_TYPES = ["application/json", "application/x-www-form-urlencoded", "text/plain", "", "APPLICATION/JSON"]


@pytest.fixture(scope="module")
def hostile_portal() -> Iterator[Portal]:
    portal = Portal(create_app(ServerConfig(limits=False)))
    yield portal
    portal.close()


def _url(base: str, operation: str) -> str:
    if base.endswith("method="):  # OAuth: the method in the path, the token in the query
        return f"/rest/{operation}?auth={APP}"
    return base + operation


def _send(portal: Portal, url: str, content: bytes, media_type: str) -> httpx.Response:
    headers = {"Content-Type": media_type} if media_type else {}
    began = time.perf_counter()
    response = portal.post(url, content=content, headers=headers)
    took = time.perf_counter() - began
    assert response.status_code < 500, (url, content[:300], response.text[:300])
    assert took < MAX_SECONDS, (url, len(content), took)
    if response.status_code != 204:
        response.json()  # every answer is JSON, an error included
    return response


def _everything_readable(portal: Portal) -> None:
    """Every stored object can still be read through the methods that show it."""
    for flow_id in list(portal.app.state.portal.store.flows):
        got = portal.call("tasks.flow.Flow.get", {"flowId": flow_id})
        assert got.status_code == 200, got.text[:300]
    reads = {
        "bizproc.workflow.template.list": {"SELECT": ["ID", "MODULE_ID", "ENTITY", "DOCUMENT_TYPE",
            "AUTO_EXECUTE", "NAME", "TEMPLATE", "PARAMETERS", "VARIABLES", "CONSTANTS", "MODIFIED",
            "IS_MODIFIED", "USER_ID", "SYSTEM_CODE"]},
        "bizproc.workflow.instances": {},
        "bizproc.task.list": {},
        "bizproc.robot.list": {},
        "bizproc.activity.list": {},
    }  # fmt: skip
    for method, body in reads.items():
        response = portal.post(f"/rest/{method}?auth={APP}", json=body)
        assert response.status_code == 200, (method, response.text[:300])
    for kind in ("calls", "workflows"):
        view = portal.get(f"/_reference/bizproc/{kind}")
        assert view.status_code == 200, view.text[:300]


# --- raw bytes under any media type ----------------------------------------------------------------


@PROFILE
@given(
    operation=st.sampled_from(OPERATIONS),
    base=st.sampled_from(BASES),
    media_type=st.sampled_from(MEDIA_TYPES),
    body=st.binary(max_size=2048),
)
def test_any_bytes(hostile_portal: Portal, operation: str, base: str, media_type: str, body: bytes) -> None:
    _send(hostile_portal, _url(base, operation), body, media_type)
    _everything_readable(hostile_portal)


# --- PHP bracket strings -------------------------------------------------------------------------------

SEGMENT = st.sampled_from(["[]", "[", "]", "[0]", "[a]", "[[", "]]", "[ ]", "[.]", "[%5B]", "][", "[9" * 3])
NAME = st.sampled_from(["flowData", "FIELDS", "FILTER", "cmd", "a", "", "halt", "PARAMETERS", "auth", " a"])


@st.composite
def bracket_bodies(draw: st.DrawFn) -> bytes:
    pairs = draw(
        st.lists(
            st.tuples(NAME, st.lists(SEGMENT, max_size=8), st.text(max_size=20)),
            max_size=30,
        )
    )
    text = "&".join(name + "".join(segments) + "=" + quote(value) for name, segments, value in pairs)
    repeated = draw(st.integers(min_value=0, max_value=6000))  # auto-indexing, past max_input_vars
    if repeated:
        text += "&" + "&".join(["x[]=1"] * repeated)
    return text.encode()


@PROFILE
@given(operation=st.sampled_from(OPERATIONS), body=bracket_bodies(), in_query=st.booleans())
def test_any_bracket_string(hostile_portal: Portal, operation: str, body: bytes, in_query: bool) -> None:
    url = ADMIN + operation
    if in_query:
        _send(hostile_portal, url + "?" + body.decode(), b"", "")
    else:
        _send(hostile_portal, url, body, "application/x-www-form-urlencoded")
    _everything_readable(hostile_portal)


# --- the official requests with one value made extreme --------------------------------------------------

EXTREME_JSON = st.sampled_from(
    [
        "1e400", "-1e400", "1e-400", "-0", "9" * 5000, "-" + "9" * 30, "18446744073709551616", "0.1e1",
        '"\\ud800x"', '"\\u0000"', '"\\u202e\\u200b"', '"' + "x" * 70_000 + '"', '"²"', '"٢"', '"1e999"',
        '"NaN"', "true", "null", "[]", "{}", "[" * 600 + "]" * 600, '{"a":' * 300 + "1" + "}" * 300,
        # texts that almost read as ids: a trailing newline (a `$` lets it through), zeros, signs
        '"0\\n"', '"000\\n"', '"7\\n"', '"\\n"', '" 1"', '"-1"', '"+1"', '"1.0"', '"0x1"', '"00"',
    ]
)  # fmt: skip


def _official_bodies() -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    for operation in OPERATIONS:
        found.extend((operation, value) for value in request_examples(operation).values())
    return found


OFFICIAL = _official_bodies()


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, member in value.items():
            found.extend(_paths(member, (*prefix, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(_paths(item, (*prefix, index)))
    return found


def _with_marker(value: Any, path: tuple[Any, ...], marker: str) -> Any:
    if not path:
        return marker
    head, *rest = path
    copy: Any = dict(value) if isinstance(value, dict) else list(value)
    copy[head] = _with_marker(value[head], tuple(rest), marker)
    return copy


@st.composite
def extreme_bodies(draw: st.DrawFn) -> tuple[str, bytes]:
    operation, official = draw(st.sampled_from(OFFICIAL))
    path = draw(st.sampled_from(_paths(official)[1:] or [()]))
    marker = "@@EXTREME@@"
    text = json.dumps(_with_marker(official, path, marker))
    return operation, text.replace(json.dumps(marker), draw(EXTREME_JSON)).encode()


@PROFILE
@given(case=extreme_bodies(), base=st.sampled_from(BASES))
def test_official_requests_with_an_extreme_value(
    hostile_portal: Portal, case: tuple[str, bytes], base: str
) -> None:
    operation, body = case
    _send(hostile_portal, _url(base, operation), body, "application/json")
    _everything_readable(hostile_portal)


# --- YAML templates -----------------------------------------------------------------------------------

SCALAR = st.sampled_from(
    [".nan", ".inf", "-.inf", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "9" * 5000, "1e400", "~",
     "!!binary aGVsbG8=", "!!python/object:os.system ls", "'\\ud800'", "\"\\ud800\"", "yes", "0o17", "3600",
     "1", "[1, 2]", "{a: 1}", "''", "*undefined"]
)  # fmt: skip
STEP = st.sampled_from(["approve", "review", "request", "task", "robot", "activity", "complete", "other"])
OPTION = st.sampled_from(
    ["users", "overdue", "mode", "comment", "delegation", "fields", "code", "status", "name", "activity"]
)


@st.composite
def yaml_templates(draw: st.DrawFn) -> bytes:
    lines = []
    levels = draw(st.integers(min_value=0, max_value=9))  # an alias bomb of 10**levels values
    if levels:
        lines.append("b0: &b0 [x, x, x, x, x, x, x, x, x, x]")
        lines.extend(f"b{i}: &b{i} [" + ", ".join([f"*b{i - 1}"] * 10) + "]" for i in range(1, levels))
    lines.append("steps:")
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        lines.append(f"  - {draw(STEP)}:")
        options = draw(st.dictionaries(OPTION, SCALAR, max_size=4))
        options.setdefault("users", "[1]")
        lines.extend(f"      {key}: {value}" for key, value in options.items())
    if levels:
        lines.append(f"parameters: {{P: {{Default: *b{levels - 1}}}}}")
    lines.append(f"variables: {{V: {{Default: {draw(SCALAR)}}}}}")
    if draw(st.booleans()):
        lines.append("constants: " + "[" * 200 + "]" * 200)
    return "\n".join(lines).encode()


def _oauth_json(portal: Portal, method: str, body: dict[str, Any]) -> httpx.Response:
    return _send(portal, f"/rest/{method}?auth={APP}", json.dumps(body).encode(), "application/json")


@PROFILE
@given(document=yaml_templates())
def test_any_yaml_template(hostile_portal: Portal, document: bytes) -> None:
    data = upload(document, "t.yaml")
    added = _oauth_json(
        hostile_portal,
        "bizproc.workflow.template.add",
        {"DOCUMENT_TYPE": LEAD, "NAME": "H", "TEMPLATE_DATA": data},
    )
    template_id = added.json().get("result")
    if template_id is not None:
        document_id = ["crm", "CCrmDocumentLead", "LEAD_1"]
        _oauth_json(
            hostile_portal, "bizproc.workflow.start", {"TEMPLATE_ID": template_id, "DOCUMENT_ID": document_id}
        )
        update = {"ID": template_id, "FIELDS": {"TEMPLATE_DATA": data}}
        _oauth_json(hostile_portal, "bizproc.workflow.template.update", update)
    _everything_readable(hostile_portal)
