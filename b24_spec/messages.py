"""Which declared error an answer is: the x-bitrix-messages matcher (spec/EXTENSIONS.md).

Shared by the spec rules (b24_spec/conventions.py), which check that variants are well formed and never
overlap, and by the contract suite (contract_tests/checks.py), which names the declared error an
answer is, or the closest one when the answer's message is not declared. Standard library only.
"""

from __future__ import annotations

import difflib
import re
from typing import Any


def message_matches(variant: Any, message: str) -> bool:
    """Whether one x-bitrix-messages variant covers an error_description."""
    if "pattern" in variant:
        return re.fullmatch(variant["pattern"], message) is not None
    return bool(variant.get("text") == message)


def code_text(code: Any) -> Any:
    """An answer's `error` as the catalogue writes codes: portals send flow codes as the JSON integer
    0, the catalogue (and the docs) as the string "0". Other types stay as they are and match nothing."""
    if isinstance(code, int) and not isinstance(code, bool):
        return str(code)
    return code


def _form(variant: Any) -> str:
    """A variant as a reader would compare it: the text, or the pattern's template (else the pattern)."""
    return str(variant.get("text", variant.get("template", variant.get("pattern", ""))))


def classify(entries: list[dict[str, Any]], status: int, code: Any, message: Any) -> dict[str, Any] | None:
    """The x-bitrix-errors entry an answer (status, code, error_description) is, or None."""
    for entry in entries:
        if (entry["status"], entry["code"]) != (status, code_text(code)) or not isinstance(message, str):
            continue
        if any(message_matches(v, message) for v in entry.get("messages", [])):
            return entry
    return None


def closest(entries: list[dict[str, Any]], status: int, code: Any, message: Any) -> tuple[str, str] | None:
    """(example name, variant) of the declared message nearest to `message` among the entries with
    this status and code; None when none has them."""
    best: tuple[float, str, str] | None = None
    text = message if isinstance(message, str) else str(message)
    for entry in entries:
        if (entry["status"], entry["code"]) != (status, code_text(code)):
            continue
        name = str(entry["example"]).rsplit("/", 1)[-1]
        for variant in entry.get("messages", []):
            form = _form(variant)
            score = difflib.SequenceMatcher(None, text, form).ratio()
            if best is None or score > best[0]:
                best = (score, name, form)
    return None if best is None else (best[1], best[2])
