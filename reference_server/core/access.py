"""Who may call a bizproc method. Guards run before parameters are read (`@method(guard=...)`)."""

from __future__ import annotations

from .context import CallContext
from .errors import BitrixError


def admin(ctx: CallContext) -> None:
    """Portal administrators only (workflows, template list)."""
    if not ctx.caller.user.admin:
        raise BitrixError.named("BizprocAccessDenied")


def app_admin(ctx: CallContext) -> None:
    """An administrator through an installed application: templates, robots, actions. A webhook has
    no application, so it is refused first, whoever made it (digest 1.10)."""
    if ctx.caller.application is None:
        raise BitrixError.named("AppContextRequired")
    admin(ctx)


def application(ctx: CallContext) -> str:
    """The calling application (a guard has made sure there is one)."""
    if ctx.caller.application is None:
        raise BitrixError.named("AppContextRequired")
    return ctx.caller.application
