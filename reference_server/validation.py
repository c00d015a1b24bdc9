"""Request validation against the bundled spec, with jsonschema and referencing.

A failure becomes the operation's declared field-invalid error, naming the failing field:
for flows `'<field>': field's value has an invalid value`, where `<field>` is the member of
`flowData` (or the top-level parameter) that failed.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from .errors import BitrixError
from .registry import Handler
from .spec import Spec

# Wrapper objects whose members are the fields a message should name.
_WRAPPERS = frozenset({"flowData"})


class RequestValidator:
    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self._validators: dict[str, Draft202012Validator] = {}

    @cached_property
    def registry(self) -> Registry[Any]:
        resource = DRAFT202012.create_resource(self.spec.document)
        registry: Registry[Any] = Registry().with_resource("urn:spec", resource)
        return registry

    def validator(self, operation_id: str) -> Draft202012Validator:
        if operation_id not in self._validators:
            pointer = self.spec.operations[operation_id].pointer
            self._validators[operation_id] = Draft202012Validator(
                {"$ref": f"urn:spec#{pointer}"}, registry=self.registry
            )
        return self._validators[operation_id]

    def check(self, handler: Handler, params: dict[str, Any]) -> None:
        error = best_match(self.validator(handler.operation_id).iter_errors(params))
        if error is None:
            return
        op = self.spec.operations[handler.operation_id]
        for name in handler.invalid_errors:
            if op.statuses_of(name):
                raise BitrixError.named(name, field=field_of(error) if "FieldInvalid" in name else None)
        raise BitrixError.named(handler.invalid_errors[-1])


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
