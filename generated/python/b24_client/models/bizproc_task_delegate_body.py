# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BizprocTaskDelegateBody")


@_attrs_define
class BizprocTaskDelegateBody:
    task_ids: list[int | str]
    """ The tasks to hand on, `ID` values from `bizproc.task.list`. """
    from_user_id: int | str
    """ A positive integer id on input. A numeric string such as `"525"` is accepted too: list methods return ids as
    strings, and the portal casts string parameters to integers, so an id can be passed on exactly as it was read.
    """
    to_user_id: int | str
    """ A positive integer id on input. A numeric string such as `"525"` is accepted too: list methods return ids as
    strings, and the portal casts string parameters to integers, so an id can be passed on exactly as it was read.
    """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task_ids = []
        for task_ids_item_data in self.task_ids:
            task_ids_item: int | str
            task_ids_item = task_ids_item_data
            task_ids.append(task_ids_item)

        from_user_id: int | str
        from_user_id = self.from_user_id

        to_user_id: int | str
        to_user_id = self.to_user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "TASK_IDS": task_ids,
                "FROM_USER_ID": from_user_id,
                "TO_USER_ID": to_user_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        task_ids = []
        _task_ids = d.pop("TASK_IDS")
        for task_ids_item_data in _task_ids:

            def _parse_task_ids_item(data: object) -> int | str:
                return cast(int | str, data)

            task_ids_item = _parse_task_ids_item(task_ids_item_data)

            task_ids.append(task_ids_item)

        def _parse_from_user_id(data: object) -> int | str:
            return cast(int | str, data)

        from_user_id = _parse_from_user_id(d.pop("FROM_USER_ID"))

        def _parse_to_user_id(data: object) -> int | str:
            return cast(int | str, data)

        to_user_id = _parse_to_user_id(d.pop("TO_USER_ID"))

        bizproc_task_delegate_body = cls(
            task_ids=task_ids,
            from_user_id=from_user_id,
            to_user_id=to_user_id,
        )

        bizproc_task_delegate_body.additional_properties = d
        return bizproc_task_delegate_body

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
