"""schemathesis hooks for `schemathesis run` with contract_tests/schemathesis.toml.

Importing the checks registers them, so the CLI runs the Bitrix24 checks next to the built-in ones.
An OAuth token comes from the B24_TOKEN environment variable and travels as the `auth` parameter
(a webhook URL needs nothing). Live-mode safety is enforced only by the pytest runner (`nox -s contract`).
"""

from __future__ import annotations

from typing import Any

import schemathesis

from contract_tests import checks, target

if not target.CURRENT.base_url:  # the pytest runner sets its own target before schemathesis loads us
    target.use(target.from_environment())

__all__ = ["add_token", "checks"]


@schemathesis.hook
def before_call(context: schemathesis.HookContext, case: schemathesis.Case[Any], **kwargs: Any) -> None:
    add_token(case)


def add_token(case: schemathesis.Case[Any]) -> None:
    if target.CURRENT.token:
        case.query = {**(case.query or {}), **target.CURRENT.params}
