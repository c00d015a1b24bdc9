# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BizprocRobotDeleteBody")


@_attrs_define
class BizprocRobotDeleteBody:
    code: str
    """ Code of an application robot or action, chosen by the application at registration: Latin letters, digits,
    dots, hyphens and underscores. Robots and actions of one application share a single code space: a robot cannot
    be registered under the code of one of the application's actions, nor the other way round. The robot and action
    methods otherwise see only their own kind, so `bizproc.robot.*` does not find an action by its code and
    `bizproc.activity.*` does not find a robot. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "CODE": code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("CODE")

        bizproc_robot_delete_body = cls(
            code=code,
        )

        bizproc_robot_delete_body.additional_properties = d
        return bizproc_robot_delete_body

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
