# generated from spec/ by `nox -s generate`; do not edit
from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ..._bitrix import parsed_or_none, unwrap
from ...client import AuthenticatedClient, Client
from ...models.activity_registration import ActivityRegistration
from ...models.bizproc_activity_add_response_200 import BizprocActivityAddResponse200
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    *,
    body: ActivityRegistration,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/bizproc.activity.add",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BizprocActivityAddResponse200 | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = BizprocActivityAddResponse200.from_dict(response.json())

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
) -> Response[BizprocActivityAddResponse200 | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parsed_or_none(lambda: _parse_response(client=client, response=response)),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ActivityRegistration,
) -> Response[BizprocActivityAddResponse200 | ErrorResponse]:
    """Register an application workflow action

     Registers an action that the calling application provides for the workflow designer. Each time the
    action runs, the portal posts its parameters to `HANDLER`; with `USE_SUBSCRIPTION` other than `N`
    the workflow then waits until the application answers through `bizproc.event.send`. `CODE` must be
    unused among the application's actions and robots alike, because both kinds share one code space.
    Actions may be bound to CRM, lists and Drive document types. The result is only `true`; address the
    action afterwards by the `CODE` you sent.

    Args:
        body (ActivityRegistration): Parameters that register an application robot or action: its
            `CODE` plus a descriptor in which `HANDLER` and `NAME` are required. `PLACEMENT_HANDLER`
            is required as well when `USE_PLACEMENT` is `Y`; the schema states this in words only (a
            conditional schema breaks the example linter).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BizprocActivityAddResponse200 | ErrorResponse]
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
    body: ActivityRegistration,
) -> BizprocActivityAddResponse200:
    """Call bizproc.activity.add and return the successful body.

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
        BizprocActivityAddResponse200,
        unwrap(
            sync_detailed(
                client=client,
                body=body,
            ),
            "bizproc.activity.add",
        ),
    )


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ActivityRegistration,
) -> Response[BizprocActivityAddResponse200 | ErrorResponse]:
    """Register an application workflow action

     Registers an action that the calling application provides for the workflow designer. Each time the
    action runs, the portal posts its parameters to `HANDLER`; with `USE_SUBSCRIPTION` other than `N`
    the workflow then waits until the application answers through `bizproc.event.send`. `CODE` must be
    unused among the application's actions and robots alike, because both kinds share one code space.
    Actions may be bound to CRM, lists and Drive document types. The result is only `true`; address the
    action afterwards by the `CODE` you sent.

    Args:
        body (ActivityRegistration): Parameters that register an application robot or action: its
            `CODE` plus a descriptor in which `HANDLER` and `NAME` are required. `PLACEMENT_HANDLER`
            is required as well when `USE_PLACEMENT` is `Y`; the schema states this in words only (a
            conditional schema breaks the example linter).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BizprocActivityAddResponse200 | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ActivityRegistration,
) -> BizprocActivityAddResponse200:
    """Call bizproc.activity.add and return the successful body.

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
        BizprocActivityAddResponse200,
        unwrap(
            await asyncio_detailed(
                client=client,
                body=body,
            ),
            "bizproc.activity.add",
        ),
    )
