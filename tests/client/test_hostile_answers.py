"""Every operation, sync and async, against a stub that answers every bad form a portal (or a
broken proxy) can send: only the client's documented exceptions come out, with the raw body kept.

The operations come from the generated package (`_operations.OPERATIONS`), never typed in here.
"""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Callable
from types import ModuleType
from typing import Any

import httpx
import pytest
from b24_client import (
    Bitrix24,
    Bitrix24Error,
    Client,
    MalformedResponse,
    UnexpectedStatus,
    UnknownBitrix24Error,
    errors,
)
from b24_client._operations import OPERATIONS

from tests.client.conftest import BASE_URL

DEEP = b'{"result": ' + b"[" * 10**5 + b"]" * 10**5 + b"}"
ERROR = b'{"error": "SOME_ERROR", "error_description": "Something failed"}'
# name → (status, content type, raw body, the exception sync() must raise); SOME_ERROR and X are
# codes the catalogue does not name
FORMS: dict[str, tuple[int, str, bytes, type[Exception]]] = {
    "error under 200": (200, "application/json", ERROR, UnknownBitrix24Error),
    "error under 400": (400, "application/json", ERROR, UnknownBitrix24Error),
    "error under 500": (500, "application/json", ERROR, UnknownBitrix24Error),
    "error without description": (200, "application/json", b'{"error": "X"}', UnknownBitrix24Error),
    "non-JSON 200": (200, "text/html", b"<html>Portal is updating</html>", MalformedResponse),
    "empty 200": (200, "application/json", b"", MalformedResponse),
    "truncated 200": (200, "application/json", b'{"result": {"id": 1, "na', MalformedResponse),
    "text/plain 500": (500, "text/plain", b"Internal Server Error", MalformedResponse),
    "wrongly typed result": (200, "application/json", b'{"result": [1, "x"]}', MalformedResponse),
    "no result": (200, "application/json", b'{"time": {}}', MalformedResponse),
    "JSON array": (200, "application/json", b"[1, 2]", MalformedResponse),
    "not UTF-8": (200, "application/json", b'{"result": "\xff\xfe\xfa"}', MalformedResponse),
    "deep nesting": (200, "application/json", DEEP, MalformedResponse),
    "huge integer": (200, "application/json", b'{"result": ' + b"9" * 5000 + b"}", MalformedResponse),
}  # fmt: skip

OPERATION_IDS = sorted(OPERATIONS)


def _module(operation_id: str) -> ModuleType:
    return importlib.import_module(f"b24_client.api.{OPERATIONS[operation_id].module}")


def _result_is_any(module: ModuleType) -> bool:
    """The spec allows any `result` for this operation (its success model says `result: Any`)."""
    model = module.sync.__annotations__["return"]
    return bool(model.__annotations__.get("result") == "Any")


def _handler(form: str) -> Callable[[httpx.Request], httpx.Response]:
    status, content_type, raw, _ = FORMS[form]

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, headers={"Content-Type": content_type}, content=raw)

    return handler


def _client(form: str) -> Client:
    client = Client(base_url=BASE_URL)
    transport = httpx.MockTransport(_handler(form))
    client.set_httpx_client(httpx.Client(transport=transport, base_url=BASE_URL))
    client.set_async_httpx_client(httpx.AsyncClient(transport=transport, base_url=BASE_URL))
    return client


class _AnyBody:
    """Stands for the body model: `_get_kwargs` only calls `to_dict()`."""

    def to_dict(self) -> dict[str, Any]:
        return {}


def test_the_operations_come_from_the_bundle() -> None:
    assert len(OPERATION_IDS) == 30
    assert all(_module(op).sync for op in OPERATION_IDS)


@pytest.mark.parametrize("form", sorted(FORMS))
@pytest.mark.parametrize("operation_id", OPERATION_IDS)
def test_sync_and_asyncio_raise_the_documented_exception(operation_id: str, form: str) -> None:
    module = _module(operation_id)
    status, _, raw, expected = FORMS[form]
    client = _client(form)
    if form == "wrongly typed result" and _result_is_any(module):
        assert module.sync(client=client, body=_AnyBody()).result == [1, "x"]
        return
    with pytest.raises(expected) as caught:
        module.sync(client=client, body=_AnyBody())
    assert type(caught.value) is expected
    assert caught.value.content == raw  # type: ignore[attr-defined]
    assert caught.value.status_code == status  # type: ignore[attr-defined]
    assert caught.value.operation == operation_id  # type: ignore[attr-defined]
    with pytest.raises(expected) as caught_async:
        asyncio.run(module.asyncio(client=client, body=_AnyBody()))
    assert type(caught_async.value) is expected
    assert caught_async.value.content == raw  # type: ignore[attr-defined]


@pytest.mark.parametrize("form", sorted(FORMS))
@pytest.mark.parametrize("operation_id", OPERATION_IDS)
def test_detailed_returns_the_raw_answer_without_raising(operation_id: str, form: str) -> None:
    """`*_detailed` never raises for what the body holds: status and bytes are kept, `parsed` is
    the model, the `ErrorResponse`, or None when the body fits neither."""
    module = _module(operation_id)
    status, _, raw, expected = FORMS[form]
    client = _client(form)
    for response in (
        module.sync_detailed(client=client, body=_AnyBody()),
        asyncio.run(module.asyncio_detailed(client=client, body=_AnyBody())),
    ):
        assert (int(response.status_code), response.content) == (status, raw)
        if expected is MalformedResponse and form not in {"wrongly typed result", "no result"}:
            assert response.parsed is None


@pytest.mark.parametrize("form", sorted(FORMS))
@pytest.mark.parametrize("operation_id", OPERATION_IDS)
def test_bitrix24_call_raises_the_documented_exception(operation_id: str, form: str) -> None:
    _, _, raw, expected = FORMS[form]
    b24 = Bitrix24(_client(form))
    if form == "wrongly typed result":
        assert b24.call(operation_id)["result"] == [1, "x"]  # the raw call does not type results
        return
    with pytest.raises(expected) as caught:
        b24.call(operation_id)
    assert type(caught.value) is expected
    assert caught.value.content == raw  # type: ignore[attr-defined]
    with pytest.raises(expected):
        asyncio.run(b24.acall(operation_id))


def test_the_new_exceptions_keep_the_old_names_working() -> None:
    assert issubclass(MalformedResponse, UnexpectedStatus)
    assert errors.UnexpectedStatus is UnexpectedStatus
    assert issubclass(Bitrix24Error, errors.B24ClientError)
