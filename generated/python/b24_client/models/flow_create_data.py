# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.distribution_type import DistributionType
from ..types import UNSET, Unset

T = TypeVar("T", bound="FlowCreateData")


@_attrs_define
class FlowCreateData:
    """Fields of a new flow. Omitted optional fields take the defaults shown. Without `groupId` (or with 0 or less) the
    portal first makes a workgroup named exactly like the flow, owned by the caller, whose members are the caller, the
    flow's administrator and the users of `responsibleList` (departments are not expanded); when a workgroup of that
    name exists, the create fails with "Cannot create project because another project with this name already exists.
    ..." before the flow name is checked. A named group must exist, have tasks on and not be archived, and (for callers
    who are not portal administrators) include the caller; a `templateId` must be readable by such a caller. tasks
    24.275 took `manualDistributorId` / `responsibleQueue` instead of `responsibleList`.

    """

    name: str
    """ Flow name. Must not be used by another flow; check with `tasks.flow.Flow.isExists`. """
    planned_completion_time: int
    """ Planned time to finish a task, in seconds (one hour at least). """
    distribution_type: DistributionType
    """ How tasks reach the team. `manually`: the moderator (the single member of `responsibleList`) hands each task
    out. `queue`: tasks go round-robin over the team, skipping absent members. `himself`: team members take tasks
    themselves. """
    responsible_list: list[list[str]]
    """ A list of flow members, each an `[entityType, entityId]` pair. """
    description: str | Unset = ""
    """ Free-text description. """
    group_id: int | Unset = UNSET
    """ Workgroup or project to attach the flow to. When omitted, or 0 or less, a new group named like the flow is
    created. """
    owner_id: int | Unset = UNSET
    """ Flow administrator. When omitted, or 0 or less, the caller becomes the administrator. """
    template_id: int | Unset = 0
    """ Task template for tasks added to the flow; `0` means none. """
    task_creators: list[list[str]] | Unset = UNSET
    """ A list of flow members, each an `[entityType, entityId]` pair. """
    match_work_time: bool | int | Unset = UNSET
    """ A yes/no switch: `1` or `true` for yes, `0` or `false` for no. The docs show `0`/`1`; the portal reads the
    value as a PHP boolean, so JSON booleans work as well (form-encoded, only `""` and `"0"` are no: `"false"` and
    `"N"` are yes). Responses report it as a JSON boolean. """
    match_schedule: bool | int | Unset = UNSET
    """ A yes/no switch: `1` or `true` for yes, `0` or `false` for no. The docs show `0`/`1`; the portal reads the
    value as a PHP boolean, so JSON booleans work as well (form-encoded, only `""` and `"0"` are no: `"false"` and
    `"N"` are yes). Responses report it as a JSON boolean. """
    responsible_can_change_deadline: bool | int | Unset = UNSET
    """ A yes/no switch: `1` or `true` for yes, `0` or `false` for no. The docs show `0`/`1`; the portal reads the
    value as a PHP boolean, so JSON booleans work as well (form-encoded, only `""` and `"0"` are no: `"false"` and
    `"N"` are yes). Responses report it as a JSON boolean. """
    notify_at_half_time: bool | int | Unset = UNSET
    """ A yes/no switch: `1` or `true` for yes, `0` or `false` for no. The docs show `0`/`1`; the portal reads the
    value as a PHP boolean, so JSON booleans work as well (form-encoded, only `""` and `"0"` are no: `"false"` and
    `"N"` are yes). Responses report it as a JSON boolean. """
    task_control: bool | int | Unset = UNSET
    """ A yes/no switch: `1` or `true` for yes, `0` or `false` for no. The docs show `0`/`1`; the portal reads the
    value as a PHP boolean, so JSON booleans work as well (form-encoded, only `""` and `"0"` are no: `"false"` and
    `"N"` are yes). Responses report it as a JSON boolean. """
    notify_on_queue_overflow: int | None | Unset = UNSET
    """ A notification threshold, 0 at least (the queue and in-progress thresholds at most 99999, the efficiency
    threshold at most 100); `null` or 0 turns the notification off. """
    notify_on_tasks_in_progress_overflow: int | None | Unset = UNSET
    """ A notification threshold, 0 at least (the queue and in-progress thresholds at most 99999, the efficiency
    threshold at most 100); `null` or 0 turns the notification off. """
    notify_when_efficiency_decreases: int | None | Unset = UNSET
    """ A notification threshold, 0 at least (the queue and in-progress thresholds at most 99999, the efficiency
    threshold at most 100); `null` or 0 turns the notification off. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        planned_completion_time = self.planned_completion_time

        distribution_type = self.distribution_type.value

        responsible_list = []
        for responsible_list_item_data in self.responsible_list:
            responsible_list_item = []
            for responsible_list_item_item_data in responsible_list_item_data:
                responsible_list_item_item: str
                responsible_list_item_item = responsible_list_item_item_data
                responsible_list_item.append(responsible_list_item_item)

            responsible_list.append(responsible_list_item)

        description = self.description

        group_id = self.group_id

        owner_id = self.owner_id

        template_id = self.template_id

        task_creators: list[list[str]] | Unset = UNSET
        if not isinstance(self.task_creators, Unset):
            task_creators = []
            for task_creators_item_data in self.task_creators:
                task_creators_item = []
                for task_creators_item_item_data in task_creators_item_data:
                    task_creators_item_item: str
                    task_creators_item_item = task_creators_item_item_data
                    task_creators_item.append(task_creators_item_item)

                task_creators.append(task_creators_item)

        match_work_time: bool | int | Unset
        if isinstance(self.match_work_time, Unset):
            match_work_time = UNSET
        else:
            match_work_time = self.match_work_time

        match_schedule: bool | int | Unset
        if isinstance(self.match_schedule, Unset):
            match_schedule = UNSET
        else:
            match_schedule = self.match_schedule

        responsible_can_change_deadline: bool | int | Unset
        if isinstance(self.responsible_can_change_deadline, Unset):
            responsible_can_change_deadline = UNSET
        else:
            responsible_can_change_deadline = self.responsible_can_change_deadline

        notify_at_half_time: bool | int | Unset
        if isinstance(self.notify_at_half_time, Unset):
            notify_at_half_time = UNSET
        else:
            notify_at_half_time = self.notify_at_half_time

        task_control: bool | int | Unset
        if isinstance(self.task_control, Unset):
            task_control = UNSET
        else:
            task_control = self.task_control

        notify_on_queue_overflow: int | None | Unset
        if isinstance(self.notify_on_queue_overflow, Unset):
            notify_on_queue_overflow = UNSET
        else:
            notify_on_queue_overflow = self.notify_on_queue_overflow

        notify_on_tasks_in_progress_overflow: int | None | Unset
        if isinstance(self.notify_on_tasks_in_progress_overflow, Unset):
            notify_on_tasks_in_progress_overflow = UNSET
        else:
            notify_on_tasks_in_progress_overflow = self.notify_on_tasks_in_progress_overflow

        notify_when_efficiency_decreases: int | None | Unset
        if isinstance(self.notify_when_efficiency_decreases, Unset):
            notify_when_efficiency_decreases = UNSET
        else:
            notify_when_efficiency_decreases = self.notify_when_efficiency_decreases

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "plannedCompletionTime": planned_completion_time,
                "distributionType": distribution_type,
                "responsibleList": responsible_list,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if group_id is not UNSET:
            field_dict["groupId"] = group_id
        if owner_id is not UNSET:
            field_dict["ownerId"] = owner_id
        if template_id is not UNSET:
            field_dict["templateId"] = template_id
        if task_creators is not UNSET:
            field_dict["taskCreators"] = task_creators
        if match_work_time is not UNSET:
            field_dict["matchWorkTime"] = match_work_time
        if match_schedule is not UNSET:
            field_dict["matchSchedule"] = match_schedule
        if responsible_can_change_deadline is not UNSET:
            field_dict["responsibleCanChangeDeadline"] = responsible_can_change_deadline
        if notify_at_half_time is not UNSET:
            field_dict["notifyAtHalfTime"] = notify_at_half_time
        if task_control is not UNSET:
            field_dict["taskControl"] = task_control
        if notify_on_queue_overflow is not UNSET:
            field_dict["notifyOnQueueOverflow"] = notify_on_queue_overflow
        if notify_on_tasks_in_progress_overflow is not UNSET:
            field_dict["notifyOnTasksInProgressOverflow"] = notify_on_tasks_in_progress_overflow
        if notify_when_efficiency_decreases is not UNSET:
            field_dict["notifyWhenEfficiencyDecreases"] = notify_when_efficiency_decreases

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        planned_completion_time = d.pop("plannedCompletionTime")

        distribution_type = DistributionType(d.pop("distributionType"))

        responsible_list = []
        _responsible_list = d.pop("responsibleList")
        for componentsschemas_member_list_item_data in _responsible_list:
            componentsschemas_member_list_item = []
            _componentsschemas_member_list_item = componentsschemas_member_list_item_data
            for componentsschemas_member_pair_item_data in _componentsschemas_member_list_item:

                def _parse_componentsschemas_member_pair_item(data: object) -> str:
                    return cast(str, data)

                componentsschemas_member_pair_item = _parse_componentsschemas_member_pair_item(
                    componentsschemas_member_pair_item_data
                )

                componentsschemas_member_list_item.append(componentsschemas_member_pair_item)

            responsible_list.append(componentsschemas_member_list_item)

        description = d.pop("description", UNSET)

        group_id = d.pop("groupId", UNSET)

        owner_id = d.pop("ownerId", UNSET)

        template_id = d.pop("templateId", UNSET)

        _task_creators = d.pop("taskCreators", UNSET)
        task_creators: list[list[str]] | Unset = UNSET
        if _task_creators is not UNSET:
            task_creators = []
            for componentsschemas_member_list_item_data in _task_creators:
                componentsschemas_member_list_item = []
                _componentsschemas_member_list_item = componentsschemas_member_list_item_data
                for componentsschemas_member_pair_item_data in _componentsschemas_member_list_item:

                    def _parse_componentsschemas_member_pair_item(data: object) -> str:
                        return cast(str, data)

                    componentsschemas_member_pair_item = _parse_componentsschemas_member_pair_item(
                        componentsschemas_member_pair_item_data
                    )

                    componentsschemas_member_list_item.append(componentsschemas_member_pair_item)

                task_creators.append(componentsschemas_member_list_item)

        def _parse_match_work_time(data: object) -> bool | int | Unset:
            if isinstance(data, Unset):
                return data
            return cast(bool | int | Unset, data)

        match_work_time = _parse_match_work_time(d.pop("matchWorkTime", UNSET))

        def _parse_match_schedule(data: object) -> bool | int | Unset:
            if isinstance(data, Unset):
                return data
            return cast(bool | int | Unset, data)

        match_schedule = _parse_match_schedule(d.pop("matchSchedule", UNSET))

        def _parse_responsible_can_change_deadline(data: object) -> bool | int | Unset:
            if isinstance(data, Unset):
                return data
            return cast(bool | int | Unset, data)

        responsible_can_change_deadline = _parse_responsible_can_change_deadline(
            d.pop("responsibleCanChangeDeadline", UNSET)
        )

        def _parse_notify_at_half_time(data: object) -> bool | int | Unset:
            if isinstance(data, Unset):
                return data
            return cast(bool | int | Unset, data)

        notify_at_half_time = _parse_notify_at_half_time(d.pop("notifyAtHalfTime", UNSET))

        def _parse_task_control(data: object) -> bool | int | Unset:
            if isinstance(data, Unset):
                return data
            return cast(bool | int | Unset, data)

        task_control = _parse_task_control(d.pop("taskControl", UNSET))

        def _parse_notify_on_queue_overflow(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        notify_on_queue_overflow = _parse_notify_on_queue_overflow(d.pop("notifyOnQueueOverflow", UNSET))

        def _parse_notify_on_tasks_in_progress_overflow(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        notify_on_tasks_in_progress_overflow = _parse_notify_on_tasks_in_progress_overflow(
            d.pop("notifyOnTasksInProgressOverflow", UNSET)
        )

        def _parse_notify_when_efficiency_decreases(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        notify_when_efficiency_decreases = _parse_notify_when_efficiency_decreases(
            d.pop("notifyWhenEfficiencyDecreases", UNSET)
        )

        flow_create_data = cls(
            name=name,
            planned_completion_time=planned_completion_time,
            distribution_type=distribution_type,
            responsible_list=responsible_list,
            description=description,
            group_id=group_id,
            owner_id=owner_id,
            template_id=template_id,
            task_creators=task_creators,
            match_work_time=match_work_time,
            match_schedule=match_schedule,
            responsible_can_change_deadline=responsible_can_change_deadline,
            notify_at_half_time=notify_at_half_time,
            task_control=task_control,
            notify_on_queue_overflow=notify_on_queue_overflow,
            notify_on_tasks_in_progress_overflow=notify_on_tasks_in_progress_overflow,
            notify_when_efficiency_decreases=notify_when_efficiency_decreases,
        )

        flow_create_data.additional_properties = d
        return flow_create_data

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
