"""The Python client: openapi-python-client with our config and templates, plus the hand-written runtime."""
