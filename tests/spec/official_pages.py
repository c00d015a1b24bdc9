"""Reads the JSON examples off the official documentation pages copied into ../shared/reference."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

DOCS_ROOT = Path(__file__).resolve().parents[3] / "shared" / "reference" / "b24-rest-docs"
SITE = "https://apidocs.bitrix24.com/"
_JSON_BLOCK = re.compile(r"```json\s*\n(.*?)```", re.S)
_CURL = re.compile(r"cURL \((Webhook|OAuth)\)\s*\n\s*```bash\n(.*?)```", re.S)
_CURL_BODY = re.compile(r"-d '(.*?)'", re.S)
_LINE_COMMENT = re.compile(r"^\s*//.*$", re.M)


def page_for(url: str) -> Path:
    """The copied Markdown page behind an official page URL."""
    return DOCS_ROOT / (url.removeprefix(SITE).removesuffix(".html") + ".md")


def _parse(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return json.loads(_LINE_COMMENT.sub("", text))


def _request_bodies(text: str) -> list[Any]:
    """The cURL request bodies: the webhook tab's, or the OAuth tab's without its `auth` token."""
    tabs = {m.group(1): m.group(2) for m in _CURL.finditer(text)}
    oauth_only = "Webhook" not in tabs
    bodies = []
    for match in _CURL_BODY.finditer(tabs.get("Webhook", tabs.get("OAuth", ""))):
        body = _parse(match.group(1))
        if oauth_only and isinstance(body, dict):
            body.pop("auth", None)
        bodies.append(body)
    return bodies


def examples_on(page: Path) -> tuple[list[Any], list[Any]]:
    """(whole JSON examples, fragments) of a page: its json blocks and its cURL request bodies.

    A fragment is a block such as `"Options": {...},` that shows one member of a larger object; it is
    returned as that one-member object.
    """
    text = page.read_text(encoding="utf-8")
    whole, fragments = _request_bodies(text), []
    for match in _JSON_BLOCK.finditer(text):
        block = match.group(1)
        try:
            whole.append(_parse(block))
        except json.JSONDecodeError:
            fragments.append(_parse("{" + block.strip().rstrip(",") + "}"))
    return whole, fragments
