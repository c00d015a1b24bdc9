# generated from spec/ by `nox -s generate`; do not edit
from enum import IntEnum
from typing import Any


class BatchBodyHaltType1(IntEnum):
    VALUE_0 = 0
    VALUE_1 = 1

    @classmethod
    def _missing_(cls, value: Any) -> "BatchBodyHaltType1 | None":
        # Portals add values over time: keep an unknown one as a pseudo-member instead of failing.
        if not isinstance(value, int) or isinstance(value, bool):
            return None
        member = int.__new__(cls, value)
        member._name_ = "UNKNOWN"
        member._value_ = value
        return member

    def __str__(self) -> str:
        return str(self.value)
