# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.task_field_description_type_1 import TaskFieldDescriptionType1
    from ..models.task_field_name_type_1 import TaskFieldNameType1
    from ..models.task_field_options_type_0 import TaskFieldOptionsType0
    from ..models.task_field_settings_type_0 import TaskFieldSettingsType0


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
    name: str | TaskFieldNameType1 | Unset = UNSET
    """ Field title; a string, or an object. """
    description: str | TaskFieldDescriptionType1 | Unset = UNSET
    """ Field description; a string, or an object. """
    multiple: bool | Unset = UNSET
    """ Whether the field takes several values. """
    required: bool | Unset = UNSET
    """ Whether the field must be filled to complete the task. """
    options: list[Any] | None | TaskFieldOptionsType0 | Unset = UNSET
    """ Type-specific options, or `null`: for `select` the choices keyed by value, for `E:ECrm` the CRM entity types
    with `Y`/`N` for the ones allowed. An empty set may arrive as `[]`. """
    settings: list[Any] | None | TaskFieldSettingsType0 | Unset = UNSET
    """ Further type-specific settings, or `null`. An empty set may arrive as `[]`. """
    default: Any | Unset = UNSET
    """ Default value of the field, of the field's own type (any JSON value). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.task_field_description_type_1 import TaskFieldDescriptionType1  # noqa: PLC0415
        from ..models.task_field_name_type_1 import TaskFieldNameType1  # noqa: PLC0415
        from ..models.task_field_options_type_0 import TaskFieldOptionsType0  # noqa: PLC0415
        from ..models.task_field_settings_type_0 import TaskFieldSettingsType0  # noqa: PLC0415

        id = self.id

        type_ = self.type_

        name: dict[str, Any] | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        elif isinstance(self.name, TaskFieldNameType1):
            name = self.name.to_dict()
        else:
            name = self.name

        description: dict[str, Any] | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        elif isinstance(self.description, TaskFieldDescriptionType1):
            description = self.description.to_dict()
        else:
            description = self.description

        multiple = self.multiple

        required = self.required

        options: dict[str, Any] | list[Any] | None | Unset
        if isinstance(self.options, Unset):
            options = UNSET
        elif isinstance(self.options, TaskFieldOptionsType0):
            options = self.options.to_dict()
        elif isinstance(self.options, list):
            options = self.options

        else:
            options = self.options

        settings: dict[str, Any] | list[Any] | None | Unset
        if isinstance(self.settings, Unset):
            settings = UNSET
        elif isinstance(self.settings, TaskFieldSettingsType0):
            settings = self.settings.to_dict()
        elif isinstance(self.settings, list):
            settings = self.settings

        else:
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
        from ..models.task_field_description_type_1 import TaskFieldDescriptionType1  # noqa: PLC0415
        from ..models.task_field_name_type_1 import TaskFieldNameType1  # noqa: PLC0415
        from ..models.task_field_options_type_0 import TaskFieldOptionsType0  # noqa: PLC0415
        from ..models.task_field_settings_type_0 import TaskFieldSettingsType0  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("Id")

        type_ = d.pop("Type")

        def _parse_name(data: object) -> str | TaskFieldNameType1 | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                name_type_1 = TaskFieldNameType1.from_dict(data)

                return name_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | TaskFieldNameType1 | Unset, data)

        name = _parse_name(d.pop("Name", UNSET))

        def _parse_description(data: object) -> str | TaskFieldDescriptionType1 | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                description_type_1 = TaskFieldDescriptionType1.from_dict(data)

                return description_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | TaskFieldDescriptionType1 | Unset, data)

        description = _parse_description(d.pop("Description", UNSET))

        multiple = d.pop("Multiple", UNSET)

        required = d.pop("Required", UNSET)

        def _parse_options(data: object) -> list[Any] | None | TaskFieldOptionsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                options_type_0 = TaskFieldOptionsType0.from_dict(data)

                return options_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                options_type_1 = data

                return options_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Any] | None | TaskFieldOptionsType0 | Unset, data)

        options = _parse_options(d.pop("Options", UNSET))

        def _parse_settings(data: object) -> list[Any] | None | TaskFieldSettingsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                settings_type_0 = TaskFieldSettingsType0.from_dict(data)

                return settings_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                settings_type_1 = data

                return settings_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Any] | None | TaskFieldSettingsType0 | Unset, data)

        settings = _parse_settings(d.pop("Settings", UNSET))

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
