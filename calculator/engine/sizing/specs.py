"""sizing.yaml's schema and cross-checks, and loading plain data (from YAML or JSON) into a SizingModel.

Standard library only: the browser validates sizing.json (the validated document itself) with the
same specs. The role catalogue comes from roles.yaml (:class:`~.model.SizingRole`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..errors import PathKey
from ..model import Text
from ..schema import (
    INVALID,
    Context,
    Enum,
    Field,
    Flag,
    Id,
    ListOf,
    LocalText,
    MapOf,
    Number,
    Obj,
    Spec,
    Str,
)
from .costdata import COST, Preset
from .model import (
    CHANNEL_IDS,
    GOAL_IDS,
    GRADES,
    IN_PEAK,
    KINDS,
    QUANTITY_IDS,
    Calibrated,
    Campaigns,
    Capacity,
    Channel,
    ChannelFormat,
    CustomerService,
    Form,
    Goal,
    HiringPriority,
    Input,
    Leadership,
    Limits,
    Packing,
    Parameter,
    Source,
    Workload,
)

FILE_NAME = "sizing.yaml"
JSON_NAME = "sizing.json"
SCHEMA_VERSION = 2
#: What a source's ``url`` must look like: an http(s) address (the methodology page links it).
URL_PATTERN = re.compile(r"\Ahttps?://[^\s()<>\"'`|{}\\]+\Z")
#: Scenario fields the calculator form asks for, in form order.
INPUT_IDS = (
    "posts_per_week",
    "format",
    "live_hours_per_week",
    "groups",
    "contacts",
    "comments_per_week",
    "service_hours_per_week",
    "campaigns_per_year",
    "ad_spend_per_month",
    "creator_collaborations_per_month",
    "goals",
)

_BIG = 1e9
TEXT = LocalText(build=Text)


SOURCE = Obj(
    "source",
    (
        Field(
            "title",
            Str(max_length=300),
            ("出处（作者、标题、年份或出版物）", "the source: author, title, year or publication"),
        ),
        Field(
            "grade",
            Enum(GRADES),
            (
                "可信度：S 公开发布的数据，S- 较弱的出处（博客等）",
                "strength: S published figure, S- weak source (blog)",
            ),
        ),
        Field(
            "url",
            Str(max_length=500),
            ("出处网址（http:// 或 https://）", "address (http:// or https://)"),
            required=False,
        ),
        Field("note", TEXT, ("如何从出处得到这个数值", "how the value was read from the source"), required=False),
        Field(
            "adapted",
            Flag(),
            ("数值是否在出处基础上调整过", "whether the value was changed from the source's"),
            required=False,
            default=False,
        ),
    ),
    build=Source,
)


@dataclass(frozen=True)
class ParameterSpec(Obj):
    """A parameter: value within bounds, optional low/high, unit, label, and a source or an assumption with a note."""

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        before = len(ctx.problems)
        built = super().check(value, path, ctx)
        if isinstance(value, dict):
            sourced, assumed = value.get("source") is not None, value.get("assumption") is True
            if sourced == assumed:
                ctx.report(
                    path,
                    "give either a source {title, grade, url?, note?} or assumption: true with a note {zh, en}, "
                    + ("not both" if sourced else "one of them is required"),
                )
            if assumed and "note" not in value:
                ctx.report(path, "an assumption needs a note {zh, en} saying why this value was chosen")
            source = value.get("source")
            url = source.get("url") if isinstance(source, dict) else None
            if isinstance(url, str) and url.strip() and not URL_PATTERN.match(url.strip()):
                shown = url if len(url) <= 60 else url[:57] + "..."
                ctx.report(
                    (*path, "source", "url"), f"{shown!r} is not a web address (allowed: an http:// or https:// URL)"
                )
        return INVALID if len(ctx.problems) > before else built

    def example(self) -> Any:
        return {
            **super().example(),
            "assumption": True,
            "note": {"zh": "团队经验估计", "en": "the team's own estimate"},
        }


def param(maximum: float, minimum: float = 0.0, integer: bool = False) -> ParameterSpec:
    """The spec of a parameter whose value (and low, high) lie in ``[minimum, maximum]``."""
    number = Number(minimum=minimum, maximum=maximum, integer=integer)
    return ParameterSpec(
        "parameter",
        (
            Field("value", number, ("数值", "the value")),
            Field(
                "low",
                number,
                ("合理范围中得出较小团队的一端", "the end of the plausible range giving the smaller team"),
                required=False,
            ),
            Field("high", number, ("合理范围中得出较大团队的一端", "the end giving the larger team"), required=False),
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
    """Role id -> parameter, built into ``((role_id, Parameter), ...)`` in file order."""

    param: Spec
    kind = "mapping of role id to parameter"

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        checked = MapOf(Id(), self.param).check(value, path, ctx)
        return INVALID if checked is INVALID else tuple(checked.items())

    def describe(self) -> str:
        return "mapping of role id to parameter"

    def example(self) -> Any:
        return {"content": self.param.example()}


@dataclass(frozen=True)
class Passthrough(Spec):
    """Any mapping; checked later by a function that needs the rest of the model (the default scenario)."""

    kind = "mapping"

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        if not isinstance(value, dict):
            ctx.report(path, "expected a mapping (allowed: a scenario, e.g. {channels: {douyin: {posts_per_week: 7}}})")
            return INVALID
        return value

    def example(self) -> Any:
        return {"channels": {"douyin": {"posts_per_week": 7}}}


def _obj(title: str, build: Any, *fields: Field) -> Obj:
    return Obj(title, fields, build=build)


def _f(name: str, spec: Spec, zh: str, en: str, **kw: Any) -> Field:
    return Field(name, spec, (zh, en), **kw)


HOURS = RoleMap(param(500.0))
FORMAT = _obj(
    "format",
    ChannelFormat,
    _f("id", Id(), "内容形式 id", "format id"),
    _f("name", TEXT, "内容形式名称", "format name"),
    _f("hours_per_post", HOURS, "每条内容各岗位工时", "hours per post, by role"),
)
CHANNEL = _obj(
    "channel",
    Channel,
    _f("id", Enum(CHANNEL_IDS), "渠道 id（固定）", "channel id (fixed)"),
    _f("name", TEXT, "渠道名称", "channel name"),
    _f("live", Flag(), "该渠道能否直播", "whether the channel live-streams"),
    _f(
        "formats",
        ListOf(FORMAT, min_items=1, max_items=10, unique=("id",)),
        "内容形式（第一个为默认）",
        "formats (the first is the default)",
    ),
    _f("upkeep_hours_per_week", RoleMap(param(168.0)), "每周平台运营工时", "weekly platform work, by role"),
)
WORKLOAD = _obj(
    "workload",
    Workload,
    _f("id", Id(), "工作量 id", "workload id"),
    _f("name", TEXT, "名称", "name"),
    _f("scales_with", Enum(QUANTITY_IDS), "随哪个场景数量增长", "the scenario quantity it scales with"),
    _f(
        "kind",
        Enum(KINDS),
        "production 按产出，coverage 按在岗时段",
        "production (paced by output) or coverage (a seat)",
    ),
    _f("in_peak", Enum(IN_PEAK), "冲刺期的变化方式", "how it behaves in the peak weeks"),
    _f("hours", RoleMap(param(500.0)), "每单位各岗位工时", "hours per unit, by role"),
    _f("pick_larger", Id(), "同组的工作量只取较大者", "workloads sharing this id are alternatives", required=False),
)
CUSTOMER_SERVICE = _obj(
    "customer service",
    CustomerService,
    _f("skim_minutes", param(60.0), "每条浏览分钟数", "minutes to skim one item"),
    _f("reply_share", param(1.0), "需要人工回复的比例", "share needing a human reply"),
    _f("handle_minutes", param(120.0, minimum=0.1), "每次回复分钟数", "minutes per reply"),
    _f("concurrency", param(50.0, minimum=1), "同时处理的会话数", "conversations at once"),
    _f("service_window", param(20.0), "在线时段席位数", "seats staffed during service hours"),
)
CAMPAIGNS = _obj(
    "campaigns",
    Campaigns,
    _f("peak_weeks", param(26, minimum=1, integer=True), "冲刺期周数", "weeks of each peak"),
    _f("peak_multiplier", param(5.0, minimum=1), "冲刺期放大倍数", "peak multiplier on routine work"),
    _f(
        "permanent_above_weeks",
        param(52, minimum=1),
        "转为正式编制的冲刺周数",
        "peak weeks a year above which peak staff is permanent",
    ),
    _f("overtime_share", param(1.0), "可用加班覆盖的增量", "peak increase overtime can cover"),
)
LEADERSHIP = _obj(
    "leadership",
    Leadership,
    _f("role", Id(), "承担管理工作的岗位 id", "id of the role that leads"),
    _f("base_hours_per_week", param(168.0), "负责人固定工时", "lead's fixed hours per week"),
    _f("hours_per_report", param(40.0), "每个下属每周管理工时", "management hours per report per week"),
    _f(
        "player_coach_span",
        param(20, minimum=1, integer=True),
        "兼任负责人的团队人数上限",
        "most people a working lead leads",
    ),
    _f(
        "head_span",
        param(30, minimum=1, integer=True),
        "专职负责人直接管理人数上限",
        "most direct reports of a dedicated head",
    ),
    _f("team_lead_span", param(30, minimum=1, integer=True), "每位组长带的人数上限", "most people per team lead"),
)
GOAL = _obj(
    "goal",
    Goal,
    _f("id", Enum(GOAL_IDS), "目标 id（固定）", "goal id (fixed)"),
    _f("name", TEXT, "目标名称", "goal name"),
    _f(
        "weights",
        RoleMap(param(2.0, minimum=0.5)),
        "各岗位权重（0.5–2；大于1多投入，小于1少投入）",
        "weights by role (0.5–2: above 1 more effort, below 1 less)",
    ),
)
PACKING = _obj(
    "packing",
    Packing,
    _f("tolerance", param(0.5), "容差", "tolerance over one person"),
    _f("min_share", param(1.0), "最小份额", "smallest share hired for"),
    _f("part_time_below", param(1.0), "兼职阈值", "part-time threshold"),
)
PRESET = _obj(
    "preset",
    Preset,
    _f("id", Id(), "预设 id", "preset id"),
    _f("name", TEXT, "名称", "name"),
    _f("description", TEXT, "一句话说明", "one-line description"),
    _f("scenario", Passthrough(), "场景（与分享链接相同的字段）", "the scenario (the share link's fields)"),
)
HIRING = _obj(
    "hiring priority",
    HiringPriority,
    _f("role", Id(), "岗位 id", "role id"),
    _f("reason", TEXT, "为什么这个顺序", "why this order"),
)
CALIBRATED = _obj(
    "calibrated range",
    Calibrated,
    _f("headcount", param(_BIG, minimum=1), "校准过的最大团队", "largest team checked"),
    _f("live_hours_per_channel", param(168.0, minimum=1), "每渠道每周直播时长", "live hours per channel per week"),
    _f("posts_per_channel", param(_BIG, minimum=1), "每渠道每周发布条数", "posts per channel per week"),
    _f("comments_per_week", param(_BIG, minimum=1), "每周评论与私信", "comments and DMs per week"),
)
LIMITS = _obj(
    "limits",
    Limits,
    _f("posts_per_week", param(_BIG, minimum=1), "每渠道每周发布上限", "most posts per week per channel"),
    _f("live_hours_per_week", param(168.0, minimum=1), "每渠道每周直播上限", "most live hours per week per channel"),
    _f("groups", param(_BIG, minimum=1, integer=True), "社群数上限", "most groups"),
    _f("contacts", param(_BIG, minimum=1, integer=True), "私域好友上限", "most contacts"),
    _f("comments_per_week", param(_BIG, minimum=1), "每周评论上限", "most comments per week"),
    _f("campaigns_per_year", param(366, minimum=1, integer=True), "每年大促上限", "most node campaigns per year"),
    _f("ad_spend_per_month", param(1e12, minimum=1), "每月投放预算上限", "largest monthly ad budget"),
    _f(
        "creator_collaborations_per_month",
        param(_BIG, minimum=1),
        "每月达人合作上限",
        "most creator collaborations a month",
    ),
    _f("service_hours_per_week", param(168.0, minimum=1), "每周客服在线上限", "most service hours per week"),
)
INPUT = _obj(
    "form input",
    Input,
    _f("label", TEXT, "表单上的标签", "label on the form"),
    _f("unit", TEXT, "单位", "unit"),
    _f("help", TEXT, "补充说明", "a short hint", required=False),
)
FORM = Obj(
    "form",
    tuple(Field(i, INPUT, ("计算器表单中该输入项的文字", "the form's text for this input")) for i in INPUT_IDS),
    build=lambda **inputs: Form(tuple((i, inputs[i]) for i in INPUT_IDS)),
)
SIZING = Obj(
    "sizing model",
    (
        _f(
            "schema_version",
            Number(minimum=SCHEMA_VERSION, maximum=SCHEMA_VERSION, integer=True),
            "文件格式版本",
            "file format version",
        ),
        _f(
            "model_version",
            Str(max_length=20),
            "模型版本（计划与分享链接中注明）",
            "model version (stated in plans and links)",
        ),
        _f(
            "capacity",
            _obj(
                "capacity",
                Capacity,
                _f("hours_per_week", param(168.0, minimum=1), "每周标准工时", "paid hours per week"),
                _f("shrinkage", param(0.9), "损耗率", "shrinkage"),
            ),
            "人均产能",
            "capacity of one person",
        ),
        _f("channels", ListOf(CHANNEL, unique=("id",)), "渠道（8个固定 id）", "channels (the 8 fixed ids)"),
        _f("workloads", ListOf(WORKLOAD, unique=("id",)), "工作量表", "the workload table"),
        _f("customer_service", CUSTOMER_SERVICE, "客服模型", "customer-service model"),
        _f("campaigns", CAMPAIGNS, "大促冲刺期", "campaign peaks"),
        _f("leadership", LEADERSHIP, "管理负荷与管理幅度", "lead load and spans"),
        _f("goals", ListOf(GOAL, unique=("id",)), "目标（4个固定 id）", "goals (the 4 fixed ids)"),
        _f("packing", PACKING, "职位合并", "packing into positions"),
        _f("hiring", ListOf(HIRING, unique=("role",)), "招聘顺序", "hiring order"),
        _f("calibrated", CALIBRATED, "校准范围（超出时给出提醒）", "calibrated range (warnings beyond it)"),
        _f("limits", LIMITS, "输入上限", "input limits"),
        _f(
            "output",
            Obj("output", (_f("decimals", param(6, integer=True), "小数位数", "decimal places"),)),
            "输出格式",
            "output format",
        ),
        _f("form", FORM, "计算器表单的标签与单位", "labels and units of the calculator form"),
        _f("default_scenario", Passthrough(), "默认场景", "the default scenario", required=False, default=None),
        _f("cost", COST, "人力成本：薪酬带、城市等级、社保公积金", "people cost: pay bands, city tiers, on-costs"),
        _f("presets", ListOf(PRESET, unique=("id",)), "预设场景", "preset scenarios", required=False, default=()),
    ),
)
