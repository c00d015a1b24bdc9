# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.distribution_type import DistributionType
from ..types import UNSET, Unset

T = TypeVar("T", bound="FlowUpdateData")


@_attrs_define
class FlowUpdateData:
    """The new state of a flow (tasks 24.450 `FlowDto.php` and `UpdateCommand.php`). `id` names the flow and
    `responsibleList` is required and must not be empty. An omitted field is either kept or reset to its default, as
    each field says: send every setting you want to keep.

    """

    id: int
    """ Flow identifier, as returned in `id` by `tasks.flow.Flow.create`. """
    responsible_list: list[list[str]]
    """ A list of flow members, each an `[entityType, entityId]` pair. """
    name: str | Unset = UNSET
    """ New name. Must not be used by another flow. Omitted → kept. """
    description: str | Unset = UNSET
    """ Free-text description. Omitted → reset to `""`. """
    group_id: int | Unset = UNSET
    """ Workgroup or project the flow belongs to. Omitted → kept. """
    owner_id: int | Unset = UNSET
    """ Flow administrator. Omitted → kept. Send it together with `groupId`: the portal adds the new administrator
    to the group and fails with an unknown error when it has no group id. """
    template_id: int | Unset = UNSET
    """ Task template; `0` means none. Omitted → reset to 0. """
    planned_completion_time: int | Unset = UNSET
    """ Planned time to finish a task, in seconds (one hour at least). Omitted → kept. """
    distribution_type: DistributionType | Unset = UNSET
    """ How tasks reach the team. `manually`: the moderator (the single member of `responsibleList`) hands each task
    out. `queue`: tasks go round-robin over the team, skipping absent members. `himself`: team members take tasks
    themselves. """
    task_creators: list[list[str]] | Unset = UNSET
    """ A list of flow members, each an `[entityType, entityId]` pair. """
    match_work_time: bool | int | Unset = UNSET
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
    match_schedule: bool | int | Unset = UNSET
    """ A yes/no switch: `1` or `true` for yes, `0` or `false` for no. The docs show `0`/`1`; the portal reads the
    value as a PHP boolean, so JSON booleans work as well (form-encoded, only `""` and `"0"` are no: `"false"` and
    `"N"` are yes). Responses report it as a JSON boolean. """
    active: bool | int | Unset = UNSET
    """ A yes/no switch: `1` or `true` for yes, `0` or `false` for no. The docs show `0`/`1`; the portal reads the
    value as a PHP boolean, so JSON booleans work as well (form-encoded, only `""` and `"0"` are no: `"false"` and
    `"N"` are yes). Responses report it as a JSON boolean. """
    demo: bool | int | Unset = UNSET
    """ A yes/no switch: `1` or `true` for yes, `0` or `false` for no. The docs show `0`/`1`; the portal reads the
    value as a PHP boolean, so JSON booleans work as well (form-encoded, only `""` and `"0"` are no: `"false"` and
    `"N"` are yes). Responses report it as a JSON boolean. """
    creator_id: int | Unset = UNSET
    """ The user recorded as the flow's creator. Omitted → kept. """
    efficiency: int | Unset = UNSET
    """ Flow efficiency in percent. Omitted → reset to 100. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        responsible_list = []
        for responsible_list_item_data in self.responsible_list:
            responsible_list_item = []
            for responsible_list_item_item_data in responsible_list_item_data:
                responsible_list_item_item: str
                responsible_list_item_item = responsible_list_item_item_data
                responsible_list_item.append(responsible_list_item_item)

            responsible_list.append(responsible_list_item)

        name = self.name

        description = self.description

        group_id = self.group_id

        owner_id = self.owner_id

        template_id = self.template_id

        planned_completion_time = self.planned_completion_time

        distribution_type: str | Unset = UNSET
        if not isinstance(self.distribution_type, Unset):
            distribution_type = self.distribution_type.value

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

        match_schedule: bool | int | Unset
        if isinstance(self.match_schedule, Unset):
            match_schedule = UNSET
        else:
            match_schedule = self.match_schedule

        active: bool | int | Unset
        if isinstance(self.active, Unset):
            active = UNSET
        else:
            active = self.active

        demo: bool | int | Unset
        if isinstance(self.demo, Unset):
            demo = UNSET
        else:
            demo = self.demo

        creator_id = self.creator_id

        efficiency = self.efficiency

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "responsibleList": responsible_list,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if group_id is not UNSET:
            field_dict["groupId"] = group_id
        if owner_id is not UNSET:
            field_dict["ownerId"] = owner_id
        if template_id is not UNSET:
            field_dict["templateId"] = template_id
        if planned_completion_time is not UNSET:
            field_dict["plannedCompletionTime"] = planned_completion_time
        if distribution_type is not UNSET:
            field_dict["distributionType"] = distribution_type
        if task_creators is not UNSET:
            field_dict["taskCreators"] = task_creators
        if match_work_time is not UNSET:
            field_dict["matchWorkTime"] = match_work_time
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
        if match_schedule is not UNSET:
            field_dict["matchSchedule"] = match_schedule
        if active is not UNSET:
            field_dict["active"] = active
        if demo is not UNSET:
            field_dict["demo"] = demo
        if creator_id is not UNSET:
            field_dict["creatorId"] = creator_id
        if efficiency is not UNSET:
            field_dict["efficiency"] = efficiency

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

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

        name = d.pop("name", UNSET)

        description = d.pop("description", UNSET)

        group_id = d.pop("groupId", UNSET)

        owner_id = d.pop("ownerId", UNSET)

        template_id = d.pop("templateId", UNSET)

        planned_completion_time = d.pop("plannedCompletionTime", UNSET)

        _distribution_type = d.pop("distributionType", UNSET)
        distribution_type: DistributionType | Unset
        if isinstance(_distribution_type, Unset):
            distribution_type = UNSET
        else:
            distribution_type = DistributionType(_distribution_type)

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

        def _parse_match_schedule(data: object) -> bool | int | Unset:
            if isinstance(data, Unset):
                return data
            return cast(bool | int | Unset, data)

        match_schedule = _parse_match_schedule(d.pop("matchSchedule", UNSET))

        def _parse_active(data: object) -> bool | int | Unset:
            if isinstance(data, Unset):
                return data
            return cast(bool | int | Unset, data)

        active = _parse_active(d.pop("active", UNSET))

        def _parse_demo(data: object) -> bool | int | Unset:
            if isinstance(data, Unset):
                return data
            return cast(bool | int | Unset, data)

        demo = _parse_demo(d.pop("demo", UNSET))

        creator_id = d.pop("creatorId", UNSET)

        efficiency = d.pop("efficiency", UNSET)

        flow_update_data = cls(
            id=id,
            responsible_list=responsible_list,
            name=name,
            description=description,
            group_id=group_id,
            owner_id=owner_id,
            template_id=template_id,
            planned_completion_time=planned_completion_time,
            distribution_type=distribution_type,
            task_creators=task_creators,
            match_work_time=match_work_time,
            responsible_can_change_deadline=responsible_can_change_deadline,
            notify_at_half_time=notify_at_half_time,
            task_control=task_control,
            notify_on_queue_overflow=notify_on_queue_overflow,
            notify_on_tasks_in_progress_overflow=notify_on_tasks_in_progress_overflow,
            notify_when_efficiency_decreases=notify_when_efficiency_decreases,
            match_schedule=match_schedule,
            active=active,
            demo=demo,
            creator_id=creator_id,
            efficiency=efficiency,
        )

        flow_update_data.additional_properties = d
        return flow_update_data

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
