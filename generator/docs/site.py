"""Build the API reference docs (`nox -s docs`): generated/openapi.json → build/docs/.

A small static-site generator instead of a hosted renderer: the output must open from disk and on
any static host with nothing fetched at view time (Redoc-style bundles point fonts and icons at a
CDN), and it must show our `x-bitrix-*` fields (error catalogue, retry advice, toggles, paging),
which generic renderers hide. Pages: index.html (areas and operations), protocol.html (the shared
protocol), one `<operationId>.html` per operation, and assets/ (CSS and the search script). The
search index is inlined as JSON in every page because browsers refuse to fetch files from file://.

Usage: python -m generator.docs [--spec generated/openapi.json] [--out build/docs]
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from b24_spec import errors, model
from b24_spec.bundle import BUNDLE_JSON
from generator.docs import samples
from generator.docs.schema import Row, SchemaReader

TEMPLATES = Path(__file__).resolve().parent / "templates"
DEFAULT_SPEC = BUNDLE_JSON
# the installed tool writes where it is run, as the nox session does from the clone's root
DEFAULT_OUT = Path("build") / "docs"
# The TypeScript and Go helpers that name errors by errors.json, shown on the protocol page.
CLIENT_SOURCES = Path(__file__).resolve().parents[1] / "languages"

RETRY_ADVICE = {
    "never": "Do not retry: the same call fails the same way.",
    "after-backoff": "Retry after a pause: the call was refused before it ran.",
    "after-reset": "Retry once time.operating_reset_at has passed: the call was refused before it ran.",
    "after-token-refresh": "Refresh the OAuth token, then retry.",
    "if-idempotent": "The call may or may not have taken effect: retry only an idempotent operation.",
}


class DocsBuildError(Exception):
    """The bundle lacks something the docs must show; the build stops rather than publish a gap."""


@dataclass
class ErrorRow:
    """One row of an operation's error table: the catalogue entry with the advice the page gives."""

    status: int
    code: str
    message: str
    cause: str
    retry: str
    advice: str
    system: bool
    # every known form of the message: (text or pattern, "text"/"pattern", lang, source)
    variants: list[tuple[str, str, str, str]] = field(default_factory=list)
    name: str = ""  # the catalogue's name: the example's key (generated/errors.json, b24_client.errors)


@dataclass
class Sample:
    name: str
    summary: str
    body: Any
    curl: str
    python: str
    typescript: str


@dataclass
class OperationPage:
    """What one operation's page shows: the spec's typed operation plus what the page renders."""

    spec: model.Operation
    page: str
    description: str
    official_url: str
    request_rows: list[Row]
    result_rows: list[Row]
    result_example: str | None
    errors: list[ErrorRow]
    samples: list[Sample]
    next_steps: list[tuple[str, str]] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.spec.operation_id

    @property
    def tag(self) -> str:
        return self.spec.tags[0]

    @property
    def summary(self) -> str:
        return self.spec.summary

    @property
    def deprecated(self) -> bool:
        return self.spec.deprecated

    @property
    def alias_of(self) -> str | None:
        return self.spec.alias_of

    @property
    def scope(self) -> str:
        return self.spec.scope

    @property
    def access(self) -> str:
        return self.spec.access

    @property
    def effect(self) -> str:
        return self.spec.role.effect

    @property
    def idempotent(self) -> bool:
        return self.spec.idempotent

    @property
    def batchable(self) -> bool:
        return self.spec.batchable

    @property
    def operating_budget(self) -> bool:
        return self.spec.operating_budget

    @property
    def app_context(self) -> bool:
        return self.spec.app_context

    @property
    def toggle(self) -> model.Toggle | None:
        return self.spec.toggle

    @property
    def pagination(self) -> model.Pagination | None:
        return self.spec.pagination

    @property
    def errors_under_200(self) -> bool:
        return any(e.status == 200 for e in self.errors)


# -- reading the bundle ---------------------------------------------------------------------------


def _require(op: dict[str, Any], key: str, op_id: str) -> Any:
    if key not in op:
        raise DocsBuildError(f"{op_id}: `{key}` is missing; the docs cannot be built without it")
    return op[key]


def _system_examples(spec: dict[str, Any]) -> set[str]:
    """Errors every operation declares are the system ones; the rest are the method's own."""
    sets = [
        {e["example"] for e in item["post"].get("x-bitrix-errors", [])} for item in spec["paths"].values()
    ]
    return set.intersection(*sets) if sets else set()


def _variants(entry: model.ErrorEntry) -> list[tuple[str, str, str, str]]:
    """The message forms of an error other than its example text, as the catalogue lists them."""
    out = []
    for v in entry.messages:
        kind = "pattern" if v.pattern is not None else "text"
        form = (v.pattern if v.pattern is not None else v.text) or ""
        if kind == "text" and form == entry.message and v.lang == "en":
            continue
        out.append((form, kind, v.lang, v.source))
    return out


def _errors(op: model.Operation, system: set[str]) -> list[ErrorRow]:
    if not op.errors:
        raise DocsBuildError(f"{op.operation_id}: `x-bitrix-errors` is empty")
    out = []
    for e in op.errors:
        advice = RETRY_ADVICE[e.retry]
        if e.retry == "if-idempotent":
            advice += (
                " This operation is idempotent." if op.idempotent else " This operation is not: do not retry."
            )
        out.append(
            ErrorRow(
                e.status,
                e.code,
                e.message,
                e.cause,
                e.retry,
                advice,
                e.example in system,
                _variants(e),
                e.name,
            )
        )
    return out


def _operation(
    spec: dict[str, Any], reader: SchemaReader, path: str, system: set[str], targets: dict[str, str]
) -> OperationPage:
    op = spec["paths"][path]["post"]
    op_id = _require(op, "operationId", path)
    tag = _require(op, "tags", op_id)[0]
    body = _require(op, "requestBody", op_id)["content"]["application/json"]
    for key in ("summary", "x-bitrix-scope", "x-bitrix-access", "x-bitrix-role", "x-bitrix-idempotent"):
        _require(op, key, op_id)
    _require(op, "x-bitrix-batchable", op_id)
    _require(op, "x-bitrix-errors", op_id)
    typed = model.operation(spec, path, "post", op)
    app_context = typed.app_context
    target = samples.Target(op_id, targets["oauth" if app_context else "webhook"], oauth=app_context)
    names = samples.python_names(op_id, tag, body["schema"])
    sample_list = []
    for name, example in body.get("examples", {}).items():
        value = reader.resolve(example)["value"]
        sample_list.append(
            Sample(
                name,
                reader.resolve(example).get("summary", name),
                value,
                samples.curl(target, value),
                samples.python(target, names, value),
                samples.typescript(target, value),
            )
        )
    if not sample_list:
        raise DocsBuildError(f"{op_id}: the request body has no example to build code samples from")
    success = op["responses"]["200"]["content"]["application/json"]
    result_schema = success["schema"]
    # `pin` declares `oneOf [success, ErrorResponse]` under 200: document the success branch.
    if "oneOf" in result_schema:
        result_schema = next(s for s in result_schema["oneOf"] if reader.ref_name(s) != "ErrorResponse")
    result_example = None
    for example in success.get("examples", {}).values():
        value = reader.resolve(example)["value"]
        if "error" not in value:
            result_example = json.dumps(value, indent=2, ensure_ascii=False)
            break
    links = op["responses"]["200"].get("links", {})
    next_steps = [
        (reader.resolve(link)["operationId"], reader.resolve(link).get("description", ""))
        for link in links.values()
    ]
    return OperationPage(
        spec=typed,
        page=f"{op_id}.html",
        description=_require(op, "description", op_id),
        official_url=_require(op, "externalDocs", op_id)["url"],
        request_rows=reader.rows(body["schema"]),
        result_rows=reader.rows(result_schema),
        result_example=result_example,
        errors=_errors(typed, system),
        samples=sample_list,
        next_steps=next_steps,
    )


def _server_url(server: dict[str, Any]) -> str:
    """A server URL with its variables filled with their defaults (the placeholders readers replace)."""
    url: str = server["url"]
    for name, var in server.get("variables", {}).items():
        url = url.replace("{" + name + "}", str(var["default"]))
    return url


def load_operations(spec: dict[str, Any]) -> list[OperationPage]:
    reader = SchemaReader(spec)
    servers = spec.get("servers", [])
    webhook = next((s for s in servers if "{webhookCode}" in s["url"]), None)
    oauth = next((s for s in servers if "{webhookCode}" not in s["url"]), None)
    if webhook is None or oauth is None:
        raise DocsBuildError("the bundle must declare a webhook server and an OAuth server")
    targets = {"webhook": _server_url(webhook), "oauth": _server_url(oauth)}
    system = _system_examples(spec)
    return [_operation(spec, reader, path, system, targets) for path in spec["paths"]]


# -- rendering ------------------------------------------------------------------------------------


def _markdown_filter(known_ops: set[str]) -> Any:
    """The spec's prose uses only backtick code and blank-line paragraphs; operation names become links."""

    def render(text: str | None, block: bool = False) -> Markup:
        parts = re.split(r"`([^`]*)`", text or "")
        out = []
        for i, part in enumerate(parts):
            if i % 2 == 0:
                out.append(html.escape(part, quote=False))
            elif part in known_ops:
                out.append(f'<a href="{html.escape(part)}.html"><code>{html.escape(part)}</code></a>')
            else:
                out.append(f"<code>{html.escape(part, quote=False)}</code>")
        rendered = "".join(out)
        if block:
            rendered = "".join(f"<p>{p.strip()}</p>" for p in rendered.split("\n\n") if p.strip())
        return Markup(rendered)

    return render


def _search_index(ops: list[OperationPage]) -> Markup:
    entries = [
        {
            "id": op.id,
            "url": op.page,
            "tag": op.tag,
            "summary": op.summary,
            "terms": " ".join(
                [r.path for r in op.request_rows]
                + sorted({e.code for e in op.errors if e.code})
                + sorted({e.message for e in op.errors})
            ),
        }
        for op in ops
    ]
    entries.append(
        {
            "id": "Protocol",
            "url": "protocol.html",
            "tag": "",
            "summary": "URLs, auth, envelope, paging, batch, limits, system errors",
            "terms": "webhook oauth auth bearer time next total start batch limits"
            " QUERY_LIMIT_EXCEEDED OPERATION_TIME_LIMIT",
        }
    )
    # `</` would end the inline <script> element early.
    return Markup(json.dumps(entries, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/"))


def build(spec_path: Path = DEFAULT_SPEC, out: Path = DEFAULT_OUT) -> list[Path]:
    """Write the whole site into `out` (replaced), and return the files written."""
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    ops = load_operations(spec)
    tags = [t for t in spec.get("tags", []) if any(op.tag == t["name"] for op in ops)]
    reader = SchemaReader(spec)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = _markdown_filter({op.id for op in ops})
    env.filters["json"] = lambda v: json.dumps(v, ensure_ascii=False)
    common = {
        "info": spec["info"],
        "tags": tags,
        "ops": ops,
        "ops_by_tag": {t["name"]: [op for op in ops if op.tag == t["name"]] for t in tags},
        "search_index": _search_index(ops),
        "retry_advice": RETRY_ADVICE,
    }
    pages: dict[str, str] = {
        "index.html": env.get_template("index.html").render(common, page="index.html"),
        "protocol.html": env.get_template("protocol.html").render(
            common, page="protocol.html", **_protocol_context(spec, reader, ops)
        ),
    }
    for op in ops:
        pages[op.page] = env.get_template("operation.html").render(common, page=op.page, op=op)
    if out.exists():
        shutil.rmtree(out)
    (out / "assets").mkdir(parents=True)
    written = []
    for name, text in pages.items():
        (out / name).write_text(text, encoding="utf-8")
        written.append(out / name)
    (out / "errors.json").write_text(errors.to_json(spec), encoding="utf-8")
    written.append(out / "errors.json")
    for asset in sorted((TEMPLATES / "assets").iterdir()):
        shutil.copyfile(asset, out / "assets" / asset.name)
        written.append(out / "assets" / asset.name)
    return written


def _protocol_context(spec: dict[str, Any], reader: SchemaReader, ops: list[OperationPage]) -> dict[str, Any]:
    """Protocol facts read from the bundle: servers, security schemes, shared schemas, system errors."""
    schemas = spec["components"]["schemas"]
    batch = spec["paths"].get("/batch", {}).get("post")
    # Generic advice here: the per-operation note on `if-idempotent` depends on the operation.
    system = [
        ErrorRow(e.status, e.code, e.message, e.cause, e.retry, RETRY_ADVICE[e.retry], True, name=e.name)
        for e in (ops[0].errors if ops else [])
        if e.system
    ]
    return {
        "servers": [{**s, "example": _server_url(s)} for s in spec.get("servers", [])],
        "security": spec["components"].get("securitySchemes", {}),
        "envelope_rows": reader.rows(schemas["SuccessEnvelope"]),
        "time_rows": reader.rows(schemas["ResponseTime"]),
        "error_rows": reader.rows(schemas["ErrorResponse"]),
        "error_description": schemas["ErrorResponse"].get("description", ""),
        "paged_rows": reader.rows(schemas["PagedEnvelope"]),
        "start_description": schemas["ListStart"].get("description", ""),
        "empty_map_description": schemas["BatchResult"].get("description", ""),
        "paged_ops": [op for op in ops if op.pagination],
        "page_size": next((op.pagination.page_size for op in ops if op.pagination), 50),
        "batch_rows": reader.rows(batch["requestBody"]["content"]["application/json"]["schema"])
        if batch
        else [],
        "batch_result_rows": reader.rows(schemas["BatchResult"]),
        "system_errors": sorted(system, key=lambda e: e.status),
        "errors_under_200": [op for op in ops if op.errors_under_200],
        "app_context_ops": [op for op in ops if op.app_context],
        "named_errors": errors.catalogue(spec),
        "error_helpers": {
            "typescript": (CLIENT_SOURCES / "error_names.ts").read_text(encoding="utf-8"),
            "go": (CLIENT_SOURCES / "error_names.go").read_text(encoding="utf-8"),
        },
    }


def main(argv: list[str] | None = None, prog: str = "python -m generator.docs") -> int:
    parser = argparse.ArgumentParser(prog=prog, description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--spec", type=Path, default=DEFAULT_SPEC, help="the bundle (default: the packaged one)"
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help=f"output folder (default {DEFAULT_OUT})"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        written = build(args.spec, args.out)
    except DocsBuildError as exc:
        print(f"docs: {exc}", file=sys.stderr)
        return 1
    except (OSError, json.JSONDecodeError) as exc:  # an unreadable file, or one that is not JSON
        print(f"docs: cannot read {args.spec}: {exc}", file=sys.stderr)
        return 1
    print(f"docs: wrote {len(written)} files to {args.out} in {time.perf_counter() - started:.2f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
