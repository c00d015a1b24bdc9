# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.document_module import DocumentModule
from ..models.yes_no import YesNo
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.activity_filter import ActivityFilter
    from ..models.activity_property_map import ActivityPropertyMap


T = TypeVar("T", bound="ActivityDescriptor")


@_attrs_define
class ActivityDescriptor:
    """The settings of an application robot (`bizproc.robot.*`) or workflow action (`bizproc.activity.*`); both kinds share
    this model and one storage. On registration `HANDLER` and `NAME` are required (the code travels next to them as
    `CODE`); on update every field is optional and only the fields sent change.

    """

    handler: str | Unset = UNSET
    """ URL that the portal calls, through its queue server, each time the robot or action runs. It must use `http`
    or `https` and lie on the domain the application is installed on. """
    auth_user_id: int | Unset = UNSET
    """ Id of the user whose access token is passed to the handler. """
    use_subscription: YesNo | Unset = UNSET
    """ A yes/no value sent as the string `Y` or `N` (documented as boolean). """
    name: Any | Unset = UNSET
    """ A text shown to users: either one string, or an object that maps language codes (`en`, `de`, `ru`, ...) to
    the text in that language. """
    description: Any | Unset = UNSET
    """ A text shown to users: either one string, or an object that maps language codes (`en`, `de`, `ru`, ...) to
    the text in that language. """
    properties: ActivityPropertyMap | Unset = UNSET
    """ Parameters of a robot or action, keyed by their codes. A code starts with a Latin letter and goes on with
    Latin letters, digits and underscores; the application chooses it, and `bizproc.event.send` uses the codes of
    `RETURN_PROPERTIES` as the keys of `RETURN_VALUES`. """
    return_properties: ActivityPropertyMap | Unset = UNSET
    """ Parameters of a robot or action, keyed by their codes. A code starts with a Latin letter and goes on with
    Latin letters, digits and underscores; the application chooses it, and `bizproc.event.send` uses the codes of
    `RETURN_PROPERTIES` as the keys of `RETURN_VALUES`. """
    document_type: list[DocumentModule | str] | Unset = UNSET
    """ A kind of document, as `[module, entity, type]`; templates, robots and activities are bound to one. The
    module fixes the rest: for `crm` the entity is one of the CRM document classes and the type is `LEAD`,
    `CONTACT`, `COMPANY`, `DEAL`, `QUOTE`, `SMART_INVOICE` or `DYNAMIC_<typeId>`; for `lists` the type is
    `iblock_<listId>` (lower-case prefix); for `disk` it is `STORAGE_<storageId>`. `bizproc.workflow.template.list`
    rows send the same triple, with `null` for the parts not selected. """
    filter_: ActivityFilter | Unset = UNSET
    """ Where a robot or action is offered: it shows up where a rule of `INCLUDE` matches and is hidden where a rule
    of `EXCLUDE` matches. A malformed filter is refused with "Wrong activity FILTER!". """
    use_placement: YesNo | Unset = UNSET
    """ A yes/no value sent as the string `Y` or `N` (documented as boolean). """
    placement_handler: str | Unset = UNSET
    """ URL of the application page for the settings slider. Registration needs it when `USE_PLACEMENT` is `Y`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        handler = self.handler

        auth_user_id = self.auth_user_id

        use_subscription: str | Unset = UNSET
        if not isinstance(self.use_subscription, Unset):
            use_subscription = self.use_subscription.value

        name = self.name

        description = self.description

        properties: dict[str, Any] | Unset = UNSET
        if not isinstance(self.properties, Unset):
            properties = self.properties.to_dict()

        return_properties: dict[str, Any] | Unset = UNSET
        if not isinstance(self.return_properties, Unset):
            return_properties = self.return_properties.to_dict()

        document_type: list[str] | Unset = UNSET
        if not isinstance(self.document_type, Unset):
            document_type = []
            for document_type_item_data in self.document_type:
                document_type_item: str
                if isinstance(document_type_item_data, DocumentModule):
                    document_type_item = document_type_item_data.value
                else:
                    document_type_item = document_type_item_data
                document_type.append(document_type_item)

        filter_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.filter_, Unset):
            filter_ = self.filter_.to_dict()

        use_placement: str | Unset = UNSET
        if not isinstance(self.use_placement, Unset):
            use_placement = self.use_placement.value

        placement_handler = self.placement_handler

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if handler is not UNSET:
            field_dict["HANDLER"] = handler
        if auth_user_id is not UNSET:
            field_dict["AUTH_USER_ID"] = auth_user_id
        if use_subscription is not UNSET:
            field_dict["USE_SUBSCRIPTION"] = use_subscription
        if name is not UNSET:
            field_dict["NAME"] = name
        if description is not UNSET:
            field_dict["DESCRIPTION"] = description
        if properties is not UNSET:
            field_dict["PROPERTIES"] = properties
        if return_properties is not UNSET:
            field_dict["RETURN_PROPERTIES"] = return_properties
        if document_type is not UNSET:
            field_dict["DOCUMENT_TYPE"] = document_type
        if filter_ is not UNSET:
            field_dict["FILTER"] = filter_
        if use_placement is not UNSET:
            field_dict["USE_PLACEMENT"] = use_placement
        if placement_handler is not UNSET:
            field_dict["PLACEMENT_HANDLER"] = placement_handler

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.activity_filter import ActivityFilter  # noqa: PLC0415
        from ..models.activity_property_map import ActivityPropertyMap  # noqa: PLC0415

        d = dict(src_dict)
        handler = d.pop("HANDLER", UNSET)

        auth_user_id = d.pop("AUTH_USER_ID", UNSET)

        _use_subscription = d.pop("USE_SUBSCRIPTION", UNSET)
        use_subscription: YesNo | Unset
        if isinstance(_use_subscription, Unset):
            use_subscription = UNSET
        else:
            use_subscription = YesNo(_use_subscription)

        name = d.pop("NAME", UNSET)

        description = d.pop("DESCRIPTION", UNSET)

        _properties = d.pop("PROPERTIES", UNSET)
        properties: ActivityPropertyMap | Unset
        if isinstance(_properties, Unset):
            properties = UNSET
        else:
            properties = ActivityPropertyMap.from_dict(_properties)

        _return_properties = d.pop("RETURN_PROPERTIES", UNSET)
        return_properties: ActivityPropertyMap | Unset
        if isinstance(_return_properties, Unset):
            return_properties = UNSET
        else:
            return_properties = ActivityPropertyMap.from_dict(_return_properties)

        _document_type = d.pop("DOCUMENT_TYPE", UNSET)
        document_type: list[DocumentModule | str] | Unset = UNSET
        if _document_type is not UNSET:
            document_type = []
            for componentsschemas_document_type_item_data in _document_type:

                def _parse_componentsschemas_document_type_item(data: object) -> DocumentModule | str:
                    try:
                        if not isinstance(data, str):
                            raise TypeError()
                        componentsschemas_document_type_item_type_0 = DocumentModule(data)

                        return componentsschemas_document_type_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(DocumentModule | str, data)

                componentsschemas_document_type_item = _parse_componentsschemas_document_type_item(
                    componentsschemas_document_type_item_data
                )

                document_type.append(componentsschemas_document_type_item)

        _filter_ = d.pop("FILTER", UNSET)
        filter_: ActivityFilter | Unset
        if isinstance(_filter_, Unset):
            filter_ = UNSET
        else:
            filter_ = ActivityFilter.from_dict(_filter_)

        _use_placement = d.pop("USE_PLACEMENT", UNSET)
        use_placement: YesNo | Unset
        if isinstance(_use_placement, Unset):
            use_placement = UNSET
        else:
            use_placement = YesNo(_use_placement)

        placement_handler = d.pop("PLACEMENT_HANDLER", UNSET)

        activity_descriptor = cls(
            handler=handler,
            auth_user_id=auth_user_id,
            use_subscription=use_subscription,
            name=name,
            description=description,
            properties=properties,
            return_properties=return_properties,
            document_type=document_type,
            filter_=filter_,
            use_placement=use_placement,
            placement_handler=placement_handler,
        )

        activity_descriptor.additional_properties = d
        return activity_descriptor

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
