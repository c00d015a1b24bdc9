# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.template_auto_execute_type_0 import TemplateAutoExecuteType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="BizprocWorkflowTemplateUpdateBodyFIELDS")


@_attrs_define
class BizprocWorkflowTemplateUpdateBodyFIELDS:
    """The fields to change; at least one. Keys other than the four below are ignored."""

    name: str | Unset = UNSET
    """ New template name. """
    description: str | Unset = UNSET
    """ New template description. """
    template_data: list[str] | Unset = UNSET
    """ A file sent inside a JSON request as `[fileName, base64Content]`: the file name with its extension, then the
    file's bytes in Base64 without a `data:...;base64,` prefix. The portal decodes the string as it is, so a damaged
    string gives a damaged file and an empty one is refused. """
    auto_execute: int | TemplateAutoExecuteType0 | Unset = UNSET
    """ When the portal starts a template on its own: `0` never (manual start only), `1` when a document is created,
    `2` when a document is changed, `3` on both. Send it as a digit string (`"3"`): that is the form every known
    portal version accepts, and the one form-encoded, `batch` and BX24.js calls send anyway. The official pages show
    a JSON integer (`3`); the stored portal sources (bizproc 19.0.300, 22.300.200 and the newest copy) refuse a JSON
    integer with "Incorrect field AUTO_EXECUTE!", so it is declared as the pages' form that only newer portals may
    take (decision D42). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        template_data: list[str] | Unset = UNSET
        if not isinstance(self.template_data, Unset):
            template_data = []
            for template_data_item_data in self.template_data:
                template_data_item: str
                template_data_item = template_data_item_data
                template_data.append(template_data_item)

        auto_execute: int | str | Unset
        if isinstance(self.auto_execute, Unset):
            auto_execute = UNSET
        elif isinstance(self.auto_execute, TemplateAutoExecuteType0):
            auto_execute = self.auto_execute.value
        else:
            auto_execute = self.auto_execute

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["NAME"] = name
        if description is not UNSET:
            field_dict["DESCRIPTION"] = description
        if template_data is not UNSET:
            field_dict["TEMPLATE_DATA"] = template_data
        if auto_execute is not UNSET:
            field_dict["AUTO_EXECUTE"] = auto_execute

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("NAME", UNSET)

        description = d.pop("DESCRIPTION", UNSET)

        _template_data = d.pop("TEMPLATE_DATA", UNSET)
        template_data: list[str] | Unset = UNSET
        if _template_data is not UNSET:
            template_data = []
            for componentsschemas_file_upload_item_data in _template_data:

                def _parse_componentsschemas_file_upload_item(data: object) -> str:
                    return cast(str, data)

                componentsschemas_file_upload_item = _parse_componentsschemas_file_upload_item(
                    componentsschemas_file_upload_item_data
                )

                template_data.append(componentsschemas_file_upload_item)

        def _parse_auto_execute(data: object) -> int | TemplateAutoExecuteType0 | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_template_auto_execute_type_0 = TemplateAutoExecuteType0(data)

                return componentsschemas_template_auto_execute_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | TemplateAutoExecuteType0 | Unset, data)

        auto_execute = _parse_auto_execute(d.pop("AUTO_EXECUTE", UNSET))

        bizproc_workflow_template_update_body_fields = cls(
            name=name,
            description=description,
            template_data=template_data,
            auto_execute=auto_execute,
        )

        bizproc_workflow_template_update_body_fields.additional_properties = d
        return bizproc_workflow_template_update_body_fields

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
