# copied from generator/python/runtime/_classify.py by `nox -s generate`; do not edit
"""Naming an error body by the spec's error catalogue.

An answer is named by its code (a JSON integer compared as its decimal text: flow errors arrive as
`0`) and its `error_description`, which must equal one of the error's texts or fully match one of its
patterns, in any portal language. Among the errors that fit, one the called operation declares wins,
then one declared under the answer's HTTP status; the spec's convention rules make sure at most one
error fits a code and message, so these preferences only matter for a catalogue that breaks them.

Written by hand in generator/python/runtime/; the catalogue itself, `_catalogue.CATALOGUE`, is
generated from the bundled spec by generator/python/client.py. Do not edit the copies.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ._errors import Bitrix24Error, UnknownBitrix24Error

__all__ = ["Catalogue", "Entry", "code_text"]


def code_text(code: Any) -> str | None:
    """An answer's `error` as the catalogue writes codes (None for a value no code can be)."""
    if isinstance(code, bool):
        return None
    if isinstance(code, int):
        return str(code)
    return code if isinstance(code, str) else None


@dataclass(frozen=True)
class Entry:
    """One named error: its exception class and the forms of its message."""

    error: type[Bitrix24Error]
    texts: frozenset[str] = frozenset()
    patterns: tuple[str, ...] = ()
    _compiled: tuple[re.Pattern[str], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_compiled", tuple(re.compile(p) for p in self.patterns))

    def matches(self, message: str) -> bool:
        return message in self.texts or any(p.fullmatch(message) for p in self._compiled)


class Catalogue:
    """The named errors and which operations declare each (`operations`: operationId → names)."""

    def __init__(self, entries: Iterable[Entry], operations: Mapping[str, Iterable[str]]) -> None:
        self.entries = tuple(entries)
        self.by_name = {entry.error.error_name: entry for entry in self.entries}
        self._by_code: dict[str, list[Entry]] = {}
        for entry in self.entries:
            self._by_code.setdefault(entry.error.expected_code, []).append(entry)
        self._declared = {op.lower(): frozenset(names) for op, names in operations.items()}

    def classify(
        self, status: int | None, code: Any, message: Any, operation: str = ""
    ) -> type[Bitrix24Error]:
        """The exception class of an error body; `UnknownBitrix24Error` when no entry fits."""
        text = code_text(code)
        if text is None or not isinstance(message, str):
            return UnknownBitrix24Error
        fitting = [entry for entry in self._by_code.get(text, ()) if entry.matches(message)]
        if not fitting:
            return UnknownBitrix24Error
        declared = self._declared.get(_method_of(operation), frozenset())
        best = max(
            fitting,
            key=lambda entry: (entry.error.error_name in declared, status in entry.error.statuses),
        )
        return best.error


def _method_of(operation: str) -> str:
    """The method name in an operation label: `tasks.flow.Flow.get`, `/tasks.flow.Flow.get.json`,
    or a batch command's `batch[key] tasks.flow.Flow.get`."""
    name = operation.rsplit(maxsplit=1)[-1] if operation.strip() else ""
    name = name.strip("/").lower()
    return name.removesuffix(".json")
