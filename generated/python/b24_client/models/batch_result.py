# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BatchResult")


@_attrs_define
class BatchResult:
    """The outcome of a `batch` call, five maps keyed by command id (the keys of `cmd`). A command appears in `result` when
    it succeeded and in `result_error` when it failed; list commands also report `result_total` and, with another page,
    `result_next`. PHP quirks: an empty map arrives as `[]`, and when `cmd` was a list the command ids are 0, 1, 2, ...
    so a map whose keys run 0..n-1 without a gap arrives as a JSON array in command order.

    """

    result: Any
    """ Result of each command that succeeded, exactly as the method returns it alone. """
    result_error: Any
    """ Error body of each command that failed (with `halt` on, at most the first one). Two codes exist only here,
    never as the answer to a whole call: `ERROR_BATCH_LENGTH_EXCEEDED` "Max batch length exceeded", the entry of
    every command past the 50th (each one its own entry, whether it is a string or not), and
    `ERROR_BATCH_METHOD_NOT_ALLOWED` "Method is not allowed for batch usage", for a command that may not run inside
    `batch` (D46). Inside a batch, `insufficient_scope` comes with an empty text (D45). """
    result_total: Any
    """ `total` of each list command. """
    result_next: Any
    """ `next` of each list command that has another page (the `start` to send for it). """
    result_time: Any
    """ Timing of each command that ran. While the portal's operating-time limit is on, each entry carries
    `operating` and `operating_reset_at` of that command's method, as a single call's `time` does (rest 22.400.100
    `appendDebugInfo` runs for every command; D46). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        result = self.result

        result_error = self.result_error

        result_total = self.result_total

        result_next = self.result_next

        result_time = self.result_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "result": result,
                "result_error": result_error,
                "result_total": result_total,
                "result_next": result_next,
                "result_time": result_time,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        result = d.pop("result")

        result_error = d.pop("result_error")

        result_total = d.pop("result_total")

        result_next = d.pop("result_next")

        result_time = d.pop("result_time")

        batch_result = cls(
            result=result,
            result_error=result_error,
            result_total=result_total,
            result_next=result_next,
            result_time=result_time,
        )

        batch_result.additional_properties = d
        return batch_result

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
