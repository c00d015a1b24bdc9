# generated from spec/ by `nox -s generate`; do not edit
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.document_module import DocumentModule
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bizproc_workflow_start_body_parameters import BizprocWorkflowStartBodyPARAMETERS


T = TypeVar("T", bound="BizprocWorkflowStartBody")


@_attrs_define
class BizprocWorkflowStartBody:
    template_id: int
    """ Id of a workflow template, as returned by `bizproc.workflow.template.add` and listed by
    `bizproc.workflow.template.list` (where it comes back as a string). """
    document_id: list[DocumentModule | str]
    """ A document a workflow runs on, as `[module, entity, documentId]`. Known forms: CRM `["crm",
    "CCrmDocumentLead", "LEAD_777"]` (likewise `CCrmDocumentCompany`/`COMPANY_<id>`,
    `CCrmDocumentContact`/`CONTACT_<id>`, `CCrmDocumentDeal`/`DEAL_<id>`), a quote `["crm",
    "Bitrix\\\\Crm\\\\Integration\\\\BizProc\\\\Document\\\\Quote", "QUOTE_777"]`, a smart invoice `["crm",
    "Bitrix\\\\Crm\\\\Integration\\\\BizProc\\\\Document\\\\SmartInvoice", "SMART_INVOICE_3"]`, a smart-process item
    `["crm", "Bitrix\\\\Crm\\\\Integration\\\\BizProc\\\\Document\\\\Dynamic", "DYNAMIC_147_1"]` (type 147, item 1),
    a Drive file `["disk", "Bitrix\\\\Disk\\\\BizProcDocument", "777"]`, a news-feed process `["lists",
    "BizprocDocument", "777"]` and a list element `["lists", "Bitrix\\\\Lists\\\\BizprocDocumentLists", "777"]`.
    Responses report only the third element. """
    parameters: BizprocWorkflowStartBodyPARAMETERS | Unset = UNSET
    """ Values of the template's parameters, keyed by parameter id; needed when the template has parameters. A
    parameter bound to a user takes `user_<userId>`, e.g. `{"resp_employee": "user_14"}`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        template_id = self.template_id

        document_id = []
        for document_id_item_data in self.document_id:
            document_id_item: str
            if isinstance(document_id_item_data, DocumentModule):
                document_id_item = document_id_item_data.value
            else:
                document_id_item = document_id_item_data
            document_id.append(document_id_item)

        parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.parameters, Unset):
            parameters = self.parameters.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "TEMPLATE_ID": template_id,
                "DOCUMENT_ID": document_id,
            }
        )
        if parameters is not UNSET:
            field_dict["PARAMETERS"] = parameters

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bizproc_workflow_start_body_parameters import BizprocWorkflowStartBodyPARAMETERS  # noqa: PLC0415

        d = dict(src_dict)
        template_id = d.pop("TEMPLATE_ID")

        document_id = []
        _document_id = d.pop("DOCUMENT_ID")
        for componentsschemas_document_id_item_data in _document_id:

            def _parse_componentsschemas_document_id_item(data: object) -> DocumentModule | str:
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    componentsschemas_document_id_item_type_0 = DocumentModule(data)

                    return componentsschemas_document_id_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(DocumentModule | str, data)

            componentsschemas_document_id_item = _parse_componentsschemas_document_id_item(
                componentsschemas_document_id_item_data
            )

            document_id.append(componentsschemas_document_id_item)

        _parameters = d.pop("PARAMETERS", UNSET)
        parameters: BizprocWorkflowStartBodyPARAMETERS | Unset
        if isinstance(_parameters, Unset):
            parameters = UNSET
        else:
            parameters = BizprocWorkflowStartBodyPARAMETERS.from_dict(_parameters)

        bizproc_workflow_start_body = cls(
            template_id=template_id,
            document_id=document_id,
            parameters=parameters,
        )

        bizproc_workflow_start_body.additional_properties = d
        return bizproc_workflow_start_body

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
