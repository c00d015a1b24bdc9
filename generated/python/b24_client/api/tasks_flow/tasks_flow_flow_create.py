# generated from spec/ by `nox -s generate`; do not edit
from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ..._bitrix import parsed_or_none, unwrap
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.tasks_flow_flow_create_body import TasksFlowFlowCreateBody
from ...models.tasks_flow_flow_create_response_200 import TasksFlowFlowCreateResponse200
from ...types import Response


def _get_kwargs(
    *,
    body: TasksFlowFlowCreateBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/tasks.flow.Flow.create",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | TasksFlowFlowCreateResponse200 | None:
    if response.status_code == 200:
        response_200 = TasksFlowFlowCreateResponse200.from_dict(response.json())

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
) -> Response[ErrorResponse | TasksFlowFlowCreateResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parsed_or_none(lambda: _parse_response(client=client, response=response)),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TasksFlowFlowCreateBody,
) -> Response[ErrorResponse | TasksFlowFlowCreateResponse200]:
    """Create a flow

     Creates a task flow and returns it. The portal checks, in this order: the method's parameter
    (`flowData` missing: code 100; not an object: PHP's type error; a member entry that is not a pair),
    the plan (where it lacks flows but the 15-day trial was never used, this call switches the trial on,
    reports it in `trialFeatureEnabled`, and goes on; otherwise access denied), access (extranet users,
    and a group or task template the caller may not use), the fields (each rule with its own text,
    "Property <field> cannot be null" for a required field left out), then, without `groupId`, the new
    workgroup named like the flow (its name may be taken), the flow name (unique on the portal, letter
    case and trailing spaces ignored), and the users, task template and departments the flow names
    ("User 12 doesn't exists" and alike).

    Args:
        body (TasksFlowFlowCreateBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | TasksFlowFlowCreateResponse200]
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
    body: TasksFlowFlowCreateBody,
) -> TasksFlowFlowCreateResponse200:
    """Call tasks.flow.Flow.create and return the successful body.

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
        TasksFlowFlowCreateResponse200,
        unwrap(
            sync_detailed(
                client=client,
                body=body,
            ),
            "tasks.flow.Flow.create",
        ),
    )


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TasksFlowFlowCreateBody,
) -> Response[ErrorResponse | TasksFlowFlowCreateResponse200]:
    """Create a flow

     Creates a task flow and returns it. The portal checks, in this order: the method's parameter
    (`flowData` missing: code 100; not an object: PHP's type error; a member entry that is not a pair),
    the plan (where it lacks flows but the 15-day trial was never used, this call switches the trial on,
    reports it in `trialFeatureEnabled`, and goes on; otherwise access denied), access (extranet users,
    and a group or task template the caller may not use), the fields (each rule with its own text,
    "Property <field> cannot be null" for a required field left out), then, without `groupId`, the new
    workgroup named like the flow (its name may be taken), the flow name (unique on the portal, letter
    case and trailing spaces ignored), and the users, task template and departments the flow names
    ("User 12 doesn't exists" and alike).

    Args:
        body (TasksFlowFlowCreateBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | TasksFlowFlowCreateResponse200]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TasksFlowFlowCreateBody,
) -> TasksFlowFlowCreateResponse200:
    """Call tasks.flow.Flow.create and return the successful body.

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
        TasksFlowFlowCreateResponse200,
        unwrap(
            await asyncio_detailed(
                client=client,
                body=body,
            ),
            "tasks.flow.Flow.create",
        ),
    )
