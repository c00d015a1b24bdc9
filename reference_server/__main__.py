"""`python -m reference_server --port 8000 [--host 127.0.0.1] [--tls] [--fixtures FILE] [--db FILE]
[--no-limits] [--plan standard|enterprise] [--admin [--admin-token TOKEN]]`."""

from __future__ import annotations

import argparse
import ipaddress
import secrets
import shutil
import signal
import sys
import tempfile
from pathlib import Path

import uvicorn

from . import ServerConfig, create_app
from .core.app import ADMIN_HEADER
from .core.store import StoreLockedError
from .http11 import DecliningUpgrades


def _parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--tls", action="store_true", help="serve HTTPS with a locally generated CA")
    parser.add_argument("--ca-file", type=Path, default=None, help="where --tls writes the CA (PEM)")
    parser.add_argument("--fixtures", type=Path, default=None, help="YAML identities replacing the defaults")
    parser.add_argument("--db", type=Path, default=None, help="SQLite file keeping state across restarts")
    parser.add_argument("--no-limits", action="store_true", help="no rate limit, no operating budget")
    parser.add_argument("--plan", choices=["standard", "enterprise"], default="standard")
    parser.add_argument(
        "--admin",
        action="store_true",
        help=f"serve /_reference/ (fault injection, limit reset, handler calls); needs {ADMIN_HEADER}",
    )
    parser.add_argument(
        "--string-codes",
        action="store_true",
        help='send engine error codes as the docs print them ("0") instead of the JSON integer 0',
    )
    parser.add_argument("--admin-token", default=None, help="the admin token (default: random, printed)")
    return parser


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def tls_files(host: str, ca_file: Path | None, workdir: Path | None = None) -> tuple[Path, Path, Path]:
    """A fresh local CA and a certificate for `host` (and the loopback names) signed by it: the CA's
    PEM (at `ca_file`, or in `workdir`), the certificate chain and its private key (in `workdir`, a
    new temporary folder by default)."""
    import trustme  # noqa: PLC0415  (only --tls needs it)

    ca = trustme.CA()
    names = sorted({host, "127.0.0.1", "localhost", "::1"})
    cert = ca.issue_cert(*names)
    workdir = workdir or Path(tempfile.mkdtemp(prefix="reference-server-tls-"))
    ca_path = ca_file or workdir / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_path))
    cert_path, key_path = workdir / "server.pem", workdir / "server.key"
    cert.cert_chain_pems[0].write_to_path(str(cert_path))
    for extra in cert.cert_chain_pems[1:]:
        extra.write_to_path(str(cert_path), append=True)
    cert.private_key_pem.write_to_path(str(key_path))
    return ca_path, cert_path, key_path


def main(argv: list[str] | None = None, prog: str = "python -m reference_server") -> None:
    args = _parser(prog).parse_args(argv)
    admin = args.admin or args.admin_token is not None
    admin_token = (args.admin_token or secrets.token_urlsafe(18)) if admin else None
    config = ServerConfig(
        fixtures=args.fixtures,
        db=args.db,
        limits=not args.no_limits,
        plan=args.plan,
        admin=admin,
        admin_token=admin_token,
        string_codes=args.string_codes,
    )
    try:
        app = create_app(config)
    except StoreLockedError as exc:
        print(f"reference server: {exc}; stop it or use another --db", file=sys.stderr)
        sys.exit(2)
    if not _loopback(args.host):
        print(
            f"warning: listening on {args.host}, not loopback: anyone who reaches this address can use "
            "the fake portal's fixed credentials (printed below)",
            file=sys.stderr,
            flush=True,
        )
    portal = app.state.portal
    scheme = "https" if args.tls else "http"
    shown = f"[{args.host}]" if ":" in args.host else args.host
    base = f"{scheme}://{shown}:{args.port}/rest"
    ssl: dict[str, str] = {}
    lines = []
    key_dir: Path | None = None
    if args.tls:
        ca_path, cert_path, key_path = tls_files(args.host, args.ca_file)
        key_dir = key_path.parent
        ssl = {"ssl_certfile": str(cert_path), "ssl_keyfile": str(key_path)}
        lines += [
            f"CA file: {ca_path}",
            "  trust it with one of: "
            f"SSL_CERT_FILE={ca_path} REQUESTS_CA_BUNDLE={ca_path} NODE_EXTRA_CA_CERTS={ca_path}",
        ]
    for hook in portal.identities.webhooks:
        scopes = ", ".join(sorted(hook.scopes))
        lines.append(f"Webhook URL: {base}/{hook.user}/{hook.code}/  (user {hook.user}, scopes: {scopes})")
    for token in portal.identities.tokens.values():
        lines.append(f"OAuth: {base}/<method>?auth={token.token}  (user {token.user})")
    if admin_token is not None:
        lines.append(
            f"Admin: {scheme}://{shown}:{args.port}/_reference/...  (header {ADMIN_HEADER}: {admin_token})"
        )
    limits = f"limits on ({args.plan})" if config.limits else "limits off"
    state = f"state in {args.db}" if args.db else "state in memory"
    print(f"Bitrix24 reference server on {scheme}://{shown}:{args.port}, {limits}, {state}")
    print("\n".join(lines), flush=True)
    sys.stdout.flush()
    # No access log and no proxy-header rewriting: a local test portal needs neither, and both cost
    # time on every call (create throughput rose by about a sixth without them, benchmarks/README.md).
    # uvicorn shuts down on SIGTERM and then raises it again with the handler found at start: as
    # SystemExit, the `finally` below still runs (the default action would end the process first)
    signal.signal(signal.SIGTERM, _exit_on_signal)
    # A large body is parsed in a worker thread (app.LARGE_PARAMETERS); while it holds the interpreter
    # lock, the event loop gets it back only at a thread switch, 5 ms apart by default, and a call
    # needs it several times. At 1 ms other callers wait a few milliseconds, not hundreds.
    sys.setswitchinterval(0.001)
    try:
        uvicorn.run(
            app,
            host=args.host,
            port=args.port,
            log_level="warning",
            access_log=False,
            proxy_headers=False,
            http=DecliningUpgrades,  # Java's HttpClient offers h2c on every plain-http request
            **ssl,  # type: ignore[arg-type]
        )
    finally:
        # the private key (and the CA, unless --ca-file put it elsewhere) goes with the server
        if key_dir is not None:
            shutil.rmtree(key_dir, ignore_errors=True)
        portal.store.close()


def _exit_on_signal(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


if __name__ == "__main__":
    main()
