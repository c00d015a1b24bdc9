# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bizproc_event_send_body_returnvalues import BizprocEventSendBodyRETURNVALUES


T = TypeVar("T", bound="BizprocEventSendBody")


@_attrs_define
class BizprocEventSendBody:
    event_token: str | Unset = UNSET
    """ Required. The token the portal passed to the handler when the robot or action ran, shaped like `<workflow
    id>|<activity name>|<signed key>`; it is checked before anything else. A token that is not genuine is refused
    with `ACCESS_DENIED`. A genuine token whose workflow is no longer running fails with the engine's
    `WorkflowNotFound` (400; code `ERROR_CORE` on bizproc 22.300, `0` on newer portals), and one whose robot or
    action no longer waits (already answered) is accepted without effect (D44). The wait needs `USE_SUBSCRIPTION`
    other than `N`. Send it as `EVENT_TOKEN` or, as the official example does, `event_token`. """
    return_values: BizprocEventSendBodyRETURNVALUES | Unset = UNSET
    """ Results of the robot or action, keyed by the codes of its `RETURN_PROPERTIES`; each value has the type of
    that property. """
    log_message: str | Unset = ""
    """ Text for the workflow log. It is written only when the template keeps an event log. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_token = self.event_token

        return_values: dict[str, Any] | Unset = UNSET
        if not isinstance(self.return_values, Unset):
            return_values = self.return_values.to_dict()

        log_message = self.log_message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if event_token is not UNSET:
            field_dict["EVENT_TOKEN"] = event_token
        if return_values is not UNSET:
            field_dict["RETURN_VALUES"] = return_values
        if log_message is not UNSET:
            field_dict["LOG_MESSAGE"] = log_message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bizproc_event_send_body_returnvalues import BizprocEventSendBodyRETURNVALUES  # noqa: PLC0415

        d = dict(src_dict)
        event_token = d.pop("EVENT_TOKEN", UNSET)

        _return_values = d.pop("RETURN_VALUES", UNSET)
        return_values: BizprocEventSendBodyRETURNVALUES | Unset
        if isinstance(_return_values, Unset):
            return_values = UNSET
        else:
            return_values = BizprocEventSendBodyRETURNVALUES.from_dict(_return_values)

        log_message = d.pop("LOG_MESSAGE", UNSET)

        bizproc_event_send_body = cls(
            event_token=event_token,
            return_values=return_values,
            log_message=log_message,
        )

        bizproc_event_send_body.additional_properties = d
        return bizproc_event_send_body

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
