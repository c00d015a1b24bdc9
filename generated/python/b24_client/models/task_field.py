# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TaskField")


@_attrs_define
class TaskField:
    """One field that an information-request task asks for, as `bizproc.task.list` reports it in `PARAMETERS.Fields`.
    Answer it in `FIELDS` of `bizproc.task.complete`, keyed by `Id`. Unlike most bizproc flags, `Multiple` and
    `Required` are real JSON booleans here. `Default` is already in the external form that `bizproc.task.complete`
    accepts (ISO 8601 dates, file links).

    """

    id: str
    """ Field code, the key to use in `FIELDS`. """
    type_: str
    """ Field type. Basic types are `bool`, `date`, `datetime`, `double`, `int`, `select`, `string`, `text` and
    `user`; documents add their own, e.g. `E:ECrm` (a CRM binding). """
    name: Any | Unset = UNSET
    """ Field title; a string, or an object. """
    description: Any | Unset = UNSET
    """ Field description; a string, or an object. """
    multiple: bool | Unset = UNSET
    """ Whether the field takes several values. """
    required: bool | Unset = UNSET
    """ Whether the field must be filled to complete the task. """
    options: Any | Unset = UNSET
    """ Type-specific options, or `null`: for `select` the choices keyed by value, for `E:ECrm` the CRM entity types
    with `Y`/`N` for the ones allowed. An empty set may arrive as `[]`. """
    settings: Any | Unset = UNSET
    """ Further type-specific settings, or `null`. An empty set may arrive as `[]`. """
    default: Any | Unset = UNSET
    """ Default value of the field, of the field's own type (any JSON value). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_

        name = self.name

        description = self.description

        multiple = self.multiple

        required = self.required

        options = self.options

        settings = self.settings

        default = self.default

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Id": id,
                "Type": type_,
            }
        )
        if name is not UNSET:
            field_dict["Name"] = name
        if description is not UNSET:
            field_dict["Description"] = description
        if multiple is not UNSET:
            field_dict["Multiple"] = multiple
        if required is not UNSET:
            field_dict["Required"] = required
        if options is not UNSET:
            field_dict["Options"] = options
        if settings is not UNSET:
            field_dict["Settings"] = settings
        if default is not UNSET:
            field_dict["Default"] = default

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("Id")

        type_ = d.pop("Type")

        name = d.pop("Name", UNSET)

        description = d.pop("Description", UNSET)

        multiple = d.pop("Multiple", UNSET)

        required = d.pop("Required", UNSET)

        options = d.pop("Options", UNSET)

        settings = d.pop("Settings", UNSET)

        default = d.pop("Default", UNSET)

        task_field = cls(
            id=id,
            type_=type_,
            name=name,
            description=description,
            multiple=multiple,
            required=required,
            options=options,
            settings=settings,
            default=default,
        )

        task_field.additional_properties = d
        return task_field

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
