# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ErrorResponse")


@_attrs_define
class ErrorResponse:
    """Body of every error. `error` is a machine code and `error_description` a human text that may be localized. The code
    is open: flow methods send the JSON integer `0` (the docs print the string `"0"`), parameter-binding failures the
    integer `100`, some bizproc errors an empty string, and portals add new codes over time, so clients must accept a
    string or an integer and must not treat the code as a closed enum. Some errors carry extra keys (for example
    `argument`), so the object stays open.

    """

    error: int | str
    """ Error code: a string such as `QUERY_LIMIT_EXCEEDED` or `""` (some bizproc errors), or an engine error number
    sent as a JSON integer (`0` for every flow error; the docs print it as `"0"`). Compare it as text (`str(error)`)
    to match the catalogue in `x-bitrix-errors`. """
    error_description: str
    """ Human-readable text. Localized for some methods; do not match on it where a code exists. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error: int | str
        error = self.error

        error_description = self.error_description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
                "error_description": error_description,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_error(data: object) -> int | str:
            return cast(int | str, data)

        error = _parse_error(d.pop("error"))

        error_description = d.pop("error_description")

        error_response = cls(
            error=error,
            error_description=error_description,
        )

        error_response.additional_properties = d
        return error_response

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
