"""Fixtures of the runtime tests: a reference server with limits on, sharing a fake clock with the client."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.client.runtime.support import FakeClock, app_with


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def app(clock: FakeClock) -> Iterator[Any]:
    application = app_with(clock)
    yield application
    application.state.portal.store.close()
