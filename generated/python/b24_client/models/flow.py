# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.distribution_type import DistributionType
from ..types import UNSET, Unset

T = TypeVar("T", bound="Flow")


@_attrs_define
class Flow:
    """A task flow as the portal returns it from create, update and get. Switches that are sent as `0`/`1` integers come
    back as JSON booleans. create and update answer with empty `taskCreators` and `team` lists; only get fills them
    (tasks 24.450 `Flow/Control/Command/CommandHandler.php` loads the flow without its members). tasks 24.275 answered
    in another shape, also accepted here: no `responsibleList`, `team` or `matchSchedule`, but `responsibleQueue`,
    `manualDistributorId` and `taskAssignees`, with `taskCreators` as access codes.

    """

    id: int
    """ Flow identifier, as returned in `id` by `tasks.flow.Flow.create`. """
    creator_id: int
    """ The user who created the flow. """
    owner_id: int
    """ The flow administrator. """
    group_id: int
    """ The workgroup or project the flow belongs to. """
    template_id: int
    """ Task template offered when tasks are added to the flow; `0` means none. """
    efficiency: int
    """ Flow efficiency in percent, computed by the portal. """
    active: bool
    """ Whether the flow is switched on. `tasks.flow.Flow.activate` flips it; update may set it. """
    planned_completion_time: int
    """ Planned time to finish a task, in seconds. """
    activity: datetime.datetime
    """ Time of the latest activity in the flow (ISO 8601 with offset). Always sent: create sets it, update leaves
    it as it is. """
    name: str
    """ Flow name, unique on the portal. """
    description: str
    """ Free-text description. """
    distribution_type: DistributionType
    """ How tasks reach the team. `manually`: the moderator (the single member of `responsibleList`) hands each task
    out. `queue`: tasks go round-robin over the team, skipping absent members. `himself`: team members take tasks
    themselves. """
    demo: bool
    """ System flag marking a demo flow. """
    responsible_can_change_deadline: bool
    """ Whether the assignee may move a task deadline. """
    match_work_time: bool
    """ Whether deadlines skip weekends and holidays. """
    task_control: bool
    """ Whether finished tasks go back to their creator for review. """
    notify_at_half_time: bool
    """ Whether the assignee is reminded when half of the deadline has passed. """
    notify_on_queue_overflow: int | None
    """ A notification threshold, 0 at least (the queue and in-progress thresholds at most 99999, the efficiency
    threshold at most 100); `null` or 0 turns the notification off. """
    notify_on_tasks_in_progress_overflow: int | None
    """ A notification threshold, 0 at least (the queue and in-progress thresholds at most 99999, the efficiency
    threshold at most 100); `null` or 0 turns the notification off. """
    notify_when_efficiency_decreases: int | None
    """ A notification threshold, 0 at least (the queue and in-progress thresholds at most 99999, the efficiency
    threshold at most 100); `null` or 0 turns the notification off. """
    task_creators: list[Any]
    """ Who may add tasks to the flow; `[["meta-user", "all-users"]]` means everybody, `[]` nobody. Empty in the
    answers of create and update; get fills it. tasks 24.275 sent access codes (`["UA"]`). """
    trial_feature_enabled: bool
    """ True when this call switched on the portal's flow trial. """
    responsible_list: list[list[str]] | Unset = UNSET
    """ A list of flow members, each an `[entityType, entityId]` pair. """
    match_schedule: bool | Unset = UNSET
    """ Whether deadlines follow the assignee's work schedule. tasks 24.450 always sends it; the docs' examples and
    tasks 24.275 do not have it, so it is not listed as required. """
    team: list[list[str]] | Unset = UNSET
    """ A list of flow members, each an `[entityType, entityId]` pair. """
    responsible_queue: list[int | str] | None | Unset = UNSET
    """ tasks 24.275 only (newer versions send `responsibleList`): the user ids of a queue flow, `null` for a manual
    one. """
    manual_distributor_id: int | None | Unset = UNSET
    """ tasks 24.275 only (newer versions send `responsibleList`): a manual flow's moderator. """
    task_assignees: list[int | str] | Unset = UNSET
    """ tasks 24.275 only (newer versions send `team`): the user ids tasks are assigned to. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        creator_id = self.creator_id

        owner_id = self.owner_id

        group_id = self.group_id

        template_id = self.template_id

        efficiency = self.efficiency

        active = self.active

        planned_completion_time = self.planned_completion_time

        activity = self.activity.isoformat()

        name = self.name

        description = self.description

        distribution_type = self.distribution_type.value

        demo = self.demo

        responsible_can_change_deadline = self.responsible_can_change_deadline

        match_work_time = self.match_work_time

        task_control = self.task_control

        notify_at_half_time = self.notify_at_half_time

        notify_on_queue_overflow: int | None
        notify_on_queue_overflow = self.notify_on_queue_overflow

        notify_on_tasks_in_progress_overflow: int | None
        notify_on_tasks_in_progress_overflow = self.notify_on_tasks_in_progress_overflow

        notify_when_efficiency_decreases: int | None
        notify_when_efficiency_decreases = self.notify_when_efficiency_decreases

        task_creators = self.task_creators

        trial_feature_enabled = self.trial_feature_enabled

        responsible_list: list[list[str]] | Unset = UNSET
        if not isinstance(self.responsible_list, Unset):
            responsible_list = []
            for responsible_list_item_data in self.responsible_list:
                responsible_list_item = []
                for responsible_list_item_item_data in responsible_list_item_data:
                    responsible_list_item_item: str
                    responsible_list_item_item = responsible_list_item_item_data
                    responsible_list_item.append(responsible_list_item_item)

                responsible_list.append(responsible_list_item)

        match_schedule = self.match_schedule

        team: list[list[str]] | Unset = UNSET
        if not isinstance(self.team, Unset):
            team = []
            for team_item_data in self.team:
                team_item = []
                for team_item_item_data in team_item_data:
                    team_item_item: str
                    team_item_item = team_item_item_data
                    team_item.append(team_item_item)

                team.append(team_item)

        responsible_queue: list[int | str] | None | Unset
        if isinstance(self.responsible_queue, Unset):
            responsible_queue = UNSET
        elif isinstance(self.responsible_queue, list):
            responsible_queue = []
            for responsible_queue_item_data in self.responsible_queue:
                responsible_queue_item: int | str
                responsible_queue_item = responsible_queue_item_data
                responsible_queue.append(responsible_queue_item)

        else:
            responsible_queue = self.responsible_queue

        manual_distributor_id: int | None | Unset
        if isinstance(self.manual_distributor_id, Unset):
            manual_distributor_id = UNSET
        else:
            manual_distributor_id = self.manual_distributor_id

        task_assignees: list[int | str] | Unset = UNSET
        if not isinstance(self.task_assignees, Unset):
            task_assignees = []
            for task_assignees_item_data in self.task_assignees:
                task_assignees_item: int | str
                task_assignees_item = task_assignees_item_data
                task_assignees.append(task_assignees_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "creatorId": creator_id,
                "ownerId": owner_id,
                "groupId": group_id,
                "templateId": template_id,
                "efficiency": efficiency,
                "active": active,
                "plannedCompletionTime": planned_completion_time,
                "activity": activity,
                "name": name,
                "description": description,
                "distributionType": distribution_type,
                "demo": demo,
                "responsibleCanChangeDeadline": responsible_can_change_deadline,
                "matchWorkTime": match_work_time,
                "taskControl": task_control,
                "notifyAtHalfTime": notify_at_half_time,
                "notifyOnQueueOverflow": notify_on_queue_overflow,
                "notifyOnTasksInProgressOverflow": notify_on_tasks_in_progress_overflow,
                "notifyWhenEfficiencyDecreases": notify_when_efficiency_decreases,
                "taskCreators": task_creators,
                "trialFeatureEnabled": trial_feature_enabled,
            }
        )
        if responsible_list is not UNSET:
            field_dict["responsibleList"] = responsible_list
        if match_schedule is not UNSET:
            field_dict["matchSchedule"] = match_schedule
        if team is not UNSET:
            field_dict["team"] = team
        if responsible_queue is not UNSET:
            field_dict["responsibleQueue"] = responsible_queue
        if manual_distributor_id is not UNSET:
            field_dict["manualDistributorId"] = manual_distributor_id
        if task_assignees is not UNSET:
            field_dict["taskAssignees"] = task_assignees

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        creator_id = d.pop("creatorId")

        owner_id = d.pop("ownerId")

        group_id = d.pop("groupId")

        template_id = d.pop("templateId")

        efficiency = d.pop("efficiency")

        active = d.pop("active")

        planned_completion_time = d.pop("plannedCompletionTime")

        activity = datetime.datetime.fromisoformat(d.pop("activity"))

        name = d.pop("name")

        description = d.pop("description")

        distribution_type = DistributionType(d.pop("distributionType"))

        demo = d.pop("demo")

        responsible_can_change_deadline = d.pop("responsibleCanChangeDeadline")

        match_work_time = d.pop("matchWorkTime")

        task_control = d.pop("taskControl")

        notify_at_half_time = d.pop("notifyAtHalfTime")

        def _parse_notify_on_queue_overflow(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        notify_on_queue_overflow = _parse_notify_on_queue_overflow(d.pop("notifyOnQueueOverflow"))

        def _parse_notify_on_tasks_in_progress_overflow(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        notify_on_tasks_in_progress_overflow = _parse_notify_on_tasks_in_progress_overflow(
            d.pop("notifyOnTasksInProgressOverflow")
        )

        def _parse_notify_when_efficiency_decreases(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        notify_when_efficiency_decreases = _parse_notify_when_efficiency_decreases(
            d.pop("notifyWhenEfficiencyDecreases")
        )

        task_creators = cast(list[Any], d.pop("taskCreators"))

        trial_feature_enabled = d.pop("trialFeatureEnabled")

        _responsible_list = d.pop("responsibleList", UNSET)
        responsible_list: list[list[str]] | Unset = UNSET
        if _responsible_list is not UNSET:
            responsible_list = []
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

        match_schedule = d.pop("matchSchedule", UNSET)

        _team = d.pop("team", UNSET)
        team: list[list[str]] | Unset = UNSET
        if _team is not UNSET:
            team = []
            for componentsschemas_member_list_item_data in _team:
                componentsschemas_member_list_item = []
                _componentsschemas_member_list_item = componentsschemas_member_list_item_data
                for componentsschemas_member_pair_item_data in _componentsschemas_member_list_item:

                    def _parse_componentsschemas_member_pair_item(data: object) -> str:
                        return cast(str, data)

                    componentsschemas_member_pair_item = _parse_componentsschemas_member_pair_item(
                        componentsschemas_member_pair_item_data
                    )

                    componentsschemas_member_list_item.append(componentsschemas_member_pair_item)

                team.append(componentsschemas_member_list_item)

        def _parse_responsible_queue(data: object) -> list[int | str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                responsible_queue_type_0 = []
                _responsible_queue_type_0 = data
                for responsible_queue_type_0_item_data in _responsible_queue_type_0:

                    def _parse_responsible_queue_type_0_item(data: object) -> int | str:
                        return cast(int | str, data)

                    responsible_queue_type_0_item = _parse_responsible_queue_type_0_item(
                        responsible_queue_type_0_item_data
                    )

                    responsible_queue_type_0.append(responsible_queue_type_0_item)

                return responsible_queue_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int | str] | None | Unset, data)

        responsible_queue = _parse_responsible_queue(d.pop("responsibleQueue", UNSET))

        def _parse_manual_distributor_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        manual_distributor_id = _parse_manual_distributor_id(d.pop("manualDistributorId", UNSET))

        _task_assignees = d.pop("taskAssignees", UNSET)
        task_assignees: list[int | str] | Unset = UNSET
        if _task_assignees is not UNSET:
            task_assignees = []
            for task_assignees_item_data in _task_assignees:

                def _parse_task_assignees_item(data: object) -> int | str:
                    return cast(int | str, data)

                task_assignees_item = _parse_task_assignees_item(task_assignees_item_data)

                task_assignees.append(task_assignees_item)

        flow = cls(
            id=id,
            creator_id=creator_id,
            owner_id=owner_id,
            group_id=group_id,
            template_id=template_id,
            efficiency=efficiency,
            active=active,
            planned_completion_time=planned_completion_time,
            activity=activity,
            name=name,
            description=description,
            distribution_type=distribution_type,
            demo=demo,
            responsible_can_change_deadline=responsible_can_change_deadline,
            match_work_time=match_work_time,
            task_control=task_control,
            notify_at_half_time=notify_at_half_time,
            notify_on_queue_overflow=notify_on_queue_overflow,
            notify_on_tasks_in_progress_overflow=notify_on_tasks_in_progress_overflow,
            notify_when_efficiency_decreases=notify_when_efficiency_decreases,
            task_creators=task_creators,
            trial_feature_enabled=trial_feature_enabled,
            responsible_list=responsible_list,
            match_schedule=match_schedule,
            team=team,
            responsible_queue=responsible_queue,
            manual_distributor_id=manual_distributor_id,
            task_assignees=task_assignees,
        )

        flow.additional_properties = d
        return flow

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
