"""Benchmarks measured side by side with their peers: `nox -s bench` (see benchmarks/README.md)."""
