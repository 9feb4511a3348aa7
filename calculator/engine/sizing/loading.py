"""sizing.yaml's cross-checks (roles, channels, goals) and building a :class:`SizingModel` from plain data.

Standard library only: the build (from YAML with line numbers) and the browser (from sizing.json)
both come through :func:`sizing_from_data`. The role catalogue comes from roles.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..errors import DataError, PathKey, Problem, Unlocated
from ..model import Text
from ..scenario import scenario_problems
from ..schema import INVALID, Reporter, validate
from .cost_checks import cost_problems, preset_problems
from .model import CHANNEL_IDS, GOAL_IDS, HiringPriority, SizingModel, SizingRole
from .specs import JSON_NAME, SIZING

# --------------------------------------------------------------------------- cross-checks


def role_references(raw: Any, path: PathKey = ()) -> Iterator[tuple[PathKey, str]]:
    """Every role id named in sizing data (YAML shape), with its key path: the keys of every role map and `role`."""
    if isinstance(raw, dict):
        for key, value in raw.items():
            here = (*path, key)
            if key in ("hours_per_post", "upkeep_hours_per_week", "hours", "weights") and isinstance(value, dict):
                yield from (((*here, k), k) for k in value if isinstance(k, str))
            elif key == "role" and isinstance(value, str):
                yield here, value
            else:
                yield from role_references(value, here)
    elif isinstance(raw, list):
        for i, item in enumerate(raw):
            yield from role_references(item, (*path, i))


def _cross_check(raw: Any, where: Reporter, roles: tuple[SizingRole, ...]) -> list[Problem]:
    if not isinstance(raw, dict):
        return []
    known = [r.id for r in roles]
    problems = [
        where.problem(p, f"unknown role {rid!r}: not a role of roles.yaml (allowed: {', '.join(known)})")
        for p, rid in role_references(raw)
        if rid not in known
    ]
    for key, fixed in (("channels", CHANNEL_IDS), ("goals", GOAL_IDS)):
        items = raw.get(key)
        if isinstance(items, list):
            # an id that is not text is reported by the schema; here it only counts as missing
            given = {item.get("id") for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)}
            missing = [i for i in fixed if i not in given]
            if missing:
                problems.append(
                    where.problem((key,), f"missing {', '.join(missing)} (every one of {', '.join(fixed)} is required)")
                )
    return problems


@dataclass(frozen=True)
class Within:
    """Reports a nested document's problems at their place in the outer file."""

    where: Reporter
    prefix: PathKey

    def problem(self, path: PathKey, message: str) -> Problem:
        return self.where.problem((*self.prefix, *path), message)


#: The hiring reason of a role that sizing.yaml's hiring order does not list (it is hired last).
UNLISTED_HIRING_REASON = Text(
    "sizing.yaml 的招聘顺序中没有这个岗位，因此排在最后；在 hiring 中加上它即可调整。",
    "Not in sizing.yaml's hiring order, so hired last; add it to hiring to change that.",
)


def sizing_from_data(raw: Any, where: Reporter, roles: tuple[SizingRole, ...]) -> SizingModel:
    """Validate plain data (from YAML or JSON) into a :class:`SizingModel`, or raise :class:`DataError`."""
    checked, problems = validate(SIZING, raw, where)
    problems += _cross_check(raw, where, roles) + cost_problems(raw, where, roles)
    if problems or checked is INVALID:
        raise DataError(problems)
    hired = {h.role for h in checked["hiring"]}
    hiring = checked["hiring"] + tuple(HiringPriority(r.id, UNLISTED_HIRING_REASON) for r in roles if r.id not in hired)
    model = SizingModel(
        schema_version=checked["schema_version"],
        model_version=checked["model_version"],
        capacity=checked["capacity"],
        channels=checked["channels"],
        workloads=checked["workloads"],
        customer_service=checked["customer_service"],
        campaigns=checked["campaigns"],
        leadership=checked["leadership"],
        goals=checked["goals"],
        packing=checked["packing"],
        hiring=hiring,
        calibrated=checked["calibrated"],
        limits=checked["limits"],
        decimals=int(checked["output"]["decimals"].value),
        form=checked["form"],
        roles=roles,
        default_scenario=checked["default_scenario"],
        document=raw,
        cost=checked["cost"],
        presets=checked["presets"],
    )
    found = preset_problems(model, where)
    if model.default_scenario is not None:
        found = scenario_problems(model.default_scenario, model, Within(where, ("default_scenario",)))[1] + found
    if found:
        raise DataError(found)
    return model


def sizing_from_json(raw: Any, roles: tuple[SizingRole, ...]) -> SizingModel:
    """The browser's path: sizing.json (the validated document), validated the same way (no line numbers)."""
    return sizing_from_data(raw, Unlocated(JSON_NAME), roles)


def roles_from_playbook(roles: Any) -> tuple[SizingRole, ...]:
    """The role catalogue the engine sizes, from the playbook's roles (``Playbook.roles``)."""
    return tuple(SizingRole(r.id, r.name, r.group, tuple(r.combines_with), r.helps_out) for r in roles)
