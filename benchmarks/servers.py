"""Servers the cases start as subprocesses: the reference server and the Prism mock."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from b24_spec.bundle import BUNDLE_YAML
from benchmarks.harness import ROOT
from reference_server.process import REFERENCE_SERVER, listening

PRISM = ROOT / "node_modules" / ".bin" / "prism"
WEBHOOK = "/rest/1/reference-admin"


@dataclass(frozen=True)
class Server:
    name: str
    port: int
    prefix: str  # the path before /<method>


@contextmanager
def reference_server(port: int) -> Iterator[Server]:
    with listening([*REFERENCE_SERVER, "--port", str(port), "--no-limits"], port):
        yield Server("reference server", port, WEBHOOK)


@contextmanager
def prism(port: int) -> Iterator[Server]:
    command = [str(PRISM), "mock", str(BUNDLE_YAML), "-h", "127.0.0.1", "-p", str(port), "-v", "warn"]
    with listening(command, port):
        yield Server("prism mock", port, "")


@contextmanager
def null_server(port: int) -> Iterator[Server]:
    command = [sys.executable, "-m", "benchmarks.null_server", "--port", str(port)]
    with listening(command, port):
        yield Server("null server", port, "")


def flow_data(name: str) -> dict[str, Any]:
    return {
        "name": name,
        "plannedCompletionTime": 7200,
        "distributionType": "manually",
        "responsibleList": [["user", "1"]],
    }
