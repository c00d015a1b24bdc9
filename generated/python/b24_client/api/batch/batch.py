# generated from spec/ by `nox -s generate`; do not edit
from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ..._bitrix import parsed_or_none, unwrap
from ...client import AuthenticatedClient, Client
from ...models.batch_body import BatchBody
from ...models.batch_response_200 import BatchResponse200
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    *,
    body: BatchBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/batch",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BatchResponse200 | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = BatchResponse200.from_dict(response.json())

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

    if response.status_code == 405:
        response_405 = ErrorResponse.from_dict(response.json())

        return response_405

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
) -> Response[BatchResponse200 | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parsed_or_none(lambda: _parse_response(client=client, response=response)),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BatchBody,
) -> Response[BatchResponse200 | ErrorResponse]:
    """Run up to 50 REST calls in one request

     Runs several methods in one HTTP request, in the order given, and reports each command's outcome
    under its id. Each command is a string `method?query`, the query in URL form (inside a JSON body it
    is not encoded a second time). A command may use earlier outcomes through references:
    `$result[<command id>][<field>]...` (a list result needs a row index, e.g. `$result[users][0][ID]`),
    and likewise `$next[...]`, `$total[...]`, `$time[...]` and `$error[...]`; the name matches in any
    letter case but only the lower-case spelling finds data. A reference runs up to the next whitespace,
    each `[key]` steps one level down, and a step that finds nothing stops at the level reached
    (`$result[nope]` is the whole `result` map). A parameter that is exactly one reference takes the
    value with its type; inside longer text a reference is replaced by text or a number only, and is
    otherwise left as written. The call counts once against the request-rate limit, while every command
    is checked against its own method's operating-time budget and reports it in `result_time`. The HTTP
    status is 200 even when commands fail: failures are listed in `result.result_error`, and with `halt`
    on the run stops at the first one. Two codes exist only there: `ERROR_BATCH_METHOD_NOT_ALLOWED` for
    the file upload and download methods (and, on the reference server, a nested `batch`), and
    `ERROR_BATCH_LENGTH_EXCEEDED` for every `cmd` entry past the 50th, each one its own entry, whether
    it is a string or not (entries within the 50 that are not strings are skipped but count). The
    system-error table also lists `ERROR_BATCH_LENGTH_EXCEEDED` as a 400 for the whole call, which is
    declared here as the table's form (D23, D46). Top-level keys are read in any letter case (`CMD`,
    `Halt`). When `cmd` is a list the command ids are 0, 1, 2, ..., and a result map whose ids run from
    0 without a gap comes back as a JSON array.

    Args:
        body (BatchBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchResponse200 | ErrorResponse]
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
    body: BatchBody,
) -> BatchResponse200:
    """Call batch and return the successful body.

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
        BatchResponse200,
        unwrap(
            sync_detailed(
                client=client,
                body=body,
            ),
            "batch",
        ),
    )


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BatchBody,
) -> Response[BatchResponse200 | ErrorResponse]:
    """Run up to 50 REST calls in one request

     Runs several methods in one HTTP request, in the order given, and reports each command's outcome
    under its id. Each command is a string `method?query`, the query in URL form (inside a JSON body it
    is not encoded a second time). A command may use earlier outcomes through references:
    `$result[<command id>][<field>]...` (a list result needs a row index, e.g. `$result[users][0][ID]`),
    and likewise `$next[...]`, `$total[...]`, `$time[...]` and `$error[...]`; the name matches in any
    letter case but only the lower-case spelling finds data. A reference runs up to the next whitespace,
    each `[key]` steps one level down, and a step that finds nothing stops at the level reached
    (`$result[nope]` is the whole `result` map). A parameter that is exactly one reference takes the
    value with its type; inside longer text a reference is replaced by text or a number only, and is
    otherwise left as written. The call counts once against the request-rate limit, while every command
    is checked against its own method's operating-time budget and reports it in `result_time`. The HTTP
    status is 200 even when commands fail: failures are listed in `result.result_error`, and with `halt`
    on the run stops at the first one. Two codes exist only there: `ERROR_BATCH_METHOD_NOT_ALLOWED` for
    the file upload and download methods (and, on the reference server, a nested `batch`), and
    `ERROR_BATCH_LENGTH_EXCEEDED` for every `cmd` entry past the 50th, each one its own entry, whether
    it is a string or not (entries within the 50 that are not strings are skipped but count). The
    system-error table also lists `ERROR_BATCH_LENGTH_EXCEEDED` as a 400 for the whole call, which is
    declared here as the table's form (D23, D46). Top-level keys are read in any letter case (`CMD`,
    `Halt`). When `cmd` is a list the command ids are 0, 1, 2, ..., and a result map whose ids run from
    0 without a gap comes back as a JSON array.

    Args:
        body (BatchBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchResponse200 | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: BatchBody,
) -> BatchResponse200:
    """Call batch and return the successful body.

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
        BatchResponse200,
        unwrap(
            await asyncio_detailed(
                client=client,
                body=body,
            ),
            "batch",
        ),
    )
