# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ListFilter")


@_attrs_define
class ListFilter:
    """Conditions that rows must all meet, as `{"<prefix><FIELD>": value}`. The portal applies a key only when its prefix
    is one of none (equals), `!` (not equal), `<`, `<=`, `>` or `>=`, and the rest is one of the method's field names
    written exactly as documented, in upper case. Every other key is accepted and dropped without an error: the portal's
    list helper keeps only those six prefixes and compares the name case-sensitively, so `{"=ID": 5}`, `{"!=ID": 5}`,
    `{"%NAME": "x"}` or `{"id": 5}` filter nothing and the rows come back as if the key had not been sent (decision
    D40). Dates are ISO 8601; an array value matches any of its members (with `!`, none of them).

    """

    additional_properties: dict[str, int | list[int | str] | str] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            if isinstance(prop, list):
                field_dict[prop_name] = []
                for additional_property_type_2_item_data in prop:
                    additional_property_type_2_item: int | str
                    additional_property_type_2_item = additional_property_type_2_item_data
                    field_dict[prop_name].append(additional_property_type_2_item)

            else:
                field_dict[prop_name] = prop

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        list_filter = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():

            def _parse_additional_property(data: object) -> int | list[int | str] | str:
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    additional_property_type_2 = []
                    _additional_property_type_2 = data
                    for additional_property_type_2_item_data in _additional_property_type_2:

                        def _parse_additional_property_type_2_item(data: object) -> int | str:
                            return cast(int | str, data)

                        additional_property_type_2_item = _parse_additional_property_type_2_item(
                            additional_property_type_2_item_data
                        )

                        additional_property_type_2.append(additional_property_type_2_item)

                    return additional_property_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(int | list[int | str] | str, data)

            additional_property = _parse_additional_property(prop_dict)

            additional_properties[prop_name] = additional_property

        list_filter.additional_properties = additional_properties
        return list_filter

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> int | list[int | str] | str:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: int | list[int | str] | str) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
