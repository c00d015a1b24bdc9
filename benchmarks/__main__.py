"""`python -m benchmarks [--quick] [--case NAME ...] [--repeats N] [--out FILE]`: what `nox -s bench` runs."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from benchmarks.harness import DEFAULT_OUT, Settings, run_cases, table, write
from benchmarks.registry import CASES


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a smoke run: shortest durations, one repeat")
    parser.add_argument(
        "--case", action="append", choices=sorted(CASES), help="run only this case (repeatable)"
    )
    parser.add_argument("--repeats", type=int, help="repeats per figure (default 5, quick 1)")
    parser.add_argument(
        "--seconds", type=float, dest="load_seconds", help="load per server and repeat (case server)"
    )
    parser.add_argument("--concurrency", type=int, help="connections of the load generator (case server)")
    parser.add_argument(
        "--calls", type=int, dest="client_calls", help="calls per side and repeat (case client)"
    )
    parser.add_argument(
        "--max-examples", type=int, dest="contract_max_examples", help="contract suite (default 20)"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"results file (default {DEFAULT_OUT})")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    # SIGTERM (nox interrupted, a CI timeout) unwinds like Ctrl-C, so the servers a case started stop too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    settings = Settings.for_mode(
        quick=args.quick,
        repeats=args.repeats,
        load_seconds=args.load_seconds,
        concurrency=args.concurrency,
        client_calls=args.client_calls,
        contract_max_examples=args.contract_max_examples,
    )
    names = args.case or list(CASES)
    report = run_cases(CASES, names, settings)
    write(report, args.out)
    print(table(report))
    print(f"\nwrote {args.out}")
    failed = [name for name, entry in report["cases"].items() if entry["status"] == "error"]
    for name in failed:
        print(f"\ncase {name} failed:\n{report['cases'][name]['traceback']}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
