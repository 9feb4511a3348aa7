"""The team you already have: which positions it covers, and the hires that remain, in hiring order.

People already employed (by role, or by the roles of a position they hold in another plan) are
matched to the plan's seats by a maximum flow, position by position in hiring order, so the earliest
hires are covered first and no other assignment covers more seats. A person can take a seat when
the position carries one of their roles (a combined position is within the merge rules of
roles.yaml by construction); the head of operations can take the head's seat, or lead as a working
member of a position whose roles the lead role combines with. More people already employed never
means more hires: a larger flow network never has a smaller maximum flow.

Standard library only.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from .cost import Money, PlanCost, total
from .model import SizingModel
from .plan import Plan, Position


@dataclass(frozen=True)
class Person:
    """People already employed who hold the same job: ``roles`` they do, ``count`` of them."""

    roles: tuple[str, ...]
    count: int
    position: int | None = None  # in a compared plan: the index of the position they hold there


@dataclass(frozen=True)
class Cover:
    position: int  # index into Plan.positions
    seats: int
    filled: tuple[tuple[int, int], ...]  # (index into the people given, how many of them)

    @property
    def covered(self) -> int:
        return sum(n for _, n in self.filled)


@dataclass(frozen=True)
class Hire:
    step: int
    position: int
    people: int
    cost: Money  # monthly, for these people (a part-time seat: its FTE share)
    cumulative: Money  # monthly, this hire and every one before it


@dataclass(frozen=True)
class TeamFit:
    people: tuple[Person, ...]
    covers: tuple[Cover, ...]  # every counted position, in hiring order
    unused: tuple[tuple[int, int], ...]  # (index into people, how many the plan does not need)
    hires: tuple[Hire, ...]
    added_monthly: Money

    @property
    def hires_count(self) -> int:
        return sum(h.people for h in self.hires)

    @property
    def covered_count(self) -> int:
        return sum(c.covered for c in self.covers)


def seats(position: Position) -> int:
    return position.count if position.kind in ("role", "combined", "head") else 0


def can_take(model: SizingModel, person: Person, position: Position) -> bool:
    """Whether someone doing ``person.roles`` can hold ``position`` (see the module docstring)."""
    lead = model.leadership.role
    if position.kind == "head":
        return lead in person.roles
    if set(person.roles) & set(position.roles):
        return True
    return position.leads and lead in person.roles and any(model.can_share(lead, r) for r in position.roles)


def _augment(graph: dict[str, dict[str, int]], source: str, sink: str) -> int:
    """Push one shortest augmenting path of the residual ``graph``; return the amount pushed.

    Breadth first, in the order the people were given (the model's role order), so of two people
    who could take a seat, the one listed first does."""
    parent: dict[str, str] = {source: source}
    queue = deque([source])
    while queue and sink not in parent:
        node = queue.popleft()
        for nxt, room in graph[node].items():
            if room > 0 and nxt not in parent:
                parent[nxt] = node
                queue.append(nxt)
    if sink not in parent:
        return 0
    path, node = [], sink
    while node != source:
        path.append((parent[node], node))
        node = parent[node]
    amount = min(graph[a][b] for a, b in path)
    for a, b in path:
        graph[a][b] -= amount
        graph[b][a] = graph[b].get(a, 0) + amount
    return amount


def match(model: SizingModel, plan: Plan, people: tuple[Person, ...]) -> tuple[tuple[Cover, ...], dict[int, int]]:
    """Seats covered per position (hiring order) and how many of each group of people are used."""
    graph: dict[str, dict[str, int]] = {"s": {}, "t": {}}
    for i, person in enumerate(people):
        graph["s"][f"p{i}"] = person.count
        graph[f"p{i}"] = {}
    for step in plan.hiring_order:  # one position at a time: earlier hires are covered first
        position = plan.positions[step.position]
        n = seats(position)
        if not n:
            continue
        node = f"q{step.position}"
        graph[node] = {"t": n}
        for i, person in enumerate(people):
            if can_take(model, person, position):
                graph[f"p{i}"][node] = person.count
                graph[node].setdefault(f"p{i}", 0)
        while _augment(graph, "s", "t"):
            pass
    covers = []
    for step in plan.hiring_order:
        position = plan.positions[step.position]
        if not seats(position):
            continue
        node = f"q{step.position}"
        filled = tuple((i, graph[node].get(f"p{i}", 0)) for i in range(len(people)) if graph[node].get(f"p{i}", 0) > 0)
        covers.append(Cover(step.position, seats(position), filled))
    used = {i: person.count - graph["s"][f"p{i}"] for i, person in enumerate(people)}
    return tuple(covers), used


def fit(model: SizingModel, plan: Plan, people: tuple[Person, ...], cost: PlanCost | None) -> TeamFit:
    """Match ``people`` to the plan; the hires that remain in hiring order, each with its monthly cost."""
    covers, used = match(model, plan, people)
    hires: list[Hire] = []
    running: list[Money] = []
    for cover in covers:
        left = cover.seats - cover.covered
        if left <= 0:
            continue
        if cost is None:
            amount = Money()
        else:
            row = cost.position(cover.position)
            amount = row.monthly.times(left / cover.seats)
        running.append(amount)
        hires.append(Hire(len(hires) + 1, cover.position, left, amount, total(running)))
    unused = tuple((i, p.count - used[i]) for i, p in enumerate(people) if p.count - used[i] > 0)
    return TeamFit(people, covers, unused, tuple(hires), total(running))


def existing_people(plan: Plan) -> tuple[Person, ...]:
    """The scenario's existing team as groups of people, one group per role."""
    return tuple(Person((role,), n) for role, n in plan.scenario.existing_team)


def plan_people(plan: Plan) -> tuple[Person, ...]:
    """The people of a plan (plan A, when comparing), one group per counted position."""
    return tuple(Person(p.roles, p.count, i) for i, p in enumerate(plan.positions) if seats(p))
