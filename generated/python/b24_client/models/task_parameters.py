# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_parameters_comment_required import TaskParametersCommentRequired
from ..models.yes_no import YesNo
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.task_field import TaskField


T = TypeVar("T", bound="TaskParameters")


@_attrs_define
class TaskParameters:
    """How a task is presented and answered. Which members are present depends on the task type: approvals carry
    `StatusYesLabel`/`StatusNoLabel`, reviews and information requests `StatusOkLabel`, optional requests also
    `StatusCancelLabel`, information requests `Fields`.

    """

    comment_label: str | Unset = UNSET
    """ Label of the comment box. """
    comment_required: TaskParametersCommentRequired | Unset = UNSET
    """ When `COMMENT` is mandatory in `bizproc.task.complete`: `N` never, `Y` always, `YA` when approving, `YR`
    when rejecting. """
    show_comment: YesNo | Unset = UNSET
    """ A yes/no value sent as the string `Y` or `N` (documented as boolean). """
    status_ok_label: str | Unset = UNSET
    """ Caption of the acknowledge / submit button (answer 3). """
    status_yes_label: str | Unset = UNSET
    """ Caption of the approve button (answer 1). """
    status_no_label: str | Unset = UNSET
    """ Caption of the reject button (answer 2). """
    status_cancel_label: str | Unset = UNSET
    """ Caption of the decline button of an optional information request (answer 4). Not in the docs. """
    fields: list[TaskField] | Unset = UNSET
    """ The fields an information request asks for. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        comment_label = self.comment_label

        comment_required: str | Unset = UNSET
        if not isinstance(self.comment_required, Unset):
            comment_required = self.comment_required.value

        show_comment: str | Unset = UNSET
        if not isinstance(self.show_comment, Unset):
            show_comment = self.show_comment.value

        status_ok_label = self.status_ok_label

        status_yes_label = self.status_yes_label

        status_no_label = self.status_no_label

        status_cancel_label = self.status_cancel_label

        fields: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = []
            for fields_item_data in self.fields:
                fields_item = fields_item_data.to_dict()
                fields.append(fields_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if comment_label is not UNSET:
            field_dict["CommentLabel"] = comment_label
        if comment_required is not UNSET:
            field_dict["CommentRequired"] = comment_required
        if show_comment is not UNSET:
            field_dict["ShowComment"] = show_comment
        if status_ok_label is not UNSET:
            field_dict["StatusOkLabel"] = status_ok_label
        if status_yes_label is not UNSET:
            field_dict["StatusYesLabel"] = status_yes_label
        if status_no_label is not UNSET:
            field_dict["StatusNoLabel"] = status_no_label
        if status_cancel_label is not UNSET:
            field_dict["StatusCancelLabel"] = status_cancel_label
        if fields is not UNSET:
            field_dict["Fields"] = fields

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.task_field import TaskField  # noqa: PLC0415

        d = dict(src_dict)
        comment_label = d.pop("CommentLabel", UNSET)

        _comment_required = d.pop("CommentRequired", UNSET)
        comment_required: TaskParametersCommentRequired | Unset
        if isinstance(_comment_required, Unset):
            comment_required = UNSET
        else:
            comment_required = TaskParametersCommentRequired(_comment_required)

        _show_comment = d.pop("ShowComment", UNSET)
        show_comment: YesNo | Unset
        if isinstance(_show_comment, Unset):
            show_comment = UNSET
        else:
            show_comment = YesNo(_show_comment)

        status_ok_label = d.pop("StatusOkLabel", UNSET)

        status_yes_label = d.pop("StatusYesLabel", UNSET)

        status_no_label = d.pop("StatusNoLabel", UNSET)

        status_cancel_label = d.pop("StatusCancelLabel", UNSET)

        _fields = d.pop("Fields", UNSET)
        fields: list[TaskField] | Unset = UNSET
        if _fields is not UNSET:
            fields = []
            for fields_item_data in _fields:
                fields_item = TaskField.from_dict(fields_item_data)

                fields.append(fields_item)

        task_parameters = cls(
            comment_label=comment_label,
            comment_required=comment_required,
            show_comment=show_comment,
            status_ok_label=status_ok_label,
            status_yes_label=status_yes_label,
            status_no_label=status_no_label,
            status_cancel_label=status_cancel_label,
            fields=fields,
        )

        task_parameters.additional_properties = d
        return task_parameters

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
