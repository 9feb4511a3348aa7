"""Share links: ``#scenario=`` + base64url of the scenario's canonical JSON, then what made the plan.

``#scenario=<payload>&model=<model version>&plan=<payload>``: the model version and a stamp of the
numbers the link showed (team size, FTE, people per position) follow the scenario. Both are
optional, so links made before they existed still open. A link made with another model version (or
whose numbers the model no longer gives) is opened with the current model and says so, naming what
changed (:func:`check_link`): an old model cannot be rerun, so the page shows today's numbers next
to the link's own.

Standard library only (the browser decodes links with this same code). A malformed or
tampered link becomes a :class:`ShareLinkError` with a message a person can act on.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from typing import Any

from . import strictjson
from .scenario import Scenario, ScenarioError, parse_scenario, scenario_to_data
from .sizing.model import SizingModel
from .sizing.plan import Plan

PREFIX = "scenario="
#: longer fragments are not scenarios this calculator produced (a canonical one is < 1 kB)
MAX_FRAGMENT = 8192
_VERSION = re.compile(r"\A\d{1,4}(?:\.\d{1,4}){0,3}\Z")
_POSITION_KEY = re.compile(r"\A[a-z][a-z0-9_]{0,39}(?:\+[a-z][a-z0-9_]{0,39}){0,11}\Z")
_MAX_POSITIONS = 100


class ShareLinkError(ValueError):
    """A share link that cannot be opened: ``reason`` is one of :data:`REASONS`, for the page's wording."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


#: why a link fails: not ours, cut or padded, damaged in transit, a scenario the engine refuses, or
#: a plan B to compare with (``&vs=``, :mod:`.share_compare`) that cannot be opened
REASONS = ("not_a_scenario", "length", "damaged", "invalid", "compare")


@dataclass(frozen=True)
class Stamp:
    """The numbers a link showed when it was made: team size, FTE, people per position (roles joined by ``+``)."""

    headcount: int
    fte: float
    positions: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class SharedPlan:
    """An opened link: the scenario, and (in links made since model versions are carried) what made it."""

    scenario: Scenario
    model_version: str | None = None
    stamp: Stamp | None = None


@dataclass(frozen=True)
class LinkCheck:
    """How the plan the link now opens compares with the one it was made with."""

    made_with: str | None  # the model version in the link; None: the link does not say
    model_version: str  # the model that computed the plan on screen
    then: Stamp | None  # the numbers in the link; None: the link does not carry them
    now: Stamp

    @property
    def position_changes(self) -> list[tuple[str, int, int]]:
        """(position key, people then, people now) for every position whose count changed."""
        if self.then is None:
            return []
        before, after = dict(self.then.positions), dict(self.now.positions)
        keys = [*before, *(k for k in after if k not in before)]
        return [(k, before.get(k, 0), after.get(k, 0)) for k in keys if before.get(k, 0) != after.get(k, 0)]

    @property
    def numbers_differ(self) -> bool:
        return self.then is not None and self.then != self.now


def scenario_json(scenario: Scenario) -> str:
    """Canonical JSON: compact, keys in the model's order, so one scenario has one link."""
    return json.dumps(scenario_to_data(scenario), ensure_ascii=False, separators=(",", ":"))


def _b64(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode("utf-8")).decode("ascii").rstrip("=")


def encode(scenario: Scenario) -> str:
    """The fragment (without ``#``) that reopens ``scenario``, without model version or numbers."""
    return PREFIX + _b64(scenario_json(scenario))


def stamp_of(plan: Plan) -> Stamp:
    """The plan's numbers as a link carries them (positions not counted in the headcount are left out)."""
    people: dict[str, int] = {}
    for position in plan.positions:
        if position.kind != "outsourced":
            key = "+".join(position.roles)
            people[key] = people.get(key, 0) + position.count
    return Stamp(plan.total_headcount, round(plan.total_fte, plan.decimals), tuple(people.items()))


def share_fragment(plan: Plan) -> str:
    """The fragment that reopens ``plan``'s scenario and names the model version and numbers it was made with."""
    stamp = stamp_of(plan)
    numbers = {"n": stamp.headcount, "fte": stamp.fte, "p": dict(stamp.positions)}
    return f"{encode(plan.scenario)}&model={plan.model_version}&plan={_b64(json.dumps(numbers, separators=(',', ':')))}"


def _json_part(payload: str, what: str) -> Any:
    try:
        # validate=True: a character outside base64url is damage, not something to skip
        raw = base64.b64decode(payload + "=" * (-len(payload) % 4), altchars=b"-_", validate=True)
        text = raw.decode("utf-8")
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise ShareLinkError(f"the {what} in the link is damaged (not base64url-encoded UTF-8)", "damaged") from None
    try:
        return strictjson.loads(text)
    except strictjson.JSONInputError as exc:
        raise ShareLinkError(f"the {what} in the link is damaged ({exc.message})", "damaged") from None


def _stamp(payload: str) -> Stamp:
    data = _json_part(payload, "plan stamp")
    bad = ShareLinkError("the plan stamp in the link is damaged (expected team size, FTE and positions)", "damaged")
    if not isinstance(data, dict) or set(data) != {"n", "fte", "p"}:
        raise bad
    n, fte, positions = data["n"], data["fte"], data["p"]
    if type(n) is not int or not 0 <= n <= 10_000 or type(fte) not in (int, float) or not 0 <= fte <= 10_000:
        raise bad
    if not isinstance(positions, dict) or len(positions) > _MAX_POSITIONS:
        raise bad
    for key, count in positions.items():
        if not _POSITION_KEY.match(key) or type(count) is not int or not 0 < count <= 10_000:
            raise bad
    return Stamp(n, float(fte), tuple(positions.items()))


def _parts(payload: str) -> tuple[str, dict[str, str]]:
    """The scenario's payload and the named parts after it (``model``, ``plan``), each at most once."""
    scenario, *rest = payload.split("&")
    named: dict[str, str] = {}
    for part in rest:
        key, sep, value = part.partition("=")
        if not sep or key not in ("model", "plan") or key in named:
            raise ShareLinkError(f"the link has an unexpected part {part[:40]!r} (allowed: model=, plan=)", "damaged")
        named[key] = value
    if "model" in named and not _VERSION.match(named["model"]):
        raise ShareLinkError("the model version in the link is damaged (expected a number like 2.0)", "damaged")
    return scenario, named


def open_link(fragment: str, model: SizingModel) -> SharedPlan:
    """Open a share link's fragment (with or without ``#``); raise :class:`ShareLinkError`."""
    fragment = fragment.lstrip("#")
    if not fragment.startswith(PREFIX):
        raise ShareLinkError(f"the link does not carry a scenario (expected #{PREFIX}...)", "not_a_scenario")
    payload = fragment[len(PREFIX) :]
    if not payload or len(payload) > MAX_FRAGMENT:
        raise ShareLinkError(
            f"the scenario in the link is empty or too long (allowed: 1 to {MAX_FRAGMENT} characters)", "length"
        )
    scenario_part, named = _parts(payload)
    if not scenario_part:
        raise ShareLinkError("the scenario in the link is empty", "length")
    stamp = _stamp(named["plan"]) if "plan" in named else None
    data = _json_part(scenario_part, "scenario")
    try:
        scenario = parse_scenario(data, model, file="link")
    except ScenarioError as exc:
        first = exc.problems[0]
        more = f" (and {len(exc.problems) - 1} more)" if len(exc.problems) > 1 else ""
        detail = f"{first.path}: {first.message}{more}" if first.path else f"{first.message}{more}"
        raise ShareLinkError(f"the scenario in the link is not valid: {detail}", "invalid") from None
    return SharedPlan(scenario, named.get("model"), stamp)


def decode(fragment: str, model: SizingModel) -> Scenario:
    """The scenario of a share link's fragment; raise :class:`ShareLinkError`."""
    return open_link(fragment, model).scenario


def check_link(shared: SharedPlan, plan: Plan) -> LinkCheck | None:
    """What a person opening ``shared`` should be told about ``plan`` (its plan now), or None when nothing."""
    check = LinkCheck(shared.model_version, plan.model_version, shared.stamp, stamp_of(plan))
    if check.made_with == check.model_version and not check.numbers_differ:
        return None
    return check
