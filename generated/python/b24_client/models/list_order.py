# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.list_order_additional_property_type_0 import ListOrderAdditionalPropertyType0

T = TypeVar("T", bound="ListOrder")


@_attrs_define
class ListOrder:
    """Sort order as `{"FIELD": "asc" | "desc"}`, applied key by key. Direction names are case-insensitive, and anything
    other than `desc` sorts ascending. Unknown fields are ignored.

    """

    additional_properties: dict[str, ListOrderAdditionalPropertyType0 | str] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            if isinstance(prop, ListOrderAdditionalPropertyType0):
                field_dict[prop_name] = prop.value
            else:
                field_dict[prop_name] = prop

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        list_order = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():

            def _parse_additional_property(data: object) -> ListOrderAdditionalPropertyType0 | str:
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    additional_property_type_0 = ListOrderAdditionalPropertyType0(data)

                    return additional_property_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(ListOrderAdditionalPropertyType0 | str, data)

            additional_property = _parse_additional_property(prop_dict)

            additional_properties[prop_name] = additional_property

        list_order.additional_properties = additional_properties
        return list_order

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> ListOrderAdditionalPropertyType0 | str:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: ListOrderAdditionalPropertyType0 | str) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
