"""Run a server as a child process on a free 127.0.0.1 port and wait until it listens.

The one place tests, benchmarks and the client-language smoke runs start `python -m reference_server`
(or any other program that should listen on a port): one way to pick a port, one start timeout, and
when the process dies before it listens, its stderr in the error instead of a bare exit code.
Only the standard library is used here, so importing it costs nothing beyond the package itself.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parents[1]
# Generous: a cold interpreter on a loaded two-core machine loads the bundle in a few seconds, and a
# server that never comes up is reported at once anyway (its exit is noticed on the next poll).
START_TIMEOUT = 60.0
STOP_TIMEOUT = 10.0
REFERENCE_SERVER: tuple[str, ...] = (sys.executable, "-m", "reference_server")
ADMIN_WEBHOOK = "rest/1/reference-admin"
# how often the port is tried while the child starts: short, since each miss is a refused connect
_POLL = 0.02


class ServerStartError(RuntimeError):
    """The child exited, or did not listen within the timeout; the message carries its stderr."""


@dataclass(frozen=True)
class Served:
    url: str  # scheme://127.0.0.1:port, no trailing slash
    port: int
    process: subprocess.Popen[bytes]

    @property
    def webhook(self) -> str:
        """The reference server's administrator webhook base (its built-in identities)."""
        return f"{self.url}/{ADMIN_WEBHOOK}"


def free_port() -> int:
    """A port nothing on 127.0.0.1 listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _tail(stream: IO[bytes] | None, limit: int = 4000) -> str:
    if stream is None:
        return ""
    stream.seek(0)
    text = stream.read().decode("utf-8", "replace")
    return text[-limit:]


def wait_for_port(
    port: int,
    process: subprocess.Popen[bytes],
    timeout: float = START_TIMEOUT,
    stderr: IO[bytes] | None = None,
) -> None:
    """Return once something accepts connections on 127.0.0.1:port; raise ServerStartError when the
    process exits first or the timeout passes."""
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise ServerStartError(
                f"{process.args!r} exited with {process.returncode} before listening on {port}:\n"
                f"{_tail(stderr)}"
            )
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise ServerStartError(
                    f"nothing listens on 127.0.0.1:{port} after {timeout:.0f}s:\n{_tail(stderr)}"
                ) from None
            time.sleep(_POLL)


def stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM, and SIGKILL when it does not go within STOP_TIMEOUT; always reaped."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
    process.wait()


@contextmanager
def listening(
    command: Sequence[str], port: int, timeout: float = START_TIMEOUT, env: dict[str, str] | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    """Start `command` (which must listen on 127.0.0.1:port), wait for it, stop it on exit."""
    with tempfile.TemporaryFile() as stderr:
        process = subprocess.Popen(
            list(command),
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
        try:
            wait_for_port(port, process, timeout, stderr)
            yield process
        finally:
            stop(process)


@contextmanager
def serving(
    *args: str,
    port: int | None = None,
    program: Sequence[str] = REFERENCE_SERVER,
    timeout: float = START_TIMEOUT,
    env: dict[str, str] | None = None,
) -> Iterator[Served]:
    """`python -m reference_server --port P *args` (or another `program` taking --port) until the block
    ends: yields its URL (https with --tls), port and process."""
    port = port or free_port()
    scheme = "https" if "--tls" in args else "http"
    with listening([*program, "--port", str(port), *args], port, timeout, env) as process:
        yield Served(f"{scheme}://127.0.0.1:{port}", port, process)
