"""A curl command that sends again exactly what the suite sent: method, URL, headers and body.

It is built from the request that went over the wire (not from the generated case, which lacks what
the transport added: the `auth` parameter, the content type, the encoded body). The caller's token
never appears: it is left to the shell as `$B24_TOKEN`, so a CI log of a live run leaks nothing and
the command still runs once the variable is set. A run against the in-process reference server is
reproduced against `nox -s serve -- --port 8000`, which holds the same fixtures.
"""

from __future__ import annotations

import shlex
from typing import Any

TOKEN_VARIABLE = "$B24_TOKEN"
IN_PROCESS_ORIGIN = "http://testserver"
SERVED_ORIGIN = "http://127.0.0.1:8000"
SERVED_NOTE = "# against the reference server: nox -s serve -- --port 8000\n"
# Headers the transport adds on its own; curl sends its own equivalents.
TRANSPORT_HEADERS = {"user-agent", "accept-encoding", "accept", "connection", "content-length", "host"}


def curl(request: Any, token: str | None = None, *, in_process: bool = False) -> str:
    """The command for `request` (a prepared request: method, url, headers, body)."""
    url = str(request.url)
    if in_process and url.startswith(IN_PROCESS_ORIGIN):
        url = SERVED_ORIGIN + url[len(IN_PROCESS_ORIGIN) :]
    words = ["curl", "-sS", "-X", shlex.quote(str(request.method or "POST"))]
    for name, value in (request.headers or {}).items():
        if name.lower() in TRANSPORT_HEADERS or name.lower().startswith("x-schemathesis"):
            continue
        words += ["-H", _masked(f"{name}: {value}", token)]
    body = request.body
    feed = ""
    if body:
        raw = body.encode("utf-8") if isinstance(body, str) else bytes(body)
        text = _plain_text(raw)
        if text is not None:
            words += ["--data-binary", _masked(text, token)]
        else:
            feed = f"printf {shlex.quote(_printf_escaped(raw))} | "
            words += ["--data-binary", "@-"]
    words.append(_masked(url, token))
    return (SERVED_NOTE if in_process else "") + feed + " ".join(words)


def _masked(text: str, token: str | None) -> str:
    """`text` quoted for a POSIX shell, every occurrence of `token` replaced by the variable."""
    if not token or token not in text:
        return shlex.quote(text)
    return f'"{TOKEN_VARIABLE}"'.join(shlex.quote(part) if part else "" for part in text.split(token))


def _plain_text(raw: bytes) -> str | None:
    """The body as text when a shell argument can carry it (UTF-8, no NUL), else None."""
    if b"\x00" in raw:
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _printf_escaped(raw: bytes) -> str:
    """A printf format that writes `raw` byte for byte."""
    out = []
    for byte in raw:
        char = chr(byte)
        if char == "%":
            out.append("%%")
        elif char == "\\":
            out.append("\\\\")
        elif 0x20 <= byte < 0x7F:
            out.append(char)
        else:
            out.append(f"\\{byte:03o}")
    return "".join(out)
