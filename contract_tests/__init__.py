"""Contract tests: check any Bitrix24-compatible server against the bundled spec (see README.md)."""
