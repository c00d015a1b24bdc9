"""The request path's shortcuts keep their promises: `php_query` writes what `urlencode` writes for
the same pairs (brackets of keys left as they are), which the portal reads back as the same
parameters, and the clients share one certificate-checking TLS context per set of CA settings,
never one that checks less than asked."""

from __future__ import annotations

import enum
import shutil
import ssl
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote_plus, urlencode

import certifi
import pytest
from b24_client import Bitrix24
from b24_client._batch import php_query
from hypothesis import given, settings
from hypothesis import strategies as st


class Colour(str, enum.Enum):  # noqa: UP042  (StrEnum's str() is its text: no test then)
    """A str subclass whose str() is not its text: it must be written as str() gives it."""

    RED = "red value"


def http_build_query_pairs(params: dict[str, Any]) -> list[tuple[str, str]]:
    """The pairs of PHP's http_build_query, the plain way: what php_query must encode."""
    pairs: list[tuple[str, str]] = []

    def walk(prefix: str, value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(f"{prefix}[{key}]", item)
        elif isinstance(value, list | tuple):
            for index, item in enumerate(value):
                walk(f"{prefix}[{index}]", item)
        elif value is None:
            return
        elif isinstance(value, bool):
            pairs.append((prefix, "1" if value else "0"))
        else:
            pairs.append((prefix, str(value)))

    for key, value in params.items():
        walk(str(key), value)
    return pairs


_TEXT = st.text(st.characters(codec="utf-8"), max_size=12) | st.sampled_from(
    ["plain", "a b", "x+y", "a&b=c", "[0]", "~._-", "é€", "%41", "", "\n", "Colour.RED"]
)
_LEAF = _TEXT | st.integers() | st.floats(allow_nan=False) | st.booleans() | st.none() | st.just(Colour.RED)
_VALUE = st.recursive(
    _LEAF,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT | st.integers(), inner, max_size=4),
    max_leaves=20,
)


def reference_query(pairs: list[tuple[str, str]]) -> str:
    """urlencode's escaping, with the brackets of the keys kept."""
    return "&".join(f"{quote_plus(key, safe='[]')}={quote_plus(value)}" for key, value in pairs)


@settings(max_examples=300, deadline=None, database=None, derandomize=True)
@given(params=st.dictionaries(_TEXT, _VALUE, max_size=5))
def test_php_query_is_urlencode_of_the_pairs(params: dict[str, Any]) -> None:
    pairs = http_build_query_pairs(params)
    query = php_query(params)
    assert query == reference_query(pairs)
    # and it reads back as exactly the pairs urlencode's fully escaped form gives
    assert parse_qsl(query, keep_blank_values=True) == parse_qsl(urlencode(pairs), keep_blank_values=True)


def test_a_str_subclass_is_written_as_its_str() -> None:
    assert php_query({"c": Colour.RED}) == urlencode([("c", str(Colour.RED))])


def test_brackets_of_keys_go_as_they_are_and_other_specials_do_not() -> None:
    query = php_query({"FILTER": {">=MODIFIED": "a b", "x&y": "[1]"}})
    assert query == "FILTER[%3E%3DMODIFIED]=a+b&FILTER[x%26y]=%5B1%5D"


def _contexts(b24: Bitrix24) -> tuple[ssl.SSLContext, ssl.SSLContext]:
    sync = b24.client.get_httpx_client()._transport.inner._pool._ssl_context  # type: ignore[attr-defined]
    async_ = b24.client.get_async_httpx_client()._transport.inner._pool._ssl_context  # type: ignore[attr-defined]
    return sync, async_


def test_clients_share_one_verifying_context() -> None:
    first, second = (
        Bitrix24.webhook("https://a.example/rest/1/x/"),
        Bitrix24.webhook("http://b.example/rest/1/y/"),
    )
    contexts = {id(c) for c in (*_contexts(first), *_contexts(second))}
    assert len(contexts) == 1
    context = _contexts(first)[0]
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname


def test_another_ca_setting_gets_its_own_context(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    default = _contexts(Bitrix24.webhook("https://a.example/rest/1/x/"))[0]
    bundle = tmp_path / "ca.pem"
    shutil.copyfile(certifi.where(), bundle)
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    other = _contexts(Bitrix24.webhook("https://a.example/rest/1/x/"))[0]
    assert other is not default
    assert other.verify_mode == ssl.CERT_REQUIRED


def test_verify_false_is_still_honoured() -> None:
    b24 = Bitrix24.webhook("https://a.example/rest/1/x/", httpx_args={"verify": False})
    sync, async_ = _contexts(b24)
    assert sync.verify_mode == ssl.CERT_NONE and async_.verify_mode == ssl.CERT_NONE
