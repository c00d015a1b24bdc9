"""Errors the server may raise. Each one is a named error example of the spec.

A handler raises `BitrixError.named("FlowNameExists")`; code and message are copied from
`components/examples/FlowNameExists`, and the HTTP status is looked up, when the error is rendered,
among the responses of the operation being answered. An error the operation does not declare is a
bug in the server, so rendering it raises `UndeclaredError` (a test drives every handler through it).

Where an operation lists one example under several statuses (`tasks.flow.Flow.pin` documents its
errors under 200 and under 400, spec decision D2), the server answers with the error status: the
lowest status of 400 or above. Errors under 200 are produced only when a fault asks for that
status (`X-Reference-Fault-Status: 200`, or `"status": 200` in `/_reference/faults`). The bizproc
access errors are the exception (spec decision D16): pages document them under 400, the portal's
access check answers 403, and both are declared; the server answers 403, like the portal. The
auth-layer refusals answer 401 and a deleted portal 403 in the same way (D45).

The text is the portal's: among the example's `x-bitrix-messages`, the variant marked `current` for
the portal's language (`lang` in the fixtures, `en` by default; English where the language has none).
A current pattern variant carries a `template` whose `{placeholders}` the handler fills
(`BitrixError.named("FlowUnknownError", line=1)`). An example without a current variant is answered
with its `error_description`. Some of those messages carry a value (`Wrong property key 1text!` names
the key): `message` replaces the text with the literal one for this call; code and status still come
from the example.

The code is the example's `error`; an all-digit code is an engine error code, which the REST core
sends as a JSON integer (`0`), unless `Wire.string_codes` asks for the docs' string (`"0"`).
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from typing import Any

from b24_spec.model import Model

_FIELD_IN_MESSAGE = re.compile(r"^'[^']*'")
# Declared under 400 and 403 (D16); a real portal's access exception is a 403. The auth-layer
# refusals are declared under the error table's status and 401, and a portal answers 401 (they set
# no status of their own); a deleted portal is 403 from the REST core, declared beside the table's
# 500 (D45).
PREFERRED_STATUS = {
    "AppContextRequired": 403,
    "BizprocAccessDenied": 403,
    "InsufficientScope": 401,
    "InvalidCredentials": 401,
    "RestNotOnPlan": 401,
    "UserAccessError": 401,
    "OverloadLimit": 401,
    "InvalidRequest": 401,
    "PortalDeleted": 403,
}


class UndeclaredError(AssertionError):
    """The server tried to answer with an error the current operation does not declare."""


def _example_values(spec: Model, name: str) -> dict[str, str]:
    """The values the example's own text gives its English template's placeholders, so that an error
    raised without them (a fault) reads like the example (`{flowData}`), not with a made-up `0`."""
    text = str(spec.example(name).get("error_description", ""))
    for variant in spec.messages(name):
        if variant.get("lang") == "en" and "template" in variant:
            pattern, seen = "", set()
            for literal, field, _spec, _conv in string.Formatter().parse(str(variant["template"])):
                pattern += re.escape(literal)
                if field is not None and field.isidentifier():
                    pattern += f"(?P={field})" if field in seen else f"(?P<{field}>.+?)"
                    seen.add(field)
                elif field is not None:
                    pattern += ".+?"
            found = re.fullmatch(pattern, text, re.DOTALL)
            return found.groupdict() if found else {}
    return {}


class _Values(dict[str, Any]):
    """Template values; a placeholder the handler did not fill reads as 0."""

    def __missing__(self, key: str) -> Any:
        return 0


@dataclass(frozen=True)
class Wire:
    """How this portal renders errors: its language and the form of numeric codes."""

    lang: str = "en"
    string_codes: bool = False  # send engine codes as the docs print them ("0"), not as integers


class BitrixError(Exception):
    def __init__(
        self,
        name: str,
        field: str | None = None,
        message: str | None = None,
        values: dict[str, Any] | None = None,
        status: int | None = None,
    ) -> None:
        super().__init__(name)
        self.name = name
        self.field = field
        self.message = message
        self.values = values or {}
        self.wanted_status = status

    @classmethod
    def named(
        cls,
        name: str,
        *,
        field: str | None = None,
        message: str | None = None,
        status: int | None = None,
        **values: Any,
    ) -> BitrixError:
        """The error example `name`; `values` fill the template of its current message variant,
        `field` the quoted field of a field-invalid text, `message` replaces the text where the
        portal's message carries a value and the example has no current variant, and `status` (fault
        injection only) picks one of the statuses the operation declares the error under, such as
        the HTTP 200 of `tasks.flow.Flow.pin`'s page (D2)."""
        if field is not None:
            values.setdefault("field", field)
        return cls(name, field, message, values, status)

    def text(self, spec: Model, wire: Wire) -> str:
        """The message a portal in `wire.lang` sends for this error."""
        variants = spec.messages(self.name)
        for lang in (wire.lang, "en"):
            for variant in variants:
                if variant.get("current") and variant.get("lang") == lang:
                    if "template" in variant:
                        values = {**_example_values(spec, self.name), **self.values}
                        return str(variant["template"]).format_map(_Values(values))
                    return str(variant["text"])
        value = spec.example(self.name)
        message = str(value["error_description"]) if self.message is None else self.message
        if self.field is not None:
            message = _FIELD_IN_MESSAGE.sub(lambda _: f"'{self.field}'", message, count=1)
        return message

    def body(self, spec: Model, wire: Wire | None = None) -> dict[str, Any]:
        wire = wire or Wire()
        code = str(spec.example(self.name)["error"])
        engine = code.isascii() and code.isdigit() and not wire.string_codes
        return {"error": int(code) if engine else code, "error_description": self.text(spec, wire)}

    def status(self, spec: Model, operation_id: str | None) -> int:
        if operation_id is not None and operation_id in spec.operations:
            statuses = spec.operations[operation_id].statuses_of(self.name)
            if not statuses:
                raise UndeclaredError(f"{operation_id} does not declare the error {self.name}")
        else:
            # No operation (unknown method, admin paths): any operation's declaration will do,
            # since system errors have one status everywhere.
            statuses = [s for op in spec.operations.values() for s in op.statuses_of(self.name)]
            if not statuses:
                raise UndeclaredError(f"no operation declares the error {self.name}")
        if self.wanted_status is not None and self.wanted_status in statuses:
            return self.wanted_status
        errors = [s for s in statuses if s >= 400]
        preferred = PREFERRED_STATUS.get(self.name)
        if preferred in errors:
            return preferred
        return min(errors) if errors else min(statuses)
