# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.bizproc_workflow_template_update_body_fields import BizprocWorkflowTemplateUpdateBodyFIELDS


T = TypeVar("T", bound="BizprocWorkflowTemplateUpdateBody")


@_attrs_define
class BizprocWorkflowTemplateUpdateBody:
    id: int
    """ Id of a workflow template, as returned by `bizproc.workflow.template.add` and listed by
    `bizproc.workflow.template.list` (where it comes back as a string). """
    fields: BizprocWorkflowTemplateUpdateBodyFIELDS
    """ The fields to change; at least one. Keys other than the four below are ignored. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        fields = self.fields.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ID": id,
                "FIELDS": fields,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bizproc_workflow_template_update_body_fields import BizprocWorkflowTemplateUpdateBodyFIELDS  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("ID")

        fields = BizprocWorkflowTemplateUpdateBodyFIELDS.from_dict(d.pop("FIELDS"))

        bizproc_workflow_template_update_body = cls(
            id=id,
            fields=fields,
        )

        bizproc_workflow_template_update_body.additional_properties = d
        return bizproc_workflow_template_update_body

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
