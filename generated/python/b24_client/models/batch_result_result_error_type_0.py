# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.error_response import ErrorResponse


T = TypeVar("T", bound="BatchResultResultErrorType0")


@_attrs_define
class BatchResultResultErrorType0:
    additional_properties: dict[str, ErrorResponse] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.to_dict()

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error_response import ErrorResponse  # noqa: PLC0415

        d = dict(src_dict)
        batch_result_result_error_type_0 = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = ErrorResponse.from_dict(prop_dict)

            additional_properties[prop_name] = additional_property

        batch_result_result_error_type_0.additional_properties = additional_properties
        return batch_result_result_error_type_0

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> ErrorResponse:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: ErrorResponse) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
