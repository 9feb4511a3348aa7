"""What a plan costs a month and a year: low / typical / high, per position and in total.

One person's monthly cost in a position is the largest, over the roles the position carries, of
that role's pay band × the city tier's factor, plus the employer's on-costs on it and the role's
variable pay (you hire for the best-paid skill the job needs). A position costs its people × that;
a part-time position and outsourced work cost their FTE share of one person. Each end (low, typical,
high) takes every figure at the same end, so "high" is the plan with dear people and dear on-costs.
Sums use :func:`math.fsum` so CPython 3.11 and Pyodide's 3.14 agree to the last digit.

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

    role: str  # the role that sets the pay (the best-paid one the position carries, at the typical end)
    base: Money
    on_costs: Money
    variable: Money

    @property
    def monthly(self) -> Money:
        return self.base + self.on_costs + self.variable


@dataclass(frozen=True)
class PositionCost:
    position: int  # index into Plan.positions
    person: PersonCost
    people: float  # whole people, or the FTE share of a part-time or outsourced position
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


def person_cost(cost: CostModel, position: Position, tier: str | None) -> PersonCost:
    """One person in ``position``: the best-paid role it carries, end by end (zero if none has a band)."""
    options = [c for c in (role_cost(cost, role, tier) for role in position.roles) if c is not None]
    if not options:
        return PersonCost("", Money(), Money(), Money())
    best = max(options, key=lambda c: c.monthly.typical)

    def pick(end: str) -> PersonCost:
        return max(options, key=lambda c: c.monthly.at(end))

    ends = [pick(end) for end in ENDS3]
    return PersonCost(
        best.role,
        Money(*(c.base.at(e) for c, e in zip(ends, ENDS3, strict=True))),
        Money(*(c.on_costs.at(e) for c, e in zip(ends, ENDS3, strict=True))),
        Money(*(c.variable.at(e) for c, e in zip(ends, ENDS3, strict=True))),
    )


def people_paid(position: Position) -> float:
    """Whole people, or the FTE share of one person for part-time and outsourced work."""
    if position.kind == "outsourced" or position.part_time:
        return min(1.0, position.fte + position.lead_share) if position.part_time else position.fte
    return float(position.count)


def plan_cost(plan: Plan, model: SizingModel) -> PlanCost | None:
    """The plan's cost in its scenario's city tier; None when sizing.yaml has no cost section."""
    cost = model.cost
    if cost is None:
        return None
    tier = plan.scenario.city_tier
    rows = []
    needed = {role for p in plan.positions for role in p.roles}
    for i, position in enumerate(plan.positions):
        person = person_cost(cost, position, tier)
        people = people_paid(position)
        rows.append(PositionCost(i, person, people, person.monthly.times(people)))
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
