"""Cross-checks of sizing.yaml's ``cost`` and ``presets`` against the rest of the model.

No band may name an unknown role, the reference and default tiers must be listed, and every preset
must be a scenario the engine accepts. A role added to roles.yaml without a band is sized as usual;
its positions are reported as unpriced (the plan names it) until sizing.yaml gives it a band. Problems are
reported at their place in the file, all at once. Standard library only.
"""

from __future__ import annotations

from typing import Any

from ..errors import Problem
from ..scenario import scenario_problems
from ..schema import Reporter
from .costdata import TIER_IDS
from .model import SizingModel, SizingRole


class _Within:
    """Reports a nested document's problems at their place in the outer file."""

    def __init__(self, where: Reporter, prefix: tuple[Any, ...]) -> None:
        self.where, self.prefix = where, prefix

    def problem(self, path: Any, message: str) -> Problem:
        return self.where.problem((*self.prefix, *path), message)


def cost_problems(raw: Any, where: Reporter, roles: tuple[SizingRole, ...]) -> list[Problem]:
    """Role ids in ``cost.salaries`` / ``cost.variable_pay`` and the tiers named, checked on the raw data."""
    cost = raw.get("cost") if isinstance(raw, dict) else None
    if not isinstance(cost, dict):
        return []
    known = [r.id for r in roles]
    problems: list[Problem] = []
    for key in ("salaries", "variable_pay"):
        table = cost.get(key)
        if not isinstance(table, dict):
            continue
        problems += [
            where.problem(
                ("cost", key, rid), f"unknown role {rid!r}: not a role of roles.yaml (allowed: {', '.join(known)})"
            )
            for rid in table
            if isinstance(rid, str) and rid not in known
        ]
    tiers = cost.get("tiers")
    listed = [t.get("id") for t in tiers if isinstance(t, dict)] if isinstance(tiers, list) else []
    for key in ("reference_tier", "default_tier"):
        tier = cost.get(key)
        if tier in TIER_IDS and isinstance(tiers, list) and tier not in listed:  # another id: the schema says so
            problems.append(
                where.problem(
                    ("cost", key), f"{tier!r} is not one of the tiers listed (allowed: {', '.join(map(str, listed))})"
                )
            )
    return problems


def preset_problems(model: SizingModel, where: Reporter) -> list[Problem]:
    """Every preset's scenario, validated like a share link's, located in sizing.yaml."""
    problems: list[Problem] = []
    for i, preset in enumerate(model.presets):
        _, found = scenario_problems(preset.scenario, model, _Within(where, ("presets", i, "scenario")))
        problems += found
    return problems
