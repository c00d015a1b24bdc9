"""Method handlers, one module per Bitrix24 scope or area. Importing this package registers them all."""

from . import batch, bizproc_activities, bizproc_tasks, bizproc_templates, bizproc_workflows, tasks

__all__ = ["batch", "bizproc_activities", "bizproc_tasks", "bizproc_templates", "bizproc_workflows", "tasks"]
