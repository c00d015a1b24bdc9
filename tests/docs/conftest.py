"""Shared helpers for the docs tests: build the site from the committed bundle and read its HTML."""

from __future__ import annotations

import json
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from b24_spec.bundle import BUNDLE_JSON
from generator.docs.site import build

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def spec() -> Any:
    return json.loads(BUNDLE_JSON.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def operations(spec: Any) -> dict[str, Any]:
    """operationId → operation object of the committed bundle."""
    return {item["post"]["operationId"]: item["post"] for item in spec["paths"].values()}


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docs") / "site"
    build(BUNDLE_JSON, out)
    return out


@pytest.fixture
def build_from(tmp_path: Path) -> Callable[[Any], Path]:
    """Build the docs from a (broken) copy of the bundle and return the output folder."""

    def run(document: Any) -> Path:
        spec_path = tmp_path / "openapi.json"
        spec_path.write_text(json.dumps(document), encoding="utf-8")
        out = tmp_path / "site"
        build(spec_path, out)
        return out

    return run


class Page(HTMLParser):
    """Collects what the tests look at: links, URL attributes, error rows, and code samples."""

    URL_ATTRIBUTES = frozenset(
        {"href", "src", "srcset", "action", "formaction", "poster", "data", "background"}
    )

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.error_rows: list[dict[str, str]] = []
        self.codes: dict[str, list[str]] = {}  # code class (lang-curl, ...) → texts
        self.inline: list[str] = []  # contents of <style> and executable <script>
        self._row: dict[str, str] | None = None
        self._cells: list[str] = []
        self._cell: list[str] | None = None
        self._code: tuple[str, list[str]] | None = None
        self._raw: list[str] | None = None
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.urls += [(tag, k, v) for k, v in values.items() if k in self.URL_ATTRIBUTES]
        if "style" in values:
            self.inline.append(values["style"])
        if tag == "tr" and "error" in values.get("class", "").split():
            self._row, self._cells = dict(values), []
        elif tag == "td" and self._row is not None:
            self._cell = []
        elif tag == "code" and values.get("class", "").startswith("lang-"):
            self._code = (values["class"], [])
        elif tag == "style" or (tag == "script" and values.get("type") != "application/json"):
            self._raw = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._cell is not None:
            self._cells.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self._row["cells"] = "\x1f".join(self._cells)
            self.error_rows.append(self._row)
            self._row = None
        elif tag == "code" and self._code is not None:
            self.codes.setdefault(self._code[0], []).append("".join(self._code[1]))
            self._code = None
        elif tag in {"style", "script"} and self._raw is not None:
            self.inline.append("".join(self._raw))
            self._raw = None

    def handle_data(self, data: str) -> None:
        for sink in (self._cell, self._code[1] if self._code else None, self._raw):
            if sink is not None:
                sink.append(data)


def page(site: Path, name: str) -> Page:
    return Page((site / name).read_text(encoding="utf-8"))
