"""The error catalogue of the bundle, one entry per named error, for clients in any language.

Each error body the spec declares is one example component (`components/examples/<Name>`); its key
is the error's name. This module collects those entries with every status any operation declares
them under, the operations that declare them, the retry advice and every message variant, and writes
them as `generated/errors.json`. The Python client's named exceptions are generated from the same
list (generator/python/client.py), so both always agree with the bundle.
"""

from __future__ import annotations

import json
from typing import Any

Json = Any

# Names the Python client's runtime already uses: an error named like one of them would shadow it.
RESERVED_NAMES = frozenset(
    {
        "B24ClientError",
        "Bitrix24Error",
        "UnknownBitrix24Error",
        "UnexpectedStatus",
        "MalformedResponse",
        "ResponseTooLarge",
        "WaitTooLong",
    }
)
_VARIANT_KEYS = ("lang", "text", "pattern", "template", "current")

ABOUT = (
    "Every error body the Bitrix24 REST methods of this spec can return, by name. To name an answer: "
    "take the entries whose code equals the answer's `error` (a JSON integer compared as its decimal "
    "text: flow errors arrive as 0) and one of whose messages matches its `error_description` (`text` "
    "equal, or `pattern` matching the whole text); prefer an entry the called operation declares, "
    "then one whose statuses hold the answer's HTTP status. No two entries with the same code share "
    "a message, so at most one remains. Anything else is an unknown error. `retry` says whether "
    "repeating the call is safe: never, after-backoff, after-reset, after-token-refresh, "
    "if-idempotent (only operations marked x-bitrix-idempotent)."
)


def _example_name(entry: Json) -> str:
    return str(entry["example"]).rsplit("/", 1)[-1]


def catalogue(doc: Json) -> list[dict[str, Any]]:
    """The named errors of a bundle (with its `x-bitrix-errors` index), sorted by name."""
    found: dict[str, dict[str, Any]] = {}
    for item in doc.get("paths", {}).values():
        for op in item.values():
            if not isinstance(op, dict) or "operationId" not in op:
                continue
            for entry in op.get("x-bitrix-errors", []):
                name = _example_name(entry)
                error = found.setdefault(
                    name,
                    {
                        "name": name,
                        "code": str(entry["code"]),
                        "statuses": [],
                        "retry": str(entry["retry"]),
                        "message": str(entry["message"]),
                        "cause": str(entry["cause"]).strip(),
                        "messages": [
                            {k: v[k] for k in _VARIANT_KEYS if k in v} for v in entry.get("messages", [])
                        ],
                        "operations": [],
                    },
                )
                if int(entry["status"]) not in error["statuses"]:
                    error["statuses"].append(int(entry["status"]))
                if op["operationId"] not in error["operations"]:
                    error["operations"].append(str(op["operationId"]))
    for error in found.values():
        error["statuses"].sort()
        error["operations"].sort()
    return [found[name] for name in sorted(found)]


def to_json(doc: Json) -> str:
    """`generated/errors.json`: the catalogue with a note on how to classify an answer by it."""
    info = doc.get("info", {})
    document = {
        "about": ABOUT,
        "spec": {"title": info.get("title", ""), "version": info.get("version", "")},
        "errors": catalogue(doc),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
