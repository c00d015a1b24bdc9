"""Request validation against the bundled spec, with jsonschema and referencing.

A failure becomes the operation's declared field-invalid error, naming the failing field:
for flows `'<field>': field's value has an invalid value`, where `<field>` is the member of
`flowData` (or the top-level parameter) that failed.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from b24_spec.model import Model

from .errors import BitrixError
from .fastcheck import Check, compile_check
from .registry import Handler

# Wrapper objects whose members are the fields a message should name.
_WRAPPERS = frozenset({"flowData"})


class RequestValidator:
    def __init__(self, spec: Model) -> None:
        self.spec = spec
        self._validators: dict[str, tuple[Draft202012Validator, Check | None]] = {}

    def validator(self, operation_id: str) -> tuple[Draft202012Validator, Check | None]:
        """jsonschema's validator and the compiled yes/no check (None where it cannot compile)."""
        if operation_id not in self._validators:
            schema = self.spec.operations[operation_id].request_schema
            self._validators[operation_id] = (Draft202012Validator(schema), compile_check(schema))
        return self._validators[operation_id]

    def check(self, handler: Handler, params: dict[str, Any]) -> None:
        validator, fast = self.validator(handler.operation_id)
        if fast is not None and fast(params):
            return
        errors = validator.iter_errors(params)
        if handler.fields:
            self._check_fields(handler, errors)
            return
        error = best_match(errors)
        if error is None:
            return
        if handler.rules is not None:
            handler.rules(params)
        self._fail(handler, error)

    def refuse(self, handler: Handler, path: tuple[str | int, ...]) -> None:
        """Refuse a value that cannot be stored (protocol.unstorable) with the error a schema failure
        at `path` gets. Where the handler takes any value there (a list filter) nothing is refused:
        such values are read, never stored."""
        error = ValidationError("cannot be stored", validator="maxLength", instance="", path=deque(path))
        if handler.fields:
            name = _mapped(handler, error)
            if name is not None:
                raise BitrixError.named(name)
        if handler.invalid_errors:
            self._fail(handler, error)

    def _check_fields(self, handler: Handler, errors: Any) -> None:
        """Bizproc: the error of the failing parameter; failures where the handler copes are dropped."""
        kept = [e for e in errors if _mapped(handler, e) is not None or _unmapped(handler, e)]
        error = best_match(kept)
        if error is None:
            return
        name = _mapped(handler, error)
        if name is None:
            self._fail(handler, error)
            return
        raise BitrixError.named(name)

    def _fail(self, handler: Handler, error: ValidationError) -> None:
        op = self.spec.operations[handler.operation_id]
        for name in handler.invalid_errors:
            if op.statuses_of(name):
                raise BitrixError.named(name, field=field_of(error) if "FieldInvalid" in name else None)
        raise BitrixError.named(handler.invalid_errors[-1])


def dotted_path(error: ValidationError) -> str:
    """`FIELDS.NAME`, `SELECT.*` (list indexes as `*`), with a missing required member appended."""
    parts = ["*" if isinstance(p, int) else str(p) for p in error.absolute_path]
    required = error.validator_value
    if error.validator == "required" and isinstance(error.instance, dict) and isinstance(required, list):
        missing = [name for name in required if name not in error.instance]
        if missing:
            parts.append(str(missing[0]))
    return ".".join(parts)


def _lookup(handler: Handler, error: ValidationError) -> tuple[bool, str | None]:
    """(found, error name) for the longest prefix of the error's path that the handler maps."""
    parts = dotted_path(error).split(".") if dotted_path(error) else []
    # "" is the catch-all entry: the error for anything no longer path names
    for size in range(len(parts), -1, -1):
        path = ".".join(parts[:size])
        if path in handler.fields:
            return True, handler.fields[path]
    return False, None


def _mapped(handler: Handler, error: ValidationError) -> str | None:
    return _lookup(handler, error)[1]


def _unmapped(handler: Handler, error: ValidationError) -> bool:
    return not _lookup(handler, error)[0]


def field_of(error: ValidationError) -> str:
    path = list(error.absolute_path)
    required = error.validator_value
    if error.validator == "required" and isinstance(error.instance, dict) and isinstance(required, list):
        missing = [name for name in required if name not in error.instance]
        if missing:
            return str(missing[0])
    if path and path[0] in _WRAPPERS and len(path) > 1:
        return str(path[1])
    if path:
        return str(path[0])
    return "flowData"
