"""What a plan costs a month and a year: low / typical / high, per position and in total.

Work is priced by role: each role's FTE in a position × that role's monthly cost (pay band × the
city tier's factor, plus the employer's on-costs and the role's variable pay). A counted position
pays whole people, so the rest of each seat (people − FTE, the rounding up to whole people) is
priced at the cheapest role's rate: a floor, since nobody is paid less than the cheapest job. So

    cost = Σ FTE(role) × rate(role) + (headcount − Σ FTE) × cheapest rate,

which never falls when work grows (every role's FTE and the headcount only grow with work, and no
rate is below the cheapest), however the roles are packed into positions. Outsourced work (shares no
position takes) is in the sum of FTE too: it costs its rate above the floor, the floor part being
what the rounding up to whole people already pays for. Without that, work moving from outsourced
into a position of the same headcount would lower the cost. Each end (low, typical, high) takes every
figure at that end. Sums use :func:`math.fsum` so CPython 3.11 and Pyodide's 3.14 agree to the last digit.

Standard library only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .costdata import ENDS3, CostModel
from .model import SizingModel
from .plan import Plan, Position


@dataclass(frozen=True)
class Money:
    """An amount at the low, typical and high ends."""

    low: float = 0.0
    typical: float = 0.0
    high: float = 0.0

    def at(self, end: str) -> float:
        return float(getattr(self, end))

    def __add__(self, other: Money) -> Money:
        return Money(self.low + other.low, self.typical + other.typical, self.high + other.high)

    def __sub__(self, other: Money) -> Money:
        return Money(self.low - other.low, self.typical - other.typical, self.high - other.high)

    def times(self, factor: float) -> Money:
        return Money(self.low * factor, self.typical * factor, self.high * factor)


def total(amounts: list[Money]) -> Money:
    """The sum of ``amounts``, each end summed exactly (``math.fsum``)."""
    return Money(*(math.fsum(m.at(end) for m in amounts) for end in ENDS3))


@dataclass(frozen=True)
class PersonCost:
    """One person's monthly cost in a position, split into pay, on-costs and variable pay."""

    role: str  # the position's main role (the one with the largest share)
    base: Money
    on_costs: Money
    variable: Money

    @property
    def monthly(self) -> Money:
        return self.base + self.on_costs + self.variable


@dataclass(frozen=True)
class PositionCost:
    position: int  # index into Plan.positions
    person: PersonCost  # per person: the position's cost divided by its people
    people: float  # whole people, or the FTE of outsourced work
    monthly: Money


@dataclass(frozen=True)
class PlanCost:
    currency: str
    tier: str
    on_cost_rate: Money
    months_per_year: Money
    positions: tuple[PositionCost, ...]
    monthly: Money  # every position, outsourced work included
    base: Money
    on_costs: Money
    variable: Money
    unpriced: tuple[str, ...] = ()  # roles the plan needs that sizing.yaml gives no pay band

    @property
    def annual(self) -> Money:
        return Money(*(self.monthly.at(end) * self.months_per_year.at(end) for end in ENDS3))

    def position(self, index: int) -> PositionCost:
        return next(p for p in self.positions if p.position == index)


def role_cost(cost: CostModel, role: str, tier: str | None) -> PersonCost | None:
    """What one person in ``role`` costs a month in ``tier`` (None: the default tier); None without a band."""
    factor = cost.tier(tier).factor
    band, extra = cost.salary(role), cost.variable(role)
    if band is None:
        return None
    base = Money(*(band.at(end) * factor.at(end) for end in ENDS3))
    on = Money(*(base.at(end) * cost.on_costs.at(end) for end in ENDS3))
    variable = Money(*(base.at(end) * extra.at(end) for end in ENDS3)) if extra else Money()
    return PersonCost(role, base, on, variable)


def _scaled(c: PersonCost, factor: float) -> PersonCost:
    return PersonCost(c.role, c.base.times(factor), c.on_costs.times(factor), c.variable.times(factor))


def _sum(role: str, parts: list[PersonCost]) -> PersonCost:
    return PersonCost(
        role, total([p.base for p in parts]), total([p.on_costs for p in parts]), total([p.variable for p in parts])
    )


def cheapest(cost: CostModel, roles: tuple[str, ...], tier: str | None) -> PersonCost:
    """The cheapest role's monthly cost (the floor a paid seat's unworked share is priced at)."""
    rates = [c for c in (role_cost(cost, r, tier) for r in roles) if c is not None]
    return min(rates, key=lambda c: c.monthly.typical) if rates else PersonCost("", Money(), Money(), Money())


def position_cost(
    cost: CostModel, position: Position, lead_role: str, floor: PersonCost, tier: str | None
) -> PersonCost:
    """Everything ``position`` costs a month: its work at its roles' rates, the rest of its seats at the floor."""
    parts = [role_cost(cost, role, tier) for role, _ in position.shares]
    work = [_scaled(c, share) for c, (_, share) in zip(parts, position.shares, strict=True) if c is not None]
    if position.lead_share:
        lead = role_cost(cost, lead_role, tier)
        work += [_scaled(lead, position.lead_share)] if lead is not None else []
    seats = 0.0 if position.kind == "outsourced" else float(position.count)
    work.append(_scaled(floor, seats - position.fte - position.lead_share))
    return _sum(position.main_role, work)


def people_paid(position: Position) -> float:
    """Whole people in a counted position (a part-time one too: a seat held), FTE for outsourced work."""
    return position.fte if position.kind == "outsourced" else float(position.count)


def plan_cost(plan: Plan, model: SizingModel) -> PlanCost | None:
    """The plan's cost in its scenario's city tier; None when sizing.yaml has no cost section."""
    cost = model.cost
    if cost is None:
        return None
    tier = plan.scenario.city_tier
    rows = []
    needed = {role for p in plan.positions for role in p.roles}
    floor = cheapest(cost, model.role_ids, tier)
    for i, position in enumerate(plan.positions):
        whole = position_cost(cost, position, model.leadership.role, floor, tier)
        people = people_paid(position)
        rows.append(PositionCost(i, _scaled(whole, 1 / people if people else 0.0), people, whole.monthly))
    return PlanCost(
        currency=cost.currency,
        tier=cost.tier(tier).id,
        on_cost_rate=Money(*(cost.on_costs.at(end) for end in ENDS3)),
        months_per_year=Money(*(cost.months_per_year.at(end) for end in ENDS3)),
        positions=tuple(rows),
        monthly=total([r.monthly for r in rows]),
        base=total([r.person.base.times(r.people) for r in rows]),
        on_costs=total([r.person.on_costs.times(r.people) for r in rows]),
        variable=total([r.person.variable.times(r.people) for r in rows]),
        unpriced=tuple(r for r in model.role_ids if r in needed and cost.salary(r) is None),
    )
