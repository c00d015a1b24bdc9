# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.activity_property import ActivityProperty


T = TypeVar("T", bound="ActivityPropertyMap")


@_attrs_define
class ActivityPropertyMap:
    """Parameters of a robot or action, keyed by their codes. A code starts with a Latin letter and goes on with Latin
    letters, digits and underscores; the application chooses it, and `bizproc.event.send` uses the codes of
    `RETURN_PROPERTIES` as the keys of `RETURN_VALUES`.

    """

    additional_properties: dict[str, ActivityProperty] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.to_dict()

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.activity_property import ActivityProperty  # noqa: PLC0415

        d = dict(src_dict)
        activity_property_map = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = ActivityProperty.from_dict(prop_dict)

            additional_properties[prop_name] = additional_property

        activity_property_map.additional_properties = additional_properties
        return activity_property_map

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> ActivityProperty:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: ActivityProperty) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
