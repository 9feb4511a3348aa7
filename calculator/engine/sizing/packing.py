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
ROUNDING = 1e-12  # far above the error of a plain sum of a dozen shares below 1 (about 1e-15)


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
    shares = [s for _, s in items]
    limit = 1 + tolerance + EPS  # the most one position may carry

    clash, small = _pairs(items, compatible)
    helped, fitting = _fitting(shares, clash, small, limit)

    def cost(mask: int) -> tuple[int, int, int]:
        """Fewest counted people, then fewest positions, then fewest pairs joined only by the small-share rule."""
        alone_and_small = mask.bit_count() == 1 and shares[mask.bit_length() - 1] < min_share - EPS
        return (0 if alone_and_small else 1, 1, helped[mask])

    @cache
    def best(mask: int) -> tuple[tuple[int, int, int], tuple[int, ...]]:
        if mask == 0:
            return (0, 0, 0), ()
        lowest = mask & -mask  # the lowest item goes in some bin: enumerate that bin only
        rest = mask ^ lowest
        # the bins that fit and hold the lowest item, largest first (ties go to the first found):
        # from the list of fitting subsets, or from the subsets of ``mask`` when those are fewer
        candidates = fitting[lowest.bit_length() - 1]
        if len(candidates) > 1 << rest.bit_count():
            candidates = []
            sub = rest
            while True:
                if (sub | lowest) in helped:
                    candidates.append(sub | lowest)
                if not sub:
                    break
                sub = (sub - 1) & rest
        found: tuple[tuple[int, int, int], tuple[int, ...]] | None = None
        for sub in candidates:
            if sub & mask != sub:
                continue
            total, others = best(mask ^ sub)
            c = cost(sub)
            candidate = ((total[0] + c[0], total[1] + c[1], total[2] + c[2]), (sub, *others))
            if found is None or candidate[0] < found[0]:
                found = candidate
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
        counted = cost(mask)[0] == 1
        if counted and len(members) == 1 and members[0][0] in own:  # one more person of a role with whole people
            i = own[members[0][0]]
            role, share = bins[i].shares[0]
            bins[i] = Bin(((role, share + members[0][1]),), bins[i].count + 1)
            continue
        bins.append(Bin(members, 1 if counted else 0, counted))
    return bins


def _pairs(
    items: list[tuple[str, float]], compatible: Callable[[str, float, str, float], int]
) -> tuple[list[int], list[int]]:
    """Each pair of items asked once (the callback is the costly part), as bitmasks per item: bit j of
    ``clash[i]`` says items i and j can never share a position, bit j of ``small[i]`` that they share
    only by the small-share rule."""
    n = len(items)
    clash = [0] * n
    small = [0] * n
    for i, (a, sa) in enumerate(items):
        for j in range(i + 1, n):
            b, sb = items[j]
            kind = compatible(a, sa, b, sb)
            if kind == NO:
                clash[i] |= 1 << j
                clash[j] |= 1 << i
            elif kind == SMALL_SHARE:
                small[i] |= 1 << j
                small[j] |= 1 << i
    return clash, small


def _fitting(
    shares: list[float], clash: list[int], small: list[int], limit: float
) -> tuple[dict[int, int], list[list[int]]]:
    """The subsets of items that fit one position: {subset: its pairs joined only by the small-share
    rule}, and the subsets by their lowest item, largest first (the order the search tries them).

    Found without trying all 2**n: item i (last item first) joins each subset of the items after it
    that fits, so a subset is only tried when it minus its lowest item fits (shares are never negative
    and a clash stays a clash: nothing grown from a subset that does not fit can fit), and is checked
    in constant time from that smaller subset. ``load`` is a plain running sum, off from the exact sum
    by far less than ``ROUNDING``; only a sum that close to the limit is redone with ``math.fsum``
    (correctly rounded), so the answer is always fsum's.
    """
    n = len(shares)
    load = {0: 0.0}
    helped = {0: 0}
    fitting: list[list[int]] = [[] for _ in range(n)]
    for i in reversed(range(n)):
        bit = 1 << i
        for rest in list(load):  # every fitting subset so far holds only items after i
            if clash[i] & rest:
                continue
            total = load[rest] + shares[i]
            if total > limit + ROUNDING:
                continue
            mask = rest | bit
            if total >= limit - ROUNDING and math.fsum(shares[j] for j in range(n) if mask >> j & 1) > limit:
                continue
            load[mask] = total
            helped[mask] = helped[rest] + (small[i] & rest).bit_count()
            fitting[i].append(mask)
    for subsets in fitting:
        subsets.sort(reverse=True)  # ties go to the first found
    return helped, fitting


def headcount(bins: list[Bin]) -> int:
    return sum(b.count for b in bins)
