"""Method handlers, one module per Bitrix24 area. Importing this package registers them all."""

from . import batch, flows
from .bizproc import activities, tasks, templates, workflows

__all__ = ["activities", "batch", "flows", "tasks", "templates", "workflows"]
