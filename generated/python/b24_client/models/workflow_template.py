# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.template_auto_execute_type_0 import TemplateAutoExecuteType0
from ..models.yes_no import YesNo
from ..types import UNSET, Unset

T = TypeVar("T", bound="WorkflowTemplate")


@_attrs_define
class WorkflowTemplate:
    """One workflow template as `bizproc.workflow.template.list` returns it. Only the fields named in `SELECT` come back
    (by default `ID` alone), so every field is optional. Integer fields arrive as strings, and the document type is the
    triple `[module, entity, type]` (D64). Templates of automation rules are not listed: the portal adds its own
    `<AUTO_EXECUTE` condition to every `FILTER`, replacing one the caller sends under that key.

    """

    id: str | Unset = UNSET
    """ An integer that list methods send as a JSON string, e.g. `"525"`. """
    module_id: str | Unset = UNSET
    """ Module of the document type (`crm`, `lists` or `disk` in the documented cases). """
    entity: str | Unset = UNSET
    """ Document class, e.g. `CCrmDocumentDeal` or `Bitrix\\Lists\\BizprocDocumentLists`. """
    document_type: Any | Unset = UNSET
    """ The document type. Every stored portal source sends it as the triple `[MODULE_ID, ENTITY, DOCUMENT_TYPE]`
    built from the same row, so the module and the entity are `null` unless `MODULE_ID` and `ENTITY` are selected
    too (decision D64). The official page types it as a string, the bare third element: `LEAD`, `CONTACT`,
    `COMPANY`, `DEAL`, `QUOTE`, `SMART_INVOICE` or `DYNAMIC_<typeId>` for CRM, `iblock_<listId>` for lists,
    `STORAGE_<storageId>` for Drive. Both forms are accepted: a string, or a list of exactly three parts (written
    without a union, which generators for typed languages cannot model, decision D71). """
    auto_execute: int | TemplateAutoExecuteType0 | Unset = UNSET
    """ When the portal starts a template on its own: `0` never (manual start only), `1` when a document is created,
    `2` when a document is changed, `3` on both. Send it as a digit string (`"3"`): that is the form every known
    portal version accepts, and the one form-encoded, `batch` and BX24.js calls send anyway. The official pages show
    a JSON integer (`3`); the stored portal sources (bizproc 19.0.300, 22.300.200 and the newest copy) refuse a JSON
    integer with "Incorrect field AUTO_EXECUTE!", so it is declared as the pages' form that only newer portals may
    take (decision D42). """
    name: str | Unset = UNSET
    """ Template name. """
    template: list[Any] | Unset = UNSET
    """ The template's tree of actions. """
    parameters: Any | Unset = UNSET
    """ The template's parameters, keyed by parameter id. Documented as an array: it is a PHP map, so it arrives as
    a JSON object when there are some and as an empty array when there are none. """
    variables: Any | Unset = UNSET
    """ The template's variables, keyed by variable id (an empty array when there are none). """
    constants: Any | Unset = UNSET
    """ The template's constants, keyed by constant id (an empty array when there are none). """
    modified: datetime.datetime | Unset = UNSET
    """ When the template last changed. """
    is_modified: YesNo | Unset = UNSET
    """ A yes/no value sent as the string `Y` or `N` (documented as boolean). """
    user_id: str | Unset = UNSET
    """ An integer that list methods send as a JSON string, e.g. `"525"`. """
    system_code: None | str | Unset = UNSET
    """ System code of the template: set on standard templates and on templates added by an application
    (`rest_app_<appId>`, which is how an application finds its own templates); null when the template has none. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        module_id = self.module_id

        entity = self.entity

        document_type = self.document_type

        auto_execute: int | str | Unset
        if isinstance(self.auto_execute, Unset):
            auto_execute = UNSET
        elif isinstance(self.auto_execute, TemplateAutoExecuteType0):
            auto_execute = self.auto_execute.value
        else:
            auto_execute = self.auto_execute

        name = self.name

        template: list[Any] | Unset = UNSET
        if not isinstance(self.template, Unset):
            template = self.template

        parameters = self.parameters

        variables = self.variables

        constants = self.constants

        modified: str | Unset = UNSET
        if not isinstance(self.modified, Unset):
            modified = self.modified.isoformat()

        is_modified: str | Unset = UNSET
        if not isinstance(self.is_modified, Unset):
            is_modified = self.is_modified.value

        user_id = self.user_id

        system_code: None | str | Unset
        if isinstance(self.system_code, Unset):
            system_code = UNSET
        else:
            system_code = self.system_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["ID"] = id
        if module_id is not UNSET:
            field_dict["MODULE_ID"] = module_id
        if entity is not UNSET:
            field_dict["ENTITY"] = entity
        if document_type is not UNSET:
            field_dict["DOCUMENT_TYPE"] = document_type
        if auto_execute is not UNSET:
            field_dict["AUTO_EXECUTE"] = auto_execute
        if name is not UNSET:
            field_dict["NAME"] = name
        if template is not UNSET:
            field_dict["TEMPLATE"] = template
        if parameters is not UNSET:
            field_dict["PARAMETERS"] = parameters
        if variables is not UNSET:
            field_dict["VARIABLES"] = variables
        if constants is not UNSET:
            field_dict["CONSTANTS"] = constants
        if modified is not UNSET:
            field_dict["MODIFIED"] = modified
        if is_modified is not UNSET:
            field_dict["IS_MODIFIED"] = is_modified
        if user_id is not UNSET:
            field_dict["USER_ID"] = user_id
        if system_code is not UNSET:
            field_dict["SYSTEM_CODE"] = system_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("ID", UNSET)

        module_id = d.pop("MODULE_ID", UNSET)

        entity = d.pop("ENTITY", UNSET)

        document_type = d.pop("DOCUMENT_TYPE", UNSET)

        def _parse_auto_execute(data: object) -> int | TemplateAutoExecuteType0 | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_template_auto_execute_type_0 = TemplateAutoExecuteType0(data)

                return componentsschemas_template_auto_execute_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | TemplateAutoExecuteType0 | Unset, data)

        auto_execute = _parse_auto_execute(d.pop("AUTO_EXECUTE", UNSET))

        name = d.pop("NAME", UNSET)

        template = cast(list[Any], d.pop("TEMPLATE", UNSET))

        parameters = d.pop("PARAMETERS", UNSET)

        variables = d.pop("VARIABLES", UNSET)

        constants = d.pop("CONSTANTS", UNSET)

        _modified = d.pop("MODIFIED", UNSET)
        modified: datetime.datetime | Unset
        if isinstance(_modified, Unset):
            modified = UNSET
        else:
            modified = datetime.datetime.fromisoformat(_modified)

        _is_modified = d.pop("IS_MODIFIED", UNSET)
        is_modified: YesNo | Unset
        if isinstance(_is_modified, Unset):
            is_modified = UNSET
        else:
            is_modified = YesNo(_is_modified)

        user_id = d.pop("USER_ID", UNSET)

        def _parse_system_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        system_code = _parse_system_code(d.pop("SYSTEM_CODE", UNSET))

        workflow_template = cls(
            id=id,
            module_id=module_id,
            entity=entity,
            document_type=document_type,
            auto_execute=auto_execute,
            name=name,
            template=template,
            parameters=parameters,
            variables=variables,
            constants=constants,
            modified=modified,
            is_modified=is_modified,
            user_id=user_id,
            system_code=system_code,
        )

        workflow_template.additional_properties = d
        return workflow_template

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
