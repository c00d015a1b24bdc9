# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

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

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        list_filter = cls()

        list_filter.additional_properties = d
        return list_filter

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
