# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ResponseTime")


@_attrs_define
class ResponseTime:
    """Timing block that a portal adds to every successful response (never to an error body). The six base fields are
    always present; the two `operating*` fields appear on cloud portals, where they report the per-method operating
    budget (see the limits section of the protocol notes).

    """

    start: float
    """ Unix time, with fractional seconds, at which the portal started handling the request. """
    finish: float
    """ Unix time, with fractional seconds, at which the portal finished handling the request. """
    duration: float
    """ `finish` minus `start`, in seconds. """
    processing: float
    """ Seconds spent inside the method itself, a part of `duration`. """
    date_start: datetime.datetime
    """ `start` as an ISO 8601 timestamp with a UTC offset. """
    date_finish: datetime.datetime
    """ `finish` as an ISO 8601 timestamp with a UTC offset. """
    operating: float | Unset = UNSET
    """ Seconds this application or webhook has spent in this method over the sliding ten-minute window. When it
    passes the portal's budget (480 s in the documented cloud example), the next call of the same method is refused
    with 429 `OPERATION_TIME_LIMIT`. Always 0 on a `batch` answer's own block: the budget ignores the envelope
    (`x-bitrix-operating-budget: false`), and each command reports its method's figure in `result_time`. """
    operating_reset_at: int | Unset = UNSET
    """ Unix time at which the oldest one-minute bucket of the operating window expires. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        start = self.start

        finish = self.finish

        duration = self.duration

        processing = self.processing

        date_start = self.date_start.isoformat()

        date_finish = self.date_finish.isoformat()

        operating = self.operating

        operating_reset_at = self.operating_reset_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "start": start,
                "finish": finish,
                "duration": duration,
                "processing": processing,
                "date_start": date_start,
                "date_finish": date_finish,
            }
        )
        if operating is not UNSET:
            field_dict["operating"] = operating
        if operating_reset_at is not UNSET:
            field_dict["operating_reset_at"] = operating_reset_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        start = d.pop("start")

        finish = d.pop("finish")

        duration = d.pop("duration")

        processing = d.pop("processing")

        date_start = datetime.datetime.fromisoformat(d.pop("date_start"))

        date_finish = datetime.datetime.fromisoformat(d.pop("date_finish"))

        operating = d.pop("operating", UNSET)

        operating_reset_at = d.pop("operating_reset_at", UNSET)

        response_time = cls(
            start=start,
            finish=finish,
            duration=duration,
            processing=processing,
            date_start=date_start,
            date_finish=date_finish,
            operating=operating,
            operating_reset_at=operating_reset_at,
        )

        response_time.additional_properties = d
        return response_time

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
