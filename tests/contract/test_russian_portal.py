"""The reference server passes the contract suite when its portal speaks Russian (`lang: ru` in the
fixtures): every flow message it sends is then the Russian language file's, and the suite recognizes
each one as a declared variant (spec/README.md D35, D37)."""

from __future__ import annotations

from pathlib import Path

import httpx
import yaml

from reference_server.core.identities import DEFAULT_FIXTURES
from reference_server.process import serving
from tests.contract.suite import run_suite

RU_ACCESS_DENIED = "Доступ запрещён или поток не найден"


def test_the_flow_suite_passes_against_a_russian_portal(tmp_path: Path) -> None:
    fixtures = yaml.safe_load(DEFAULT_FIXTURES.read_text(encoding="utf-8"))
    path = tmp_path / "ru.yaml"
    path.write_text(yaml.safe_dump({**fixtures, "lang": "ru"}, allow_unicode=True), encoding="utf-8")
    with serving("--no-limits", "--fixtures", str(path)) as served:
        port = served.port
        base = f"http://127.0.0.1:{port}/rest/1/reference-admin/"
        # the portal does answer in Russian, so the run below meets Russian texts
        refused = httpx.post(
            f"http://127.0.0.1:{port}/rest/2/reference-user2/tasks.flow.Flow.get", json={"flowId": 999999}
        )
        assert refused.json()["error_description"] == RU_ACCESS_DENIED
        outcome = run_suite(
            tmp_path / "report", "--base-url", base, "--operations", r"^/tasks\.flow\.", "--max-examples", "8"
        )
    assert outcome.returncode == 0, outcome.output[-4000:]
    assert sum(outcome.summary["successful_calls"].values()) > 0
