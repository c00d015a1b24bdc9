"""uvicorn's httptools protocol, serving a request that asks to switch protocols as plain HTTP/1.1.

Java's `HttpClient` (HTTP/2 by default) sends `Connection: Upgrade, HTTP2-Settings` and
`Upgrade: h2c` with every request over plain http. A portal behind nginx ignores the offer and
answers the request it got. llhttp, under uvicorn, takes everything after such a request's headers
as the new protocol's bytes, so the request reached the portal with no body ("Could not find value
for parameter {flowData}") and the connection's next request was never parsed. Here the offer is
declined the way nginx declines it: the body, as long as `Content-Length` says, is handed to the
request, and the connection goes on in HTTP/1.1. A body sent in chunks with such an offer is not
decoded: the request goes on without it, and the connection closes after the answer.
"""

from __future__ import annotations

import contextlib

import httptools
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

__all__ = ["DecliningUpgrades"]


class DecliningUpgrades(HttpToolsProtocol):
    """HttpToolsProtocol that declines every upgrade but WebSocket instead of dropping the body."""

    _body_left: int | None = None  # bytes still owed to the body of a declined upgrade request

    def data_received(self, data: bytes) -> None:
        if self._body_left is not None:
            data = self._continue_body(data)
            if not data:
                return
        self._unset_keepalive_if_required()
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserError:
            message = "Invalid HTTP request received."
            self.logger.warning(message)
            self.send_400_response(message)
        except httptools.HttpParserUpgrade as upgrade:
            if self._should_upgrade():
                self.handle_websocket_upgrade()
            else:
                self._decline(data[int(upgrade.args[0]) :])

    def _decline(self, rest: bytes) -> None:
        """llhttp has completed the request without a body and stopped: reopen the body and feed it
        `rest` (the bytes after the headers, which llhttp left unread) up to `Content-Length`."""
        headers = dict(self.scope["headers"])
        length = headers.get(b"content-length", b"0")
        if b"transfer-encoding" in headers or not length.isdigit():
            # the body's bytes must never be read as a request of their own
            self.logger.warning("Upgrade offer with a body not framed by Content-Length: body ignored.")
            self.cycle.keep_alive = False
            return
        self.cycle.more_body = True  # llhttp's early on_message_complete said the body had ended
        self._body_left = 0 if self.cycle.response_complete else int(length)
        rest = self._continue_body(rest)
        if rest:
            self.data_received(rest)  # a pipelined request behind this one

    def _continue_body(self, data: bytes) -> bytes:
        """Hand the declined request up to `_body_left` bytes of `data`; once the body is whole,
        close the message and start a fresh parser. Returns the bytes that belong to what follows."""
        assert self._body_left is not None
        piece, rest = data[: self._body_left], data[self._body_left :]
        self._body_left -= len(piece)
        if piece:
            self.on_body(piece)
        if self._body_left == 0:
            self._body_left = None
            self.on_message_complete()
            self.parser = httptools.HttpRequestParser(self)  # llhttp stays paused after an upgrade
            with contextlib.suppress(AttributeError):  # httptools < 0.6.3, which uvicorn also allows
                self.parser.set_dangerous_leniencies(lenient_data_after_close=True)
        return rest
