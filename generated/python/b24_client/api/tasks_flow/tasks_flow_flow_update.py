# generated from spec/ by `nox -s generate`; do not edit
from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ..._bitrix import parsed_or_none, unwrap
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.tasks_flow_flow_update_body import TasksFlowFlowUpdateBody
from ...models.tasks_flow_flow_update_response_200 import TasksFlowFlowUpdateResponse200
from ...types import Response


def _get_kwargs(
    *,
    body: TasksFlowFlowUpdateBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/tasks.flow.Flow.update",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | TasksFlowFlowUpdateResponse200 | None:
    if response.status_code == 200:
        response_200 = TasksFlowFlowUpdateResponse200.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | TasksFlowFlowUpdateResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parsed_or_none(lambda: _parse_response(client=client, response=response)),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TasksFlowFlowUpdateBody,
) -> Response[ErrorResponse | TasksFlowFlowUpdateResponse200]:
    """Change a flow

     Changes an existing flow and returns it (with empty `taskCreators` and `team`; read them with
    `tasks.flow.Flow.get`). This is not a partial update. `id` and a non-empty `responsibleList` are
    required: without the list the call fails with `'responsibleList': field's value must not be empty`.
    Kept when omitted: `name`, `plannedCompletionTime`, `distributionType`, `ownerId`, `groupId`,
    `creatorId`, `active`, `demo` (and `activity`, which update never changes); a threshold sent as
    `null` is kept too. Reset when omitted: `description` to `""`, `templateId` to 0, `efficiency` to
    100, `responsibleCanChangeDeadline` and `matchWorkTime` to 1, `matchSchedule`, `notifyAtHalfTime`
    and `taskControl` to 0, the three notification thresholds to off, and `taskCreators` to empty
    (nobody may add tasks). So send every setting you want to keep. Update also takes `active`, `demo`,
    `creatorId`, `efficiency` and `matchSchedule`. A new `ownerId` must come with `groupId` (the new
    administrator joins that group; without it the call fails with the unknown error). A new name must
    not be used by another flow. Errors, in the portal's order: the parameter's own (`flowData` missing:
    code 100; not an object; a member entry that is not a pair), access denied (also when the plan lacks
    flows and its trial is over), `'id': field's value must be greater than 0` for a missing id or 0
    (administrators only), the field checks (a value below or above its bound, a name of the wrong
    length, an empty `responsibleList`, an unknown `distributionType`, a field of the wrong type), the
    unknown error (an administrator naming no flow), a taken name, users and departments that do not
    exist ("User 12 doesn't exists", "Department 7 doesn't exists"), and "Flow not found" as the docs
    show it.

    Args:
        body (TasksFlowFlowUpdateBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | TasksFlowFlowUpdateResponse200]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: TasksFlowFlowUpdateBody,
) -> TasksFlowFlowUpdateResponse200:
    """Call tasks.flow.Flow.update and return the successful body.

    Raises:
        errors.Bitrix24Error: the portal answered with an error body (under any status, also 200).
        errors.MalformedResponse: the answer was not a valid Bitrix24 body (not JSON, empty, cut
            short, not UTF-8, too deep, wrong shape), under any status.
        errors.ResponseTooLarge: the decoded body would exceed the client's max_response_bytes
            (a MalformedResponse).
        errors.WaitTooLong: the call would have waited beyond the retry policy's max_wait.
        httpx.TransportError: the connection failed or timed out (after any safe retries).
    """

    return cast(
        TasksFlowFlowUpdateResponse200,
        unwrap(
            sync_detailed(
                client=client,
                body=body,
            ),
            "tasks.flow.Flow.update",
        ),
    )


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TasksFlowFlowUpdateBody,
) -> Response[ErrorResponse | TasksFlowFlowUpdateResponse200]:
    """Change a flow

     Changes an existing flow and returns it (with empty `taskCreators` and `team`; read them with
    `tasks.flow.Flow.get`). This is not a partial update. `id` and a non-empty `responsibleList` are
    required: without the list the call fails with `'responsibleList': field's value must not be empty`.
    Kept when omitted: `name`, `plannedCompletionTime`, `distributionType`, `ownerId`, `groupId`,
    `creatorId`, `active`, `demo` (and `activity`, which update never changes); a threshold sent as
    `null` is kept too. Reset when omitted: `description` to `""`, `templateId` to 0, `efficiency` to
    100, `responsibleCanChangeDeadline` and `matchWorkTime` to 1, `matchSchedule`, `notifyAtHalfTime`
    and `taskControl` to 0, the three notification thresholds to off, and `taskCreators` to empty
    (nobody may add tasks). So send every setting you want to keep. Update also takes `active`, `demo`,
    `creatorId`, `efficiency` and `matchSchedule`. A new `ownerId` must come with `groupId` (the new
    administrator joins that group; without it the call fails with the unknown error). A new name must
    not be used by another flow. Errors, in the portal's order: the parameter's own (`flowData` missing:
    code 100; not an object; a member entry that is not a pair), access denied (also when the plan lacks
    flows and its trial is over), `'id': field's value must be greater than 0` for a missing id or 0
    (administrators only), the field checks (a value below or above its bound, a name of the wrong
    length, an empty `responsibleList`, an unknown `distributionType`, a field of the wrong type), the
    unknown error (an administrator naming no flow), a taken name, users and departments that do not
    exist ("User 12 doesn't exists", "Department 7 doesn't exists"), and "Flow not found" as the docs
    show it.

    Args:
        body (TasksFlowFlowUpdateBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | TasksFlowFlowUpdateResponse200]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TasksFlowFlowUpdateBody,
) -> TasksFlowFlowUpdateResponse200:
    """Call tasks.flow.Flow.update and return the successful body.

    Raises:
        errors.Bitrix24Error: the portal answered with an error body (under any status, also 200).
        errors.MalformedResponse: the answer was not a valid Bitrix24 body (not JSON, empty, cut
            short, not UTF-8, too deep, wrong shape), under any status.
        errors.ResponseTooLarge: the decoded body would exceed the client's max_response_bytes
            (a MalformedResponse).
        errors.WaitTooLong: the call would have waited beyond the retry policy's max_wait.
        httpx.TransportError: the connection failed or timed out (after any safe retries).
    """

    return cast(
        TasksFlowFlowUpdateResponse200,
        unwrap(
            await asyncio_detailed(
                client=client,
                body=body,
            ),
            "tasks.flow.Flow.update",
        ),
    )
