"""Every benchmark case, in the order `nox -s bench` runs them: the one place to add a case.

A case is a function `(Settings) -> CaseResult` (benchmarks.harness); `-- --case NAME` runs one.
"""

from __future__ import annotations

from benchmarks import (
    client_overhead,
    contract_suite,
    hostile_body,
    plugin_fixture,
    regeneration,
    runtime_hook,
    server_vs_prism,
)
from benchmarks.harness import Case

CASES: dict[str, Case] = {
    "server": server_vs_prism.run,  # reference server vs Prism: req/s, p50/p99
    "client": client_overhead.run,  # b24_client vs raw httpx per call, in-process
    "contract": contract_suite.run,  # the contract suite: in-process and over HTTP
    "regen": regeneration.run,  # bundle, Python client, docs vs the stock tools
    "client_runtime": runtime_hook.run,  # benchmarks/client_runtime.py (runtime vs fast_bitrix24)
    "hostile_body": hostile_body.run,  # worst accepted form body: parse time, latency others see
    "plugin": plugin_fixture.run,  # the pytest plugin's fresh portal per test vs httpx.MockTransport
}
