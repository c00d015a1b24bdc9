"""Method handlers, one module per Bitrix24 scope. Importing this package registers them all."""

from . import batch, tasks

__all__ = ["batch", "tasks"]
