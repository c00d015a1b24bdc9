"""Who may call: users, departments, workgroups, webhooks and OAuth tokens."""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from .errors import BitrixError
from .protocol import parse_id

LANGUAGES = frozenset({"en", "ru"})
DEFAULT_FIXTURES = Path(__file__).with_name("default_fixtures.yaml")
# Every portal grants `basic` (batch, user.current, ...) to every webhook and application.
IMPLICIT_SCOPES = frozenset({"basic"})


@dataclass(frozen=True)
class User:
    id: int
    name: str = ""
    admin: bool = False
    extranet: bool = False
    departments: tuple[int, ...] = ()


@dataclass(frozen=True)
class Department:
    id: int
    name: str = ""
    parent: int | None = None
    head: int | None = None  # the department's manager: its users (and sub-departments') are subordinates


@dataclass(frozen=True)
class Group:
    id: int
    name: str = ""
    members: tuple[int, ...] = ()
    tasks: bool = True  # the group's tasks feature is on
    closed: bool = False  # archived


@dataclass(frozen=True)
class TaskTemplate:
    """A task template a flow may name (`templateId`); `readers` are the users who may read it."""

    id: int
    readers: tuple[int, ...] = ()


# Whether the portal's plan includes flows: `included`, `trial-available` (create switches a 15-day
# trial on once), or `trial-used` (the trial is over: create and update are refused).
FLOW_PLANS = frozenset({"included", "trial-available", "trial-used"})


@dataclass(frozen=True)
class Webhook:
    user: int
    code: str
    scopes: frozenset[str]


@dataclass(frozen=True)
class OAuthToken:
    token: str
    user: int
    application: str
    scopes: frozenset[str]
    expires_at: float | None = None


@dataclass(frozen=True)
class Caller:
    """The identity a call runs as. `key` names the credential for per-app limits."""

    user: User
    scopes: frozenset[str]
    key: str
    application: str | None = None

    def has_scope(self, scope: str) -> bool:
        return scope in self.scopes or scope in IMPLICIT_SCOPES


@dataclass
class Identities:
    users: dict[int, User] = field(default_factory=dict)
    departments: dict[int, Department] = field(default_factory=dict)
    groups: dict[int, Group] = field(default_factory=dict)
    task_templates: dict[int, TaskTemplate] = field(default_factory=dict)
    flow_plan: str = "included"
    webhooks: list[Webhook] = field(default_factory=list)
    tokens: dict[str, OAuthToken] = field(default_factory=dict)
    faults: list[dict[str, Any]] = field(default_factory=list)
    lang: str = "en"  # the portal's language: which language-file strings its messages use

    def webhook_caller(self, user_id: str, code: str) -> Caller:
        user = parse_id(user_id)  # ASCII digits only: "٢" is not user 2
        for hook in self.webhooks:
            if hook.user == user and hook.code == code and hook.user in self.users:
                return Caller(self.users[hook.user], hook.scopes, key=f"webhook:{hook.user}/{hook.code}")
        raise BitrixError.named("NoAuthFound")

    def token_caller(self, token: str | None, now: float) -> Caller:
        found = self.tokens.get(token) if token else None
        if found is None or found.user not in self.users:
            raise BitrixError.named("NoAuthFound")
        if found.expires_at is not None and found.expires_at <= now:
            raise BitrixError.named("ExpiredToken")
        return Caller(
            self.users[found.user],
            found.scopes,
            key=f"app:{found.application}:{found.user}",
            application=found.application,
        )

    def department_closure(self, department: int) -> set[int]:
        """The department and all of its sub-departments."""
        result = {department}
        grew = True
        while grew:
            children = {d.id for d in self.departments.values() if d.parent in result}
            grew = not children <= result
            result |= children
        return result

    def users_in(self, department: int, *, with_subdepartments: bool) -> set[int]:
        wanted = self.department_closure(department) if with_subdepartments else {department}
        return {u.id for u in self.users.values() if wanted & set(u.departments)}

    def subordinates(self, user_id: int) -> set[int]:
        """Users of the departments `user_id` heads, sub-departments included, as a portal's
        structure defines them (bizproc: whose tasks a manager may list and delegate to)."""
        found: set[int] = set()
        for dep in self.departments.values():
            if dep.head == user_id:
                found |= self.users_in(dep.id, with_subdepartments=True)
        return found - {user_id}

    def app_id(self, application: str) -> int:
        """The numeric id of an application (`SYSTEM_CODE` `rest_app_<id>`): its rank among the
        applications of the OAuth fixtures, in order of appearance."""
        names = list(dict.fromkeys(t.application for t in self.tokens.values()))
        return names.index(application) + 1 if application in names else len(names) + 1


def _timestamp(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, int | float):
        return float(value)
    moment = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.timestamp()


@cache
def _parsed(path: Path, mtime_ns: int, size: int) -> Any:
    """A fixtures file parsed once per version of it: parsing took most of a new portal's set-up
    time, and the pytest plugin makes one portal per test. libyaml's loader when it is there."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


def _read_fixtures(path: Path) -> dict[str, Any]:
    stat = path.stat()
    data = _parsed(path.resolve(), stat.st_mtime_ns, stat.st_size)
    return copy.deepcopy(data) if data else {}


def load_identities(path: Path | None = None) -> Identities:
    data = _read_fixtures(path or DEFAULT_FIXTURES)
    ids = Identities()
    for u in data.get("users", []):
        ids.users[int(u["id"])] = User(
            id=int(u["id"]),
            name=str(u.get("name", "")),
            admin=bool(u.get("admin", False)),
            extranet=bool(u.get("extranet", False)),
            departments=tuple(int(d) for d in u.get("departments", [])),
        )
    for d in data.get("departments", []):
        parent = d.get("parent")
        head = d.get("head")
        ids.departments[int(d["id"])] = Department(
            int(d["id"]),
            str(d.get("name", "")),
            int(parent) if parent is not None else None,
            int(head) if head is not None else None,
        )
    for g in data.get("groups", []):
        ids.groups[int(g["id"])] = Group(
            int(g["id"]),
            str(g.get("name", "")),
            tuple(int(m) for m in g.get("members", [])),
            tasks=bool(g.get("tasks", True)),
            closed=bool(g.get("closed", False)),
        )
    for t in data.get("taskTemplates", []):
        readers = tuple(int(r) for r in t.get("readers", []))
        ids.task_templates[int(t["id"])] = TaskTemplate(int(t["id"]), readers)
    plan = str(data.get("flowPlan", "included"))
    if plan not in FLOW_PLANS:
        raise ValueError(f"flowPlan must be one of {sorted(FLOW_PLANS)}, not {plan!r}")
    ids.flow_plan = plan
    for w in data.get("webhooks", []):
        ids.webhooks.append(Webhook(int(w["user"]), str(w["code"]), frozenset(w.get("scopes", []))))
    for t in data.get("oauth", []):
        ids.tokens[str(t["token"])] = OAuthToken(
            token=str(t["token"]),
            user=int(t["user"]),
            application=str(t.get("application", "local.app")),
            scopes=frozenset(t.get("scopes", [])),
            expires_at=_timestamp(t.get("expires_at")),
        )
    ids.faults = list(data.get("faults", []))
    lang = str(data.get("lang", "en"))
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {sorted(LANGUAGES)}, not {lang!r}")
    ids.lang = lang
    return ids
