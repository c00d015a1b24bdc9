"""Servers the cases start as subprocesses: the reference server and the Prism mock."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from b24_spec.bundle import BUNDLE_YAML
from benchmarks.harness import ROOT, wait_for_port

PRISM = ROOT / "node_modules" / ".bin" / "prism"
WEBHOOK = "/rest/1/reference-admin"


@dataclass(frozen=True)
class Server:
    name: str
    port: int
    prefix: str  # the path before /<method>


@contextmanager
def _process(command: list[str], port: int, timeout: float) -> Iterator[subprocess.Popen[bytes]]:
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL
    )
    try:
        wait_for_port(port, timeout, alive=lambda: process.poll() is None)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def reference_server(port: int) -> Iterator[Server]:
    command = [sys.executable, "-m", "reference_server", "--port", str(port), "--no-limits"]
    with _process(command, port, timeout=60):
        yield Server("reference server", port, WEBHOOK)


@contextmanager
def prism(port: int) -> Iterator[Server]:
    command = [str(PRISM), "mock", str(BUNDLE_YAML), "-h", "127.0.0.1", "-p", str(port), "-v", "warn"]
    with _process(command, port, timeout=90):
        yield Server("prism mock", port, "")


@contextmanager
def null_server(port: int) -> Iterator[Server]:
    command = [sys.executable, "-m", "benchmarks.null_server", "--port", str(port)]
    with _process(command, port, timeout=30):
        yield Server("null server", port, "")


def flow_data(name: str) -> dict[str, Any]:
    return {
        "name": name,
        "plannedCompletionTime": 7200,
        "distributionType": "manually",
        "responsibleList": [["user", "1"]],
    }
