"""Roles' FTE into positions (people), so that more work never means fewer people.

Each role's whole people are its own; the remainders (the part of a role below one person)
are packed into as few positions as possible, exactly (the search is over subsets, and a
plan has a dozen roles at most). A position may hold remainders of roles that can all share
one person (roles.yaml: ``combines_with``; a share below ``packing.min_share`` of a
``helps_out`` role can sit with any other ``helps_out`` role), up to one person plus the
tolerance. Why this cannot contradict itself: a smaller (or missing) remainder never makes
a position infeasible, so an optimal packing of more work can always be turned into one of
less work with no more positions. A remainder below ``min_share`` that fits nowhere is listed
as part-time or outsourced and not counted.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

EPS = 1e-9
NO, EXPLICIT, SMALL_SHARE = 0, 1, 2  # what ``compatible`` answers for a pair of roles


@dataclass(frozen=True)
class Bin:
    """One packed position: the roles' shares (FTE) it carries, and how many people it is."""

    shares: tuple[tuple[str, float], ...]
    count: int  # whole people; 0 for an uncounted (part-time or outsourced) small share
    counted: bool = True

    @property
    def fte(self) -> float:
        return math.fsum(s for _, s in self.shares)

    @property
    def main_role(self) -> str:
        return max(self.shares, key=lambda s: s[1])[0]


def pack(
    fte: dict[str, float],
    order: tuple[str, ...],
    compatible: Callable[[str, float, str, float], int],
    tolerance: float,
    min_share: float,
) -> list[Bin]:
    """Positions for ``fte`` (role -> FTE, roles in ``order``): whole people first, then packed remainders."""
    whole: dict[str, int] = {}
    absorbed: set[str] = set()
    items: list[tuple[str, float]] = []
    for role in order:
        f = fte.get(role, 0.0)
        if f <= 0:
            continue
        people = math.floor(f + EPS)
        rest = max(f - people, 0.0)
        whole[role] = people
        if people and rest <= tolerance + EPS:
            absorbed.add(role)  # carried by the role's own people
            continue
        if rest > EPS or not people:
            items.append((role, rest))
    n = len(items)

    def feasible(mask: int) -> bool:
        members = [items[i] for i in range(n) if mask >> i & 1]
        if math.fsum(s for _, s in members) > 1 + tolerance + EPS:
            return False
        return all(compatible(a, sa, b, sb) != NO for i, (a, sa) in enumerate(members) for (b, sb) in members[i + 1 :])

    def cost(mask: int) -> tuple[int, int, int]:
        """Fewest counted people, then fewest positions, then fewest pairs joined only by the small-share rule."""
        members = [items[i] for i in range(n) if mask >> i & 1]
        alone_and_small = len(members) == 1 and members[0][1] < min_share - EPS
        helped = sum(
            compatible(a, sa, b, sb) == SMALL_SHARE for i, (a, sa) in enumerate(members) for (b, sb) in members[i + 1 :]
        )
        return (0 if alone_and_small else 1, 1, helped)

    ok = {mask: feasible(mask) for mask in range(1, 1 << n)}
    costs = {mask: cost(mask) for mask in range(1, 1 << n) if ok[mask]}

    @cache
    def best(mask: int) -> tuple[tuple[int, int, int], tuple[int, ...]]:
        if mask == 0:
            return (0, 0, 0), ()
        lowest = mask & -mask  # the lowest item goes in some bin: enumerate that bin only
        found: tuple[tuple[int, int, int], tuple[int, ...]] | None = None
        sub = mask
        while sub:
            if sub & lowest and ok[sub]:
                total, rest = best(mask & ~sub)
                c = costs[sub]
                candidate = ((total[0] + c[0], total[1] + c[1], total[2] + c[2]), (sub, *rest))
                if found is None or candidate[0] < found[0]:
                    found = candidate
            sub = (sub - 1) & mask
        assert found is not None  # every single item is feasible on its own
        return found

    _, masks = best((1 << n) - 1)
    rank = {r: i for i, r in enumerate(order)}
    bins = [
        Bin(((role, fte[role] if role in absorbed else float(people)),), people)
        for role, people in whole.items()
        if people
    ]
    own = {b.shares[0][0]: i for i, b in enumerate(bins)}
    for mask in masks:
        members = tuple(sorted((items[i] for i in range(n) if mask >> i & 1), key=lambda s: rank[s[0]]))
        counted = costs[mask][0] == 1
        if counted and len(members) == 1 and members[0][0] in own:  # one more person of a role with whole people
            i = own[members[0][0]]
            role, share = bins[i].shares[0]
            bins[i] = Bin(((role, share + members[0][1]),), bins[i].count + 1)
            continue
        bins.append(Bin(members, 1 if counted else 0, counted))
    return bins


def headcount(bins: list[Bin]) -> int:
    return sum(b.count for b in bins)
