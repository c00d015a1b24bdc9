"""Where the suite sends its calls, and how it authenticates.

One `Target` per run. The pytest plugin (conftest.py) builds it from command-line options; the
schemathesis CLI hooks (hooks.py) build it from the environment. The checks read it to make their
follow-up calls on the same server with the same credentials.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

CONFIG = Path(__file__).resolve().parent / "schemathesis.toml"
# The in-process reference server is called as an OAuth application, so that methods which need an
# application context (templates, robots, activities) run too.
IN_PROCESS_URL = "http://testserver/rest"
IN_PROCESS_TOKEN = "reference-token-admin"
NAME_PREFIX = "b24ct-"


@dataclass
class Target:
    base_url: str
    token: str | None = None
    live: bool = False
    app: Any = None
    # seconds to wait for one answer; a call without one is a failure of its operation
    timeout: float = 30.0
    # Objects this run created, by kind ("flow", "template", ...) -> ids; live mode touches only these.
    created: dict[str, set[str]] = field(default_factory=dict)
    # (creating operation, request body, response body) of every successful create, for clean-up.
    created_calls: list[tuple[str, Any, Any]] = field(default_factory=list)

    @property
    def params(self) -> dict[str, str]:
        return {"auth": self.token} if self.token else {}

    @property
    def in_process(self) -> bool:
        return self.app is not None

    def describe(self) -> str:
        where = "in-process reference server" if self.in_process else self.base_url
        how = "OAuth token" if self.token else "webhook URL"
        return f"{where} ({how}{', live mode' if self.live else ''})"


def validate_base_url(url: str) -> str:
    """`url` without its trailing slash, or ValueError saying what is wrong with it.

    Any http(s) URL with a host is a server to test: method names are appended to it as they are
    (`<url>/tasks.flow.Flow.get`), so a compatible server mounted anywhere, or a mock at the root, can
    be tested. `portal_warning` says when it does not look like a portal."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ValueError(f"--base-url must be an http:// or https:// URL with a host, not {url!r}")
    if parts.query or parts.fragment:
        raise ValueError(f"--base-url takes no query or fragment (pass a token with --token): {url!r}")
    return url.rstrip("/")


def portal_warning(url: str, token: str | None) -> str | None:
    """Why `url` may not be what the user meant, or None for a portal's webhook or OAuth URL."""
    path = urlsplit(url).path.rstrip("/")
    webhook = re.fullmatch(r"/rest/[^/]+/[^/]+", path)
    if webhook and token:
        return f"{url} looks like a webhook URL (credentials in the path) but --token is given too"
    if webhook or (path == "/rest" and token):
        return None
    if path == "/rest":
        return f"{url} is a portal's OAuth URL: without --token every call will be refused"
    return (
        f"{url} does not look like a portal REST URL (https://portal/rest/<user>/<code> or "
        "https://portal/rest with --token); method names are appended to it as given"
    )


def from_environment() -> Target:
    """For the schemathesis CLI: B24_BASE_URL (optional there), B24_TOKEN, B24_LIVE=1."""
    return Target(
        base_url=os.environ.get("B24_BASE_URL", ""),
        token=os.environ.get("B24_TOKEN") or None,
        live=os.environ.get("B24_LIVE", "") == "1",
    )


CURRENT = Target(base_url="")


def use(target: Target) -> Target:
    """Make `target` the one the checks and hooks use."""
    global CURRENT  # noqa: PLW0603 - one run, one target; checks have no other way to reach it
    CURRENT = target
    return target
