# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.response_time import ResponseTime
    from ..models.workflow_template import WorkflowTemplate


T = TypeVar("T", bound="BizprocWorkflowTemplateListResponse200")


@_attrs_define
class BizprocWorkflowTemplateListResponse200:
    total: int
    """ Number of rows that match in all; 0 when a page-kind method was sent a negative `start` (no counting, D41).
    """
    result: list[WorkflowTemplate]
    next_: int | Unset = UNSET
    """ Where the next page starts, present only when more rows remain; send it back as `start`. On offset-kind
    methods it is the request's `start` plus the rows returned (so `start=-1` gives the row count minus one, which
    can be 0, and a `start` below -1 with fewer rows than its distance from 0 gives a negative `next`); on page-kind
    methods the following page's first row, a multiple of 50 (D41). """
    time: ResponseTime | Unset = UNSET
    """ Timing block that a portal adds to every successful response (never to an error body). The six base fields
    are always present; the two `operating*` fields appear on cloud portals, where they report the per-method
    operating budget (see the limits section of the protocol notes). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        result = []
        for result_item_data in self.result:
            result_item = result_item_data.to_dict()
            result.append(result_item)

        next_ = self.next_

        time: dict[str, Any] | Unset = UNSET
        if not isinstance(self.time, Unset):
            time = self.time.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total": total,
                "result": result,
            }
        )
        if next_ is not UNSET:
            field_dict["next"] = next_
        if time is not UNSET:
            field_dict["time"] = time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.response_time import ResponseTime  # noqa: PLC0415
        from ..models.workflow_template import WorkflowTemplate  # noqa: PLC0415

        d = dict(src_dict)
        total = d.pop("total")

        result = []
        _result = d.pop("result")
        for result_item_data in _result:
            result_item = WorkflowTemplate.from_dict(result_item_data)

            result.append(result_item)

        next_ = d.pop("next", UNSET)

        _time = d.pop("time", UNSET)
        time: ResponseTime | Unset
        if isinstance(_time, Unset):
            time = UNSET
        else:
            time = ResponseTime.from_dict(_time)

        bizproc_workflow_template_list_response_200 = cls(
            total=total,
            result=result,
            next_=next_,
            time=time,
        )

        bizproc_workflow_template_list_response_200.additional_properties = d
        return bizproc_workflow_template_list_response_200

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
