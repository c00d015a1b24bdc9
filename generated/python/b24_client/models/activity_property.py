# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.activity_property_type_type_0 import ActivityPropertyTypeType0
from ..models.yes_no import YesNo
from ..types import UNSET, Unset

T = TypeVar("T", bound="ActivityProperty")


@_attrs_define
class ActivityProperty:
    """One input parameter (in `PROPERTIES`) or one output value (in `RETURN_PROPERTIES`) of an application robot or
    action. Its code is the key under which it sits in the enclosing object.

    """

    name: Any
    """ A text shown to users: either one string, or an object that maps language codes (`en`, `de`, `ru`, ...) to
    the text in that language. """
    description: Any | Unset = UNSET
    """ A text shown to users: either one string, or an object that maps language codes (`en`, `de`, `ru`, ...) to
    the text in that language. """
    type_: ActivityPropertyTypeType0 | str | Unset = UNSET
    """ Data type of a robot or action property. The basic types are `bool` (yes or no), `date`, `datetime`,
    `double` (number), `file`, `int` (integer), `select` (a choice from `Options`), `string`, `text` and `user`.
    When the descriptor sets `DOCUMENT_TYPE`, the field types of that document may be used too, such as the CRM
    address type `UF:address`. """
    options: Any | Unset = UNSET
    """ Choices of a `select` parameter, as an object mapping each stored value to its label. The pages type this as
    an array (and print an invalid `['value': 'title']` literal); a JSON list of labels is accepted as well, its
    indexes then being the values. """
    required: YesNo | Unset = UNSET
    """ A yes/no value sent as the string `Y` or `N` (documented as boolean). """
    multiple: YesNo | Unset = UNSET
    """ A yes/no value sent as the string `Y` or `N` (documented as boolean). """
    default: Any | Unset = UNSET
    """ Value used when none is set; any JSON value, `null` included. For a `select` parameter it is one of the
    `Options` keys. Expressions such as `{=Document:NAME}` are allowed. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        type_: str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, ActivityPropertyTypeType0):
            type_ = self.type_.value
        else:
            type_ = self.type_

        options = self.options

        required: str | Unset = UNSET
        if not isinstance(self.required, Unset):
            required = self.required.value

        multiple: str | Unset = UNSET
        if not isinstance(self.multiple, Unset):
            multiple = self.multiple.value

        default = self.default

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Name": name,
            }
        )
        if description is not UNSET:
            field_dict["Description"] = description
        if type_ is not UNSET:
            field_dict["Type"] = type_
        if options is not UNSET:
            field_dict["Options"] = options
        if required is not UNSET:
            field_dict["Required"] = required
        if multiple is not UNSET:
            field_dict["Multiple"] = multiple
        if default is not UNSET:
            field_dict["Default"] = default

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("Name")

        description = d.pop("Description", UNSET)

        def _parse_type_(data: object) -> ActivityPropertyTypeType0 | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_activity_property_type_type_0 = ActivityPropertyTypeType0(data)

                return componentsschemas_activity_property_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ActivityPropertyTypeType0 | str | Unset, data)

        type_ = _parse_type_(d.pop("Type", UNSET))

        options = d.pop("Options", UNSET)

        _required = d.pop("Required", UNSET)
        required: YesNo | Unset
        if isinstance(_required, Unset):
            required = UNSET
        else:
            required = YesNo(_required)

        _multiple = d.pop("Multiple", UNSET)
        multiple: YesNo | Unset
        if isinstance(_multiple, Unset):
            multiple = UNSET
        else:
            multiple = YesNo(_multiple)

        default = d.pop("Default", UNSET)

        activity_property = cls(
            name=name,
            description=description,
            type_=type_,
            options=options,
            required=required,
            multiple=multiple,
            default=default,
        )

        activity_property.additional_properties = d
        return activity_property

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
