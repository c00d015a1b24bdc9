# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.activity_filter_rule_type_0 import ActivityFilterRuleType0
from ..models.document_module import DocumentModule
from ..types import UNSET, Unset

T = TypeVar("T", bound="ActivityFilter")


@_attrs_define
class ActivityFilter:
    """Where a robot or action is offered: it shows up where a rule of `INCLUDE` matches and is hidden where a rule of
    `EXCLUDE` matches. A malformed filter is refused with "Wrong activity FILTER!".

    """

    include: list[ActivityFilterRuleType0 | list[DocumentModule | str]] | Unset = UNSET
    """ Rules of the places where it is offered. """
    exclude: list[ActivityFilterRuleType0 | list[DocumentModule | str]] | Unset = UNSET
    """ Rules of the places where it is hidden. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        include: list[list[str] | str] | Unset = UNSET
        if not isinstance(self.include, Unset):
            include = []
            for include_item_data in self.include:
                include_item: list[str] | str
                if isinstance(include_item_data, ActivityFilterRuleType0):
                    include_item = include_item_data.value
                else:
                    include_item = []
                    for include_item_item_data in include_item_data:
                        include_item_item: str
                        if isinstance(include_item_item_data, DocumentModule):
                            include_item_item = include_item_item_data.value
                        else:
                            include_item_item = include_item_item_data
                        include_item.append(include_item_item)

                include.append(include_item)

        exclude: list[list[str] | str] | Unset = UNSET
        if not isinstance(self.exclude, Unset):
            exclude = []
            for exclude_item_data in self.exclude:
                exclude_item: list[str] | str
                if isinstance(exclude_item_data, ActivityFilterRuleType0):
                    exclude_item = exclude_item_data.value
                else:
                    exclude_item = []
                    for exclude_item_item_data in exclude_item_data:
                        exclude_item_item: str
                        if isinstance(exclude_item_item_data, DocumentModule):
                            exclude_item_item = exclude_item_item_data.value
                        else:
                            exclude_item_item = exclude_item_item_data
                        exclude_item.append(exclude_item_item)

                exclude.append(exclude_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if include is not UNSET:
            field_dict["INCLUDE"] = include
        if exclude is not UNSET:
            field_dict["EXCLUDE"] = exclude

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _include = d.pop("INCLUDE", UNSET)
        include: list[ActivityFilterRuleType0 | list[DocumentModule | str]] | Unset = UNSET
        if _include is not UNSET:
            include = []
            for include_item_data in _include:

                def _parse_include_item(data: object) -> ActivityFilterRuleType0 | list[DocumentModule | str]:
                    try:
                        if not isinstance(data, str):
                            raise TypeError()
                        componentsschemas_activity_filter_rule_type_0 = ActivityFilterRuleType0(data)

                        return componentsschemas_activity_filter_rule_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, list):
                        raise TypeError()
                    componentsschemas_activity_filter_rule_type_1 = []
                    _componentsschemas_activity_filter_rule_type_1 = data
                    for (
                        componentsschemas_activity_filter_rule_type_1_item_data
                    ) in _componentsschemas_activity_filter_rule_type_1:

                        def _parse_componentsschemas_activity_filter_rule_type_1_item(
                            data: object,
                        ) -> DocumentModule | str:
                            try:
                                if not isinstance(data, str):
                                    raise TypeError()
                                componentsschemas_activity_filter_rule_type_1_item_type_0 = DocumentModule(data)

                                return componentsschemas_activity_filter_rule_type_1_item_type_0
                            except (TypeError, ValueError, AttributeError, KeyError):
                                pass
                            return cast(DocumentModule | str, data)

                        componentsschemas_activity_filter_rule_type_1_item = (
                            _parse_componentsschemas_activity_filter_rule_type_1_item(
                                componentsschemas_activity_filter_rule_type_1_item_data
                            )
                        )

                        componentsschemas_activity_filter_rule_type_1.append(
                            componentsschemas_activity_filter_rule_type_1_item
                        )

                    return componentsschemas_activity_filter_rule_type_1

                include_item = _parse_include_item(include_item_data)

                include.append(include_item)

        _exclude = d.pop("EXCLUDE", UNSET)
        exclude: list[ActivityFilterRuleType0 | list[DocumentModule | str]] | Unset = UNSET
        if _exclude is not UNSET:
            exclude = []
            for exclude_item_data in _exclude:

                def _parse_exclude_item(data: object) -> ActivityFilterRuleType0 | list[DocumentModule | str]:
                    try:
                        if not isinstance(data, str):
                            raise TypeError()
                        componentsschemas_activity_filter_rule_type_0 = ActivityFilterRuleType0(data)

                        return componentsschemas_activity_filter_rule_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, list):
                        raise TypeError()
                    componentsschemas_activity_filter_rule_type_1 = []
                    _componentsschemas_activity_filter_rule_type_1 = data
                    for (
                        componentsschemas_activity_filter_rule_type_1_item_data
                    ) in _componentsschemas_activity_filter_rule_type_1:

                        def _parse_componentsschemas_activity_filter_rule_type_1_item(
                            data: object,
                        ) -> DocumentModule | str:
                            try:
                                if not isinstance(data, str):
                                    raise TypeError()
                                componentsschemas_activity_filter_rule_type_1_item_type_0 = DocumentModule(data)

                                return componentsschemas_activity_filter_rule_type_1_item_type_0
                            except (TypeError, ValueError, AttributeError, KeyError):
                                pass
                            return cast(DocumentModule | str, data)

                        componentsschemas_activity_filter_rule_type_1_item = (
                            _parse_componentsschemas_activity_filter_rule_type_1_item(
                                componentsschemas_activity_filter_rule_type_1_item_data
                            )
                        )

                        componentsschemas_activity_filter_rule_type_1.append(
                            componentsschemas_activity_filter_rule_type_1_item
                        )

                    return componentsschemas_activity_filter_rule_type_1

                exclude_item = _parse_exclude_item(exclude_item_data)

                exclude.append(exclude_item)

        activity_filter = cls(
            include=include,
            exclude=exclude,
        )

        activity_filter.additional_properties = d
        return activity_filter

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
