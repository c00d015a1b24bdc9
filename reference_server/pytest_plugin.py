"""pytest plugin: a fresh Bitrix24 reference portal for every test, in-process or on a real socket.

Installed with `pip install 'b24-openapi[server]'` and found by pytest through the `pytest11` entry
point. Fixtures (reference_server/README.md, "Testing your integration with pytest"):

- `b24_portal`: a new in-process portal (`InProcessPortal`): its webhook URLs, OAuth tokens, httpx
  transports (sync and async) that carry calls to it without a socket, and `admin`.
- `b24_webhook_url`, `b24_transport`, `b24_async_transport`, `b24_admin`: the parts most tests need.
- `b24_live_portal`: a new portal served by uvicorn on a free 127.0.0.1 port (`LivePortal`), for
  clients that open their own connections; `b24_live_portal_tls` serves HTTPS, its CA in `ca_file`.

Markers: `b24_fixtures("file.yaml")` (identities, faults, language: the `--fixtures` file; a
relative path is read next to the test file), `b24_fault(method=..., error=..., count=...,
status=..., operating=...)` (repeatable: a fault installed before the test), and
`b24_portal(limits=False, plan="enterprise", string_codes=True, operating_limit=...)`.

Only pytest is imported here: the plugin loads in every pytest run of an environment that has the
project installed, also where the `[server]` extra is not, and the portal's dependencies load when a
fixture is first used.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import Coroutine, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import pytest

from reference_server.process import free_port

if TYPE_CHECKING:
    import httpx
    from starlette.applications import Starlette

    from reference_server.core.app import Portal

# The host name in-process URLs carry; nothing resolves it, the transports deliver the call.
IN_PROCESS_HOST = "portal.test"
PORTAL_OPTIONS = frozenset({"limits", "plan", "string_codes", "operating_limit"})
FAULT_OPTIONS = frozenset({"method", "error", "count", "status", "operating"})
T = TypeVar("T")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "b24_fixtures(path): the reference portal's identities file (relative to the test file)"
    )
    config.addinivalue_line(
        "markers",
        "b24_fault(method='*', error=None, count=1, status=None, operating=0.0): "
        "a fault the reference portal has from the start of the test",
    )
    config.addinivalue_line(
        "markers", "b24_portal(limits=True, plan='standard', string_codes=False): reference portal settings"
    )


class _Loops:
    """Where a sync transport runs the app: an event loop of the calling thread (run to completion
    there: a hand-over to another thread waits for the interpreter lock, about 5 ms a call), or, when
    that thread's loop is already running (a sync client inside an async test), one loop on a
    daemon thread shared by the whole process."""

    _local = threading.local()
    _lock = threading.Lock()
    _background: asyncio.AbstractEventLoop | None = None

    @classmethod
    def run(cls, coroutine: Coroutine[Any, Any, T]) -> T:
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            loop: asyncio.AbstractEventLoop | None = getattr(cls._local, "loop", None)
            if loop is None or loop.is_closed():
                loop = cls._local.loop = asyncio.new_event_loop()
            return loop.run_until_complete(coroutine)
        return asyncio.run_coroutine_threadsafe(coroutine, cls._background_loop()).result()

    @classmethod
    def _background_loop(cls) -> asyncio.AbstractEventLoop:
        with cls._lock:
            if cls._background is None:
                loop = asyncio.new_event_loop()
                threading.Thread(target=loop.run_forever, name="b24-portal-loop", daemon=True).start()
                cls._background = loop
            return cls._background


def sync_transport(app: Any) -> httpx.BaseTransport:
    """An httpx transport that delivers synchronous requests to the ASGI `app` in-process
    (httpx.ASGITransport is async only)."""
    import httpx  # noqa: PLC0415

    class SyncASGITransport(httpx.BaseTransport):
        def __init__(self) -> None:
            self._inner = httpx.ASGITransport(app=app)

        def handle_request(self, request: httpx.Request) -> httpx.Response:
            body = request.read()
            copy = httpx.Request(request.method, request.url, headers=request.headers, content=body)

            async def run() -> httpx.Response:
                response = await self._inner.handle_async_request(copy)
                content = await response.aread()
                return httpx.Response(response.status_code, headers=response.headers, content=content)

            return _Loops.run(run())

    return SyncASGITransport()


@dataclass
class PortalAdmin:
    """What a test asserts on besides the REST answers: the portal's records, faults and limits."""

    portal: Portal

    def calls(self) -> list[dict[str, Any]]:
        """Every robot and action handler call, in order (the portal records them instead of
        sending them): handler URL, code, properties, document and `EVENT_TOKEN`."""
        return self._records("call")

    def workflows(self) -> list[dict[str, Any]]:
        """Every stored workflow, finished ones too, with STATE, STATUS_TEXT, OUTPUTS and LOG."""
        return self._records("workflow")

    def flows(self) -> list[dict[str, Any]]:
        """Every task flow the portal holds, as stored."""
        with self.portal.store.lock:
            return [dict(flow) for flow in self.portal.store.flows.values()]

    def add_fault(
        self,
        method: str = "*",
        error: str | None = None,
        count: int = 1,
        status: int | None = None,
        operating: float = 0.0,
    ) -> None:
        """The next `count` calls of `method` fail with `error` (an example name such as
        `FlowNotFound` or a code such as `QUERY_LIMIT_EXCEEDED`), or are charged `operating`
        seconds; ValueError when the method does not declare that error (under that status)."""
        raw = {"method": method, "error": error, "count": count, "status": status, "operating": operating}
        self.portal.faults.add(self.portal.make_fault(raw))

    def faults(self) -> list[dict[str, Any]]:
        """The faults not used up yet."""
        return [fault.as_dict() for fault in self.portal.faults.pending]

    def clear_faults(self) -> None:
        self.portal.faults.clear()

    def reset_limits(self) -> None:
        """Empty the leaky bucket and the operating-time budgets."""
        if self.portal.bucket is not None:
            self.portal.bucket.level = 0.0
        if self.portal.budget is not None:
            self.portal.budget.buckets.clear()

    def _records(self, kind: str) -> list[dict[str, Any]]:
        with self.portal.store.lock:
            return [dict(record) for record in self.portal.store.of(kind).values()]


@dataclass
class _Credentials:
    """Where a portal answers, and with which credentials: its identities file's webhooks and tokens."""

    base: str  # scheme://host[:port]
    portal: Portal

    @property
    def oauth_url(self) -> str:
        """The OAuth application URL: send a token from `tokens` as `auth` or as a Bearer header."""
        return f"{self.base}/rest"

    @property
    def webhook_url(self) -> str:
        """The first webhook of the identities file (the built-in one: user 1, an administrator)."""
        return self.webhook_url_for(self.portal.identities.webhooks[0].user)

    def webhook_url_for(self, user: int, scope: str | None = None) -> str:
        """The URL of a webhook of `user` (with `scope`, when given), ending in a slash."""
        for hook in self.portal.identities.webhooks:
            if hook.user == user and (scope is None or scope in hook.scopes):
                return f"{self.base}/rest/{hook.user}/{hook.code}/"
        raise LookupError(f"the portal's identities have no webhook of user {user} with scope {scope}")

    @property
    def tokens(self) -> dict[int, str]:
        """user id -> an OAuth access token of that user that has not expired (first one listed)."""
        now = time.time()
        found: dict[int, str] = {}
        for token in self.portal.identities.tokens.values():
            if token.expires_at is None or token.expires_at > now:
                found.setdefault(token.user, token.token)
        return found

    @property
    def token(self) -> str:
        """An OAuth token of the first webhook's user."""
        return self.tokens[self.portal.identities.webhooks[0].user]


@dataclass
class InProcessPortal(_Credentials):
    """A portal that lives in the test's process; its transports deliver calls with no socket."""

    app: Starlette = field(repr=False)

    @property
    def admin(self) -> PortalAdmin:
        return PortalAdmin(self.portal)

    @property
    def transport(self) -> httpx.BaseTransport:
        """For `httpx.Client(transport=...)` and b24_client's `transport=`."""
        return sync_transport(self.app)

    @property
    def async_transport(self) -> httpx.AsyncBaseTransport:
        """For `httpx.AsyncClient(transport=...)` and b24_client's `async_transport=`."""
        import httpx  # noqa: PLC0415

        return httpx.ASGITransport(app=self.app)

    def client(self, **kwargs: Any) -> httpx.Client:
        """An httpx.Client on the portal: `client.post(portal.webhook_url + "tasks.flow.Flow.get", ...)`."""
        import httpx  # noqa: PLC0415

        return httpx.Client(transport=self.transport, **kwargs)

    def async_client(self, **kwargs: Any) -> httpx.AsyncClient:
        import httpx  # noqa: PLC0415

        return httpx.AsyncClient(transport=self.async_transport, **kwargs)


@dataclass
class LivePortal(_Credentials):
    """A portal served over a real socket on 127.0.0.1; `ca_file` is the CA to trust under TLS."""

    ca_file: Path | None = None

    @property
    def admin(self) -> PortalAdmin:
        return PortalAdmin(self.portal)


def _settings(request: pytest.FixtureRequest) -> dict[str, Any]:
    """ServerConfig keyword arguments from the test's markers (the closest marker wins)."""
    settings: dict[str, Any] = {}
    marker = request.node.get_closest_marker("b24_portal")
    if marker is not None:
        unknown = set(marker.kwargs) - PORTAL_OPTIONS
        if unknown or marker.args:
            wrong = sorted(unknown) or marker.args
            raise pytest.UsageError(
                f"b24_portal takes keyword arguments {sorted(PORTAL_OPTIONS)}, not {wrong}"
            )
        settings.update(marker.kwargs)
    marker = request.node.get_closest_marker("b24_fixtures")
    if marker is not None:
        if len(marker.args) != 1 or marker.kwargs:
            raise pytest.UsageError("b24_fixtures takes one argument: the path of a fixtures file")
        path = Path(marker.args[0])
        if not path.is_absolute():
            path = Path(request.node.path).parent / path
        if not path.is_file():
            raise pytest.UsageError(f"b24_fixtures: no such file {path}")
        settings["fixtures"] = path
    return settings


def _add_faults(request: pytest.FixtureRequest, admin: PortalAdmin) -> None:
    # closest first from iter_markers; install them in the order they are written on the test
    for marker in reversed(list(request.node.iter_markers("b24_fault"))):
        unknown = set(marker.kwargs) - FAULT_OPTIONS
        if unknown or marker.args:
            wrong = sorted(unknown) or marker.args
            raise pytest.UsageError(f"b24_fault takes keyword arguments {sorted(FAULT_OPTIONS)}, not {wrong}")
        try:
            admin.add_fault(**marker.kwargs)
        except ValueError as exc:
            raise pytest.UsageError(f"b24_fault{marker.kwargs}: {exc}") from exc


def _new_portal(request: pytest.FixtureRequest) -> Any:
    from reference_server import ServerConfig, create_app  # noqa: PLC0415  (the [server] extra)

    return create_app(ServerConfig(**_settings(request)))


@pytest.fixture
def b24_portal(request: pytest.FixtureRequest) -> Iterator[InProcessPortal]:
    """A new, empty reference portal in this process (state in memory, gone after the test)."""
    app = _new_portal(request)
    portal = InProcessPortal(base=f"http://{IN_PROCESS_HOST}", portal=app.state.portal, app=app)
    _add_faults(request, portal.admin)
    yield portal
    app.state.portal.store.close()


@pytest.fixture
def b24_webhook_url(b24_portal: InProcessPortal) -> str:
    """The in-process portal's administrator webhook URL (use it with `b24_transport`)."""
    return b24_portal.webhook_url


@pytest.fixture
def b24_transport(b24_portal: InProcessPortal) -> httpx.BaseTransport:
    """A sync httpx transport to the in-process portal."""
    return b24_portal.transport


@pytest.fixture
def b24_async_transport(b24_portal: InProcessPortal) -> httpx.AsyncBaseTransport:
    """An async httpx transport to the in-process portal."""
    return b24_portal.async_transport


@pytest.fixture
def b24_admin(b24_portal: InProcessPortal) -> PortalAdmin:
    """The in-process portal's records, faults and limits."""
    return b24_portal.admin


@contextlib.contextmanager
def _serving(request: pytest.FixtureRequest, tmp_path: Path, tls: bool) -> Iterator[LivePortal]:
    import uvicorn  # noqa: PLC0415

    from reference_server.__main__ import tls_files  # noqa: PLC0415
    from reference_server.http11 import DecliningUpgrades  # noqa: PLC0415

    app = _new_portal(request)
    ssl: dict[str, Any] = {}
    ca_file: Path | None = None
    if tls:
        ca_file, cert, key = tls_files("127.0.0.1", tmp_path / "ca.pem", tmp_path)
        ssl = {"ssl_certfile": str(cert), "ssl_keyfile": str(key)}
    port = free_port()
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="warning", access_log=False, http=DecliningUpgrades, **ssl
    )
    server = uvicorn.Server(config)
    # uvicorn installs signal handlers only on the main thread: this one leaves the test's alone
    thread = threading.Thread(target=server.run, name=f"b24-portal-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the reference portal did not start on 127.0.0.1:{port}")
        time.sleep(0.005)
    scheme = "https" if tls else "http"
    live = LivePortal(base=f"{scheme}://127.0.0.1:{port}", portal=app.state.portal, ca_file=ca_file)
    _add_faults(request, live.admin)
    try:
        yield live
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        app.state.portal.store.close()


@pytest.fixture
def b24_live_portal(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[LivePortal]:
    """A new reference portal on a free 127.0.0.1 port over plain HTTP, stopped after the test."""
    with _serving(request, tmp_path, tls=False) as live:
        yield live


@pytest.fixture
def b24_live_portal_tls(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[LivePortal]:
    """As `b24_live_portal`, over HTTPS with a certificate from a fresh local CA (`ca_file`)."""
    with _serving(request, tmp_path, tls=True) as live:
        yield live
