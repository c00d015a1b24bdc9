"""Code samples for one operation, generated from its request examples.

Three languages: curl against a webhook URL (or the OAuth URL for methods that refuse webhooks),
Python with the client that openapi-python-client generates from the bundle (package `b24_client`),
and TypeScript with plain `fetch`. Every sample sends the example body unchanged, so the tests can
read the body back out of each sample and compare it with the spec.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

# The same words and delimiters openapi-python-client (0.29) uses to build module and class names,
# so the imports in the Python sample match the generated package.
_DELIMITERS = r"\. _-"
PYTHON_PACKAGE = "b24_client"


def _split_words(value: str) -> list[str]:
    value = "".join(c for c in value if c.isidentifier() or c.isdecimal() or c in _DELIMITERS)
    if any(c.isupper() for c in value):
        value = " ".join(re.split("([A-Z]?[a-z]+)", value))
    return re.findall(rf"[^{re.escape(_DELIMITERS)}]+", value)


def snake_case(value: str) -> str:
    """`tasks.flow.Flow.isExists` → `tasks_flow_flow_is_exists` (the generated module name)."""
    return "_".join(_split_words(value)).lower()


def pascal_case(value: str) -> str:
    """`tasks.flow.Flow.create` → `TasksFlowFlowCreate` (prefix of the generated model names)."""
    return "".join(w if w.isupper() else w.capitalize() for w in _split_words(value))


@dataclass(frozen=True)
class Target:
    """Where and how a sample sends its call."""

    method: str
    base_url: str  # without the method name
    oauth: bool  # True: the method refuses webhooks, so the sample authenticates with `auth`


@dataclass(frozen=True)
class PythonNames:
    module_path: str  # b24_client.api.<tag>
    module: str  # the operation's module
    body_class: str  # the request body model


def python_names(operation_id: str, tag: str, body_schema: dict[str, Any]) -> PythonNames:
    """The generator names an inline request body `<OperationId>Body`; a `$ref` body keeps its schema name."""
    ref = body_schema.get("$ref")
    body_class = (
        pascal_case(ref.rsplit("/", 1)[-1]) if isinstance(ref, str) else f"{pascal_case(operation_id)}Body"
    )
    return PythonNames(f"{PYTHON_PACKAGE}.api.{snake_case(tag)}", snake_case(operation_id), body_class)


def curl(target: Target, body: Any) -> str:
    payload = json.dumps(body, indent=2, ensure_ascii=False)
    # Inside single quotes the shell takes everything literally except a single quote itself.
    quoted = "'" + payload.replace("'", "'\\''") + "'"
    url = f"{target.base_url}/{target.method}"
    lines = [
        "curl -X POST \\",
        '  -H "Content-Type: application/json" \\',
        '  -H "Accept: application/json" \\',
    ]
    if target.oauth:
        # The access token travels as `auth`; the body stays exactly the documented one.
        url += "?auth=$B24_ACCESS_TOKEN"
        return "\n".join([*lines, f"  -d {quoted} \\", f'  "{url}"'])
    return "\n".join([*lines, f"  -d {quoted} \\", f"  {url}"])


def python_literal(value: Any, indent: int = 0) -> str:
    """A Python expression equal to a JSON value, laid out like `json.dumps(indent=4)`."""
    pad, inner = " " * indent, " " * (indent + 4)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [
            f"{inner}{json.dumps(k, ensure_ascii=False)}: {python_literal(v, indent + 4)},"
            for k, v in value.items()
        ]
        return "{\n" + "\n".join(items) + f"\n{pad}}}"
    if isinstance(value, list):
        if not value:
            return "[]"
        items = [f"{inner}{python_literal(v, indent + 4)}," for v in value]
        return "[\n" + "\n".join(items) + f"\n{pad}]"
    if value is None or isinstance(value, bool):
        return {None: "None", True: "True", False: "False"}[value]
    return json.dumps(value, ensure_ascii=False)


def python(target: Target, names: PythonNames, body: Any) -> str:
    if target.oauth:
        client = (
            'access_token = "<OAuth access token of your application>"\n'
            f'client = Client(\n    base_url="{target.base_url}",\n'
            "    # this method refuses webhooks: send the application's OAuth token as `auth`\n"
            '    httpx_args={"params": {"auth": access_token}},\n)'
        )
    else:
        client = f'client = Client(base_url="{target.base_url}")'
    return "\n".join(
        [
            f"from {PYTHON_PACKAGE} import Client",
            f"from {names.module_path} import {names.module}",
            f"from {PYTHON_PACKAGE}.models import {', '.join(sorted(['ErrorResponse', names.body_class]))}",
            "",
            client,
            f"body = {names.body_class}.from_dict({python_literal(body)})",
            f"response = {names.module}.sync(client=client, body=body)",
            "if isinstance(response, ErrorResponse):",
            '    raise RuntimeError(f"{response.error!r}: {response.error_description}")',
            "print(response)",
        ]
    )


def typescript(target: Target, body: Any) -> str:
    payload = json.dumps(body, indent=2, ensure_ascii=False)
    if target.oauth:
        base = (
            f'const BASE = "{target.base_url}"; // OAuth: this method refuses webhooks\n'
            'const accessToken = "<OAuth access token of your application>";'
        )
        url = "`${BASE}/${method}?auth=${encodeURIComponent(accessToken)}`"
    else:
        base = f'const BASE = "{target.base_url}"; // the webhook URL carries the credentials'
        url = "`${BASE}/${method}`"
    return "\n".join(
        [
            base,
            "",
            "async function callBitrix(method: string, body: unknown): Promise<any> {",
            f"  const response = await fetch({url}, {{",
            '    method: "POST",',
            '    headers: { "Content-Type": "application/json", Accept: "application/json" },',
            "    body: JSON.stringify(body),",
            "  });",
            "  const data = await response.json();",
            '  // An error may arrive under HTTP 200, and its code may be "0" or "": test for the member.',
            '  if (!response.ok || (typeof data === "object" && data !== null && "error" in data)) {',
            "    throw new Error(`${method}: [${data?.error}] ${data?.error_description}`);",
            "  }",
            "  return data;",
            "}",
            "",
            f'const data = await callBitrix("{target.method}", {payload});',
            "console.log(data.result);",
        ]
    )
