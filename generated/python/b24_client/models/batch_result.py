# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.batch_result_result_error_type_0 import BatchResultResultErrorType0
    from ..models.batch_result_result_next_type_0 import BatchResultResultNextType0
    from ..models.batch_result_result_time_type_0 import BatchResultResultTimeType0
    from ..models.batch_result_result_total_type_0 import BatchResultResultTotalType0
    from ..models.batch_result_result_type_0 import BatchResultResultType0
    from ..models.error_response import ErrorResponse
    from ..models.response_time import ResponseTime


T = TypeVar("T", bound="BatchResult")


@_attrs_define
class BatchResult:
    """The outcome of a `batch` call, five maps keyed by command id (the keys of `cmd`). A command appears in `result` when
    it succeeded and in `result_error` when it failed; list commands also report `result_total` and, with another page,
    `result_next`. PHP quirks: an empty map arrives as `[]`, and when `cmd` was a list the command ids are 0, 1, 2, ...
    so a map whose keys run 0..n-1 without a gap arrives as a JSON array in command order.

    """

    result: BatchResultResultType0 | list[Any]
    """ Result of each command that succeeded, exactly as the method returns it alone. """
    result_error: BatchResultResultErrorType0 | list[Any] | list[ErrorResponse]
    """ Error body of each command that failed (with `halt` on, at most the first one). Two codes exist only here,
    never as the answer to a whole call: `ERROR_BATCH_LENGTH_EXCEEDED` "Max batch length exceeded", the entry of
    every command past the 50th (each one its own entry, whether it is a string or not), and
    `ERROR_BATCH_METHOD_NOT_ALLOWED` "Method is not allowed for batch usage", for a command that may not run inside
    `batch` (D46). Inside a batch, `insufficient_scope` comes with an empty text (D45). """
    result_total: BatchResultResultTotalType0 | list[Any] | list[int]
    """ `total` of each list command. """
    result_next: BatchResultResultNextType0 | list[Any] | list[int]
    """ `next` of each list command that has another page (the `start` to send for it). """
    result_time: BatchResultResultTimeType0 | list[Any] | list[ResponseTime]
    """ Timing of each command that ran. While the portal's operating-time limit is on, each entry carries
    `operating` and `operating_reset_at` of that command's method, as a single call's `time` does (rest 22.400.100
    `appendDebugInfo` runs for every command; D46). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.batch_result_result_error_type_0 import BatchResultResultErrorType0  # noqa: PLC0415
        from ..models.batch_result_result_next_type_0 import BatchResultResultNextType0  # noqa: PLC0415
        from ..models.batch_result_result_time_type_0 import BatchResultResultTimeType0  # noqa: PLC0415
        from ..models.batch_result_result_total_type_0 import BatchResultResultTotalType0  # noqa: PLC0415
        from ..models.batch_result_result_type_0 import BatchResultResultType0  # noqa: PLC0415

        result: dict[str, Any] | list[Any]
        if isinstance(self.result, BatchResultResultType0):
            result = self.result.to_dict()
        else:
            result = self.result

        result_error: dict[str, Any] | list[Any] | list[dict[str, Any]]
        if isinstance(self.result_error, BatchResultResultErrorType0):
            result_error = self.result_error.to_dict()
        elif isinstance(self.result_error, list):
            result_error = self.result_error

        else:
            result_error = []
            for result_error_item_data in self.result_error:
                result_error_item = result_error_item_data.to_dict()
                result_error.append(result_error_item)

        result_total: dict[str, Any] | list[Any] | list[int]
        if isinstance(self.result_total, BatchResultResultTotalType0):
            result_total = self.result_total.to_dict()
        elif isinstance(self.result_total, list):
            result_total = self.result_total

        else:
            result_total = self.result_total

        result_next: dict[str, Any] | list[Any] | list[int]
        if isinstance(self.result_next, BatchResultResultNextType0):
            result_next = self.result_next.to_dict()
        elif isinstance(self.result_next, list):
            result_next = self.result_next

        else:
            result_next = self.result_next

        result_time: dict[str, Any] | list[Any] | list[dict[str, Any]]
        if isinstance(self.result_time, BatchResultResultTimeType0):
            result_time = self.result_time.to_dict()
        elif isinstance(self.result_time, list):
            result_time = self.result_time

        else:
            result_time = []
            for result_time_item_data in self.result_time:
                result_time_item = result_time_item_data.to_dict()
                result_time.append(result_time_item)

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
        from ..models.batch_result_result_error_type_0 import BatchResultResultErrorType0  # noqa: PLC0415
        from ..models.batch_result_result_next_type_0 import BatchResultResultNextType0  # noqa: PLC0415
        from ..models.batch_result_result_time_type_0 import BatchResultResultTimeType0  # noqa: PLC0415
        from ..models.batch_result_result_total_type_0 import BatchResultResultTotalType0  # noqa: PLC0415
        from ..models.batch_result_result_type_0 import BatchResultResultType0  # noqa: PLC0415
        from ..models.error_response import ErrorResponse  # noqa: PLC0415
        from ..models.response_time import ResponseTime  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_result(data: object) -> BatchResultResultType0 | list[Any]:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_type_0 = BatchResultResultType0.from_dict(data)

                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            result_type_1 = data

            return result_type_1

        result = _parse_result(d.pop("result"))

        def _parse_result_error(data: object) -> BatchResultResultErrorType0 | list[Any] | list[ErrorResponse]:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_error_type_0 = BatchResultResultErrorType0.from_dict(data)

                return result_error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                result_error_type_1 = data

                return result_error_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            result_error_type_2 = []
            _result_error_type_2 = data
            for result_error_type_2_item_data in _result_error_type_2:
                result_error_type_2_item = ErrorResponse.from_dict(result_error_type_2_item_data)

                result_error_type_2.append(result_error_type_2_item)

            return result_error_type_2

        result_error = _parse_result_error(d.pop("result_error"))

        def _parse_result_total(data: object) -> BatchResultResultTotalType0 | list[Any] | list[int]:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_total_type_0 = BatchResultResultTotalType0.from_dict(data)

                return result_total_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                result_total_type_1 = data

                return result_total_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            result_total_type_2 = data

            return result_total_type_2

        result_total = _parse_result_total(d.pop("result_total"))

        def _parse_result_next(data: object) -> BatchResultResultNextType0 | list[Any] | list[int]:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_next_type_0 = BatchResultResultNextType0.from_dict(data)

                return result_next_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                result_next_type_1 = data

                return result_next_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            result_next_type_2 = data

            return result_next_type_2

        result_next = _parse_result_next(d.pop("result_next"))

        def _parse_result_time(data: object) -> BatchResultResultTimeType0 | list[Any] | list[ResponseTime]:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_time_type_0 = BatchResultResultTimeType0.from_dict(data)

                return result_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                result_time_type_1 = data

                return result_time_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            result_time_type_2 = []
            _result_time_type_2 = data
            for result_time_type_2_item_data in _result_time_type_2:
                result_time_type_2_item = ResponseTime.from_dict(result_time_type_2_item_data)

                result_time_type_2.append(result_time_type_2_item)

            return result_time_type_2

        result_time = _parse_result_time(d.pop("result_time"))

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
