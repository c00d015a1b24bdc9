"""Reads the JSON examples off the official documentation pages copied into ../shared/reference."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

DOCS_ROOT = Path(__file__).resolve().parents[3] / "shared" / "reference" / "b24-rest-docs"
SITE = "https://apidocs.bitrix24.com/"
_JSON_BLOCK = re.compile(r"```json\s*\n(.*?)```", re.S)
_CURL_WEBHOOK = re.compile(r"cURL \(Webhook\)\s*\n\s*```bash\n(.*?)```", re.S)
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


def examples_on(page: Path) -> tuple[list[Any], list[str]]:
    """(parsed JSON examples, texts that are not JSON) from a page's json blocks and webhook cURL body."""
    text = page.read_text(encoding="utf-8")
    blocks = [m.group(1) for m in _JSON_BLOCK.finditer(text)]
    curl = _CURL_WEBHOOK.search(text)
    if curl:
        blocks += [m.group(1) for m in _CURL_BODY.finditer(curl.group(1))]
    parsed, broken = [], []
    for block in blocks:
        try:
            parsed.append(_parse(block))
        except json.JSONDecodeError:
            broken.append(block)
    return parsed, broken
