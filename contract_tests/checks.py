"""Bitrix24 checks that stock schemathesis lacks. Each is a small named schemathesis check.

Importing this module registers them with schemathesis (`@schemathesis.check`), so they run in the
pytest suite (test_contract.py) and in `schemathesis run` (through hooks.py) alike. Checks that need
a second call (toggles, delete, uniqueness, create-then-get) make it on the same target with the
same credentials, only after a successful call, and leave the object as they found it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

import schemathesis
from schemathesis import Case, CheckContext, Response

from b24_spec import messages
from contract_tests import live, model, patience, target

# (operation, check) pairs where a Bitrix check found something to verify; the others did not apply.
EXERCISED: set[tuple[str, str]] = set()


def _exercised(case: Case[Any], check: str) -> None:
    EXERCISED.add((_operation_id(case), check))


def _operation_id(case: Case[Any]) -> str:
    return str(case.operation.definition.raw["operationId"])


def _json(response: Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _success(response: Response) -> Any:
    """The body of a successful call, or None."""
    body = _json(response)
    if response.status_code == 200 and isinstance(body, dict) and "result" in body and "error" not in body:
        return body
    return None


def call(case: Case[Any], operation_id: str, body: Any) -> Response:
    """A follow-up call on the same server and credentials as `case`."""
    operation = case.operation.schema.find_operation_by_label(f"POST /{operation_id}")
    if operation is None:
        raise AssertionError(f"the spec has no operation {operation_id}")
    answer: Response = patience.call(
        operation.Case(body=body, media_type="application/json"), params=target.CURRENT.params
    )
    return answer


# --- every response ------------------------------------------------------------------------------


@schemathesis.check
def result_xor_error(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """A JSON body carries exactly one of `result` and `error`."""
    body = _json(response)
    if isinstance(body, dict):
        _exercised(case, "result_xor_error")
        assert ("result" in body) != ("error" in body), (
            f"the body must carry exactly one of `result` and `error`, it has {sorted(body)[:6]}"
        )
    return None


@schemathesis.check
def error_is_declared(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """An error body's HTTP status, code (string or integer) and message name one error the operation
    declares; an undeclared message for a declared code is reported with the closest declared variant."""
    body = _json(response)
    if isinstance(body, dict) and "error" in body and "result" not in body:
        operation_id = _operation_id(case)
        _exercised(case, "error_is_declared")
        code = messages.code_text(body["error"])
        found = (response.status_code, code)
        declared = model.declared_errors(operation_id)
        assert found in declared, (
            f"{operation_id} does not declare error code {body['error']!r} with HTTP "
            f"{response.status_code} ({body.get('error_description')!r}); declared with that code: "
            f"{sorted(s for s, c in declared if c == code)}"
        )
        # status and code are declared: the message must be a variant of one of those errors
        entries = model.error_entries(operation_id)
        description = body.get("error_description")
        if messages.classify(entries, response.status_code, body["error"], description) is None:
            near = messages.closest(entries, response.status_code, body["error"], description)
            assert near is None, (
                f"{operation_id} answered HTTP {response.status_code} code {body['error']!r} with a "
                f"message no declared error has: {description!r}; the closest declared variant is "
                f"{near[1]!r} ({near[0]})"
            )
    return None


@schemathesis.check
def time_is_consistent(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """Every success carries `time`, and its figures agree with each other."""
    body = _success(response)
    if body is None:
        return None
    _exercised(case, "time_is_consistent")
    time = body.get("time")
    assert isinstance(time, dict), "a successful answer must carry the `time` object"
    figures: dict[str, Any] = {key: time.get(key) for key in ("start", "finish", "duration", "processing")}
    assert all(isinstance(n, (int, float)) and math.isfinite(n) for n in figures.values()), f"`time`: {time}"
    start, finish, duration = float(figures["start"]), float(figures["finish"]), float(figures["duration"])
    assert finish >= start, f"time.finish {finish} is before time.start {start}"
    assert abs(duration - (finish - start)) <= 1e-3, f"time.duration {duration} is not finish - start"
    assert float(figures["processing"]) <= duration + 1e-3, "time.processing exceeds time.duration"
    for name, moment in (("date_start", start), ("date_finish", finish)):
        try:
            stamp = dt.datetime.fromisoformat(str(time.get(name))).timestamp()
        except ValueError:
            raise AssertionError(f"time.{name} is not an ISO 8601 date: {time.get(name)!r}") from None
        assert abs(stamp - moment) < 1.0, f"time.{name} {time.get(name)} does not match {moment}"
    return None


@schemathesis.check
def pagination_is_consistent(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """Pages hold at most 50 rows and carry `total`; `next` follows the paging kind (spec D41):
    `offset` = start + rows, present exactly while rows remain; `page` = the following page's first
    row, present exactly while pages remain, and a negative start is the uncounted first page."""
    paging = model.operations()[_operation_id(case)].get("x-bitrix-pagination")
    body = _success(response)
    if paging is None or body is None:
        return None
    _exercised(case, "pagination_is_consistent")
    rows = model.pointer_get(body, paging["resultPath"])
    assert isinstance(rows, list), "a page's result must be a list"
    size, total, following = len(rows), body.get("total"), body.get("next")
    start = _offset(case.body.get(paging["startParameter"]) if isinstance(case.body, dict) else None)
    page_size = int(paging["pageSize"])
    assert size <= page_size, f"{size} rows on one page; the page size is {page_size}"
    assert isinstance(total, int), "a page must carry `total`"
    if paging.get("kind") == "page":
        if start < 0:
            assert following is None, "with a negative start (no counting) there is no `next`"
            return None
        number = start // page_size + 1
        more = number * page_size < total
        if following is not None:
            assert following == number * page_size, (
                f"next is {following}, expected page {number} * {page_size} (start {start} rounds down)"
            )
        assert (following is not None) == more, (
            f"`next` must appear exactly while pages remain ({total} rows)"
        )
        assert total >= size, f"`total` {total} is below the {size} rows of this page"
        return None
    if size:
        assert total >= max(start, 0) + size, f"`total` {total} cannot hold {size} rows from offset {start}"
    more = size > 0 and start + size < total  # no rows (a start past the end): no next
    if following is not None:
        assert following == start + size, f"next is {following}, expected start {start} + {size} rows"
    assert (following is not None) == more, f"`next` must appear exactly when rows remain ({total} in all)"
    return None


def _offset(value: Any) -> int:
    """`start` as the portal reads it: PHP intval (`12.9` is 12, `"12abc"` is 12, a non-empty array
    1, anything else 0). A negative start reads from the first row; an offset method's `next` still
    adds the rows to it."""
    if isinstance(value, (list, dict)):
        return 1 if value else 0
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if math.isfinite(value) and abs(value) < 2**63 else 0
    if isinstance(value, str):
        match = re.match(r"[ \t\n\r\v\f]*([+-]?[0-9]+)", value)
        return int(match.group(1)) if match else 0
    return 0


# --- after a successful call: a second look ------------------------------------------------------


@schemathesis.check
def toggle_flips_back(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """Calling a toggle twice more flips the state and then restores it."""
    operation_id = _operation_id(case)
    toggle = model.operations()[operation_id].get("x-bitrix-toggle")
    if toggle is None or _success(response) is None:
        return None

    def state(result: Any) -> Any:
        if toggle["result"] == "new-state":
            return result
        observe = toggle["observe"]
        read = _success(call(case, observe["operationId"], _observe_body(operation_id, observe, case.body)))
        assert read is not None, f"could not read the state back with {observe['operationId']}"
        return model.pointer_get(read, observe["pointer"])

    _exercised(case, "toggle_flips_back")
    before = state(_success(response)["result"])
    flipped = _success(call(case, operation_id, case.body))
    assert flipped is not None, f"a second {operation_id} failed"
    middle = state(flipped["result"])
    restored = _success(call(case, operation_id, case.body))
    assert restored is not None, f"a third {operation_id} failed"
    after = state(restored["result"])
    assert middle != before, f"{operation_id} did not flip the state (stayed {before!r})"
    assert after == before, f"{operation_id} twice did not restore the state ({before!r} -> {after!r})"
    return None


def _observe_body(toggle_id: str, observe: Any, body: Any) -> Any:
    """The read call's body: the toggle's own id members, moved to where the read expects them."""
    reads = {b.source: b for b in model.bindings() if b.target == observe["operationId"]}
    toggles = {b.source: b for b in model.bindings() if b.target == toggle_id}
    for source, read_binding in reads.items():
        toggle_binding = toggles.get(source)
        if toggle_binding is not None and toggle_binding.pointer == read_binding.pointer:
            return with_member({}, read_binding.path, model.member(body, toggle_binding.path))
    raise AssertionError(f"the spec links no way to read {toggle_id}'s state with {observe['operationId']}")


def with_member(body: dict[str, Any], path: tuple[str, ...], value: Any) -> dict[str, Any]:
    holder = body
    for part in path[:-1]:
        holder = holder.setdefault(part, {})
    holder[path[-1]] = value
    return body


def probe_for_deleted(deleter: str, body: Any) -> tuple[str, Any, Any] | None:
    """(read operation, its body, the id) that should no longer find what `deleter` removed."""
    for binding in model.bindings():
        if binding.target != deleter or binding.source not in model.creators():
            continue
        value = model.member(body, binding.path)
        for read in model.bindings():
            if (
                read.source == binding.source
                and read.pointer == binding.pointer
                and model.is_read(read.target)
            ):
                return read.target, with_member({}, read.path, value), value
        for read_id in model.linked_reads(binding.source):
            return read_id, {}, value
    return None


@schemathesis.check
def delete_really_deletes(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """After a successful delete (or kill), reading the object finds nothing."""
    operation_id = _operation_id(case)
    if not model.is_delete(operation_id) or _success(response) is None:
        return None
    probe = probe_for_deleted(operation_id, case.body)
    if probe is None:
        return None
    read_id, read_body, value = probe
    _exercised(case, "delete_really_deletes")
    found = _success(call(case, read_id, read_body))
    if found is not None:
        assert not mentions(found["result"], value), f"{read_id} still finds {value!r} after {operation_id}"
    return None


def mentions(node: Any, value: Any) -> bool:
    if isinstance(node, dict):
        return any(mentions(v, value) for v in node.values())
    if isinstance(node, list):
        return any(mentions(v, value) for v in node)
    return node is not None and str(node) == str(value)


@schemathesis.check
def names_stay_unique(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """Creating the same name (or code) again is refused with a declared error."""
    operation_id = _operation_id(case)
    unique = model.unique_name_member(operation_id)
    if not unique or _success(response) is None:
        return None
    _exercised(case, "names_stay_unique")
    again = call(case, operation_id, case.body)
    duplicate = _success(again)
    if duplicate is not None:
        live.remember(target.CURRENT, operation_id, case.body, duplicate)
    name = model.member(case.body, unique)
    assert duplicate is None, f"a second {operation_id} with the same {name!r} succeeded"
    body = _json(again)
    found = (again.status_code, messages.code_text(body.get("error"))) if isinstance(body, dict) else None
    assert found in model.declared_errors(operation_id), (
        f"a repeated {operation_id} failed with an undeclared answer: HTTP {again.status_code} {body}"
    )
    return None


@schemathesis.check
def created_equals_read(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """What a create call returns is what reading the object back returns."""
    operation_id = _operation_id(case)
    created = _success(response)
    if operation_id not in model.creators() or created is None:
        return None
    for read_id in model.reads_back(operation_id):
        _exercised(case, "created_equals_read")
        read_body = model.link_body(operation_id, read_id, case.body, created)
        read = _success(call(case, read_id, read_body))
        assert read is not None, f"{read_id} cannot find what {operation_id} just created"
        mine, theirs = created["result"], read["result"]
        if isinstance(mine, dict) and isinstance(theirs, dict):
            made = model.result_schema(operation_id)
            volatile = model.marked_members(made, "x-bitrix-volatile")
            filled_by_reads = model.marked_members(made, "x-bitrix-empty-on-write")
            skip = volatile | {k for k in filled_by_reads if mine.get(k) == []}
            mine = {k: v for k, v in mine.items() if k not in skip}
            theirs = {k: v for k, v in theirs.items() if k not in skip}
        assert mine == theirs, f"{read_id} returns something else than {operation_id} did"
    return None


@schemathesis.check
def wrong_credentials_are_refused(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """A read that succeeded is refused with 401 when repeated with a wrong token or webhook code."""
    operation_id = _operation_id(case)
    current = target.CURRENT
    if (
        not model.is_read(operation_id)
        or _success(response) is None
        or not (current.token or current.base_url)
    ):
        return None
    _exercised(case, "wrong_credentials_are_refused")
    operation = case.operation.schema.find_operation_by_label(f"POST /{operation_id}")
    follow = operation.Case(body=case.body, media_type="application/json")
    if current.token:
        answer = patience.call(follow, params={"auth": f"{current.token}-wrong"})
    else:
        answer = patience.call(follow, base_url=current.base_url.rsplit("/", 1)[0] + "/b24ct-wrong-code")
    body = _json(answer)
    assert answer.status_code == 401 and isinstance(body, dict) and "error" in body, (
        f"{operation_id} with wrong credentials answered HTTP {answer.status_code} instead of a 401 error"
    )
    return None


def _truthy(value: Any) -> bool:
    return value in (True, 1, "1", "true", "Y")


@schemathesis.check
def batch_halts_on_error(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """With `halt`, no command after the first failed one runs."""
    body = _success(response)
    request = case.body if isinstance(case.body, dict) else {}
    if _operation_id(case) != "batch" or body is None or not _truthy(request.get("halt")):
        return None
    commands = request.get("cmd")
    listed = commands if isinstance(commands, (dict, list)) else []
    keys = [str(k) for k in (listed if isinstance(listed, dict) else range(len(listed)))]
    outcome = body["result"]
    failed = outcome.get("result_error") or {}
    failed_keys = {str(k) for k in (failed if isinstance(failed, dict) else range(len(failed)))}
    if not failed_keys or not keys:
        return None
    _exercised(case, "batch_halts_on_error")
    first = min(keys.index(k) for k in failed_keys if k in keys) if failed_keys & set(keys) else len(keys)
    done = outcome.get("result") or {}
    ran = {str(k) for k in (done if isinstance(done, dict) else range(len(done)))} | failed_keys
    late = [k for k in keys[first + 1 :] if k in ran]
    assert not late, f"batch with halt ran {late} after command {keys[first]!r} failed"
    return None


def _entries(value: Any) -> list[tuple[str, Any]]:
    """(id, value) of a batch result map: an object, or a list keyed 0, 1, 2, ... (D24)."""
    if isinstance(value, dict):
        return [(str(k), v) for k, v in value.items()]
    if isinstance(value, list):
        return [(str(i), v) for i, v in enumerate(value)]
    return []


def _commands(request: Any) -> dict[str, str]:
    """Command id -> method name of a batch request (its keys in any letter case, as a portal reads them)."""
    listed = (
        next((v for k, v in request.items() if str(k).lower() == "cmd"), None)
        if isinstance(request, dict)
        else None
    )
    return {
        key: command.split("?", 1)[0].strip().lower()
        for key, command in _entries(listed)
        if isinstance(command, str)
    }


@schemathesis.check
def batch_errors_are_declared(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """Each `result_error` entry of a batch is an error its command's method declares (code and a
    message variant, under any status, since a batch entry has none), or one of the batch's own."""
    body = _success(response)
    if _operation_id(case) != "batch" or body is None or not isinstance(body["result"], dict):
        return None
    failed = _entries(body["result"].get("result_error"))
    if not failed:
        return None
    _exercised(case, "batch_errors_are_declared")
    methods = _commands(case.body)
    # the portal finds a method in any letter case (it tries the lower-cased name first)
    known = {name.lower(): name for name in model.operations()}
    for key, error in failed:
        assert isinstance(error, dict) and {"error", "error_description"} <= error.keys(), (
            f"batch result_error[{key}] is not an error body: {error!r}"
        )
        method = known.get(methods.get(key, ""), methods.get(key, ""))
        entries = [
            *(model.error_entries(method) if method in known.values() else []),
            *model.error_entries("batch"),
        ]
        statuses = {entry["status"] for entry in entries}
        found = any(
            messages.classify(entries, s, error["error"], error["error_description"]) for s in statuses
        )
        assert found, (
            f"batch result_error[{key}] ({method or 'no method'}) carries an error neither {method or 'it'} "
            f"nor batch declares: {error['error']!r} {error['error_description']!r}"
        )
    return None


BITRIX_CHECKS: tuple[Any, ...] = (
    result_xor_error,
    error_is_declared,
    time_is_consistent,
    pagination_is_consistent,
    toggle_flips_back,
    delete_really_deletes,
    names_stay_unique,
    created_equals_read,
    wrong_credentials_are_refused,
    batch_halts_on_error,
    batch_errors_are_declared,
)
