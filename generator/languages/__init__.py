"""Clients in other languages (TypeScript, Go): generated, compiled and smoke-tested."""
