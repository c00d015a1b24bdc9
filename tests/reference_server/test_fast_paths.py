"""The request path's shortcuts answer exactly what the full checks answer (they exist for speed
only: benchmarks/README.md, case `server`)."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from b24_spec.model import default
from reference_server.core import protocol
from reference_server.core.protocol import INT64_MAX, MAX_TEXT_BYTES, parse_id, unstorable

SCHEMAS = [op.request_schema for op in default().operations.values() if op.request_schema is not None]

texts = st.one_of(
    st.text(max_size=8),
    st.sampled_from(["é", "\ud800", "x" * (MAX_TEXT_BYTES + 1), "é" * (MAX_TEXT_BYTES // 2 + 1)]),
)
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True), texts
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(["flowData", "name", "x", "0"]), inner)
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(value=values, schema=st.sampled_from([None, *SCHEMAS]))
def test_unstorable_answers_as_the_full_walk(value: Any, schema: Any) -> None:
    assert unstorable(value, schema) == protocol._unstorable(value, schema, ())


def _parse_id_by_the_rule(value: object) -> int | None:
    """The documented rule, written plainly: ASCII digits (a trailing newline tolerated, as the
    pattern's `$` does), leading zeros allowed, within 64 bits."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        return None
    if isinstance(value, int):
        return value if 0 <= value <= INT64_MAX else None
    if not re.fullmatch(r"[0-9]+\n?", value, re.ASCII):
        return None
    number = int(value)
    return number if number <= INT64_MAX else None


@settings(max_examples=500, deadline=None)
@given(
    value=st.one_of(
        st.from_regex(r"\A[0-9]{1,22}\n?\Z"),
        st.text(alphabet="0123456789²٢ \n-+", max_size=21),
        st.integers(),
        st.booleans(),
    )
)
def test_parse_id_follows_the_rule(value: object) -> None:
    assert parse_id(value) == _parse_id_by_the_rule(value)
