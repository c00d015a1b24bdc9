# copied from generator/python/runtime/_decoding.py by `nox -s generate`; do not edit
"""Reading an answer's body with a cap on its decoded size.

httpx inflates `Content-Encoding: gzip` itself, and one 64 KiB chunk of a gzip "bomb" can become
~66 MB in a single step, so counting bytes after httpx is too late. The transports therefore read
the raw bytes (`response.stream`) and inflate them here, in steps of at most `_STEP` bytes,
stopping with `ResponseTooLarge` as soon as the decoded size passes the cap.

Written by hand in generator/python/runtime/ and copied into the generated package; do not
edit the copy.
"""

from __future__ import annotations

import zlib

import httpx

from ._errors import MalformedResponse, ResponseTooLarge

__all__ = ["DEFAULT_MAX_RESPONSE_BYTES", "BodyReader", "accept_encoding", "aread_capped", "read_capped"]

DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024
_STEP = 1024 * 1024  # decoded bytes per zlib call: zlib builds its output in blocks and then joins them
_KEPT = 64 * 1024  # raw bytes kept for the exceptions (enough to see what came, small enough to log)
# The codings inflated here; brotli / zstd (which httpx would decode when their packages are
# installed) have no portable way to bound one step's output, so they are not asked for.
_WBITS = {"gzip": zlib.MAX_WBITS | 16, "x-gzip": zlib.MAX_WBITS | 16, "deflate": zlib.MAX_WBITS}
_ACCEPTED = ("gzip", "deflate")


def accept_encoding(request: httpx.Request) -> None:
    """Keep only the codings this module can inflate in the request's `Accept-Encoding`, so a
    well-behaved server never sends one it would have to refuse."""
    asked = request.headers.get("Accept-Encoding", ", ".join(_ACCEPTED))
    kept = [c for c in (part.split(";")[0].strip().lower() for part in asked.split(",")) if c in _WBITS]
    request.headers["Accept-Encoding"] = ", ".join(kept) or "identity"


class BodyReader:
    """Decodes one answer's raw chunks as they arrive; never holds more than the cap (plus one
    step) of decoded bytes. `feed` returns True once the compressed stream has ended (anything
    after it is ignored, as httpx does)."""

    def __init__(self, response: httpx.Response, limit: int, operation: str) -> None:
        self.status_code = response.status_code
        self.limit = limit
        self.operation = operation
        self.received = 0
        self.size = 0
        self._kept = bytearray()
        self._parts: list[bytes] = []
        self._coding = _coding(response.headers)
        # An unsupported coding is refused, after reading up to `_KEPT` raw bytes to show.
        self._refused = self._coding is not None and self._coding not in _WBITS
        self._inflater = None
        if self._coding is not None and not self._refused:
            self._inflater = zlib.decompressobj(_WBITS[self._coding])

    def feed(self, chunk: bytes) -> bool:
        self.received += len(chunk)
        if len(self._kept) < _KEPT:
            self._kept += chunk[: _KEPT - len(self._kept)]
        if self._refused:
            if len(self._kept) >= _KEPT:
                raise self._unsupported()
            return False
        if self._inflater is None:
            self._add(chunk)
            return False
        # A stream of empty deflate blocks decodes to nothing: bound the raw bytes too (generously,
        # so an incompressible body just under the cap still fits with its gzip overhead).
        if self.received > 2 * self.limit + _KEPT:
            raise self._too_large()
        try:
            self._inflate(chunk)
        except zlib.error as error:
            if not self._raw_deflate_instead():
                raise self._malformed(f"the {self._coding} body does not decode: {error}") from None
        return self._inflater.eof

    def finish(self, request: httpx.Request, response: httpx.Response) -> httpx.Response:
        """The answer with its decoded body; the headers describe that body (no Content-Encoding)."""
        if self._refused:
            raise self._unsupported()
        if self._inflater is not None:
            self._drain()
        headers = response.headers.copy()
        if self._coding is not None:
            del headers["Content-Encoding"]
            headers.pop("Content-Length", None)  # httpx sets the decoded length
        return httpx.Response(
            response.status_code,
            headers=headers,
            content=b"".join(self._parts),
            request=request,
            extensions=response.extensions,
        )

    # -- inside --------------------------------------------------------------------------------------

    def _add(self, data: bytes) -> None:
        self.size += len(data)
        if self.size > self.limit:
            raise self._too_large()
        if data:
            self._parts.append(data)

    def _inflate(self, data: bytes) -> None:
        """Inflate `data` at most `_STEP` decoded bytes (and never more than one byte past the
        cap) per call; the rest of the input waits in `unconsumed_tail`."""
        assert self._inflater is not None
        while data and not self._inflater.eof:
            self._add(self._inflater.decompress(data, self._room()))
            data = self._inflater.unconsumed_tail

    def _drain(self) -> None:
        """Output zlib still holds after the last chunk (a match cut by the step size)."""
        assert self._inflater is not None
        try:
            while not self._inflater.eof:
                out = self._inflater.decompress(b"", self._room())
                self._add(out)
                if not out:
                    break
            self._add(self._inflater.flush())
        except zlib.error as error:
            raise self._malformed(f"the {self._coding} body does not decode: {error}") from None

    def _room(self) -> int:
        # max_length 0 would mean "no limit", so always ask for at least one byte.
        return max(1, min(_STEP, self.limit - self.size + 1))

    def _raw_deflate_instead(self) -> bool:
        """Some servers send `deflate` without its zlib wrapper (httpx accepts both): retry the
        kept bytes as raw deflate when the wrapped form failed before producing anything."""
        if self._coding != "deflate" or self.size or self.received > len(self._kept):
            return False
        self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        self._coding = "raw deflate"
        try:
            self._inflate(bytes(self._kept))
        except zlib.error:
            return False
        return True

    def _too_large(self) -> ResponseTooLarge:
        return ResponseTooLarge(
            self.status_code, bytes(self._kept), self.operation, self.limit, received=self.received
        )

    def _unsupported(self) -> MalformedResponse:
        return self._malformed(f"unsupported Content-Encoding {self._coding!r}")

    def _malformed(self, reason: str) -> MalformedResponse:
        return MalformedResponse(self.status_code, bytes(self._kept), self.operation, reason)


def _coding(headers: httpx.Headers) -> str | None:
    """The one content coding of an answer (None for identity); several codings come back joined,
    and are refused: nothing asks for them."""
    codings = [c.strip().lower() for value in headers.get_list("Content-Encoding") for c in value.split(",")]
    codings = [c for c in codings if c and c != "identity"]
    return ", ".join(codings) or None


def read_capped(
    response: httpx.Response, request: httpx.Request, limit: int, operation: str
) -> httpx.Response:
    """Read the raw body of `response` (from a sync transport) within `limit` decoded bytes."""
    try:
        reader = BodyReader(response, limit, operation)
        stream = response.stream
        if not isinstance(stream, httpx.SyncByteStream):
            raise TypeError("a synchronous transport returned an asynchronous stream")
        for chunk in stream:
            if reader.feed(chunk):
                break
    finally:
        response.close()
    return reader.finish(request, response)


async def aread_capped(
    response: httpx.Response, request: httpx.Request, limit: int, operation: str
) -> httpx.Response:
    """As `read_capped`, for an asynchronous transport."""
    try:
        reader = BodyReader(response, limit, operation)
        stream = response.stream
        if not isinstance(stream, httpx.AsyncByteStream):
            raise TypeError("an asynchronous transport returned a synchronous stream")
        async for chunk in stream:
            if reader.feed(chunk):
                break
    finally:
        await response.aclose()
    return reader.finish(request, response)
