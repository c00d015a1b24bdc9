# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.tasks_flow_flow_delete_body_flow_data import TasksFlowFlowDeleteBodyFlowData


T = TypeVar("T", bound="TasksFlowFlowDeleteBody")


@_attrs_define
class TasksFlowFlowDeleteBody:
    flow_data: TasksFlowFlowDeleteBodyFlowData
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        flow_data = self.flow_data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "flowData": flow_data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tasks_flow_flow_delete_body_flow_data import TasksFlowFlowDeleteBodyFlowData  # noqa: PLC0415

        d = dict(src_dict)
        flow_data = TasksFlowFlowDeleteBodyFlowData.from_dict(d.pop("flowData"))

        tasks_flow_flow_delete_body = cls(
            flow_data=flow_data,
        )

        tasks_flow_flow_delete_body.additional_properties = d
        return tasks_flow_flow_delete_body

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
