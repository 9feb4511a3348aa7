"""The sizing engine: a scenario and the model in, a staffing plan of structured facts out.

Pure and standard-library only. The plan holds numbers and ids, never sentences: the renderers
compose the words from one labels table per language (:mod:`.wording`).

The model, in short:

- hours per week per role = the drivers of :mod:`.workload`;
- FTE = goal weight × production hours ÷ productive hours + coverage hours ÷ productive hours, where
  productive hours = paid hours × (1 − shrinkage), one basis for all work; goal weights are averaged
  over the chosen goals and may be below 1, so goals move effort between roles;
- positions by :func:`.packing.pack` (whole people per role, remainders packed exactly);
- leadership: up to ``player_coach_span`` people, one of them also leads (the lead work needs an extra
  person only when the team's total work no longer fits); above it, one dedicated head, and above
  ``head_span`` team leads from the team (one per ``team_lead_span`` people) whose lead work is backfilled;
- a headcount range from the low and high ends of every parameter, warnings outside the calibrated range,
  the campaign peak in people.

Float sums use :func:`math.fsum`: Python 3.12 made ``sum()`` of floats compensated, and CPython 3.11
(CLI, build) and Pyodide's 3.14 (browser) must round every figure the same way.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..scenario import Scenario
from .model import COVERAGE, PRODUCTION, SizingModel
from .packing import EPS, EXPLICIT, NO, SMALL_SHARE, Bin, headcount, pack
from .workload import Driver, drivers


@dataclass(frozen=True)
class RolePlan:
    """Hours and FTE of one role."""

    id: str
    weight: float
    weighted_by: tuple[str, ...]  # goal ids that set the weight
    production_hours: float
    coverage_hours: float
    fte: float
    drivers: tuple[Driver, ...]


@dataclass(frozen=True)
class Position:
    """People with the same job: ``count`` people sharing ``shares`` (FTE by role)."""

    roles: tuple[str, ...]
    shares: tuple[tuple[str, float], ...]
    fte: float
    count: int
    kind: str  # "role", "combined", "head", "outsourced" (a small share no position can take; not counted)
    part_time: bool = False
    leads: bool = False  # one of these people also leads the team (player-coach)
    lead_share: float = 0.0

    @property
    def main_role(self) -> str:
        return max(self.shares, key=lambda s: s[1])[0]


@dataclass(frozen=True)
class Leadership:
    """How the team is led, decided by workload and span."""

    kind: str  # "none", "solo", "player_coach", "head", "head_and_team_leads"
    execution_headcount: int
    lead_fte: float  # lead work in FTE (player-coach share, or the team leads' lead work)
    extra_person: bool  # the player-coach's lead work needed one more person
    team_leads: int = 0
    backfill: int = 0  # people added to make room for the team leads' lead work


@dataclass(frozen=True)
class HiringStep:
    step: int
    position: int  # index into Plan.positions
    count: int


@dataclass(frozen=True)
class Peak:
    """The weeks before node campaigns: people needed, how many weeks a year, how to cover them."""

    campaigns_per_year: int
    weeks_each: int
    weeks_per_year: int
    multiplier: float
    roles: tuple[tuple[str, float], ...]  # FTE per role during the peak
    total_fte: float
    headcount: int
    extra_people: int
    extra_fte: float
    cover: str  # "none", "overtime", "temporary", "permanent"


@dataclass(frozen=True)
class Warning:
    id: str  # headcount, live_hours, posts, comments, team_leads_span, ad_spend_without_channel, ...
    values: tuple[tuple[str, float | str], ...]


@dataclass(frozen=True)
class Plan:
    model_version: str
    scenario: Scenario
    roles: tuple[RolePlan, ...]
    positions: tuple[Position, ...]
    total_fte: float
    total_headcount: int
    headcount_range: tuple[int, int]
    leadership: Leadership
    hiring_order: tuple[HiringStep, ...]
    peak: Peak | None
    productive_hours: float
    warnings: tuple[Warning, ...]
    decimals: int

    def role(self, role_id: str) -> RolePlan:
        return next(r for r in self.roles if r.id == role_id)

    @property
    def dedicated_lead(self) -> bool:
        return self.leadership.kind in ("head", "head_and_team_leads")


# --------------------------------------------------------------------------- hours and FTE


def weight(m: SizingModel, goals: tuple[str, ...], role: str) -> tuple[float, tuple[str, ...]]:
    """The mean weight the chosen goals give ``role`` (1 where a goal is silent), and the goals that move it."""
    if not goals:
        return 1.0, ()
    values = [dict(m.goal(g).weights).get(role) for g in goals]
    mean = math.fsum(p.value if p else 1.0 for p in values) / len(goals)
    return mean, tuple(g for g, p in zip(goals, values, strict=True) if p is not None)


def role_plans(s: Scenario, m: SizingModel, found: list[Driver], end: str = "value") -> tuple[RolePlan, ...]:
    hours = m.capacity.productive_hours(end)
    out = []
    for role in m.role_ids:
        mine = tuple(d for d in found if d.role == role)
        production = math.fsum(d.hours_per_week for d in mine if d.counted and d.kind == PRODUCTION)
        coverage = math.fsum(d.hours_per_week for d in mine if d.counted and d.kind == COVERAGE)
        w, by = weight(m, s.goals, role)
        out.append(RolePlan(role, w, by, production, coverage, (w * production + coverage) / hours, mine))
    return tuple(out)


# --------------------------------------------------------------------------- positions and leadership


def _positions(m: SizingModel, fte: dict[str, float]) -> list[Bin]:
    pk = m.packing
    min_share = pk.min_share.value
    helps_out = {r.id: r.helps_out for r in m.roles}  # looked up once, not per pair

    def compatible(a: str, sa: float, b: str, sb: float) -> int:
        if m.can_share(a, b):
            return EXPLICIT
        small = min(sa, sb) < min_share - EPS
        return SMALL_SHARE if small and helps_out[a] and helps_out[b] else NO

    execution = {r: f for r, f in fte.items() if r != m.leadership.role}
    return pack(execution, m.role_ids, compatible, pk.tolerance.value, min_share)


def _lead(m: SizingModel, bins: list[Bin], total_fte: float, end: str) -> tuple[Leadership, int]:
    """How the team is led and the total headcount that results (monotone in the work)."""
    ld, tol = m.leadership, m.packing.tolerance.value
    execution = max(headcount(bins), math.ceil(total_fte - tol - EPS)) if total_fte > EPS else 0
    hours = m.capacity.productive_hours(end)
    per_report, base = ld.hours_per_report.at(end), ld.base_hours_per_week.at(end)
    if execution == 0:
        return Leadership("none", 0, 0.0, False), 0
    if execution == 1:
        return Leadership("solo", 1, 0.0, False), 1
    if execution <= ld.player_coach_span.value:
        share = (base + per_report * (execution - 1)) / hours
        total = max(execution, math.ceil(total_fte + share - tol - EPS))
        return Leadership("player_coach", execution, share, total > execution), total
    if execution <= ld.head_span.value:
        return Leadership("head", execution, 0.0, False), execution + 1
    team_leads = math.ceil(execution / ld.team_lead_span.value)
    lead_work = per_report * execution / hours
    staffed = max(execution, math.ceil(total_fte + lead_work - tol - EPS))
    return Leadership("head_and_team_leads", execution, lead_work, False, team_leads, staffed - execution), staffed + 1


def _grow(out: list[Position], people: int) -> None:
    """Add ``people`` to the most loaded counted positions (work per person), one at a time."""
    for _ in range(people):
        i = max(
            (j for j, p in enumerate(out) if p.kind in ("role", "combined")),
            key=lambda j: (out[j].fte / out[j].count, -j),
        )
        p = out[i]
        out[i] = Position(p.roles, p.shares, p.fte, p.count + 1, p.kind, False, p.leads, p.lead_share)


def _to_positions(m: SizingModel, bins: list[Bin], lead: Leadership, staffed: int) -> list[Position]:
    """Positions from the packed bins; ``staffed`` is the execution headcount the leadership rule settled on."""
    part_time_below = m.packing.part_time_below.value
    out: list[Position] = []
    for b in bins:
        roles = tuple(r for r, _ in b.shares)
        kind = "outsourced" if not b.counted else "combined" if len(roles) > 1 else "role"
        part = b.counted and b.count == 1 and b.fte < part_time_below - EPS
        out.append(Position(roles, b.shares, b.fte, b.count, kind, part))
    if not any(p.kind != "outsourced" for p in out) and out and staffed:
        # only small shares: the largest becomes the one (part-time) person who does it all
        i = max(range(len(out)), key=lambda j: (out[j].fte, -j))
        p = out[i]
        out[i] = Position(
            p.roles, p.shares, p.fte, 1, "role" if len(p.roles) == 1 else "combined", p.fte < part_time_below - EPS
        )
    if lead.kind == "player_coach":
        # a working member leads: preferably one whose role the lead role combines with (roles.yaml),
        # in the position with the most room
        counted = [i for i, p in enumerate(out) if p.kind != "outsourced"]
        leaders = [i for i in counted if any(m.can_share(m.leadership.role, r) for r in out[i].roles)] or counted
        i = max(leaders, key=lambda j: (out[j].count - out[j].fte, -j))
        p = out[i]
        out[i] = Position(p.roles, p.shares, p.fte, p.count, p.kind, False, True, lead.lead_fte)
    _grow(out, staffed - sum(p.count for p in out))
    if lead.kind in ("head", "head_and_team_leads"):
        role = m.leadership.role
        out.insert(0, Position((role,), ((role, 1.0),), 1.0, 1, "head"))
    return out


def _hiring(m: SizingModel, positions: list[Position]) -> tuple[HiringStep, ...]:
    rank = {h.role: i for i, h in enumerate(m.hiring)}
    last = len(rank)

    def key(i: int) -> tuple[int, int, float, int]:
        p = positions[i]
        if p.kind == "head":
            return (0, 0, 0.0, i)
        if p.kind == "outsourced":
            return (2, rank.get(p.main_role, last), -p.fte, i)
        return (1, rank.get(p.main_role, last), -p.fte, i)

    ordered = sorted(range(len(positions)), key=key)
    return tuple(HiringStep(n + 1, i, positions[i].count) for n, i in enumerate(ordered))


# --------------------------------------------------------------------------- the plan


def _headcount_only(s: Scenario, m: SizingModel, end: str) -> tuple[int, dict[str, float]]:
    found = drivers(s, m, end)
    roles = role_plans(s, m, found, end)
    fte = {r.id: r.fte for r in roles if r.fte > 0}
    bins = _positions(m, fte)
    _, total = _lead(m, bins, math.fsum(fte.values()), end)
    return total, fte


def _peak(s: Scenario, m: SizingModel, steady: int, steady_fte: float) -> Peak | None:
    """The peak in people: whole extra hands for the extra work (FTE rounded up, less the tolerance)."""
    if not s.campaigns_per_year:
        return None
    ca = m.campaigns
    found = drivers(s, m, "value", peak=True)
    roles = role_plans(s, m, found)
    fte = {r.id: r.fte for r in roles if r.fte > 0}
    execution = math.fsum(fte.values())
    lead = steady_fte - math.fsum(r.fte for r in role_plans(s, m, drivers(s, m)) if r.fte > 0)
    total = execution + max(lead, 0.0)
    extra_fte = max(total - steady_fte, 0.0)
    # the steady team plus whole extra hands for what it cannot carry (rounded with the same tolerance)
    extra = max(0, math.ceil(total - m.packing.tolerance.value - EPS) - steady)
    weeks_each = int(ca.peak_weeks.value)
    weeks = min(52, s.campaigns_per_year * weeks_each)
    if extra <= 0:
        cover = "none"
    elif weeks > ca.permanent_above_weeks.value:
        cover = "permanent"
    elif extra <= steady * ca.overtime_share.value + EPS:
        cover = "overtime"
    else:
        cover = "temporary"
    return Peak(
        s.campaigns_per_year,
        weeks_each,
        weeks,
        ca.peak_multiplier.value,
        tuple((r, fte.get(r, 0.0)) for r in m.role_ids),
        total,
        steady + extra,
        extra,
        extra_fte,
        cover,
    )


def _warnings(s: Scenario, m: SizingModel, total: int, lead: Leadership) -> tuple[Warning, ...]:
    cal, out = m.calibrated, []
    if total > cal.headcount.value:
        out.append(Warning("headcount", (("people", total), ("limit", cal.headcount.value))))
    for c in s.channels:
        if c.live_hours_per_week > cal.live_hours_per_channel.value:
            out.append(
                Warning(
                    "live_hours",
                    (
                        ("channel", c.channel),
                        ("hours", c.live_hours_per_week),
                        ("limit", cal.live_hours_per_channel.value),
                    ),
                )
            )
        if c.posts_per_week > cal.posts_per_channel.value:
            out.append(
                Warning(
                    "posts",
                    (("channel", c.channel), ("posts", c.posts_per_week), ("limit", cal.posts_per_channel.value)),
                )
            )
    if s.comments_per_week > cal.comments_per_week.value:
        out.append(Warning("comments", (("comments", s.comments_per_week), ("limit", cal.comments_per_week.value))))
    if lead.team_leads > m.leadership.head_span.value:
        out.append(
            Warning("middle_managers", (("team_leads", lead.team_leads), ("limit", m.leadership.head_span.value)))
        )
    nothing_public = not s.active_channels
    if nothing_public and (s.ad_spend_per_month or s.creator_collaborations_per_month):
        out.append(Warning("spend_without_channel", ()))
    if s.service_hours_per_week and not s.comments_per_week and not s.live_hours_per_week:
        out.append(Warning("service_without_questions", ()))
    if s.campaigns_per_year and nothing_public and not s.groups and not s.contacts:
        out.append(Warning("campaigns_without_audience", ()))
    return tuple(out)


def size(s: Scenario, m: SizingModel) -> Plan:
    """Size a team for ``s``: FTE per role with drivers, positions, headcount and its range, hiring order, peak."""
    found = drivers(s, m)
    roles = role_plans(s, m, found)
    fte = {r.id: r.fte for r in roles if r.fte > 0}
    bins = _positions(m, fte)
    lead, total = _lead(m, bins, math.fsum(fte.values()), "value")
    positions = _to_positions(m, bins, lead, total - (1 if lead.kind.startswith("head") else 0))
    low = min(_headcount_only(s, m, "low")[0], total)
    high = max(_headcount_only(s, m, "high")[0], total)
    lead_role = m.leadership.role
    lead_fte = (1.0 if lead.kind.startswith("head") else 0.0) + lead.lead_fte
    hours = m.capacity.productive_hours()
    roles = tuple(
        RolePlan(r.id, 1.0, (), lead_fte * hours, 0.0, lead_fte, ()) if r.id == lead_role and lead_fte else r
        for r in roles
    )
    total_fte = math.fsum(fte.values()) + lead_fte
    return Plan(
        model_version=m.model_version,
        scenario=s,
        roles=roles,
        positions=tuple(positions),
        total_fte=total_fte,
        total_headcount=total,
        headcount_range=(low, high),
        leadership=lead,
        hiring_order=_hiring(m, positions),
        peak=_peak(s, m, total, total_fte),
        productive_hours=m.capacity.productive_hours(),
        warnings=_warnings(s, m, total, lead),
        decimals=m.decimals,
    )
