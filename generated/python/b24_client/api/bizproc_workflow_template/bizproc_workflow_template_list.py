# generated from spec/ by `nox -s generate`; do not edit
from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ..._bitrix import parsed_or_none, unwrap
from ...client import AuthenticatedClient, Client
from ...models.bizproc_workflow_template_list_body import BizprocWorkflowTemplateListBody
from ...models.bizproc_workflow_template_list_response_200 import BizprocWorkflowTemplateListResponse200
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    *,
    body: BizprocWorkflowTemplateListBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/bizproc.workflow.template.list",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BizprocWorkflowTemplateListResponse200 | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = BizprocWorkflowTemplateListResponse200.from_dict(response.json())

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
) -> Response[BizprocWorkflowTemplateListResponse200 | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parsed_or_none(lambda: _parse_response(client=client, response=response)),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BizprocWorkflowTemplateListBody,
) -> Response[BizprocWorkflowTemplateListResponse200 | ErrorResponse]:
    """List workflow templates

     Lists workflow templates, 50 per page, whoever made them (the templates of automation rules are not
    included). Choose the fields with `SELECT` (only `ID` by default), narrow the list with `FILTER` and
    sort it with `ORDER`. Integer fields come back as strings, and the document type as its third
    element only. An application finds its own templates with the filter `{"SYSTEM_CODE":
    "rest_app_<appId>"}`. Webhooks may call this method.

    Args:
        body (BizprocWorkflowTemplateListBody): All parameters are optional. Parameter names are
            case-insensitive on the portal (the official example sends `select`, `filter`, `order`),
            so other keys are allowed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BizprocWorkflowTemplateListResponse200 | ErrorResponse]
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
    body: BizprocWorkflowTemplateListBody,
) -> BizprocWorkflowTemplateListResponse200:
    """Call bizproc.workflow.template.list and return the successful body.

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
        BizprocWorkflowTemplateListResponse200,
        unwrap(
            sync_detailed(
                client=client,
                body=body,
            ),
            "bizproc.workflow.template.list",
        ),
    )


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BizprocWorkflowTemplateListBody,
) -> Response[BizprocWorkflowTemplateListResponse200 | ErrorResponse]:
    """List workflow templates

     Lists workflow templates, 50 per page, whoever made them (the templates of automation rules are not
    included). Choose the fields with `SELECT` (only `ID` by default), narrow the list with `FILTER` and
    sort it with `ORDER`. Integer fields come back as strings, and the document type as its third
    element only. An application finds its own templates with the filter `{"SYSTEM_CODE":
    "rest_app_<appId>"}`. Webhooks may call this method.

    Args:
        body (BizprocWorkflowTemplateListBody): All parameters are optional. Parameter names are
            case-insensitive on the portal (the official example sends `select`, `filter`, `order`),
            so other keys are allowed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BizprocWorkflowTemplateListResponse200 | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: BizprocWorkflowTemplateListBody,
) -> BizprocWorkflowTemplateListResponse200:
    """Call bizproc.workflow.template.list and return the successful body.

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
        BizprocWorkflowTemplateListResponse200,
        unwrap(
            await asyncio_detailed(
                client=client,
                body=body,
            ),
            "bizproc.workflow.template.list",
        ),
    )
