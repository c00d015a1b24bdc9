"""The one helper that starts servers as processes: it waits for the port, and a server that dies
before listening is reported with its own error output."""

from __future__ import annotations

import socket
import sys

import httpx
import pytest

from reference_server.process import ServerStartError, free_port, listening, serving


def test_a_served_reference_server_answers_at_once() -> None:
    with serving("--no-limits") as server:
        assert server.url == f"http://127.0.0.1:{server.port}"
        answer = httpx.post(f"{server.webhook}/tasks.flow.Flow.isExists", json={"flowData": {"name": "x"}})
        assert answer.json()["result"] == {"exists": False}
    assert server.process.poll() is not None, "the process outlived its block"


def test_a_server_that_dies_first_is_reported_with_its_stderr() -> None:
    with pytest.raises(ServerStartError) as caught, serving("--plan", "no-such-plan"):
        pass
    message = str(caught.value)
    assert "exited with 2 before listening" in message
    assert "invalid choice: 'no-such-plan'" in message  # argparse's own words, from the server's stderr


def test_a_process_that_never_listens_times_out() -> None:
    port = free_port()
    silent = [sys.executable, "-c", "import time; time.sleep(30)"]
    expected = f"nothing listens on 127.0.0.1:{port} after 1s"
    with pytest.raises(ServerStartError, match=expected), listening(silent, port, timeout=1):
        pass


def test_free_port_gives_a_port_that_can_be_bound() -> None:
    port = free_port()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", port))
