# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.template_auto_execute_type_0 import TemplateAutoExecuteType0
from ..models.template_auto_execute_type_1 import TemplateAutoExecuteType1
from ..models.yes_no import YesNo
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.workflow_template_constants_type_0 import WorkflowTemplateCONSTANTSType0
    from ..models.workflow_template_parameters_type_0 import WorkflowTemplatePARAMETERSType0
    from ..models.workflow_template_variables_type_0 import WorkflowTemplateVARIABLESType0


T = TypeVar("T", bound="WorkflowTemplate")


@_attrs_define
class WorkflowTemplate:
    """One workflow template as `bizproc.workflow.template.list` returns it. Only the fields named in `SELECT` come back
    (by default `ID` alone), so every field is optional. Integer fields arrive as strings, and the document type is
    reported by its third element alone, with module and entity in their own fields. Templates of automation rules are
    not listed.

    """

    id: str | Unset = UNSET
    """ An integer that list methods send as a JSON string, e.g. `"525"`. """
    module_id: str | Unset = UNSET
    """ Module of the document type (`crm`, `lists` or `disk` in the documented cases). """
    entity: str | Unset = UNSET
    """ Document class, e.g. `CCrmDocumentDeal` or `Bitrix\\Lists\\BizprocDocumentLists`. """
    document_type: str | Unset = UNSET
    """ The document type, the third element of the `DOCUMENT_TYPE` triple: `LEAD`, `CONTACT`, `COMPANY`, `DEAL`,
    `QUOTE`, `SMART_INVOICE` or `DYNAMIC_<typeId>` for CRM, `iblock_<listId>` for lists, `STORAGE_<storageId>` for
    Drive. """
    auto_execute: TemplateAutoExecuteType0 | TemplateAutoExecuteType1 | Unset = UNSET
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
    parameters: list[Any] | Unset | WorkflowTemplatePARAMETERSType0 = UNSET
    """ The template's parameters, keyed by parameter id. Documented as an array: it is a PHP map, so it arrives as
    a JSON object when there are some and as an empty array when there are none. """
    variables: list[Any] | Unset | WorkflowTemplateVARIABLESType0 = UNSET
    """ The template's variables, keyed by variable id (an empty array when there are none). """
    constants: list[Any] | Unset | WorkflowTemplateCONSTANTSType0 = UNSET
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
        from ..models.workflow_template_constants_type_0 import WorkflowTemplateCONSTANTSType0  # noqa: PLC0415
        from ..models.workflow_template_parameters_type_0 import WorkflowTemplatePARAMETERSType0  # noqa: PLC0415
        from ..models.workflow_template_variables_type_0 import WorkflowTemplateVARIABLESType0  # noqa: PLC0415

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
            auto_execute = self.auto_execute.value

        name = self.name

        template: list[Any] | Unset = UNSET
        if not isinstance(self.template, Unset):
            template = self.template

        parameters: dict[str, Any] | list[Any] | Unset
        if isinstance(self.parameters, Unset):
            parameters = UNSET
        elif isinstance(self.parameters, WorkflowTemplatePARAMETERSType0):
            parameters = self.parameters.to_dict()
        else:
            parameters = self.parameters

        variables: dict[str, Any] | list[Any] | Unset
        if isinstance(self.variables, Unset):
            variables = UNSET
        elif isinstance(self.variables, WorkflowTemplateVARIABLESType0):
            variables = self.variables.to_dict()
        else:
            variables = self.variables

        constants: dict[str, Any] | list[Any] | Unset
        if isinstance(self.constants, Unset):
            constants = UNSET
        elif isinstance(self.constants, WorkflowTemplateCONSTANTSType0):
            constants = self.constants.to_dict()
        else:
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
        from ..models.workflow_template_constants_type_0 import WorkflowTemplateCONSTANTSType0  # noqa: PLC0415
        from ..models.workflow_template_parameters_type_0 import WorkflowTemplatePARAMETERSType0  # noqa: PLC0415
        from ..models.workflow_template_variables_type_0 import WorkflowTemplateVARIABLESType0  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("ID", UNSET)

        module_id = d.pop("MODULE_ID", UNSET)

        entity = d.pop("ENTITY", UNSET)

        document_type = d.pop("DOCUMENT_TYPE", UNSET)

        def _parse_auto_execute(data: object) -> TemplateAutoExecuteType0 | TemplateAutoExecuteType1 | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_template_auto_execute_type_0 = TemplateAutoExecuteType0(data)

                return componentsschemas_template_auto_execute_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, int):
                raise TypeError()
            componentsschemas_template_auto_execute_type_1 = TemplateAutoExecuteType1(data)

            return componentsschemas_template_auto_execute_type_1

        auto_execute = _parse_auto_execute(d.pop("AUTO_EXECUTE", UNSET))

        name = d.pop("NAME", UNSET)

        template = cast(list[Any], d.pop("TEMPLATE", UNSET))

        def _parse_parameters(data: object) -> list[Any] | Unset | WorkflowTemplatePARAMETERSType0:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                parameters_type_0 = WorkflowTemplatePARAMETERSType0.from_dict(data)

                return parameters_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            parameters_type_1 = data

            return parameters_type_1

        parameters = _parse_parameters(d.pop("PARAMETERS", UNSET))

        def _parse_variables(data: object) -> list[Any] | Unset | WorkflowTemplateVARIABLESType0:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                variables_type_0 = WorkflowTemplateVARIABLESType0.from_dict(data)

                return variables_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            variables_type_1 = data

            return variables_type_1

        variables = _parse_variables(d.pop("VARIABLES", UNSET))

        def _parse_constants(data: object) -> list[Any] | Unset | WorkflowTemplateCONSTANTSType0:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                constants_type_0 = WorkflowTemplateCONSTANTSType0.from_dict(data)

                return constants_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            constants_type_1 = data

            return constants_type_1

        constants = _parse_constants(d.pop("CONSTANTS", UNSET))

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
