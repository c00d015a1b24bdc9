# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WorkflowInstance")


@_attrs_define
class WorkflowInstance:
    """One running workflow as `bizproc.workflow.instances` lists it. Only the fields named in `SELECT` come back (by
    default `ID`, `MODIFIED` and `OWNED_UNTIL`), so every field is optional. Numbers arrive as strings, and the document
    is reported by its id alone, with module and entity in their own fields.

    """

    id: str | Unset = UNSET
    """ Workflow instance id: 14 hexadecimal characters, a dot and 8 digits (the shape of PHP `uniqid('', true)`),
    e.g. `65e5a449e8f135.21284909`. It is a string; never convert it to a number. """
    modified: datetime.datetime | Unset = UNSET
    """ When the workflow last changed. """
    owned_until: datetime.datetime | None | Unset = UNSET
    """ Until when the workflow is locked by the process running it, or null when it is not locked. A lock more than
    five minutes away from the current time marks a stuck workflow. """
    module_id: str | Unset = UNSET
    """ Module of the document (`crm`, `lists` or `disk` in the documented cases). """
    entity: str | Unset = UNSET
    """ Document class, e.g. `CCrmDocumentLead`. """
    document_id: str | Unset = UNSET
    """ The document's own id, the third element of the `DOCUMENT_ID` triple (e.g. `LEAD_1`). """
    started: datetime.datetime | Unset = UNSET
    """ When the workflow was started. """
    started_by: str | Unset = UNSET
    """ An integer that list methods send as a JSON string, e.g. `"525"`. """
    template_id: str | Unset = UNSET
    """ An integer that list methods send as a JSON string, e.g. `"525"`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        modified: str | Unset = UNSET
        if not isinstance(self.modified, Unset):
            modified = self.modified.isoformat()

        owned_until: None | str | Unset
        if isinstance(self.owned_until, Unset):
            owned_until = UNSET
        elif isinstance(self.owned_until, datetime.datetime):
            owned_until = self.owned_until.isoformat()
        else:
            owned_until = self.owned_until

        module_id = self.module_id

        entity = self.entity

        document_id = self.document_id

        started: str | Unset = UNSET
        if not isinstance(self.started, Unset):
            started = self.started.isoformat()

        started_by = self.started_by

        template_id = self.template_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["ID"] = id
        if modified is not UNSET:
            field_dict["MODIFIED"] = modified
        if owned_until is not UNSET:
            field_dict["OWNED_UNTIL"] = owned_until
        if module_id is not UNSET:
            field_dict["MODULE_ID"] = module_id
        if entity is not UNSET:
            field_dict["ENTITY"] = entity
        if document_id is not UNSET:
            field_dict["DOCUMENT_ID"] = document_id
        if started is not UNSET:
            field_dict["STARTED"] = started
        if started_by is not UNSET:
            field_dict["STARTED_BY"] = started_by
        if template_id is not UNSET:
            field_dict["TEMPLATE_ID"] = template_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("ID", UNSET)

        _modified = d.pop("MODIFIED", UNSET)
        modified: datetime.datetime | Unset
        if isinstance(_modified, Unset):
            modified = UNSET
        else:
            modified = datetime.datetime.fromisoformat(_modified)

        def _parse_owned_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                owned_until_type_0 = datetime.datetime.fromisoformat(data)

                return owned_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        owned_until = _parse_owned_until(d.pop("OWNED_UNTIL", UNSET))

        module_id = d.pop("MODULE_ID", UNSET)

        entity = d.pop("ENTITY", UNSET)

        document_id = d.pop("DOCUMENT_ID", UNSET)

        _started = d.pop("STARTED", UNSET)
        started: datetime.datetime | Unset
        if isinstance(_started, Unset):
            started = UNSET
        else:
            started = datetime.datetime.fromisoformat(_started)

        started_by = d.pop("STARTED_BY", UNSET)

        template_id = d.pop("TEMPLATE_ID", UNSET)

        workflow_instance = cls(
            id=id,
            modified=modified,
            owned_until=owned_until,
            module_id=module_id,
            entity=entity,
            document_id=document_id,
            started=started,
            started_by=started_by,
            template_id=template_id,
        )

        workflow_instance.additional_properties = d
        return workflow_instance

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
