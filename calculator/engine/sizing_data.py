"""sizing.yaml: the sizing model's schema, cross-checks, loading and JSON export.

Standard library only (the browser loads the model from JSON through
:func:`sizing_from_json`); reading sizing.yaml with line numbers is
:func:`calculator.datafiles.load.load_sizing`.
Every number the engine uses is a :class:`Parameter` read from the data file,
with its unit, label and source (or an explicit assumption label).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from .errors import DataError, PathKey, Problem, Unlocated
from .model import Text
from .playbook import ROLE_IDS as DEFAULT_ROLE_IDS
from .scenario import Scenario, scenario_problems, scenario_to_data
from .schema import (
    INVALID,
    Context,
    Enum,
    Field,
    Id,
    ListOf,
    LocalText,
    MapOf,
    Number,
    Obj,
    Reporter,
    Spec,
    Str,
    validate,
)

#: Fixed channel ids (the issue fixes them; share links depend on them), in display order.
CHANNEL_IDS = ("wechat_oa", "wechat_channels", "douyin", "kuaishou", "xiaohongshu", "bilibili", "weibo", "zhihu")
#: Fixed goal ids.
GOAL_IDS = ("awareness", "growth", "retention", "conversion")

FILE_NAME = "sizing.yaml"
JSON_NAME = "sizing.json"

# Generous upper bounds on the data file's own values: they catch typos in sizing.yaml.
_MAX_HOURS_PER_UNIT = 500.0
_MAX_HOURS_PER_WEEK = 168.0
_MAX_MINUTES = 600.0
_MAX_WEIGHT = 5.0
_MAX_LIMIT = 1e9

#: What a source's ``url`` must look like: an http(s) address (the methodology page links it).
URL_PATTERN = re.compile(r"\Ahttps?://[^\s()<>\"'`|{}\\]+\Z")

TEXT = LocalText(build=Text)


# --------------------------------------------------------------------------- objects


@dataclass(frozen=True)
class Source:
    """Where a published figure comes from."""

    title: str
    url: str | None = None
    note: Text | None = None


@dataclass(frozen=True)
class Parameter:
    """One number of the model, with its unit, meaning and provenance."""

    value: float
    unit: Text
    label: Text
    source: Source | None = None
    assumption: bool = False
    note: Text | None = None


#: Hours (or other per-unit figures) split between roles: ``((role_id, parameter), ...)`` in file order.
RoleParameters = tuple[tuple[str, Parameter], ...]


@dataclass(frozen=True)
class ExtraRole:
    """A role needed for sizing that is not one of the playbook's roles (e.g. a live host)."""

    id: str
    name: Text
    description: Text


@dataclass(frozen=True)
class Capacity:
    """How many hours one full-time person gives each week."""

    hours_per_week: Parameter
    shrinkage: Parameter
    utilisation: Parameter

    @property
    def coverage_hours(self) -> float:
        """Hours per week one person can sit in a scheduled seat (live room): paid hours less shrinkage."""
        return self.hours_per_week.value * (1 - self.shrinkage.value)

    @property
    def production_hours(self) -> float:
        """Hours per week of production work per person: coverage hours times utilisation."""
        return self.coverage_hours * self.utilisation.value


@dataclass(frozen=True)
class Channel:
    id: str
    name: Text
    live: bool
    hours_per_post: RoleParameters
    upkeep_hours_per_week: RoleParameters


@dataclass(frozen=True)
class Community:
    hours_per_group_per_week: RoleParameters
    hours_per_1000_contacts_per_week: RoleParameters
    minutes_per_comment: RoleParameters


@dataclass(frozen=True)
class Campaigns:
    always_on_hours_per_channel_per_week: RoleParameters
    hours_per_node_campaign: RoleParameters
    weeks_per_year: Parameter
    peak_weeks: Parameter
    peak_multiplier: Parameter


@dataclass(frozen=True)
class DataWork:
    reporting_hours_per_channel_per_week: RoleParameters
    ad_buying_hours_per_live_hour: RoleParameters


@dataclass(frozen=True)
class Live:
    on_air_hours_per_live_hour: RoleParameters
    prep_hours_per_live_hour: RoleParameters


@dataclass(frozen=True)
class LeadPosition:
    """How a position that carries lead work is named, and why (player-coach or team lead)."""

    title: Text
    reason: Text


@dataclass(frozen=True)
class Leadership:
    role: str
    base_hours_per_week: Parameter
    hours_per_execution_fte: Parameter
    span_of_control: Parameter
    player_coach: LeadPosition  # within the span: the lead share joins an execution position
    team_lead: LeadPosition  # above the span: lead load beyond one dedicated head


@dataclass(frozen=True)
class Goal:
    id: str
    name: Text
    weights: RoleParameters


@dataclass(frozen=True)
class Combination:
    """Roles whose fractional remainders may share one position."""

    roles: tuple[str, ...]
    title: Text
    reason: Text


@dataclass(frozen=True)
class Packing:
    position_capacity: Parameter
    round_down_below: Parameter
    absorb_below: Parameter
    combinations: tuple[Combination, ...]
    titles: tuple[tuple[str, Text], ...]

    def title(self, role_id: str) -> Text:
        return dict(self.titles)[role_id]


@dataclass(frozen=True)
class HiringEntry:
    """One entry of sizing.yaml's hiring order (the plan's steps are :class:`calculator.engine.sizing.HiringStep`)."""

    role: str
    reason: Text


@dataclass(frozen=True)
class Limits:
    posts_per_week: Parameter
    live_hours_per_week: Parameter
    groups: Parameter
    contacts: Parameter
    comments_per_week: Parameter
    campaigns_per_year: Parameter


@dataclass(frozen=True)
class Output:
    decimals: Parameter


@dataclass(frozen=True)
class Input:
    """How the calculator form asks for one scenario field."""

    label: Text
    unit: Text
    help: Text | None = None


#: scenario fields the calculator form asks for, in form order
INPUT_IDS = (
    "posts_per_week",
    "live_hours_per_week",
    "groups",
    "contacts",
    "comments_per_week",
    "campaigns_per_year",
    "goals",
)


@dataclass(frozen=True)
class Form:
    """Labels, units and help of the calculator form's inputs (keyed like the scenario)."""

    inputs: tuple[tuple[str, Input], ...]

    def input(self, input_id: str) -> Input:
        return dict(self.inputs)[input_id]


@dataclass(frozen=True)
class SizingModel:
    """Everything the engine needs, validated once."""

    schema_version: int
    extra_roles: tuple[ExtraRole, ...]
    capacity: Capacity
    channels: tuple[Channel, ...]
    community: Community
    campaigns: Campaigns
    data_work: DataWork
    live: Live
    leadership: Leadership
    goals: tuple[Goal, ...]
    packing: Packing
    hiring: tuple[HiringEntry, ...]
    limits: Limits
    output: Output
    form: Form
    default_scenario: Scenario | None = None
    #: the playbook's role ids (roles.yaml, in its order); the six defaults when roles.yaml is not at hand
    playbook_role_ids: tuple[str, ...] = DEFAULT_ROLE_IDS

    @property
    def role_ids(self) -> tuple[str, ...]:
        """The playbook's roles, then the extra roles, in display order."""
        return self.playbook_role_ids + tuple(r.id for r in self.extra_roles)

    @property
    def decimals(self) -> int:
        return int(self.output.decimals.value)

    def channel(self, channel_id: str) -> Channel:
        return next(c for c in self.channels if c.id == channel_id)

    def goal(self, goal_id: str) -> Goal:
        return next(g for g in self.goals if g.id == goal_id)


# --------------------------------------------------------------------------- specs


@dataclass(frozen=True)
class Flag(Spec):
    """``true`` or ``false``."""

    kind = "true or false"

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        if not isinstance(value, bool):
            ctx.report(path, f"expected true or false, found {value!r} (allowed: true, false)")
            return INVALID
        return value

    def example(self) -> Any:
        return True


SOURCE = Obj(
    "source",
    (
        Field("title", Str(max_length=300), ("出处名称（作者、标题、年份）", "the source's author, title and year")),
        Field(
            "url",
            Str(max_length=500),
            ("出处网址（http:// 或 https://）", "address of the source (http:// or https://)"),
            required=False,
        ),
        Field("note", TEXT, ("如何从出处得到这个数值", "how the value was read from the source"), required=False),
    ),
    build=Source,
)


@dataclass(frozen=True)
class ParameterSpec(Obj):
    """A parameter: value within bounds, unit, label, and a source or an explicit assumption with a note."""

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        before = len(ctx.problems)
        built = super().check(value, path, ctx)
        if isinstance(value, dict):
            sourced = value.get("source") is not None
            assumed = value.get("assumption") is True
            if sourced == assumed:
                ctx.report(
                    path,
                    "give either a source {title, url?, note?} or assumption: true with a note {zh, en}, "
                    + ("not both" if sourced else "one of them is required"),
                )
            if assumed and "note" not in value:
                ctx.report(path, "an assumption needs a note {zh, en} saying why this value was chosen")
            source = value.get("source")
            url = source.get("url") if isinstance(source, dict) else None
            if isinstance(url, str) and url.strip() and not URL_PATTERN.match(url.strip()):
                shown = url if len(url) <= 60 else url[:57] + "..."
                ctx.report(
                    (*path, "source", "url"),
                    f"{shown!r} is not a web address (allowed: an http:// or https:// URL, e.g. https://example.com/report)",
                )
        return INVALID if len(ctx.problems) > before else built

    def example(self) -> Any:
        # A valid parameter needs a source, or an assumption with a note.
        return {
            **super().example(),
            "assumption": True,
            "note": {"zh": "团队经验估计", "en": "the team's own estimate"},
        }


def param(maximum: float, minimum: float = 0.0, integer: bool = False) -> ParameterSpec:
    """The spec of a parameter whose value lies in ``[minimum, maximum]``."""
    return ParameterSpec(
        "parameter",
        (
            Field("value", Number(minimum=minimum, maximum=maximum, integer=integer), ("数值", "the value")),
            Field("unit", TEXT, ("单位", "unit")),
            Field("label", TEXT, ("含义", "what it is")),
            Field(
                "source",
                SOURCE,
                ("出处（与 assumption 二选一）", "where it comes from (or give assumption)"),
                required=False,
            ),
            Field(
                "assumption",
                Flag(),
                ("是否为假设（true 时必须写 note）", "whether it is an assumption (true requires a note)"),
                required=False,
                default=False,
            ),
            Field("note", TEXT, ("为什么取这个值", "why this value"), required=False),
        ),
        build=Parameter,
    )


@dataclass(frozen=True)
class RoleMap(Spec):
    """A mapping of role id to parameter, built into ``((role_id, Parameter), ...)`` in file order."""

    param: Spec
    kind = "mapping of role id to parameter"

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        checked = MapOf(Id(), self.param).check(value, path, ctx)
        return INVALID if checked is INVALID else tuple(checked.items())

    def describe(self) -> str:
        return "mapping of role id to parameter"

    def example(self) -> Any:
        return {"content": self.param.example()}


HOURS_PER_UNIT = RoleMap(param(_MAX_HOURS_PER_UNIT))
HOURS_PER_WEEK = RoleMap(param(_MAX_HOURS_PER_WEEK))

EXTRA_ROLE = Obj(
    "extra role",
    (
        Field("id", Id(), ("角色 id，不得与手册岗位重复", "role id, distinct from the playbook's roles")),
        Field("name", TEXT, ("角色名称", "role name")),
        Field("description", TEXT, ("做什么", "what the role does")),
    ),
    build=ExtraRole,
)

CAPACITY = Obj(
    "capacity",
    (
        Field(
            "hours_per_week", param(_MAX_HOURS_PER_WEEK, minimum=1), ("每周标准工时", "standard paid hours per week")
        ),
        Field("shrinkage", param(0.9), ("损耗率", "share of paid time lost to leave, meetings, training")),
        Field(
            "utilisation", param(1.0, minimum=0.1), ("利用率", "share of the remaining time spent on production work")
        ),
    ),
    build=Capacity,
)

CHANNEL = Obj(
    "channel",
    (
        Field("id", Enum(CHANNEL_IDS), ("渠道 id（固定）", "channel id (fixed)")),
        Field("name", TEXT, ("渠道名称", "channel name")),
        Field("live", Flag(), ("该渠道能否直播", "whether the channel live-streams")),
        Field("hours_per_post", HOURS_PER_UNIT, ("每条内容各岗位工时", "hours per post, by role")),
        Field("upkeep_hours_per_week", HOURS_PER_WEEK, ("每周账号维护工时", "weekly upkeep hours, by role")),
    ),
    build=Channel,
)

COMMUNITY = Obj(
    "community",
    (
        Field("hours_per_group_per_week", HOURS_PER_WEEK, ("每个群每周工时", "hours per group per week")),
        Field(
            "hours_per_1000_contacts_per_week",
            HOURS_PER_WEEK,
            ("每千私域好友每周工时", "hours per 1,000 contacts per week"),
        ),
        Field(
            "minutes_per_comment", RoleMap(param(_MAX_MINUTES)), ("每条评论或私信分钟数", "minutes per comment or DM")
        ),
    ),
    build=Community,
)

CAMPAIGNS = Obj(
    "campaigns",
    (
        Field(
            "always_on_hours_per_channel_per_week",
            HOURS_PER_WEEK,
            ("每渠道每周日常活动工时", "always-on hours per channel per week"),
        ),
        Field(
            "hours_per_node_campaign",
            RoleMap(param(_MAX_HOURS_PER_UNIT * 10)),
            ("每次节点大促工时", "hours per node campaign"),
        ),
        Field("weeks_per_year", param(53, minimum=1), ("每年周数", "weeks per year")),
        Field("peak_weeks", param(26, minimum=1, integer=True), ("冲刺期周数", "weeks of the pre-node peak")),
        Field("peak_multiplier", param(_MAX_WEIGHT, minimum=1), ("冲刺期放大倍数", "peak multiplier on routine work")),
    ),
    build=Campaigns,
)

DATA_WORK = Obj(
    "data work",
    (
        Field(
            "reporting_hours_per_channel_per_week",
            HOURS_PER_WEEK,
            ("每渠道每周报表工时", "reporting hours per channel per week"),
        ),
        Field(
            "ad_buying_hours_per_live_hour",
            HOURS_PER_UNIT,
            ("每直播小时投流工时（排班）", "ad-buying hours per live hour (scheduled)"),
        ),
    ),
    build=DataWork,
)

LIVE = Obj(
    "live",
    (
        Field(
            "on_air_hours_per_live_hour",
            HOURS_PER_UNIT,
            ("每直播小时在播工时（排班）", "on-air hours per live hour (scheduled)"),
        ),
        Field("prep_hours_per_live_hour", HOURS_PER_UNIT, ("每直播小时准备工时", "preparation hours per live hour")),
    ),
    build=Live,
)

LEAD_POSITION = Obj(
    "lead position",
    (
        Field("title", TEXT, ("职位名称（或名称后缀）", "title (or title note)")),
        Field("reason", TEXT, ("理由（招聘顺序中显示）", "why (shown in the hiring order)")),
    ),
    build=LeadPosition,
)

LEADERSHIP = Obj(
    "leadership",
    (
        Field("role", Id(), ("承担管理负荷的岗位 id", "id of the role that carries the lead load")),
        Field("base_hours_per_week", param(_MAX_HOURS_PER_WEEK), ("负责人固定工时", "lead's fixed hours per week")),
        Field(
            "hours_per_execution_fte",
            param(_MAX_HOURS_PER_WEEK),
            ("每个执行FTE的管理工时", "management hours per execution FTE"),
        ),
        Field(
            "span_of_control", param(100, minimum=1, integer=True), ("管理幅度", "span of control (execution staff)")
        ),
        Field(
            "player_coach",
            LEAD_POSITION,
            (
                "不设专职负责人时：负责人工作并入的职位名称后缀与理由",
                "within the span: the note added to the title of the position that carries the lead work, and why",
            ),
        ),
        Field(
            "team_lead",
            LEAD_POSITION,
            (
                "一位专职负责人承担不了全部管理工作时：组长职位的名称与理由",
                "when one dedicated head cannot carry all the lead work: the team-lead position's title and why",
            ),
        ),
    ),
    build=Leadership,
)

GOAL = Obj(
    "goal",
    (
        Field("id", Enum(GOAL_IDS), ("目标 id（固定）", "goal id (fixed)")),
        Field("name", TEXT, ("目标名称", "goal name")),
        Field(
            "weights",
            RoleMap(param(_MAX_WEIGHT, minimum=1)),
            ("该目标倚重岗位的权重（≥1）", "weights of the roles the goal leans on (at least 1)"),
        ),
    ),
    build=Goal,
)

COMBINATION = Obj(
    "combination",
    (
        Field(
            "roles",
            ListOf(Id(), min_items=2, unique_items=True),
            ("可合并的岗位 id", "role ids that may share a position"),
        ),
        Field("title", TEXT, ("合并岗位的职位名称", "title of the combined position")),
        Field(
            "reason", TEXT, ("为什么这样合并（招聘顺序中显示）", "why these go together (shown in the hiring order)")
        ),
    ),
    build=Combination,
)


@dataclass(frozen=True)
class TitleMap(Spec):
    """Role id -> position title, built into ``((role_id, Text), ...)``."""

    kind = "mapping of role id to title"

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        checked = MapOf(Id(), TEXT).check(value, path, ctx)
        return INVALID if checked is INVALID else tuple(checked.items())

    def describe(self) -> str:
        return "mapping of role id to localised text"

    def example(self) -> Any:
        return {"content": TEXT.example()}


PACKING = Obj(
    "packing",
    (
        Field("position_capacity", param(2, minimum=0.5), ("每个职位的容量", "capacity of one position")),
        Field("round_down_below", param(0.5), ("向下取整阈值", "round-down threshold for a role's remainder")),
        Field(
            "absorb_below",
            param(1.0),
            ("并入阈值：低于此值的零散工作并入有空余的职位", "below this, a leftover share joins a position with room"),
        ),
        Field(
            "combinations", ListOf(COMBINATION, min_items=1), ("合并规则，按顺序尝试", "combinations, tried in order")
        ),
        Field("titles", TitleMap(), ("单一岗位的职位名称", "title of a single-role position, per role")),
    ),
    build=Packing,
)

HIRING_STEP = Obj(
    "hiring step",
    (
        Field("role", Id(), ("岗位 id", "role id")),
        Field("reason", TEXT, ("为什么这个顺序", "why this order")),
    ),
    build=HiringEntry,
)

LIMITS = Obj(
    "limits",
    (
        Field(
            "posts_per_week", param(_MAX_LIMIT, minimum=1), ("每渠道每周发布上限", "most posts per week per channel")
        ),
        Field(
            "live_hours_per_week",
            param(_MAX_HOURS_PER_WEEK, minimum=1),
            ("每渠道每周直播上限", "most live hours per week per channel"),
        ),
        Field("groups", param(_MAX_LIMIT, minimum=1, integer=True), ("社群数上限", "most groups")),
        Field("contacts", param(_MAX_LIMIT, minimum=1, integer=True), ("私域好友上限", "most contacts")),
        Field("comments_per_week", param(_MAX_LIMIT, minimum=1), ("每周评论上限", "most comments per week")),
        Field(
            "campaigns_per_year", param(366, minimum=1, integer=True), ("每年大促上限", "most node campaigns per year")
        ),
    ),
    build=Limits,
)

OUTPUT = Obj(
    "output",
    (Field("decimals", param(6, integer=True), ("小数位数", "decimal places")),),
    build=Output,
)


INPUT = Obj(
    "form input",
    (
        Field("label", TEXT, ("表单上的标签", "label on the form")),
        Field("unit", TEXT, ("单位", "unit")),
        Field("help", TEXT, ("补充说明", "a short hint"), required=False),
    ),
    build=Input,
)

FORM = Obj(
    "form",
    tuple(Field(i, INPUT, ("计算器表单中该输入项的文字", "the form's text for this input")) for i in INPUT_IDS),
    build=lambda **inputs: Form(tuple((i, inputs[i]) for i in INPUT_IDS)),
)


@dataclass(frozen=True)
class Passthrough(Spec):
    """Any mapping; checked later by a function that needs the rest of the model."""

    kind = "mapping"

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        if not isinstance(value, dict):
            ctx.report(path, "expected a mapping (allowed: a scenario, e.g. {channels: {douyin: {posts_per_week: 7}}})")
            return INVALID
        return value

    def example(self) -> Any:
        return {"channels": {"douyin": {"posts_per_week": 7}}}


SIZING = Obj(
    "sizing model",
    (
        Field("schema_version", Number(minimum=1, maximum=1, integer=True), ("文件格式版本", "file format version")),
        Field("extra_roles", ListOf(EXTRA_ROLE, unique=("id",)), ("手册岗位之外的角色", "roles outside the playbook")),
        Field("capacity", CAPACITY, ("人均产能", "capacity of one person")),
        Field("channels", ListOf(CHANNEL, unique=("id",)), ("渠道（8个固定 id）", "channels (the 8 fixed ids)")),
        Field("community", COMMUNITY, ("社群与私域", "community and private domain")),
        Field("campaigns", CAMPAIGNS, ("活动与大促", "campaigns and peaks")),
        Field("data_work", DATA_WORK, ("数据与投放", "data and ad buying")),
        Field("live", LIVE, ("直播间", "live room")),
        Field("leadership", LEADERSHIP, ("管理负荷与管理幅度", "lead load and span of control")),
        Field("goals", ListOf(GOAL, unique=("id",)), ("目标（4个固定 id）", "goals (the 4 fixed ids)")),
        Field("packing", PACKING, ("职位合并规则", "position packing")),
        Field("hiring", ListOf(HIRING_STEP, min_items=1, unique=("role",)), ("招聘顺序", "hiring order")),
        Field("limits", LIMITS, ("输入上限", "input limits")),
        Field("output", OUTPUT, ("输出格式", "output format")),
        Field("form", FORM, ("计算器表单的标签与单位", "labels and units of the calculator form")),
        Field("default_scenario", Passthrough(), ("默认场景", "the default scenario"), required=False, default=None),
    ),
)


# --------------------------------------------------------------------------- cross-checks

# Keys whose mapping keys are role ids, wherever they appear.
_ROLE_MAP_KEYS = frozenset(
    {
        "hours_per_post",
        "upkeep_hours_per_week",
        "hours_per_group_per_week",
        "hours_per_1000_contacts_per_week",
        "minutes_per_comment",
        "always_on_hours_per_channel_per_week",
        "hours_per_node_campaign",
        "reporting_hours_per_channel_per_week",
        "ad_buying_hours_per_live_hour",
        "on_air_hours_per_live_hour",
        "prep_hours_per_live_hour",
        "weights",
        "titles",
    }
)


def role_references(raw: Any, path: PathKey = ()) -> Iterator[tuple[PathKey, str]]:
    """Every role id named in sizing data (YAML shape), with its key path."""
    if isinstance(raw, dict):
        for key, value in raw.items():
            here = (*path, key)
            if key in _ROLE_MAP_KEYS and isinstance(value, dict):
                yield from (((*here, k), k) for k in value if isinstance(k, str))
            elif key == "role" and isinstance(value, str):
                yield here, value
            elif key == "roles" and isinstance(value, list) and path[:2] == ("packing", "combinations"):
                yield from (((*here, i), r) for i, r in enumerate(value) if isinstance(r, str))
            else:
                yield from role_references(value, here)
    elif isinstance(raw, list):
        for i, item in enumerate(raw):
            yield from role_references(item, (*path, i))


def _extra_ids(raw: Any) -> list[str]:
    extras = raw.get("extra_roles") if isinstance(raw, dict) else None
    return (
        [r["id"] for r in extras if isinstance(r, dict) and isinstance(r.get("id"), str)]
        if isinstance(extras, list)
        else []
    )


def _unknown_role(role_id: str, known: list[str]) -> str:
    return f"unknown role {role_id!r}: not a role of roles.yaml nor of extra_roles (allowed: {', '.join(known)})"


def _cross_check(raw: Any, where: Reporter, role_ids: tuple[str, ...], named: frozenset[str]) -> list[Problem]:
    """Ids that must exist or be complete: roles, the 8 channels, the 4 goals, titles and hiring for every role.

    ``role_ids`` are the playbook's roles (roles.yaml); a role named here must be one of them or an extra role,
    and every one of them needs a packing title and a place in the hiring order, except the roles in
    ``named`` (roles.yaml gave their names), which fall back (see :func:`_with_fallbacks`).
    """
    if not isinstance(raw, dict):
        return []
    extras = _extra_ids(raw)
    known = list(role_ids) + extras
    problems = [where.problem(p, _unknown_role(rid, known)) for p, rid in role_references(raw) if rid not in known]
    for i, rid in enumerate(extras):
        if rid in role_ids:
            problems.append(
                where.problem(
                    ("extra_roles", i, "id"), f"{rid!r} is a playbook role already (allowed: a new id such as host)"
                )
            )
    for key, fixed in (("channels", CHANNEL_IDS), ("goals", GOAL_IDS)):
        items = raw.get(key)
        if isinstance(items, list):
            given = {item.get("id") for item in items if isinstance(item, dict)}
            missing = [i for i in fixed if i not in given]
            if missing:
                problems.append(
                    where.problem((key,), f"missing {', '.join(missing)} (every one of {', '.join(fixed)} is required)")
                )
    packing = raw.get("packing")
    titles = packing.get("titles") if isinstance(packing, dict) else None
    if isinstance(titles, dict):
        problems += [
            where.problem(
                ("packing", "titles"),
                f"missing a title for role {r!r} (every role of roles.yaml and extra_roles needs one; "
                f"add e.g. {r}: {{zh: 视频编导, en: Video producer}} under packing.titles)",
            )
            for r in known
            if r not in titles and r not in named
        ]
    hiring = raw.get("hiring")
    if isinstance(hiring, list):
        listed = {h.get("role") for h in hiring if isinstance(h, dict)}
        problems += [
            where.problem(
                ("hiring",),
                f"missing role {r!r} (every role of roles.yaml and extra_roles needs a place in the hiring order; "
                f"add e.g. - role: {r} with reason: {{zh: ..., en: ...}} where it should be hired)",
            )
            for r in known
            if r not in listed and r not in named
        ]
    return problems


@dataclass(frozen=True)
class _Within:
    """Reports a nested document's problems at their place in the outer file."""

    where: Reporter
    prefix: PathKey

    def problem(self, path: PathKey, message: str) -> Problem:
        return self.where.problem((*self.prefix, *path), message)


# --------------------------------------------------------------------------- loading


#: The hiring reason of a playbook role that sizing.yaml's hiring order does not list (it is hired last).
UNLISTED_HIRING_REASON = Text(
    "sizing.yaml 的招聘顺序中没有这个岗位，因此排在最后；在 hiring 中加上它即可调整。",
    "Not in sizing.yaml's hiring order, so hired last; add it to hiring to change that.",
)


def _with_fallbacks(model: SizingModel, role_names: Mapping[str, Text]) -> SizingModel:
    """A playbook role that sizing.yaml does not mention gets its roles.yaml name as title and is hired last.

    So a role added to roles.yaml alone validates and is sized (with no work until sizing.yaml assigns
    parameters to it); the fallbacks are part of the model, hence of sizing.json.
    """
    pk = model.packing
    titled = {r for r, _ in pk.titles}
    hired = {h.role for h in model.hiring}
    titles = pk.titles + tuple((r, role_names[r]) for r in model.playbook_role_ids if r not in titled)
    hiring = model.hiring + tuple(
        HiringEntry(r, UNLISTED_HIRING_REASON) for r in model.playbook_role_ids if r not in hired
    )
    return replace(model, packing=replace(pk, titles=titles), hiring=hiring)


def sizing_from_data(
    raw: Any,
    where: Reporter,
    role_ids: tuple[str, ...] | list[str] = DEFAULT_ROLE_IDS,
    role_names: Mapping[str, Text] | None = None,
) -> SizingModel:
    """Validate plain data (from YAML or JSON) into a :class:`SizingModel`, or raise :class:`DataError`.

    ``role_ids`` are the playbook's roles (from roles.yaml, in its order); the six default roles when
    roles.yaml is not at hand. The model sizes exactly these roles plus its extra roles. ``role_names``
    (roles.yaml's names) let a playbook role that sizing.yaml has no packing title or hiring entry for
    fall back to its name, hired last; without them the missing entries are errors.
    """
    role_ids = tuple(role_ids)
    names = {r: n for r, n in (role_names or {}).items() if r in role_ids}
    checked, problems = validate(SIZING, raw, where)
    problems += _cross_check(raw, where, role_ids, frozenset(names))
    if problems or checked is INVALID:
        raise DataError(problems)
    model = SizingModel(**{k: v for k, v in checked.items() if k != "default_scenario"}, playbook_role_ids=role_ids)
    model = _with_fallbacks(model, names)
    if checked["default_scenario"] is not None:
        scenario, found = scenario_problems(checked["default_scenario"], model, _Within(where, ("default_scenario",)))
        if found or scenario is None:
            raise DataError(found)
        model = replace(model, default_scenario=scenario)
    return model


def sizing_from_json(raw: Any, role_ids: tuple[str, ...] | list[str] = DEFAULT_ROLE_IDS) -> SizingModel:
    """The browser's path: the model exported as JSON, validated the same way (no line numbers).

    Pass the playbook's role ids (``[r.id for r in playbook.roles]`` from roles.json) when the playbook
    may have roles beyond the six defaults.
    """
    return sizing_from_data(raw, Unlocated(JSON_NAME), role_ids)


# --------------------------------------------------------------------------- export


def parameter_to_data(p: Parameter) -> dict[str, Any]:
    """A parameter in its YAML shape."""
    out: dict[str, Any] = {"value": p.value, "unit": p.unit.to_data(), "label": p.label.to_data()}
    if p.source is not None:
        source: dict[str, Any] = {"title": p.source.title}
        if p.source.url is not None:
            source["url"] = p.source.url
        if p.source.note is not None:
            source["note"] = p.source.note.to_data()
        out["source"] = source
    if p.assumption:
        out["assumption"] = True
    if p.note is not None:
        out["note"] = p.note.to_data()
    return out


def _roles(pairs: RoleParameters) -> dict[str, Any]:
    return {role: parameter_to_data(p) for role, p in pairs}


def sizing_to_data(model: SizingModel) -> dict[str, Any]:
    """The JSON export (sizing.json): the same shape as sizing.yaml; round-trips through :func:`sizing_from_json`."""
    c, cm, ca, dw, lv, ld, pk, lm = (
        model.capacity,
        model.community,
        model.campaigns,
        model.data_work,
        model.live,
        model.leadership,
        model.packing,
        model.limits,
    )
    out: dict[str, Any] = {
        "schema_version": model.schema_version,
        "extra_roles": [
            {"id": r.id, "name": r.name.to_data(), "description": r.description.to_data()} for r in model.extra_roles
        ],
        "capacity": {k: parameter_to_data(getattr(c, k)) for k in ("hours_per_week", "shrinkage", "utilisation")},
        "channels": [
            {
                "id": ch.id,
                "name": ch.name.to_data(),
                "live": ch.live,
                "hours_per_post": _roles(ch.hours_per_post),
                "upkeep_hours_per_week": _roles(ch.upkeep_hours_per_week),
            }
            for ch in model.channels
        ],
        "community": {
            "hours_per_group_per_week": _roles(cm.hours_per_group_per_week),
            "hours_per_1000_contacts_per_week": _roles(cm.hours_per_1000_contacts_per_week),
            "minutes_per_comment": _roles(cm.minutes_per_comment),
        },
        "campaigns": {
            "always_on_hours_per_channel_per_week": _roles(ca.always_on_hours_per_channel_per_week),
            "hours_per_node_campaign": _roles(ca.hours_per_node_campaign),
            "weeks_per_year": parameter_to_data(ca.weeks_per_year),
            "peak_weeks": parameter_to_data(ca.peak_weeks),
            "peak_multiplier": parameter_to_data(ca.peak_multiplier),
        },
        "data_work": {
            "reporting_hours_per_channel_per_week": _roles(dw.reporting_hours_per_channel_per_week),
            "ad_buying_hours_per_live_hour": _roles(dw.ad_buying_hours_per_live_hour),
        },
        "live": {
            "on_air_hours_per_live_hour": _roles(lv.on_air_hours_per_live_hour),
            "prep_hours_per_live_hour": _roles(lv.prep_hours_per_live_hour),
        },
        "leadership": {
            "role": ld.role,
            "base_hours_per_week": parameter_to_data(ld.base_hours_per_week),
            "hours_per_execution_fte": parameter_to_data(ld.hours_per_execution_fte),
            "span_of_control": parameter_to_data(ld.span_of_control),
            "player_coach": {"title": ld.player_coach.title.to_data(), "reason": ld.player_coach.reason.to_data()},
            "team_lead": {"title": ld.team_lead.title.to_data(), "reason": ld.team_lead.reason.to_data()},
        },
        "goals": [{"id": g.id, "name": g.name.to_data(), "weights": _roles(g.weights)} for g in model.goals],
        "packing": {
            "position_capacity": parameter_to_data(pk.position_capacity),
            "round_down_below": parameter_to_data(pk.round_down_below),
            "absorb_below": parameter_to_data(pk.absorb_below),
            "combinations": [
                {"roles": list(cb.roles), "title": cb.title.to_data(), "reason": cb.reason.to_data()}
                for cb in pk.combinations
            ],
            "titles": {role: t.to_data() for role, t in pk.titles},
        },
        "hiring": [{"role": h.role, "reason": h.reason.to_data()} for h in model.hiring],
        "limits": {
            k: parameter_to_data(getattr(lm, k))
            for k in (
                "posts_per_week",
                "live_hours_per_week",
                "groups",
                "contacts",
                "comments_per_week",
                "campaigns_per_year",
            )
        },
        "output": {"decimals": parameter_to_data(model.output.decimals)},
        "form": {
            key: {"label": i.label.to_data(), "unit": i.unit.to_data()} | ({"help": i.help.to_data()} if i.help else {})
            for key, i in model.form.inputs
        },
    }
    if model.default_scenario is not None:
        out["default_scenario"] = scenario_to_data(model.default_scenario)
    return out
