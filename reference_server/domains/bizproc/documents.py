"""Bizproc documents: `DOCUMENT_TYPE` triples `[module, entity, type]` and `DOCUMENT_ID` triples
`[module, entity, id]`, with the classes and id forms of the official pages (digest 4.1).

The fake portal has no CRM, lists or Drive: any well-formed id names an existing document. A CRM id
carries its type (`DEAL_7` is a deal, `DYNAMIC_147_1` an item of smart process 147); a list element
or Drive file id does not, so it fits any list (`iblock_<n>`) or storage (`STORAGE_<n>`) type of its
entity.
"""

from __future__ import annotations

import re
from typing import Any

_CRM_PREFIX = "Bitrix\\Crm\\Integration\\BizProc\\Document\\"
# crm entity -> the document type it holds (a pattern where the type carries an id)
CRM_ENTITIES = {
    "CCrmDocumentLead": "LEAD",
    "CCrmDocumentContact": "CONTACT",
    "CCrmDocumentCompany": "COMPANY",
    "CCrmDocumentDeal": "DEAL",
    _CRM_PREFIX + "Quote": "QUOTE",
    _CRM_PREFIX + "SmartInvoice": "SMART_INVOICE",
    _CRM_PREFIX + "Dynamic": "DYNAMIC_[1-9][0-9]*",
}
LIST_ENTITIES = ("BizprocDocument", "Bitrix\\Lists\\BizprocDocumentLists")
DISK_ENTITIES = ("Bitrix\\Disk\\BizProcDocument",)
# The CRM types robots are offered for (robot pages list no contacts or companies).
ROBOT_CRM_TYPES = ("LEAD", "DEAL", "QUOTE", "SMART_INVOICE", "DYNAMIC_")
_CRM_ID = re.compile(r"^(DYNAMIC_[1-9][0-9]*|SMART_INVOICE|[A-Z]+)_([1-9][0-9]*)$")
_NUMERIC = re.compile(r"^[1-9][0-9]*$")


def _triple(value: Any) -> tuple[str, str, str] | None:
    if isinstance(value, list) and len(value) == 3 and all(isinstance(v, str) and v for v in value):
        return value[0], value[1], value[2]
    return None


# module -> (its entities, the pattern of its types); crm types depend on the entity (CRM_ENTITIES)
_OTHER_TYPES = {
    "lists": (LIST_ENTITIES, r"iblock_[1-9][0-9]*"),
    "disk": (DISK_ENTITIES, r"STORAGE_[1-9][0-9]*"),
}


def valid_type(value: Any, *, robot: bool = False) -> bool:
    """Whether `[module, entity, type]` is a document type of this portal (robots: CRM only)."""
    triple = _triple(value)
    if triple is None:
        return False
    module, entity, kind = triple
    if module == "crm":
        pattern = CRM_ENTITIES.get(entity)
        fits_entity = pattern is not None and re.fullmatch(pattern, kind) is not None
        return fits_entity and (not robot or kind.startswith(ROBOT_CRM_TYPES))
    entities, pattern = _OTHER_TYPES.get(module, ((), ""))
    return not robot and entity in entities and re.fullmatch(pattern, kind) is not None


def known_entity(document: Any) -> bool:
    """Whether `DOCUMENT_ID` names a document class this portal has ("Wrong DOCUMENT_ID!" if not)."""
    triple = _triple(document)
    if triple is None:
        return False
    module, entity, _ = triple
    return (
        (module == "crm" and entity in CRM_ENTITIES)
        or (module == "lists" and entity in LIST_ENTITIES)
        or (module == "disk" and entity in DISK_ENTITIES)
    )


def type_of(document: list[str]) -> str | None:
    """The document type the id carries: `DEAL` for `DEAL_7`, `*` for a list element or a file (any
    list or storage fits), None when none can be derived ("Incorrect document type!")."""
    module, _, ident = document
    if module == "crm":
        match = _CRM_ID.match(ident)
        return match.group(1) if match else None
    return "*" if _NUMERIC.match(ident) else None


def fits(document: list[str], template_type: list[str]) -> bool:
    """Whether a workflow of a template for `template_type` may run on `document`."""
    kind = type_of(document)
    if document[0] != template_type[0] or document[1] != template_type[1] or kind is None:
        return False
    return kind == "*" or kind == template_type[2]


def url(document: list[str]) -> str:
    """A portal-relative link to the document, in the form the portal's pages use."""
    module, _, ident = document
    if module == "crm":
        match = _CRM_ID.match(ident)
        if match:
            return f"/crm/{match.group(1).lower()}/details/{match.group(2)}/"
    if module == "disk":
        return f"/disk/file/{ident}/"
    return f"/bizproc/processes/?livefeed=y&element_id={ident}"
