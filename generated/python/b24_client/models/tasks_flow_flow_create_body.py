# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.flow_create_data import FlowCreateData


T = TypeVar("T", bound="TasksFlowFlowCreateBody")


@_attrs_define
class TasksFlowFlowCreateBody:
    flow_data: FlowCreateData
    """ Fields of a new flow. Omitted optional fields take the defaults shown. Without `groupId` (or with 0 or less)
    the portal first makes a workgroup named exactly like the flow, owned by the caller, whose members are the
    caller, the flow's administrator and the users of `responsibleList` (departments are not expanded); when a
    workgroup of that name exists, the create fails with "Cannot create project because another project with this
    name already exists. ..." before the flow name is checked. A named group must exist, have tasks on and not be
    archived, and (for callers who are not portal administrators) include the caller; a `templateId` must be
    readable by such a caller. tasks 24.275 took `manualDistributorId` / `responsibleQueue` instead of
    `responsibleList`. """
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
        from ..models.flow_create_data import FlowCreateData  # noqa: PLC0415

        d = dict(src_dict)
        flow_data = FlowCreateData.from_dict(d.pop("flowData"))

        tasks_flow_flow_create_body = cls(
            flow_data=flow_data,
        )

        tasks_flow_flow_create_body.additional_properties = d
        return tasks_flow_flow_create_body

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
