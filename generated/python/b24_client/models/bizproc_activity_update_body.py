# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.activity_descriptor import ActivityDescriptor


T = TypeVar("T", bound="BizprocActivityUpdateBody")


@_attrs_define
class BizprocActivityUpdateBody:
    code: str
    """ Code of an application robot or action, chosen by the application at registration: Latin letters, digits,
    dots, hyphens and underscores. Robots and actions of one application share a single code space: a robot cannot
    be registered under the code of one of the application's actions, nor the other way round. The robot and action
    methods otherwise see only their own kind, so `bizproc.robot.*` does not find an action by its code and
    `bizproc.activity.*` does not find a robot. """
    fields: ActivityDescriptor
    """ The settings of an application robot (`bizproc.robot.*`) or workflow action (`bizproc.activity.*`); both
    kinds share this model and one storage. On registration `HANDLER` and `NAME` are required (the code travels next
    to them as `CODE`); on update every field is optional and only the fields sent change. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        fields = self.fields.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "CODE": code,
                "FIELDS": fields,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.activity_descriptor import ActivityDescriptor  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("CODE")

        fields = ActivityDescriptor.from_dict(d.pop("FIELDS"))

        bizproc_activity_update_body = cls(
            code=code,
            fields=fields,
        )

        bizproc_activity_update_body.additional_properties = d
        return bizproc_activity_update_body

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
