# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_status import TaskStatus
from ..models.task_user_status import TaskUserStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.task_parameters import TaskParameters


T = TypeVar("T", bound="BizprocTask")


@_attrs_define
class BizprocTask:
    """A workflow task as `bizproc.task.list` returns it. Every member is optional because `SELECT` decides which come back
    (the portal always adds `MODULE_ID`, `ENTITY`, `DOCUMENT_ID` and `DOCUMENT_URL`). Numbers arrive as strings, and the
    document is named by its id alone (the third element of the `[module, entity, id]` triple) next to `MODULE_ID` and
    `ENTITY`.

    """

    id: str | Unset = UNSET
    """ An integer that list methods send as a JSON string, e.g. `"525"`. """
    workflow_id: str | Unset = UNSET
    """ Workflow instance id: 14 hexadecimal characters, a dot and 8 digits (the shape of PHP `uniqid('', true)`),
    e.g. `65e5a449e8f135.21284909`. It is a string; never convert it to a number. """
    document_name: str | Unset = UNSET
    """ Name of the document the workflow runs on. """
    description: str | Unset = UNSET
    """ Task description. """
    name: str | Unset = UNSET
    """ Task name. """
    modified: datetime.datetime | Unset = UNSET
    """ When the task last changed. """
    workflow_started: datetime.datetime | Unset = UNSET
    """ When the workflow was started. """
    workflow_started_by: str | Unset = UNSET
    """ An integer that list methods send as a JSON string, e.g. `"525"`. """
    overdue_date: datetime.datetime | None | Unset = UNSET
    """ Deadline of the task, or `null` when it has none. """
    workflow_template_id: str | Unset = UNSET
    """ An integer that list methods send as a JSON string, e.g. `"525"`. """
    workflow_template_name: str | Unset = UNSET
    """ Name of the workflow template. """
    workflow_state: str | Unset = UNSET
    """ Human-readable state title of the workflow. """
    status: TaskStatus | Unset = UNSET
    """ State of a workflow task as `bizproc.task.list` reports it, a number sent as a string: `"0"` in progress,
    `"1"` approved, `"2"` rejected, `"3"` completed, `"4"` overdue. `"5"` (cancelled, set when an optional
    information request is declined) is not in the docs but is sent by the engine. This is not the `STATUS` that
    `bizproc.task.complete` takes (see `TaskResponseStatus`): there 4 means cancel. """
    user_id: str | Unset = UNSET
    """ An integer that list methods send as a JSON string, e.g. `"525"`. """
    user_status: TaskUserStatus | Unset = UNSET
    """ The assignee's answer to a workflow task, a number sent as a string: `"0"` no answer yet, `"1"` approved,
    `"2"` rejected, `"3"` done (acknowledged or information given). `"4"` (cancelled: an optional information
    request was declined) is not in the docs but is sent by the engine. Only a task whose value is `"0"` can still
    be completed. """
    module_id: str | Unset = UNSET
    """ Module of the document, e.g. `crm`, `lists`, `disk`. """
    entity: str | Unset = UNSET
    """ Document class (entity), e.g. `CCrmDocumentDeal` or `BizprocDocument`. """
    document_id: str | Unset = UNSET
    """ Id of the document as a string, e.g. `"DEAL_777"` for CRM or `"2249"` for a list element. The page types it
    as integer, but CRM ids are not numbers. """
    activity: str | Unset = UNSET
    """ The activity that created the task. The four that `bizproc.task.complete` can answer are `ApproveActivity`
    (approval), `ReviewActivity` (review), `RequestInformationActivity` (information request) and
    `RequestInformationOptionalActivity` (information request that may be declined). Other task types can appear;
    completing them answers `ERROR_TASK_TYPE`. """
    activity_name: str | Unset = UNSET
    """ Id of the action inside the template, e.g. `A3651_68033_56029_16413`. """
    parameters: TaskParameters | Unset = UNSET
    """ How a task is presented and answered. Which members are present depends on the task type: approvals carry
    `StatusYesLabel`/`StatusNoLabel`, reviews and information requests `StatusOkLabel`, optional requests also
    `StatusCancelLabel`, information requests `Fields`. """
    document_url: str | Unset = UNSET
    """ Portal-relative link to the document. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        workflow_id = self.workflow_id

        document_name = self.document_name

        description = self.description

        name = self.name

        modified: str | Unset = UNSET
        if not isinstance(self.modified, Unset):
            modified = self.modified.isoformat()

        workflow_started: str | Unset = UNSET
        if not isinstance(self.workflow_started, Unset):
            workflow_started = self.workflow_started.isoformat()

        workflow_started_by = self.workflow_started_by

        overdue_date: None | str | Unset
        if isinstance(self.overdue_date, Unset):
            overdue_date = UNSET
        elif isinstance(self.overdue_date, datetime.datetime):
            overdue_date = self.overdue_date.isoformat()
        else:
            overdue_date = self.overdue_date

        workflow_template_id = self.workflow_template_id

        workflow_template_name = self.workflow_template_name

        workflow_state = self.workflow_state

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        user_id = self.user_id

        user_status: str | Unset = UNSET
        if not isinstance(self.user_status, Unset):
            user_status = self.user_status.value

        module_id = self.module_id

        entity = self.entity

        document_id = self.document_id

        activity = self.activity

        activity_name = self.activity_name

        parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.parameters, Unset):
            parameters = self.parameters.to_dict()

        document_url = self.document_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["ID"] = id
        if workflow_id is not UNSET:
            field_dict["WORKFLOW_ID"] = workflow_id
        if document_name is not UNSET:
            field_dict["DOCUMENT_NAME"] = document_name
        if description is not UNSET:
            field_dict["DESCRIPTION"] = description
        if name is not UNSET:
            field_dict["NAME"] = name
        if modified is not UNSET:
            field_dict["MODIFIED"] = modified
        if workflow_started is not UNSET:
            field_dict["WORKFLOW_STARTED"] = workflow_started
        if workflow_started_by is not UNSET:
            field_dict["WORKFLOW_STARTED_BY"] = workflow_started_by
        if overdue_date is not UNSET:
            field_dict["OVERDUE_DATE"] = overdue_date
        if workflow_template_id is not UNSET:
            field_dict["WORKFLOW_TEMPLATE_ID"] = workflow_template_id
        if workflow_template_name is not UNSET:
            field_dict["WORKFLOW_TEMPLATE_NAME"] = workflow_template_name
        if workflow_state is not UNSET:
            field_dict["WORKFLOW_STATE"] = workflow_state
        if status is not UNSET:
            field_dict["STATUS"] = status
        if user_id is not UNSET:
            field_dict["USER_ID"] = user_id
        if user_status is not UNSET:
            field_dict["USER_STATUS"] = user_status
        if module_id is not UNSET:
            field_dict["MODULE_ID"] = module_id
        if entity is not UNSET:
            field_dict["ENTITY"] = entity
        if document_id is not UNSET:
            field_dict["DOCUMENT_ID"] = document_id
        if activity is not UNSET:
            field_dict["ACTIVITY"] = activity
        if activity_name is not UNSET:
            field_dict["ACTIVITY_NAME"] = activity_name
        if parameters is not UNSET:
            field_dict["PARAMETERS"] = parameters
        if document_url is not UNSET:
            field_dict["DOCUMENT_URL"] = document_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.task_parameters import TaskParameters  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("ID", UNSET)

        workflow_id = d.pop("WORKFLOW_ID", UNSET)

        document_name = d.pop("DOCUMENT_NAME", UNSET)

        description = d.pop("DESCRIPTION", UNSET)

        name = d.pop("NAME", UNSET)

        _modified = d.pop("MODIFIED", UNSET)
        modified: datetime.datetime | Unset
        if isinstance(_modified, Unset):
            modified = UNSET
        else:
            modified = datetime.datetime.fromisoformat(_modified)

        _workflow_started = d.pop("WORKFLOW_STARTED", UNSET)
        workflow_started: datetime.datetime | Unset
        if isinstance(_workflow_started, Unset):
            workflow_started = UNSET
        else:
            workflow_started = datetime.datetime.fromisoformat(_workflow_started)

        workflow_started_by = d.pop("WORKFLOW_STARTED_BY", UNSET)

        def _parse_overdue_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                overdue_date_type_0 = datetime.datetime.fromisoformat(data)

                return overdue_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        overdue_date = _parse_overdue_date(d.pop("OVERDUE_DATE", UNSET))

        workflow_template_id = d.pop("WORKFLOW_TEMPLATE_ID", UNSET)

        workflow_template_name = d.pop("WORKFLOW_TEMPLATE_NAME", UNSET)

        workflow_state = d.pop("WORKFLOW_STATE", UNSET)

        _status = d.pop("STATUS", UNSET)
        status: TaskStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = TaskStatus(_status)

        user_id = d.pop("USER_ID", UNSET)

        _user_status = d.pop("USER_STATUS", UNSET)
        user_status: TaskUserStatus | Unset
        if isinstance(_user_status, Unset):
            user_status = UNSET
        else:
            user_status = TaskUserStatus(_user_status)

        module_id = d.pop("MODULE_ID", UNSET)

        entity = d.pop("ENTITY", UNSET)

        document_id = d.pop("DOCUMENT_ID", UNSET)

        activity = d.pop("ACTIVITY", UNSET)

        activity_name = d.pop("ACTIVITY_NAME", UNSET)

        _parameters = d.pop("PARAMETERS", UNSET)
        parameters: TaskParameters | Unset
        if isinstance(_parameters, Unset):
            parameters = UNSET
        else:
            parameters = TaskParameters.from_dict(_parameters)

        document_url = d.pop("DOCUMENT_URL", UNSET)

        bizproc_task = cls(
            id=id,
            workflow_id=workflow_id,
            document_name=document_name,
            description=description,
            name=name,
            modified=modified,
            workflow_started=workflow_started,
            workflow_started_by=workflow_started_by,
            overdue_date=overdue_date,
            workflow_template_id=workflow_template_id,
            workflow_template_name=workflow_template_name,
            workflow_state=workflow_state,
            status=status,
            user_id=user_id,
            user_status=user_status,
            module_id=module_id,
            entity=entity,
            document_id=document_id,
            activity=activity,
            activity_name=activity_name,
            parameters=parameters,
            document_url=document_url,
        )

        bizproc_task.additional_properties = d
        return bizproc_task

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
