"""Two plans side by side: plan A (e.g. today) and plan B (e.g. the target).

People, FTE and monthly cost of each with the differences, positions with their deltas, and the
hiring sequence from A to B: A's people keep the seats of B they can hold (matched like an existing
team, :mod:`.sizing.team`), and the rest of B is hired in B's hiring order, with the cumulative
monthly cost. Standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass

from .sizing.cost import Money, PlanCost, plan_cost
from .sizing.model import SizingModel
from .sizing.plan import Plan
from .sizing.team import TeamFit, fit, plan_people, seats


@dataclass(frozen=True)
class PositionDelta:
    roles: tuple[str, ...]
    a: int  # people in plan A holding a position with these roles
    b: int
    a_position: int | None  # index into A's positions (for its title), or None
    b_position: int | None

    @property
    def delta(self) -> int:
        return self.b - self.a


@dataclass(frozen=True)
class Comparison:
    a: Plan
    b: Plan
    a_cost: PlanCost | None
    b_cost: PlanCost | None
    positions: tuple[PositionDelta, ...]  # B's positions in order, then those only A has
    path: TeamFit  # A's people matched to B's seats; the hires from A to B

    @property
    def headcount_delta(self) -> int:
        return self.b.total_headcount - self.a.total_headcount

    @property
    def fte_delta(self) -> float:
        return self.b.total_fte - self.a.total_fte

    @property
    def monthly_delta(self) -> Money:
        if self.a_cost is None or self.b_cost is None:
            return Money()
        return self.b_cost.monthly - self.a_cost.monthly


def _people(plan: Plan) -> dict[tuple[str, ...], tuple[int, int]]:
    """People by position roles (the key two plans share), with the first position index holding them."""
    out: dict[tuple[str, ...], tuple[int, int]] = {}
    for i, p in enumerate(plan.positions):
        if seats(p):
            count, first = out.get(p.roles, (0, i))
            out[p.roles] = (count + p.count, first)
    return out


def compare(a: Plan, b: Plan, model: SizingModel) -> Comparison:
    """Compare plan ``a`` with plan ``b`` (both sized with ``model``)."""
    in_a, in_b = _people(a), _people(b)
    rows = [
        PositionDelta(roles, in_a.get(roles, (0, None))[0], count, in_a.get(roles, (0, None))[1], first)
        for roles, (count, first) in in_b.items()
    ]
    rows += [PositionDelta(roles, count, 0, first, None) for roles, (count, first) in in_a.items() if roles not in in_b]
    b_cost = plan_cost(b, model)
    return Comparison(a, b, plan_cost(a, model), b_cost, tuple(rows), fit(model, b, plan_people(a), b_cost))
