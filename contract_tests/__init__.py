"""Contract tests: check any Bitrix24-compatible server against the bundled spec (see README.md).

PYTEST_DONT_REWRITE: `b24-contract` imports this package before it starts pytest, and an installed
wheel's pytest plugin entry point makes pytest mark every package of the wheel for assertion
rewriting, which warns about an already imported one; nothing here asserts.
"""
