"""A founder's scenario: which channels, how often, what community, campaigns and goals.

Parsed from JSON (the CLI's input, the form, a share link's payload, sizing.yaml's default)
into a frozen :class:`Scenario`. Every problem names the field path and what is allowed, and all
problems are reported at once. Standard library only (it runs under Pyodide).

The sizing model holds a validated default scenario, so :mod:`.sizing_data` imports this module;
what a scenario's schema needs from the model is declared here (:class:`ScenarioRules`), never imported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from .errors import DataError, Problem, Unlocated
from .fmt import canonical
from .model import Text
from .schema import INVALID, Enum, Field, ListOf, MapOf, Number, Obj, Reporter, validate

SCENARIO_NAME = "scenario"


class ScenarioError(DataError):
    """A scenario that cannot be sized; carries every problem found."""


@dataclass(frozen=True)
class ChannelActivity:
    """What a team does on one channel each week."""

    channel: str
    posts_per_week: float = 0.0
    live_hours_per_week: float = 0.0

    @property
    def active(self) -> bool:
        return self.posts_per_week > 0 or self.live_hours_per_week > 0


@dataclass(frozen=True)
class Scenario:
    """A validated scenario; missing fields are zero / none. Channels and goals are in the model's order."""

    channels: tuple[ChannelActivity, ...] = ()
    groups: int = 0
    contacts: int = 0
    comments_per_week: float = 0.0
    campaigns_per_year: int = 0
    goals: tuple[str, ...] = ()

    @property
    def active_channels(self) -> tuple[ChannelActivity, ...]:
        return tuple(c for c in self.channels if c.active)

    @property
    def live_hours_per_week(self) -> float:
        """Live hours summed over every channel."""
        return sum(c.live_hours_per_week for c in self.channels)


class _Limit(Protocol):
    """The most a scenario field may hold (a :class:`~.sizing_data.Parameter` of sizing.yaml's ``limits``)."""

    @property
    def value(self) -> float: ...
    @property
    def unit(self) -> Text: ...


class _Choice(Protocol):
    @property
    def id(self) -> str: ...


class _Channel(_Choice, Protocol):
    @property
    def live(self) -> bool: ...


class ScenarioRules(Protocol):
    """What a scenario may hold, as the sizing model says: a :class:`~.sizing_data.SizingModel` is one."""

    @property
    def limits(self) -> object: ...  # one limit per numeric scenario field, named like the field
    @property
    def channels(self) -> Sequence[_Channel]: ...
    @property
    def goals(self) -> Sequence[_Choice]: ...
    @property
    def default_scenario(self) -> Scenario | None: ...


def scenario_spec(model: ScenarioRules) -> Obj:
    """The scenario's schema; its bounds and allowed ids come from the sizing data."""

    def bounded(name: str, integer: bool = False) -> Number:
        limit: _Limit = getattr(model.limits, name)
        return Number(minimum=0, maximum=limit.value, integer=integer, unit=limit.unit.en)

    activity = Obj(
        "channel activity",
        (
            Field(
                "posts_per_week",
                bounded("posts_per_week"),
                ("每周发布条数", "posts per week"),
                required=False,
                default=0.0,
            ),
            Field(
                "live_hours_per_week",
                bounded("live_hours_per_week"),
                ("每周直播小时（仅限可直播渠道）", "live hours per week (live-streaming channels only)"),
                required=False,
                default=0.0,
            ),
        ),
    )
    private_domain = Obj(
        "private domain",
        (
            Field("groups", bounded("groups", integer=True), ("社群数", "community groups"), required=False, default=0),
            Field(
                "contacts",
                bounded("contacts", integer=True),
                ("企业微信私域好友数", "WeCom contacts"),
                required=False,
                default=0,
            ),
        ),
    )
    return Obj(
        "scenario",
        (
            Field(
                "channels",
                MapOf(Enum(tuple(c.id for c in model.channels)), activity),
                ("各渠道的发布与直播", "posting and live-streaming per channel"),
                required=False,
                default={},
            ),
            Field(
                "private_domain",
                private_domain,
                ("社群与私域", "community and private domain"),
                required=False,
                default=None,
            ),
            Field(
                "comments_per_week",
                bounded("comments_per_week"),
                ("每周评论与私信条数", "comments and DMs per week"),
                required=False,
                default=0.0,
            ),
            Field(
                "campaigns_per_year",
                bounded("campaigns_per_year", integer=True),
                ("每年节点大促次数（618、双11等）", "node campaigns per year (618, Double 11, ...)"),
                required=False,
                default=0,
            ),
            Field(
                "goals",
                ListOf(Enum(tuple(g.id for g in model.goals)), unique_items=True),
                ("目标", "goals"),
                required=False,
                default=(),
            ),
        ),
    )


def scenario_problems(raw: Any, model: ScenarioRules, where: Reporter) -> tuple[Scenario | None, list[Problem]]:
    """Validate ``raw``; return the scenario (None if invalid) and every problem found."""
    checked, problems = validate(scenario_spec(model), raw, where)
    if isinstance(raw, dict) and isinstance(raw.get("channels"), dict):
        live = [c.id for c in model.channels if c.live]
        for cid, activity in raw["channels"].items():
            hours = activity.get("live_hours_per_week") if isinstance(activity, dict) else None
            if cid in {c.id for c in model.channels} and cid not in live and hours not in (None, 0):
                problems.append(
                    where.problem(
                        ("channels", cid, "live_hours_per_week"),
                        f"{cid} does not live-stream (allowed only on: {', '.join(live)})",
                    )
                )
    if problems or checked is INVALID:
        return None, problems
    given = checked["channels"]
    domain = checked["private_domain"] or {"groups": 0, "contacts": 0}
    scenario = Scenario(
        channels=tuple(
            ChannelActivity(c.id, given[c.id]["posts_per_week"], given[c.id]["live_hours_per_week"])
            for c in model.channels
            if c.id in given and (given[c.id]["posts_per_week"] or given[c.id]["live_hours_per_week"])
        ),
        groups=domain["groups"],
        contacts=domain["contacts"],
        comments_per_week=checked["comments_per_week"],
        campaigns_per_year=checked["campaigns_per_year"],
        goals=tuple(g.id for g in model.goals if g.id in checked["goals"]),
    )
    return scenario, []


def parse_scenario(raw: Any, model: ScenarioRules, file: str = SCENARIO_NAME) -> Scenario:
    """Validate a scenario (plain data from JSON); raise :class:`ScenarioError` with every problem."""
    scenario, problems = scenario_problems(raw, model, Unlocated(file))
    if scenario is None:
        raise ScenarioError(problems)
    return scenario


def scenario_to_data(scenario: Scenario) -> dict[str, Any]:
    """The canonical form (the share-link payload): only non-zero fields, ids in the model's order."""
    out: dict[str, Any] = {}
    channels: dict[str, Any] = {}
    for c in scenario.active_channels:
        entry: dict[str, Any] = {}
        if c.posts_per_week:
            entry["posts_per_week"] = canonical(c.posts_per_week)
        if c.live_hours_per_week:
            entry["live_hours_per_week"] = canonical(c.live_hours_per_week)
        channels[c.channel] = entry
    if channels:
        out["channels"] = channels
    domain = {k: v for k, v in (("groups", scenario.groups), ("contacts", scenario.contacts)) if v}
    if domain:
        out["private_domain"] = domain
    if scenario.comments_per_week:
        out["comments_per_week"] = canonical(scenario.comments_per_week)
    if scenario.campaigns_per_year:
        out["campaigns_per_year"] = scenario.campaigns_per_year
    if scenario.goals:
        out["goals"] = list(scenario.goals)
    return out


def default_scenario(model: ScenarioRules) -> Scenario:
    """The scenario the calculator opens with (sizing.yaml's ``default_scenario``), or an empty one."""
    return model.default_scenario if model.default_scenario is not None else Scenario()
