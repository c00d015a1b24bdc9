"""A request that offers to switch protocols (Java's HttpClient sends `Upgrade: h2c` with every
plain-http request) is served as the HTTP/1.1 request it is: body included, and the connection
goes on (reference_server/http11.py). Raw sockets against `python -m reference_server`."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator

import pytest

from reference_server.process import Served, serving

pytestmark = pytest.mark.xdist_group("upgrade-offers")

PATH = "/rest/1/reference-admin/tasks.flow.Flow.isExists"
H2C = b"Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n"


@pytest.fixture(scope="module")
def server() -> Iterator[Served]:
    with serving("--no-limits") as served:
        yield served


def _request(name: str, *, offer: bool = True, body: bytes | None = None, chunked: bool = False) -> bytes:
    body = json.dumps({"flowData": {"name": name}}).encode() if body is None else body
    head = f"POST {PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n".encode()
    if chunked:
        framed = b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
        return head + b"Transfer-Encoding: chunked\r\n" + (H2C if offer else b"") + b"\r\n" + framed
    return head + b"Content-Length: %d\r\n" % len(body) + (H2C if offer else b"") + b"\r\n" + body


class Connection:
    """One keep-alive connection; `answer()` reads one response framed by Content-Length."""

    def __init__(self, served: Served) -> None:
        self.sock = socket.create_connection(("127.0.0.1", served.port), timeout=10)
        self.buffer = b""

    def send(self, *pieces: bytes) -> None:
        for piece in pieces:
            self.sock.sendall(piece)
            time.sleep(0.05)  # separate TCP segments: the server sees them in separate reads

    def _fill(self) -> bool:
        chunk = self.sock.recv(65536)
        self.buffer += chunk
        return bool(chunk)

    def answer(self) -> tuple[int, dict[str, str], bytes]:
        while b"\r\n\r\n" not in self.buffer:
            assert self._fill(), f"connection closed before an answer: {self.buffer!r}"
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        status_line, *lines = head.decode().split("\r\n")
        headers = {k.lower(): v.strip() for k, v in (line.split(":", 1) for line in lines)}
        length = int(headers["content-length"])
        while len(self.buffer) < length:
            assert self._fill(), "connection closed inside a body"
        body, self.buffer = self.buffer[:length], self.buffer[length:]
        return int(status_line.split()[1]), headers, body

    def closed_by_server(self) -> bool:
        try:
            return not self._fill()
        except ConnectionResetError:
            return True

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def conn(server: Served) -> Iterator[Connection]:
    connection = Connection(server)
    yield connection
    connection.close()


def _exists(answer: tuple[int, dict[str, str], bytes]) -> object:
    status, _headers, body = answer
    assert status == 200, body
    return json.loads(body)["result"]


def test_the_body_of_an_h2c_offer_reaches_the_portal(conn: Connection) -> None:
    conn.send(_request("x"))
    assert _exists(conn.answer()) == {"exists": False}


def test_a_body_in_pieces_after_the_offer(conn: Connection) -> None:
    whole = _request("pieces")
    split = whole.index(b"\r\n\r\n") + 4
    conn.send(whole[:split], whole[split : split + 5], whole[split + 5 :])
    assert _exists(conn.answer()) == {"exists": False}


def test_the_connection_goes_on_after_the_offer(conn: Connection) -> None:
    conn.send(_request("first"))
    assert _exists(conn.answer()) == {"exists": False}
    conn.send(_request("second", offer=False))
    assert _exists(conn.answer()) == {"exists": False}
    conn.send(_request("third"))
    assert _exists(conn.answer()) == {"exists": False}


def test_a_request_pipelined_behind_the_offer_is_answered_too(conn: Connection) -> None:
    conn.send(_request("a") + _request("b", offer=False))
    assert _exists(conn.answer()) == {"exists": False}
    assert _exists(conn.answer()) == {"exists": False}


def test_an_offer_without_a_body_leaves_the_connection_usable(conn: Connection) -> None:
    conn.send(_request("", body=b""))
    status, _headers, body = conn.answer()
    assert status == 400 and b"flowData" in body  # the portal's own answer to a call without it
    conn.send(_request("after"))
    assert _exists(conn.answer()) == {"exists": False}


def test_a_chunked_body_with_an_offer_is_answered_and_the_connection_closed(conn: Connection) -> None:
    conn.send(_request("chunks", chunked=True))
    status, headers, body = conn.answer()
    assert status == 400 and json.loads(body)["error"] == 100, body  # answered, not a crash or a 500
    assert headers.get("connection") == "close"
    assert conn.closed_by_server()  # the chunk bytes were never read as a request


def test_without_an_offer_nothing_changes(conn: Connection) -> None:
    conn.send(_request("plain", offer=False))
    assert _exists(conn.answer()) == {"exists": False}
