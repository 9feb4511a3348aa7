"""The sizing model's value types: what sizing.yaml holds, validated and frozen.

Standard library only. Every number the engine uses is a :class:`Parameter` with its unit,
label, provenance and (optionally) the ends of its plausible range.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model import Text
from .costdata import CostModel, Preset

#: Fixed channel ids (share links depend on them), in display order.
CHANNEL_IDS = ("wechat_oa", "wechat_channels", "douyin", "kuaishou", "xiaohongshu", "bilibili", "weibo", "zhihu")
#: Fixed goal ids.
GOAL_IDS = ("awareness", "growth", "retention", "conversion")
#: What a workload can scale with, and the scenario quantity behind each.
QUANTITY_IDS = (
    "active_channels",
    "live_hours",
    "groups",
    "contacts",
    "node_campaigns",
    "creator_collaborations",
    "ad_spend",
)
PRODUCTION = "production"  # paced by output
COVERAGE = "coverage"  # a seat that must be filled (on air)
KINDS = (PRODUCTION, COVERAGE)
IN_PEAK = ("multiplied", "concentrated", "steady")
#: The ends of a parameter's plausible range: the point value and the ends giving the smaller / larger team.
ENDS = ("value", "low", "high")
GRADES = ("S", "S-")


@dataclass(frozen=True)
class Source:
    """Where a figure comes from: S a published figure, S- a weak source (blog, SEO page)."""

    title: str
    grade: str
    url: str | None = None
    note: Text | None = None
    adapted: bool = False  # the value was changed from the source's figure


@dataclass(frozen=True)
class Parameter:
    """One number of the model, with its unit, meaning, provenance and plausible range."""

    value: float
    unit: Text
    label: Text
    source: Source | None = None
    assumption: bool = False
    note: Text | None = None
    low: float | None = None  # the end of the range that gives the smaller team
    high: float | None = None  # the end that gives the larger team

    def at(self, end: str) -> float:
        """The value at ``end`` (one of :data:`ENDS`); a parameter without a range is the same at every end."""
        if end == "low" and self.low is not None:
            return self.low
        if end == "high" and self.high is not None:
            return self.high
        return self.value

    @property
    def grade(self) -> str:
        """``S``, ``S-`` or ``A`` (an assumption): how much to trust it."""
        return self.source.grade if self.source is not None else "A"


#: Hours (or other per-unit figures) by role: ``((role_id, parameter), ...)`` in file order.
RoleParameters = tuple[tuple[str, Parameter], ...]


@dataclass(frozen=True)
class Capacity:
    hours_per_week: Parameter
    shrinkage: Parameter

    def productive_hours(self, end: str = "value") -> float:
        """Hours per week one person gives to the team's work: paid hours less shrinkage (one basis for all work)."""
        # Shrinkage's "high" end means more lost time, hence fewer productive hours and a larger team.
        return self.hours_per_week.at(end) * (1 - self.shrinkage.at(end))


@dataclass(frozen=True)
class ChannelFormat:
    id: str
    name: Text
    hours_per_post: RoleParameters


@dataclass(frozen=True)
class Channel:
    id: str
    name: Text
    live: bool
    formats: tuple[ChannelFormat, ...]
    upkeep_hours_per_week: RoleParameters

    def format(self, format_id: str | None) -> ChannelFormat:
        """The named format, or the channel's default (its first)."""
        return next((f for f in self.formats if f.id == format_id), self.formats[0])


@dataclass(frozen=True)
class Workload:
    """One row of the workload table: hours per unit of a scenario quantity, by role."""

    id: str
    name: Text
    scales_with: str  # one of QUANTITY_IDS
    kind: str  # PRODUCTION or COVERAGE
    in_peak: str  # one of IN_PEAK
    hours: RoleParameters
    pick_larger: str | None = None  # workloads sharing this id are alternatives; per role the larger counts


@dataclass(frozen=True)
class CustomerService:
    skim_minutes: Parameter
    reply_share: Parameter
    handle_minutes: Parameter
    concurrency: Parameter
    service_window: Parameter

    def minutes_per_item(self, end: str = "value") -> float:
        return self.skim_minutes.at(end) + self.reply_share.at(end) * self.handle_minutes.at(end) / max(
            self.concurrency.at(end), 1e-9
        )


@dataclass(frozen=True)
class Campaigns:
    peak_weeks: Parameter
    peak_multiplier: Parameter
    permanent_above_weeks: Parameter
    overtime_share: Parameter


@dataclass(frozen=True)
class Leadership:
    role: str
    base_hours_per_week: Parameter
    hours_per_report: Parameter
    player_coach_span: Parameter
    head_span: Parameter
    team_lead_span: Parameter


@dataclass(frozen=True)
class Goal:
    id: str
    name: Text
    weights: RoleParameters


@dataclass(frozen=True)
class Packing:
    tolerance: Parameter
    min_share: Parameter
    part_time_below: Parameter


@dataclass(frozen=True)
class HiringPriority:
    """A role's place in the hiring order (input side) and why."""

    role: str
    reason: Text


@dataclass(frozen=True)
class Calibrated:
    headcount: Parameter
    live_hours_per_channel: Parameter
    posts_per_channel: Parameter
    comments_per_week: Parameter


@dataclass(frozen=True)
class Limits:
    posts_per_week: Parameter
    live_hours_per_week: Parameter
    groups: Parameter
    contacts: Parameter
    comments_per_week: Parameter
    campaigns_per_year: Parameter
    ad_spend_per_month: Parameter
    creator_collaborations_per_month: Parameter
    service_hours_per_week: Parameter


@dataclass(frozen=True)
class Input:
    """What the calculator form calls one scenario field."""

    label: Text
    unit: Text
    help: Text | None = None


@dataclass(frozen=True)
class Form:
    inputs: tuple[tuple[str, Input], ...]

    def input(self, input_id: str) -> Input:
        return dict(self.inputs)[input_id]


@dataclass(frozen=True)
class SizingRole:
    """A role as the sizing engine sees it (from roles.yaml): name and which roles may share a person with it."""

    id: str
    name: Text
    group: str  # "core" (the seed's six) or "specialist" (the playbook's additions)
    combines_with: tuple[str, ...] = ()
    helps_out: bool = False  # a small share of this work can be picked up by another helps-out role


@dataclass(frozen=True)
class SizingModel:
    """Everything the engine needs, validated: sizing.yaml plus the role catalogue of roles.yaml."""

    schema_version: int
    model_version: str
    capacity: Capacity
    channels: tuple[Channel, ...]
    workloads: tuple[Workload, ...]
    customer_service: CustomerService
    campaigns: Campaigns
    leadership: Leadership
    goals: tuple[Goal, ...]
    packing: Packing
    hiring: tuple[HiringPriority, ...]
    calibrated: Calibrated
    limits: Limits
    decimals: int
    form: Form
    roles: tuple[SizingRole, ...]
    #: the default scenario as plain data (parsed by :func:`calculator.scenario.default_scenario`)
    default_scenario: Any = None
    #: the validated document as plain data: sizing.json for the browser is exactly this
    document: Any = None
    #: what people cost (sizing.yaml's ``cost``) and the presets a founder starts from
    cost: CostModel | None = None
    presets: tuple[Preset, ...] = ()

    @property
    def role_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.roles)

    def role(self, role_id: str) -> SizingRole:
        return next(r for r in self.roles if r.id == role_id)

    def channel(self, channel_id: str) -> Channel:
        return next(c for c in self.channels if c.id == channel_id)

    def goal(self, goal_id: str) -> Goal:
        return next(g for g in self.goals if g.id == goal_id)

    def can_share(self, a: str, b: str) -> bool:
        """Whether roles ``a`` and ``b`` may be one person's job (roles.yaml's combines_with, either way)."""
        return b in self.role(a).combines_with or a in self.role(b).combines_with


def iter_parameters(m: SizingModel) -> list[tuple[str, str, str | None, Parameter]]:
    """Every parameter of the model once: (section anchor, path in sizing.yaml, role id or None, parameter).

    The one place that lists where parameters live: the methodology tables, the role pages' sizing
    sections and the tests all read it.
    """
    out: list[tuple[str, str, str | None, Parameter]] = []

    def one(section: str, path: str, p: Parameter) -> None:
        out.append((section, path, None, p))

    def roles(section: str, path: str, pairs: RoleParameters) -> None:
        out.extend((section, f"{path}.{role}", role, p) for role, p in pairs)

    one("capacity", "capacity.hours_per_week", m.capacity.hours_per_week)
    one("capacity", "capacity.shrinkage", m.capacity.shrinkage)
    for ch in m.channels:
        for f in ch.formats:
            roles("channels", f"channels.{ch.id}.formats.{f.id}.hours_per_post", f.hours_per_post)
        roles("channels", f"channels.{ch.id}.upkeep_hours_per_week", ch.upkeep_hours_per_week)
    for w in m.workloads:
        roles("workloads", f"workloads.{w.id}.hours", w.hours)
    cs = m.customer_service
    for key in ("skim_minutes", "reply_share", "handle_minutes", "concurrency", "service_window"):
        out.append(("customer-service", f"customer_service.{key}", "customer_service", getattr(cs, key)))
    ca = m.campaigns
    for key in ("peak_weeks", "peak_multiplier", "permanent_above_weeks", "overtime_share"):
        one("campaigns", f"campaigns.{key}", getattr(ca, key))
    ld = m.leadership
    for key in ("base_hours_per_week", "hours_per_report", "player_coach_span", "head_span", "team_lead_span"):
        out.append(("leadership", f"leadership.{key}", ld.role, getattr(ld, key)))
    for g in m.goals:
        roles("goals", f"goals.{g.id}.weights", g.weights)
    for key in ("tolerance", "min_share", "part_time_below"):
        one("packing", f"packing.{key}", getattr(m.packing, key))
    for key in ("headcount", "live_hours_per_channel", "posts_per_channel", "comments_per_week"):
        one("calibrated", f"calibrated.{key}", getattr(m.calibrated, key))
    for key in (
        "posts_per_week",
        "live_hours_per_week",
        "groups",
        "contacts",
        "comments_per_week",
        "campaigns_per_year",
        "ad_spend_per_month",
        "creator_collaborations_per_month",
        "service_hours_per_week",
    ):
        one("limits", f"limits.{key}", getattr(m.limits, key))
    return out
