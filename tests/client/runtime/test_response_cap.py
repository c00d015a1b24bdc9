"""The decoded size of an answer is capped (`max_response_bytes`), so a compressed "bomb" from a
hostile or broken server cannot grow the client's memory without bound: the runtime reads the raw
bytes itself and inflates them step by step, for every generated endpoint and `Bitrix24.call`.

The bombs are compressed lazily while the client reads them, so the test stays small in memory and
only compresses what the client asks for.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import tracemalloc
import zlib
from collections.abc import AsyncIterator, Callable, Iterator
from types import ModuleType
from typing import Any

import httpx
import pytest
from b24_client import Bitrix24, Limits, MalformedResponse, ResponseTooLarge, webhook_client
from b24_client._decoding import DEFAULT_MAX_RESPONSE_BYTES
from b24_client._operations import OPERATIONS

from tests.client.conftest import BASE_URL

URL = f"{BASE_URL}/"
MIB = 1 << 20
GIB = 1 << 30
WBITS = {"gzip": zlib.MAX_WBITS | 16, "deflate": zlib.MAX_WBITS, "raw deflate": -zlib.MAX_WBITS}
HEADER = {"gzip": "gzip", "deflate": "deflate", "raw deflate": "deflate"}


class Stream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body produced chunk by chunk; `sent` counts the raw bytes handed out."""

    def __init__(self, chunks: Callable[[], Iterator[bytes]]) -> None:
        self._chunks = chunks
        self.sent = 0

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._chunks():
            self.sent += len(chunk)
            yield chunk

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self:
            yield chunk


def zeros(size: int, step: int = MIB) -> Iterator[bytes]:
    block = bytes(min(size, step))
    for start in range(0, size, step):
        yield block[: min(step, size - start)]


def compressed(chunks: Iterator[bytes], encoding: str = "gzip") -> Iterator[bytes]:
    """`chunks` compressed as they are asked for, in pieces of at most 64 KiB (a network read)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, WBITS[encoding])
    for chunk in chunks:
        yield from _pieces(packer.compress(chunk))
    yield from _pieces(packer.flush())


def _pieces(data: bytes, size: int = 64 * 1024) -> Iterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


def answer(stream: Stream, encoding: str | None = "gzip") -> Callable[[httpx.Request], httpx.Response]:
    headers = {"Content-Type": "application/json"}
    if encoding is not None:
        headers["Content-Encoding"] = encoding

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers=headers, stream=stream)

    return handler


def b24_for(handler: Callable[[httpx.Request], httpx.Response], **kwargs: Any) -> Bitrix24:
    transport = httpx.MockTransport(handler)
    return Bitrix24.webhook(URL, limits=None, transport=transport, async_transport=transport, **kwargs)


def json_body(size: int) -> bytes:
    """A valid success body of exactly `size` bytes (padded with spaces)."""
    body = b'{"result": true}'
    return body + b" " * (size - len(body))


def peak_of(call: Callable[[], object]) -> tuple[BaseException | None, int]:
    """What `call` raised (or None) and the peak of memory it allocated meanwhile."""
    tracemalloc.start()
    try:
        call()
    except Exception as error:  # the caller checks the type
        return error, tracemalloc.get_traced_memory()[1]
    else:
        return None, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _module(operation_id: str) -> ModuleType:
    return importlib.import_module(f"b24_client.api.{OPERATIONS[operation_id].module}")


class _AnyBody:
    """Stands for the body model: `_get_kwargs` only calls `to_dict()`."""

    def to_dict(self) -> dict[str, Any]:
        return {}


# -- the bomb -------------------------------------------------------------------------------------

GET = "tasks.flow.Flow.get"
CALLS: dict[str, Callable[[Bitrix24], object]] = {
    "call": lambda b24: b24.call(GET, {"flowId": 1}),
    "acall": lambda b24: asyncio.run(b24.acall(GET, {"flowId": 1})),
    "sync": lambda b24: _module(GET).sync(client=b24.client, body=_AnyBody()),
    "asyncio": lambda b24: asyncio.run(_module(GET).asyncio(client=b24.client, body=_AnyBody())),
    "sync_detailed": lambda b24: _module(GET).sync_detailed(client=b24.client, body=_AnyBody()),
    "asyncio_detailed": lambda b24: asyncio.run(
        _module(GET).asyncio_detailed(client=b24.client, body=_AnyBody())
    ),
}


@pytest.mark.parametrize("how", sorted(CALLS))
def test_a_gzip_bomb_of_1_gib_raises_at_the_default_cap_in_bounded_memory(how: str) -> None:
    """1 GiB of zeros, about 1 MB gzipped: the call raises `ResponseTooLarge` once the decoded
    size passes 64 MiB, having read only a small part of the bomb, and its memory peak stays near
    the cap (httpx's own decoding would have held the whole GiB, twice)."""
    stream = Stream(lambda: compressed(zeros(GIB)))
    b24 = b24_for(answer(stream))
    error, peak = peak_of(lambda: CALLS[how](b24))
    assert isinstance(error, ResponseTooLarge), repr(error)
    assert peak < 2 * DEFAULT_MAX_RESPONSE_BYTES
    assert stream.sent < 1 * MIB  # it stopped reading: the rest of the bomb was never asked for
    assert error.limit == DEFAULT_MAX_RESPONSE_BYTES == 64 * MIB
    assert (error.status_code, error.operation) == (200, "tasks.flow.Flow.get")
    assert 0 < len(error.content) <= stream.sent
    assert error.content.startswith(b"\x1f\x8b")  # the raw (compressed) bytes, not decoded ones
    assert isinstance(error, MalformedResponse)


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_every_generated_endpoint_is_capped(operation_id: str) -> None:
    module = _module(operation_id)
    for_sync = Stream(lambda: compressed(zeros(16 * MIB)))
    client = webhook_client(
        URL, limits=None, transport=httpx.MockTransport(answer(for_sync)), max_response_bytes=64 * 1024
    )
    for call in (module.sync_detailed, getattr(module, "sync", module.sync_detailed)):
        with pytest.raises(ResponseTooLarge):
            call(client=client, body=_AnyBody())
    for_async = Stream(lambda: compressed(zeros(16 * MIB)))
    client = webhook_client(
        URL, limits=None, async_transport=httpx.MockTransport(answer(for_async)), max_response_bytes=64 * 1024
    )
    for acall in (module.asyncio_detailed, getattr(module, "asyncio", module.asyncio_detailed)):
        with pytest.raises(ResponseTooLarge):
            asyncio.run(acall(client=client, body=_AnyBody()))
    assert for_sync.sent < MIB and for_async.sent < MIB


def test_an_endless_identity_body_stops_at_the_cap() -> None:
    def endless() -> Iterator[bytes]:
        while True:
            yield b" " * (64 * 1024)

    stream = Stream(endless)
    b24 = b24_for(answer(stream, encoding=None), max_response_bytes=4 * MIB)
    error, peak = peak_of(lambda: b24.call("tasks.flow.Flow.get", {"flowId": 1}))
    assert isinstance(error, ResponseTooLarge), repr(error)
    assert 4 * MIB < stream.sent <= 4 * MIB + 64 * 1024
    assert peak < 16 * MIB
    assert error.content == b" " * len(error.content) and 0 < len(error.content) <= 64 * 1024
    with pytest.raises(ResponseTooLarge):
        asyncio.run(b24.acall("tasks.flow.Flow.get", {"flowId": 1}))


def test_an_endless_gzip_stream_that_decodes_to_nothing_stops() -> None:
    """Empty deflate blocks decode to no bytes at all: the raw bytes are bounded too (at twice
    the cap), so such a stream cannot keep the client reading for ever."""
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03"  # a gzip member's header, nothing after

    def endless() -> Iterator[bytes]:
        yield header
        while True:
            yield b"\x00\x00\x00\xff\xff" * 4096  # empty stored blocks, not the final one

    stream = Stream(endless)
    b24 = b24_for(answer(stream), max_response_bytes=MIB)
    with pytest.raises(ResponseTooLarge) as caught:
        b24.call(GET)
    assert caught.value.received == stream.sent <= 2 * MIB + 64 * 1024 + 5 * 4096
    assert caught.value.content.startswith(header)


# -- at the edge of the cap --------------------------------------------------------------------


@pytest.mark.parametrize("encoding", [None, "gzip", "deflate", "raw deflate"])
def test_a_body_of_exactly_the_cap_passes_and_one_byte_more_fails(encoding: str | None) -> None:
    cap = 100_000

    def encoded(size: int) -> Callable[[], Iterator[bytes]]:
        if encoding is None:
            return lambda: _pieces(json_body(size))
        return lambda: compressed(iter([json_body(size)]), encoding)

    header = None if encoding is None else HEADER[encoding]
    fits = b24_for(answer(Stream(encoded(cap)), header), max_response_bytes=cap)
    assert fits.call("tasks.flow.Flow.get")["result"] is True
    assert asyncio.run(fits.acall("tasks.flow.Flow.get"))["result"] is True
    over = b24_for(answer(Stream(encoded(cap + 1)), header), max_response_bytes=cap)
    with pytest.raises(ResponseTooLarge) as caught:
        over.call("tasks.flow.Flow.get")
    assert caught.value.limit == cap
    with pytest.raises(ResponseTooLarge):
        asyncio.run(over.acall("tasks.flow.Flow.get"))


def test_an_identity_body_over_the_default_cap_fails() -> None:
    stream = Stream(lambda: zeros(DEFAULT_MAX_RESPONSE_BYTES + 1, step=64 * 1024))
    b24 = b24_for(answer(stream, encoding=None))
    error, peak = peak_of(lambda: b24.call("tasks.flow.Flow.get"))
    assert isinstance(error, ResponseTooLarge), repr(error)
    assert peak < 2 * DEFAULT_MAX_RESPONSE_BYTES


# -- ordinary answers ------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "raw deflate"])
def test_a_normal_compressed_answer_still_decodes(encoding: str) -> None:
    body = json.dumps({"result": {"id": 7, "name": "Flow"}, "time": {"start": 1.0}}).encode()
    stream = Stream(lambda: compressed(iter([body]), encoding))
    b24 = b24_for(answer(stream, HEADER[encoding]))
    assert b24.call("tasks.flow.Flow.get")["result"] == {"id": 7, "name": "Flow"}
    response = _module("tasks.flow.Flow.get").sync_detailed(client=b24.client, body=_AnyBody())
    assert response.content == body
    assert "content-encoding" not in response.headers  # the body handed back is decoded
    assert int(response.headers["content-length"]) == len(body)
    assert asyncio.run(b24.acall("tasks.flow.Flow.get"))["result"]["id"] == 7


def test_only_encodings_the_client_can_cap_are_asked_for() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["accept-encoding"])
        return httpx.Response(200, json={"result": True})

    b24 = b24_for(handler)
    b24.call("tasks.flow.Flow.get")
    asyncio.run(b24.acall("tasks.flow.Flow.get"))
    assert seen == ["gzip, deflate", "gzip, deflate"]


@pytest.mark.parametrize("encoding", ["br", "zstd", "compress", "gzip, gzip"])
def test_an_encoding_the_client_cannot_cap_is_refused(encoding: str) -> None:
    raw = b"\x0b\x07\x80{}\x03"
    stream = Stream(lambda: iter([raw]))
    b24 = b24_for(lambda request: httpx.Response(200, headers={"Content-Encoding": encoding}, stream=stream))
    with pytest.raises(MalformedResponse, match="Content-Encoding") as caught:
        b24.call("tasks.flow.Flow.get")
    assert type(caught.value) is MalformedResponse
    assert caught.value.content == raw


def test_a_corrupt_gzip_body_is_a_malformed_response() -> None:
    raw = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + b"\xff" * 64
    stream = Stream(lambda: iter([raw]))
    b24 = b24_for(lambda request: httpx.Response(200, headers={"Content-Encoding": "gzip"}, stream=stream))
    with pytest.raises(MalformedResponse, match="gzip") as caught:
        b24.call("tasks.flow.Flow.get")
    assert caught.value.content == raw


def test_the_cap_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_response_bytes"):
        webhook_client(URL, max_response_bytes=0)


def test_the_cap_is_kept_on_the_runtime() -> None:
    b24 = Bitrix24.webhook(URL, limits=Limits(), max_response_bytes=5)
    assert b24.runtime is not None and b24.runtime.max_response_bytes == 5
