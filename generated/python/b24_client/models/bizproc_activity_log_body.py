# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BizprocActivityLogBody")


@_attrs_define
class BizprocActivityLogBody:
    event_token: str | Unset = UNSET
    """ Required. The token the portal passed to the handler when the robot or action ran, shaped like `<workflow
    id>|<activity name>|<signed key>`; it is checked before anything else. A token that is not genuine is refused
    with `ACCESS_DENIED`. A genuine token whose workflow is no longer running fails with the engine's
    `WorkflowNotFound` (400; code `ERROR_CORE` on bizproc 22.300, `0` on newer portals), and one whose robot or
    action no longer waits (already answered) is accepted without effect (D44). The wait needs `USE_SUBSCRIPTION`
    other than `N`. Send it as `EVENT_TOKEN` or, as the official example does, `event_token`. """
    log_message: str | Unset = UNSET
    """ Required. The text to log; an empty text is refused with "Empty log message!". Send it as `LOG_MESSAGE` or,
    as the official example does, `log_message`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_token = self.event_token

        log_message = self.log_message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if event_token is not UNSET:
            field_dict["EVENT_TOKEN"] = event_token
        if log_message is not UNSET:
            field_dict["LOG_MESSAGE"] = log_message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        event_token = d.pop("EVENT_TOKEN", UNSET)

        log_message = d.pop("LOG_MESSAGE", UNSET)

        bizproc_activity_log_body = cls(
            event_token=event_token,
            log_message=log_message,
        )

        bizproc_activity_log_body.additional_properties = d
        return bizproc_activity_log_body

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
