# generated from spec/ by `nox -s generate`; do not edit
from enum import StrEnum
from typing import Any


class YesNo(StrEnum):
    N = "N"
    Y = "Y"

    @classmethod
    def _missing_(cls, value: Any) -> "YesNo | None":
        # Portals add values over time: keep an unknown one as a pseudo-member instead of failing.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = "UNKNOWN"
        member._value_ = value
        return member

    def __str__(self) -> str:
        return str(self.value)
