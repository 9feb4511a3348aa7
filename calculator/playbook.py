"""roles.yaml: its schema, cross-checks, and loading into a :class:`Playbook`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import DataError, Problem, Unlocated, merge
from .model import Collaboration, Duty, Kpi, Playbook, Role, SkillGroup, Team, Text
from .schema import ID_PATTERN, INVALID, Field, Id, ListOf, LocalText, Nullable, Number, Obj, Reporter, Str, validate

ROLE_IDS = ("director", "content", "user", "campaign", "data", "design_tech")

TEXT = LocalText(build=Text)

DUTY = Obj(
    "duty",
    (
        Field("id", Id(), ("职责领域的标识，在本岗位内唯一", "identifier of the duty area, unique within the role")),
        Field("title", TEXT, ("职责领域名称", "name of the duty area")),
        Field(
            "points",
            ListOf(TEXT, min_items=1, unique_items=True),
            ("该领域做什么，一条一句", "what the role does here, one statement each"),
        ),
        Field(
            "examples",
            ListOf(TEXT, unique_items=True),
            ("具体例子与数字", "concrete examples and figures"),
            required=False,
            default=(),
        ),
    ),
    build=Duty,
)

SKILL_GROUP = Obj(
    "skill group",
    (
        Field(
            "audience",
            TEXT,
            ("适用人群（仅当要求按人群区分时）", "who it applies to, only where requirements differ"),
            required=False,
        ),
        Field(
            "experience_years",
            Number(minimum=0, maximum=40, integer=True, unit="years"),
            ("最低从业年限", "minimum years of experience"),
            required=False,
        ),
        Field("points", ListOf(TEXT, min_items=1, unique_items=True), ("能力要求", "skill requirements")),
        Field(
            "tools",
            ListOf(Str(max_length=60), unique_items=True),
            ("工具名称", "tool names"),
            required=False,
            default=(),
        ),
    ),
    build=SkillGroup,
)

KPI = Obj(
    "KPI",
    (
        Field("id", Id(), ("指标标识，在本岗位内唯一", "metric identifier, unique within the role")),
        Field("name", TEXT, ("指标名称", "metric name")),
        Field("description", TEXT, ("衡量什么", "what is measured")),
    ),
    build=Kpi,
)

COLLABORATION = Obj(
    "collaboration link",
    (
        Field("with", Id(), ("协作对象的岗位 id", "id of the other role"), attr="role"),
        Field("flows", TEXT, ("双方之间流转什么", "what flows between the two roles")),
    ),
    build=Collaboration,
)

ROLE = Obj(
    "role",
    (
        Field("id", Id(), ("稳定的岗位 id，用于链接与网址", "stable role id, used in links and URLs")),
        Field("name", TEXT, ("岗位名称", "role name")),
        Field("tagline", TEXT, ("一句话定位", "one-line positioning")),
        Field("mission", TEXT, ("岗位使命", "what the role is for")),
        Field(
            "reports_to",
            Nullable(Id()),
            ("汇报对象的岗位 id；最高岗位为 null", "id of the role it reports to; null at the top"),
        ),
        Field("duties", ListOf(DUTY, min_items=1, unique=("id", "title")), ("职责领域", "duty areas")),
        Field("skills", ListOf(SKILL_GROUP, min_items=1), ("核心能力", "core skills")),
        Field("kpis", ListOf(KPI, min_items=1, unique=("id", "name")), ("考核指标", "KPIs")),
        Field(
            "collaboration",
            ListOf(COLLABORATION, unique=("with",)),
            ("与其他岗位的协作", "collaboration with other roles"),
        ),
    ),
    build=Role,
)

TEAM = Obj(
    "team",
    (
        Field("name", TEXT, ("团队名称", "team name")),
        Field("summary", TEXT, ("为什么需要清晰的分工", "why clear roles matter")),
        Field("architecture", TEXT, ("协作架构", "collaboration structure")),
    ),
    build=Team,
)

PLAYBOOK = Obj(
    "playbook",
    (
        Field("schema_version", Number(minimum=1, maximum=1, integer=True), ("文件格式版本", "file format version")),
        Field("team", TEAM, ("团队概况", "the team as a whole")),
        Field("roles", ListOf(ROLE, min_items=1, unique=("id",)), ("岗位列表", "the roles")),
    ),
)


def _cross_check(raw: Any, where: Reporter) -> list[Problem]:
    """Links between roles: every id named must exist, and a role cannot link to itself."""
    roles = raw.get("roles") if isinstance(raw, dict) else None
    if not isinstance(roles, list):
        return []
    # only valid ids: an invalid one is reported where it is defined, not offered as a choice
    ids = [r["id"] for r in roles if isinstance(r, dict) and isinstance(r.get("id"), str) and ID_PATTERN.match(r["id"])]
    allowed = ", ".join(dict.fromkeys(ids))
    problems = []
    for i, role in enumerate(roles):
        if not isinstance(role, dict):
            continue
        target = role.get("reports_to")
        if isinstance(target, str) and target not in ids:
            problems.append(
                where.problem(("roles", i, "reports_to"), f"unknown role {target!r} (allowed: {allowed}, or null)")
            )
        links = role.get("collaboration")
        for j, link in enumerate(links if isinstance(links, list) else []):
            if not isinstance(link, dict) or not isinstance(link.get("with"), str):
                continue
            path = ("roles", i, "collaboration", j, "with")
            if link["with"] not in ids:
                problems.append(where.problem(path, f"unknown role {link['with']!r} (allowed: {allowed})"))
            elif link["with"] == role.get("id"):
                problems.append(
                    where.problem(path, "a role cannot collaborate with itself (allowed: another role's id)")
                )
    tops = [r.get("id") for r in roles if isinstance(r, dict) and r.get("reports_to", "") is None]
    if ids and len(tops) != 1:
        problems.append(where.problem(("roles",), f"exactly one role must have reports_to: null (found {len(tops)})"))
    return problems


def playbook_from_data(raw: Any, where: Reporter, role_lines: tuple[tuple[str, int], ...] = ()) -> Playbook:
    """Validate plain data (from YAML or JSON) into a :class:`Playbook`, or raise :class:`DataError`."""
    checked, problems = validate(PLAYBOOK, raw, where)
    problems += _cross_check(raw, where)
    if problems or checked is INVALID:
        raise DataError(problems)
    return Playbook(checked["schema_version"], checked["team"], checked["roles"], role_lines)


def load_playbook(path: Path, display_name: str | None = None) -> Playbook:
    """Read roles.yaml; raise :class:`DataError` listing every problem with file and line."""
    from .source import read_yaml  # build-time only: PyYAML is not shipped to the browser

    doc = read_yaml(path, display_name)
    if doc.problems and doc.value is None:
        raise DataError(doc.problems)
    roles = doc.value.get("roles") if isinstance(doc.value, dict) else None  # any type: validation says which
    lines = tuple(
        (r["id"], doc.positions.get(("roles", i, "id"), (0, 0))[0])
        for i, r in enumerate(roles if isinstance(roles, list) else [])
        if isinstance(r, dict) and isinstance(r.get("id"), str)
    )
    try:
        playbook = playbook_from_data(doc.value, doc, lines)
    except DataError as exc:
        raise DataError(merge(doc.problems, exc.problems)) from None
    if doc.problems:  # e.g. duplicate keys that still left a valid-looking file
        raise DataError(doc.problems)
    return playbook


def playbook_from_json(raw: Any) -> Playbook:
    """The browser's path: data exported as JSON, validated the same way (no line numbers)."""
    return playbook_from_data(raw, Unlocated("roles.json"))


def playbook_to_data(playbook: Playbook) -> dict[str, Any]:
    """The JSON export (roles.json): the same shape as roles.yaml."""
    from dataclasses import asdict

    def text(t: Text | None) -> dict[str, str] | None:
        return None if t is None else t.to_data()

    def role(r: Role) -> dict[str, Any]:
        return {
            "id": r.id,
            "name": text(r.name),
            "tagline": text(r.tagline),
            "mission": text(r.mission),
            "reports_to": r.reports_to,
            "duties": [
                {
                    "id": d.id,
                    "title": text(d.title),
                    "points": [text(p) for p in d.points],
                    "examples": [text(e) for e in d.examples],
                }
                for d in r.duties
            ],
            "skills": [
                {
                    k: v
                    for k, v in {
                        "audience": text(s.audience),
                        "experience_years": s.experience_years,
                        "points": [text(p) for p in s.points],
                        "tools": list(s.tools),
                    }.items()
                    if v is not None
                }
                for s in r.skills
            ],
            "kpis": [{"id": k.id, "name": text(k.name), "description": text(k.description)} for k in r.kpis],
            "collaboration": [{"with": c.role, "flows": text(c.flows)} for c in r.collaboration],
        }

    return {
        "schema_version": playbook.schema_version,
        "team": asdict(playbook.team),
        "roles": [role(r) for r in playbook.roles],
    }
