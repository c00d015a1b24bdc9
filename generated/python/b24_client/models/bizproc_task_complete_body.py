# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_response_status_type_0 import TaskResponseStatusType0
from ..models.task_response_status_type_1 import TaskResponseStatusType1
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bizproc_task_complete_body_fields import BizprocTaskCompleteBodyFIELDS


T = TypeVar("T", bound="BizprocTaskCompleteBody")


@_attrs_define
class BizprocTaskCompleteBody:
    task_id: int | str
    """ A positive integer id on input. A numeric string such as `"525"` is accepted too: list methods return ids as
    strings, and the portal casts string parameters to integers, so an id can be passed on exactly as it was read.
    """
    status: TaskResponseStatusType0 | TaskResponseStatusType1
    """ The answer `bizproc.task.complete` gives to a task, as a number or as a word: `1` / `yes` approve, `2` /
    `no` reject, `3` / `ok` acknowledge or submit, `4` / `cancel` decline. The task type limits the choice: approval
    takes 1 or 2, review takes 3, information request takes 3, optional information request takes 3 or 4; any other
    valid value fails with `ERROR_TASK_EXECUTION`. The server reads the words case-insensitively. Not the same enum
    as the `STATUS` that `bizproc.task.list` returns (`TaskStatus`, where 4 means overdue). """
    comment: str | Unset = UNSET
    """ The caller's comment. Required when the task's `PARAMETERS.CommentRequired` is `Y` (always), `YA` (when
    approving) or `YR` (when rejecting); a missing required comment fails with `ERROR_TASK_EXECUTION`. """
    fields: BizprocTaskCompleteBodyFIELDS | Unset = UNSET
    """ Answers to an information request, keyed by the `Id` of each entry of the task's `PARAMETERS.Fields`. Values
    follow the field type: dates in ISO 8601, a File field as base64 or as `[fileName, base64]`, a Drive file field
    as the Drive file id, a multiple field as a list. A missing required field fails with `ERROR_TASK_EXECUTION`.
    """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task_id: int | str
        task_id = self.task_id

        status: int | str
        if isinstance(self.status, TaskResponseStatusType0):
            status = self.status.value
        else:
            status = self.status.value

        comment = self.comment

        fields: dict[str, Any] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = self.fields.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "TASK_ID": task_id,
                "STATUS": status,
            }
        )
        if comment is not UNSET:
            field_dict["COMMENT"] = comment
        if fields is not UNSET:
            field_dict["FIELDS"] = fields

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bizproc_task_complete_body_fields import BizprocTaskCompleteBodyFIELDS  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_task_id(data: object) -> int | str:
            return cast(int | str, data)

        task_id = _parse_task_id(d.pop("TASK_ID"))

        def _parse_status(data: object) -> TaskResponseStatusType0 | TaskResponseStatusType1:
            try:
                if not isinstance(data, int):
                    raise TypeError()
                componentsschemas_task_response_status_type_0 = TaskResponseStatusType0(data)

                return componentsschemas_task_response_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            componentsschemas_task_response_status_type_1 = TaskResponseStatusType1(data)

            return componentsschemas_task_response_status_type_1

        status = _parse_status(d.pop("STATUS"))

        comment = d.pop("COMMENT", UNSET)

        _fields = d.pop("FIELDS", UNSET)
        fields: BizprocTaskCompleteBodyFIELDS | Unset
        if isinstance(_fields, Unset):
            fields = UNSET
        else:
            fields = BizprocTaskCompleteBodyFIELDS.from_dict(_fields)

        bizproc_task_complete_body = cls(
            task_id=task_id,
            status=status,
            comment=comment,
            fields=fields,
        )

        bizproc_task_complete_body.additional_properties = d
        return bizproc_task_complete_body

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
