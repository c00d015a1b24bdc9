"""`pagination_is_consistent` judges `next` by the operation's paging kind (spec D41)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from contract_tests import checks


class _Response:
    status_code = 200

    def __init__(self, body: dict[str, Any]) -> None:
        self._body = body

    def json(self) -> Any:
        return self._body


def _judge(operation_id: str, start: Any, rows: int, total: int, following: int | None) -> None:
    case = SimpleNamespace(
        operation=SimpleNamespace(definition=SimpleNamespace(raw={"operationId": operation_id})),
        body={} if start is None else {"start": start},
    )
    body: dict[str, Any] = {"result": [{"ID": str(n)} for n in range(rows)], "total": total, "time": {}}
    if following is not None:
        body["next"] = following
    checks.pagination_is_consistent(None, _Response(body), case)  # type: ignore[arg-type]


TASKS, TEMPLATES = "bizproc.task.list", "bizproc.workflow.template.list"


@pytest.mark.parametrize(
    ("operation_id", "start", "rows", "total", "following"),
    [
        (TASKS, 0, 50, 120, 50),
        (TASKS, 75, 50, 120, 100),  # page 2: start rounds down, next is page * 50
        (TASKS, 149, 20, 120, None),  # page 3, the last
        (TASKS, 1000, 20, 120, None),  # past the end: the last page, no next
        (TASKS, -1, 50, 0, None),  # uncounted
        (TEMPLATES, 7, 50, 60, 57),  # exact offset
        (TEMPLATES, -1, 50, 60, 49),  # -1 is not special: counted, next = -1 + rows
        (TEMPLATES, 10, 50, 60, None),
        (TEMPLATES, None, 5, 5, None),
        (TEMPLATES, 2**63, 0, 9, None),  # an offset past the end: no rows, and total stays the count
        (TEMPLATES, -2, 0, 0, None),  # no rows at all: no next
        (TEMPLATES, [None, None], 50, 60, 51),  # PHP's intval of a non-empty array is 1
        (TEMPLATES, {}, 50, 60, 50),  # and of an empty one 0
    ],
)
def test_a_portal_answer_passes(operation_id: str, start: Any, rows: int, total: int, following: Any) -> None:
    _judge(operation_id, start, rows, total, following)


@pytest.mark.parametrize(
    ("operation_id", "start", "rows", "total", "following"),
    [
        (TASKS, 75, 50, 200, 125),  # an offset answer from a page method
        (TASKS, 0, 50, 120, None),  # pages remain
        (TASKS, -1, 50, 0, 50),  # uncounted pages carry no next
        (TEMPLATES, 75, 50, 200, 100),  # a page answer from an offset method
        (TEMPLATES, -1, 50, 0, None),  # -1 still counts on an offset method
        (TEMPLATES, 0, 51, 100, 51),  # more than a page
    ],
)
def test_a_wrong_answer_is_caught(
    operation_id: str, start: Any, rows: int, total: int, following: Any
) -> None:
    with pytest.raises(AssertionError):
        _judge(operation_id, start, rows, total, following)
