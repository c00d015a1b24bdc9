# generated from spec/ by `nox -s generate`; do not edit
from enum import IntEnum
from typing import Any


class TaskResponseStatusType0(IntEnum):
    VALUE_1 = 1
    VALUE_2 = 2
    VALUE_3 = 3
    VALUE_4 = 4

    @classmethod
    def _missing_(cls, value: Any) -> "TaskResponseStatusType0 | None":
        # Portals add values over time: keep an unknown one as a pseudo-member instead of failing.
        if not isinstance(value, int) or isinstance(value, bool):
            return None
        member = int.__new__(cls, value)
        member._name_ = "UNKNOWN"
        member._value_ = value
        return member

    def __str__(self) -> str:
        return str(self.value)
