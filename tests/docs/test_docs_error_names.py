"""The docs name every error, publish the catalogue, and show the TypeScript and Go helpers."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from b24_spec import errors

from .conftest import ROOT, page


def test_every_error_row_carries_its_catalogue_name(site: Path, operations: dict[str, Any]) -> None:
    for op_id, op in operations.items():
        rows = page(site, f"{op_id}.html").error_rows
        shown = sorted((int(r["data-status"]), r["data-code"], r["data-name"]) for r in rows)
        declared = sorted(
            (e["status"], e["code"], e["example"].rsplit("/", 1)[-1]) for e in op["x-bitrix-errors"]
        )
        assert shown == declared, op_id
        for row in rows:
            assert row["cells"].split("\x1f")[3].startswith(f"Named {row['data-name']}"), (op_id, row)


def test_the_site_publishes_the_catalogue(site: Path, spec: Any) -> None:
    assert (site / "errors.json").read_text(encoding="utf-8") == errors.to_json(spec)
    assert (site / "errors.json").read_text(encoding="utf-8") == (
        ROOT / "generated" / "errors.json"
    ).read_text(encoding="utf-8")
    text = (site / "protocol.html").read_text(encoding="utf-8")
    listed = re.findall(r'<tr data-name="([^"]+)">', text)
    assert listed == [
        e["name"] for e in json.loads((site / "errors.json").read_text(encoding="utf-8"))["errors"]
    ]
    assert 'href="errors.json"' in text


def test_the_protocol_page_shows_the_helpers_as_tested(site: Path) -> None:
    text = html.unescape((site / "protocol.html").read_text(encoding="utf-8"))
    for name in ("error_names.ts", "error_names.go"):
        source = (ROOT / "generator" / "languages" / name).read_text(encoding="utf-8")
        assert source in text, name
