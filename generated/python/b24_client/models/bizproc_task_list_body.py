# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.list_filter import ListFilter
    from ..models.list_order import ListOrder


T = TypeVar("T", bound="BizprocTaskListBody")


@_attrs_define
class BizprocTaskListBody:
    """Top-level names are case-insensitive on the portal (the official example sends `select`, `order` and `filter`),
    except `start`, which must be lower-case.

    """

    select: list[str] | Unset = UNSET
    """ Fields to return. Unknown names are ignored, and a selection with no known name falls back to the method's
    default. """
    filter_: ListFilter | Unset = UNSET
    """ Conditions that rows must all meet, as `{"<prefix><FIELD>": value}`. The portal applies a key only when its
    prefix is one of none (equals), `!` (not equal), `<`, `<=`, `>` or `>=`, and the rest is one of the method's
    field names written exactly as documented, in upper case. Every other key is accepted and dropped without an
    error: the portal's list helper keeps only those six prefixes and compares the name case-sensitively, so
    `{"=ID": 5}`, `{"!=ID": 5}`, `{"%NAME": "x"}` or `{"id": 5}` filter nothing and the rows come back as if the key
    had not been sent (decision D40). Dates are ISO 8601; an array value matches any of its members (with `!`, none
    of them). """
    order: ListOrder | Unset = UNSET
    """ Sort order as `{"FIELD": "asc" | "desc"}`, applied key by key. Direction names are case-insensitive, and
    anything other than `desc` sorts ascending. Unknown fields are ignored. """
    start: int | Unset = UNSET
    """ Where the page starts. Take it from the previous response's `next` and the pages follow each other; the page
    size is fixed at 50. How the portal reads other values depends on the method's paging kind (`x-bitrix-
    pagination.kind`, decision D41). **Offset** (workflow instances, template list): the exact row offset; `next` is
    `start` plus the rows returned, while rows remain; `total` is always counted, also for `-1`, which reads from
    the first row. **Page** (task list): `start` is rounded down to a multiple of 50 and names a page; `next` is the
    following page's first row; `-1` skips counting, so the first 50 rows come back with `total` 0 and no `next`,
    which together with a `>ID` filter and an `ID` ascending order is the fast way through large sets. The name is
    lower-case `start` on every method. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        select: list[str] | Unset = UNSET
        if not isinstance(self.select, Unset):
            select = self.select

        filter_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.filter_, Unset):
            filter_ = self.filter_.to_dict()

        order: dict[str, Any] | Unset = UNSET
        if not isinstance(self.order, Unset):
            order = self.order.to_dict()

        start = self.start

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if select is not UNSET:
            field_dict["SELECT"] = select
        if filter_ is not UNSET:
            field_dict["FILTER"] = filter_
        if order is not UNSET:
            field_dict["ORDER"] = order
        if start is not UNSET:
            field_dict["start"] = start

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.list_filter import ListFilter  # noqa: PLC0415
        from ..models.list_order import ListOrder  # noqa: PLC0415

        d = dict(src_dict)
        select = cast(list[str], d.pop("SELECT", UNSET))

        _filter_ = d.pop("FILTER", UNSET)
        filter_: ListFilter | Unset
        if isinstance(_filter_, Unset):
            filter_ = UNSET
        else:
            filter_ = ListFilter.from_dict(_filter_)

        _order = d.pop("ORDER", UNSET)
        order: ListOrder | Unset
        if isinstance(_order, Unset):
            order = UNSET
        else:
            order = ListOrder.from_dict(_order)

        start = d.pop("start", UNSET)

        bizproc_task_list_body = cls(
            select=select,
            filter_=filter_,
            order=order,
            start=start,
        )

        bizproc_task_list_body.additional_properties = d
        return bizproc_task_list_body

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
