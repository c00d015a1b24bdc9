# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.response_time import ResponseTime


T = TypeVar("T", bound="BizprocEventSendResponse200")


@_attrs_define
class BizprocEventSendResponse200:
    result: bool
    """ Always `true`. """
    time: ResponseTime | Unset = UNSET
    """ Timing block that a portal adds to every successful response (never to an error body). The six base fields
    are always present; the two `operating*` fields appear on cloud portals, where they report the per-method
    operating budget (see the limits section of the protocol notes). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        result = self.result

        time: dict[str, Any] | Unset = UNSET
        if not isinstance(self.time, Unset):
            time = self.time.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "result": result,
            }
        )
        if time is not UNSET:
            field_dict["time"] = time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.response_time import ResponseTime  # noqa: PLC0415

        d = dict(src_dict)
        result = d.pop("result")

        _time = d.pop("time", UNSET)
        time: ResponseTime | Unset
        if isinstance(_time, Unset):
            time = UNSET
        else:
            time = ResponseTime.from_dict(_time)

        bizproc_event_send_response_200 = cls(
            result=result,
            time=time,
        )

        bizproc_event_send_response_200.additional_properties = d
        return bizproc_event_send_response_200

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
