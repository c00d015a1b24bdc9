# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.response_time import ResponseTime


T = TypeVar("T", bound="TasksFlowFlowPinResponse200")


@_attrs_define
class TasksFlowFlowPinResponse200:
    """The success envelope (`result`, with `time`) or an error body (`error` and `error_description`), exactly one of the
    two. Written as one object whose `not` says which members may come together, so that generators make one type that
    reads either body (D71).

    """

    result: bool | Unset = UNSET
    """ `true` when the flow is now pinned, `false` when it is now unpinned. """
    time: ResponseTime | Unset = UNSET
    """ Timing block that a portal adds to every successful response (never to an error body). The six base fields
    are always present; the two `operating*` fields appear on cloud portals, where they report the per-method
    operating budget (see the limits section of the protocol notes). """
    error: int | str | Unset = UNSET
    """ Error code, as in `ErrorResponse` (the flow errors send the JSON integer `0`). """
    error_description: str | Unset = UNSET
    """ Human-readable text of the error, as in `ErrorResponse`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        result = self.result

        time: dict[str, Any] | Unset = UNSET
        if not isinstance(self.time, Unset):
            time = self.time.to_dict()

        error: int | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        error_description = self.error_description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if result is not UNSET:
            field_dict["result"] = result
        if time is not UNSET:
            field_dict["time"] = time
        if error is not UNSET:
            field_dict["error"] = error
        if error_description is not UNSET:
            field_dict["error_description"] = error_description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.response_time import ResponseTime  # noqa: PLC0415

        d = dict(src_dict)
        result = d.pop("result", UNSET)

        _time = d.pop("time", UNSET)
        time: ResponseTime | Unset
        if isinstance(_time, Unset):
            time = UNSET
        else:
            time = ResponseTime.from_dict(_time)

        def _parse_error(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        error_description = d.pop("error_description", UNSET)

        tasks_flow_flow_pin_response_200 = cls(
            result=result,
            time=time,
            error=error,
            error_description=error_description,
        )

        tasks_flow_flow_pin_response_200.additional_properties = d
        return tasks_flow_flow_pin_response_200

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
