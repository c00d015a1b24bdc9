# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.batch_body_halt_type_1 import BatchBodyHaltType1
from ..types import UNSET, Unset

T = TypeVar("T", bound="BatchBody")


@_attrs_define
class BatchBody:
    cmd: Any
    """ The commands, at most 50: an object mapping a command id of your choice to a `method?query` string, or a
    list of such strings (ids 0, 1, 2, ...). Commands that are not strings are skipped. """
    halt: BatchBodyHaltType1 | bool | Unset = UNSET
    """ Stop at the first failing command (`true` or `1`); the commands after it do not run and appear nowhere in
    the result. By default every command runs. The portal casts the value as PHP does: `0`, `"0"`, `""` and `false`
    are off, and any other value is on, including the strings `"false"` and `"n"` (D46). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cmd = self.cmd

        halt: bool | int | Unset
        if isinstance(self.halt, Unset):
            halt = UNSET
        elif isinstance(self.halt, BatchBodyHaltType1):
            halt = self.halt.value
        else:
            halt = self.halt

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cmd": cmd,
            }
        )
        if halt is not UNSET:
            field_dict["halt"] = halt

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cmd = d.pop("cmd")

        def _parse_halt(data: object) -> BatchBodyHaltType1 | bool | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                halt_type_1 = BatchBodyHaltType1(data)

                return halt_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BatchBodyHaltType1 | bool | Unset, data)

        halt = _parse_halt(d.pop("halt", UNSET))

        batch_body = cls(
            cmd=cmd,
            halt=halt,
        )

        batch_body.additional_properties = d
        return batch_body

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
