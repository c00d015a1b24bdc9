"""Server settings, shared by `create_app` and the command line."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class ServerConfig:
    fixtures: Path | None = None  # YAML replacing the built-in identities
    db: Path | None = None  # SQLite file; None keeps state in memory
    limits: bool = True
    plan: str = "standard"  # or "enterprise": the leaky bucket's size and drain rate
    operating_limit: float = 480.0
    clock: Callable[[], float] = field(default=time.time)
    # Admin endpoints under /_reference/ and the X-Reference-Fault header. In-process apps (tests)
    # have them on: only code in the same process reaches them. The command line has them off
    # unless --admin, and then with a token (admin_token) that every admin request must carry.
    admin: bool = True
    admin_token: str | None = None
    spec_path: Path | None = None
    # Engine error codes (flow errors' 0) as the docs print them, the string "0", instead of the
    # JSON integer 0 that the portal's REST core sends.
    string_codes: bool = False
