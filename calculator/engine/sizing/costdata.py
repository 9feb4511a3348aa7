"""sizing.yaml's ``cost`` and ``presets`` sections: value types and their schema.

Salary bands (low / typical / high monthly gross, CNY) per playbook role at the reference city
tier, a factor per city tier, the employer's on-cost rate (social insurance and housing fund) with
its official basis named, optional variable pay per role, and the presets a founder starts from.
Every figure carries a source with its date and grade ([S] official statistics, [S-] salary-report
pages and job-platform aggregates) or is an assumption ([A]) with a note saying why.

Standard library only: the browser validates sizing.json with these same specs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..errors import PathKey
from ..fmt import fmt
from ..model import Text
from ..schema import INVALID, Context, Enum, Field, Flag, Id, ListOf, LocalText, MapOf, Number, Obj, Str

#: Fixed city-tier ids (scenarios and share links name them), in display order.
TIER_IDS = ("tier1", "new_tier1", "tier2", "tier3")
COST_GRADES = ("S", "S-")
ENDS3 = ("low", "typical", "high")
TEXT = LocalText(build=Text)
_WEB_ADDRESS = re.compile(r"\Ahttps?://[^\s()<>\"'`|{}\\]+\Z")


@dataclass(frozen=True)
class CostSource:
    """Where a cost figure comes from, and when: S official statistics, S- salary-report pages."""

    title: str
    grade: str
    date: str
    url: str | None = None
    note: Text | None = None
    adapted: bool = False


@dataclass(frozen=True)
class Figure:
    """One cost figure: ``typical`` and optionally the ``low`` / ``high`` ends, with provenance."""

    typical: float
    label: Text
    low: float | None = None
    high: float | None = None
    source: CostSource | None = None
    assumption: bool = False
    date: str | None = None  # an assumption's date (a source carries its own)
    note: Text | None = None

    def at(self, end: str) -> float:
        """The figure at ``end`` (low, typical or high); a figure without a range is the same at every end."""
        if end == "low" and self.low is not None:
            return self.low
        if end == "high" and self.high is not None:
            return self.high
        return self.typical

    @property
    def grade(self) -> str:
        return self.source.grade if self.source is not None else "A"

    @property
    def dated(self) -> str:
        return self.source.date if self.source is not None else (self.date or "")


@dataclass(frozen=True)
class CityTier:
    id: str
    name: Text
    cities: Text
    factor: Figure  # salaries here = reference-tier salaries × factor


@dataclass(frozen=True)
class CostModel:
    """What a plan costs: bands by role at the reference tier, tier factors, on-costs, variable pay."""

    currency: str
    reference_tier: str
    default_tier: str
    tiers: tuple[CityTier, ...]
    on_costs: Figure
    on_cost_basis: Text
    months_per_year: Figure
    salaries: tuple[tuple[str, Figure], ...]
    variable_pay: tuple[tuple[str, Figure], ...] = ()

    def tier(self, tier_id: str | None) -> CityTier:
        """The named tier, or the default one."""
        wanted = tier_id or self.default_tier
        return next(t for t in self.tiers if t.id == wanted)

    def salary(self, role_id: str) -> Figure | None:
        """The role's pay band, or None for a role sizing.yaml gives none (a role new to roles.yaml)."""
        return dict(self.salaries).get(role_id)

    def variable(self, role_id: str) -> Figure | None:
        return dict(self.variable_pay).get(role_id)


@dataclass(frozen=True)
class Preset:
    """A starting point a founder recognises: a scenario with a name and a one-line description."""

    id: str
    name: Text
    description: Text
    scenario: Any  # plain data, validated against the scenario schema when the model loads


SOURCE = Obj(
    "cost source",
    (
        Field(
            "title",
            Str(max_length=300),
            ("出处（发布者、标题）", "the source: publisher and title"),
            example="国家统计局 2023 年城镇单位就业人员平均工资",
        ),
        Field("grade", Enum(COST_GRADES), ("S 官方统计，S- 薪酬报告与招聘平台汇总", "S official, S- salary pages")),
        Field(
            "date",
            Str(max_length=20),
            ("数据所属时间（如 2023 或 2025-06）", "when the figure is from"),
            example="2023",
        ),
        Field(
            "url",
            Str(max_length=500),
            ("网址（http:// 或 https://）", "address"),
            required=False,
            example="https://www.stats.gov.cn/",
        ),
        Field("note", TEXT, ("如何从出处得到这个数值", "how the value was read from the source"), required=False),
        Field(
            "adapted",
            Flag(),
            ("是否在出处基础上调整", "changed from the source's figure"),
            required=False,
            default=False,
        ),
    ),
    build=CostSource,
)


@dataclass(frozen=True)
class FigureSpec(Obj):
    """A figure: low <= typical <= high within bounds, and a dated source or a dated assumption with a note."""

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        before = len(ctx.problems)
        built = super().check(value, path, ctx)
        if isinstance(value, dict):
            sourced, assumed = value.get("source") is not None, value.get("assumption") is True
            if sourced == assumed:
                ctx.report(
                    path,
                    "give either a source {title, grade, date, url?, note?} or assumption: true with a date and a "
                    "note {zh, en}, " + ("not both" if sourced else "one of them is required"),
                )
            if assumed and ("note" not in value or "date" not in value):
                ctx.report(path, "an assumption needs a note {zh, en} saying why, and a date (e.g. date: '2026-11')")
            url = value.get("source", {}).get("url") if isinstance(value.get("source"), dict) else None
            if isinstance(url, str) and not _is_web_address(url):
                ctx.report((*path, "source", "url"), f"{url[:60]!r} is not a web address (allowed: an http(s) URL)")
            given = [(k, value.get(k)) for k in ENDS3]
            ends = [(k, float(v)) for k, v in given if isinstance(v, (int, float)) and not isinstance(v, bool)]
            if any(a[1] > b[1] for a, b in zip(ends, ends[1:], strict=False)):
                found = ", ".join(f"{k} {fmt(v)}" for k, v in ends)
                ctx.report(path, f"expected low <= typical <= high, found {found}")
        return INVALID if len(ctx.problems) > before else built

    def example(self) -> Any:
        return {**super().example(), "assumption": True, "date": "2026-11", "note": {"zh": "估计", "en": "estimate"}}


def _is_web_address(url: str) -> bool:
    return _WEB_ADDRESS.match(url.strip()) is not None


def figure(maximum: float, minimum: float = 0.0) -> FigureSpec:
    """The spec of a cost figure whose ends lie in ``[minimum, maximum]``."""
    number = Number(minimum=minimum, maximum=maximum)
    return FigureSpec(
        "cost figure",
        (
            Field("typical", number, ("典型值", "the typical value")),
            Field("label", TEXT, ("含义", "what it is")),
            Field("low", number, ("低端", "the low end"), required=False),
            Field("high", number, ("高端", "the high end"), required=False),
            Field("source", SOURCE, ("出处（与 assumption 二选一）", "where it comes from"), required=False),
            Field("assumption", Flag(), ("是否为假设", "whether it is an assumption"), required=False, default=False),
            Field(
                "date", Str(max_length=20), ("假设的日期", "the assumption's date"), required=False, example="2026-11"
            ),
            Field("note", TEXT, ("为什么取这个值", "why this value"), required=False),
        ),
        build=Figure,
    )


@dataclass(frozen=True)
class RoleFigures(MapOf):
    """Role id -> cost figure (role ids are checked against roles.yaml by :mod:`.cost_checks`)."""

    def example(self) -> Any:
        return {"content": self.value.example()}


SALARY = figure(1_000_000.0)
TIER = Obj(
    "city tier",
    (
        Field("id", Enum(TIER_IDS), ("城市等级 id（固定）", "city-tier id (fixed)")),
        Field("name", TEXT, ("名称", "name")),
        Field("cities", TEXT, ("代表城市", "example cities")),
        Field("factor", figure(5.0, minimum=0.1), ("相对参照等级的薪酬系数", "pay relative to the reference tier")),
    ),
    build=CityTier,
)


def _cost(**checked: Any) -> CostModel:
    return CostModel(
        currency=checked["currency"],
        reference_tier=checked["reference_tier"],
        default_tier=checked["default_tier"],
        tiers=checked["tiers"],
        on_costs=checked["on_costs"],
        on_cost_basis=checked["on_cost_basis"],
        months_per_year=checked["months_per_year"],
        salaries=tuple(checked["salaries"].items()),
        variable_pay=tuple((checked["variable_pay"] or {}).items()),
    )


COST = Obj(
    "cost",
    (
        Field("currency", Enum(("CNY",)), ("货币", "currency")),
        Field("reference_tier", Enum(TIER_IDS), ("薪酬带所对应的城市等级", "the city tier the bands are for")),
        Field("default_tier", Enum(TIER_IDS), ("场景未指定时的城市等级", "the tier when a scenario names none")),
        Field("tiers", ListOf(TIER, min_items=1, unique=("id",)), ("城市等级", "city tiers")),
        Field("on_costs", figure(1.0), ("单位社保与公积金费率（占月薪）", "employer on-cost rate (share of pay)")),
        Field("on_cost_basis", TEXT, ("费率的官方依据", "the official basis of the rate")),
        Field("months_per_year", figure(24.0, minimum=1), ("每年发薪月数", "months of pay a year")),
        Field("salaries", RoleFigures(Id(), SALARY), ("各岗位月薪（税前，参照等级）", "monthly gross pay by role")),
        Field(
            "variable_pay",
            RoleFigures(Id(), figure(5.0)),
            (
                "浮动薪酬（占月薪比例，如主播 GMV 提成）",
                "variable pay as a share of monthly pay (e.g. host commission)",
            ),
            required=False,
        ),
    ),
    build=_cost,
)
