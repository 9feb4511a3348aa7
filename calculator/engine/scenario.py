"""A founder's scenario: channels and formats, cadence, live hours, community, service, paid media, campaigns, goals.

Parsed from JSON (the CLI's input and the share-link payload) into a frozen :class:`Scenario`.
Every problem names the field path and what is allowed, all at once. Fields added by model 2.0
(format, ad spend, creator collaborations, service hours) are optional, so older scenarios and
links keep working and keep their canonical form. Standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .errors import DataError, Problem, Unlocated
from .schema import INVALID, Enum, Field, ListOf, MapOf, Number, Obj, Reporter, Str, validate
from .sizing.model import Parameter, SizingModel

SCENARIO_NAME = "scenario"
#: most people of one role a scenario's existing team may name
MAX_EXISTING = 1000


class ScenarioError(DataError):
    """A scenario that cannot be sized; carries every problem found."""


@dataclass(frozen=True)
class ChannelActivity:
    """What a team does on one channel each week."""

    channel: str
    posts_per_week: float = 0.0
    live_hours_per_week: float = 0.0
    format: str | None = None  # None: the channel's default format

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
    service_hours_per_week: float = 0.0
    campaigns_per_year: int = 0
    ad_spend_per_month: float = 0.0
    creator_collaborations_per_month: float = 0.0
    goals: tuple[str, ...] = ()
    city_tier: str | None = None  # None: sizing.yaml's cost.default_tier
    existing_team: tuple[tuple[str, int], ...] = ()  # (role id, people) already employed, in the model's order

    @property
    def active_channels(self) -> tuple[ChannelActivity, ...]:
        return tuple(c for c in self.channels if c.active)

    @property
    def live_hours_per_week(self) -> float:
        """Live hours summed over every channel."""
        return sum(c.live_hours_per_week for c in self.channels)


def _bounded(limit: Parameter, integer: bool = False) -> Number:
    return Number(minimum=0, maximum=limit.value, integer=integer, unit=limit.unit.en)


def _optional(name: str, spec: Any, doc: tuple[str, str], default: Any = 0.0) -> Field:
    return Field(name, spec, doc, required=False, default=default)


def scenario_spec(model: SizingModel) -> Obj:
    """The scenario's schema; its bounds and allowed ids come from the sizing data."""
    lm = model.limits
    activity = Obj(
        "channel activity",
        (
            _optional("posts_per_week", _bounded(lm.posts_per_week), ("每周发布条数", "posts per week")),
            _optional(
                "live_hours_per_week",
                _bounded(lm.live_hours_per_week),
                ("每周直播小时（仅限可直播渠道）", "live hours per week (live-streaming channels only)"),
            ),
            _optional(
                "format",
                Str(max_length=48),
                (
                    "内容形式 id（见该渠道的 formats；默认第一个）",
                    "format id (see the channel's formats; default: the first)",
                ),
                default=None,
            ),
        ),
    )
    private_domain = Obj(
        "private domain",
        (
            _optional("groups", _bounded(lm.groups, integer=True), ("社群数", "community groups"), 0),
            _optional("contacts", _bounded(lm.contacts, integer=True), ("企业微信私域好友数", "WeCom contacts"), 0),
        ),
    )
    return Obj(
        "scenario",
        (
            _optional(
                "channels",
                MapOf(Enum(tuple(c.id for c in model.channels)), activity),
                ("各渠道的发布与直播", "posting and live-streaming per channel"),
                {},
            ),
            _optional("private_domain", private_domain, ("社群与私域", "community and private domain"), None),
            _optional(
                "comments_per_week", _bounded(lm.comments_per_week), ("每周评论与私信条数", "comments and DMs per week")
            ),
            _optional(
                "service_hours_per_week",
                _bounded(lm.service_hours_per_week),
                ("客服在线时长（小时/周）", "customer-service hours on duty per week"),
            ),
            _optional(
                "campaigns_per_year",
                _bounded(lm.campaigns_per_year, integer=True),
                ("每年节点大促次数（618、双11等）", "node campaigns per year (618, Double 11, ...)"),
                0,
            ),
            _optional(
                "ad_spend_per_month", _bounded(lm.ad_spend_per_month), ("每月投放预算（元）", "monthly ad budget (CNY)")
            ),
            _optional(
                "creator_collaborations_per_month",
                _bounded(lm.creator_collaborations_per_month),
                ("每月达人/KOC合作次数", "creator collaborations per month"),
            ),
            _optional(
                "goals",
                ListOf(Enum(tuple(g.id for g in model.goals)), unique_items=True),
                ("目标", "goals"),
                (),
            ),
            *_plan_fields(model),
        ),
    )


def _plan_fields(model: SizingModel) -> tuple[Field, ...]:
    """The founder's fields: the city tier that sets pay, and the people already employed by role."""
    tiers = tuple(t.id for t in model.cost.tiers) if model.cost else ()
    default = model.cost.default_tier if model.cost else ""
    people = Number(minimum=0, maximum=MAX_EXISTING, integer=True, unit="people")
    return (
        _optional(
            "city_tier",
            Enum(tiers),
            ("城市等级（决定薪酬）；默认 " + default, "city tier (sets pay); default " + default),
            None,
        ),
        _optional(
            "existing_team",
            MapOf(Enum(model.role_ids), people),
            ("已有团队：岗位 id -> 人数", "the team you already have: role id -> people"),
            {},
        ),
    )


def _channel_problems(raw: Any, model: SizingModel, where: Reporter) -> list[Problem]:
    """Live hours only on live channels; a format the channel has."""
    problems: list[Problem] = []
    if not (isinstance(raw, dict) and isinstance(raw.get("channels"), dict)):
        return problems
    known = {c.id: c for c in model.channels}
    live = [c.id for c in model.channels if c.live]
    for cid, activity in raw["channels"].items():
        if cid not in known or not isinstance(activity, dict):
            continue
        hours = activity.get("live_hours_per_week")
        if not known[cid].live and hours not in (None, 0):
            problems.append(
                where.problem(
                    ("channels", cid, "live_hours_per_week"),
                    f"{cid} does not live-stream (allowed only on: {', '.join(live)})",
                )
            )
        fmt = activity.get("format")
        formats = [f.id for f in known[cid].formats]
        if isinstance(fmt, str) and fmt not in formats:
            shown = fmt if len(fmt) <= 30 else fmt[:27] + "..."
            problems.append(
                where.problem(
                    ("channels", cid, "format"), f"{shown!r} is not a format of {cid} (allowed: {', '.join(formats)})"
                )
            )
    return problems


def scenario_problems(raw: Any, model: SizingModel, where: Reporter) -> tuple[Scenario | None, list[Problem]]:
    """Validate ``raw``; return the scenario (None if invalid) and every problem found."""
    checked, problems = validate(scenario_spec(model), raw, where)
    problems += _channel_problems(raw, model, where)
    if problems or checked is INVALID:
        return None, problems
    given = checked["channels"]
    domain = checked["private_domain"] or {"groups": 0, "contacts": 0}

    def activity(channel_id: str) -> ChannelActivity:
        entry = given[channel_id]
        default = model.channel(channel_id).formats[0].id
        fmt = entry["format"] if entry["format"] != default else None
        return ChannelActivity(channel_id, entry["posts_per_week"], entry["live_hours_per_week"], fmt)

    scenario = Scenario(
        channels=tuple(activity(c.id) for c in model.channels if c.id in given and activity(c.id).active),
        groups=domain["groups"],
        contacts=domain["contacts"],
        comments_per_week=checked["comments_per_week"],
        service_hours_per_week=checked["service_hours_per_week"],
        campaigns_per_year=checked["campaigns_per_year"],
        ad_spend_per_month=checked["ad_spend_per_month"],
        creator_collaborations_per_month=checked["creator_collaborations_per_month"],
        goals=tuple(g.id for g in model.goals if g.id in checked["goals"]),
        city_tier=None
        if model.cost is None or checked["city_tier"] == model.cost.default_tier
        else checked["city_tier"],
        existing_team=tuple(
            (r, checked["existing_team"][r]) for r in model.role_ids if checked["existing_team"].get(r)
        ),
    )
    return scenario, []


def parse_scenario(raw: Any, model: SizingModel, file: str = SCENARIO_NAME) -> Scenario:
    """Validate a scenario (plain data from JSON); raise :class:`ScenarioError` with every problem."""
    scenario, problems = scenario_problems(raw, model, Unlocated(file))
    if scenario is None:
        raise ScenarioError(problems)
    return scenario


def _number(value: float) -> int | float:
    """7.0 -> 7, so the canonical form (and share links) stay short and stable."""
    return int(value) if float(value).is_integer() else value


def scenario_to_data(scenario: Scenario) -> dict[str, Any]:
    """The canonical form (the share-link payload): only non-zero, non-default fields, ids in the model's order."""
    out: dict[str, Any] = {}
    channels: dict[str, Any] = {}
    for c in scenario.active_channels:
        entry: dict[str, Any] = {}
        if c.posts_per_week:
            entry["posts_per_week"] = _number(c.posts_per_week)
        if c.live_hours_per_week:
            entry["live_hours_per_week"] = _number(c.live_hours_per_week)
        if c.format is not None:
            entry["format"] = c.format
        channels[c.channel] = entry
    if channels:
        out["channels"] = channels
    domain = {k: v for k, v in (("groups", scenario.groups), ("contacts", scenario.contacts)) if v}
    if domain:
        out["private_domain"] = domain
    for name in (
        "comments_per_week",
        "service_hours_per_week",
        "campaigns_per_year",
        "ad_spend_per_month",
        "creator_collaborations_per_month",
    ):
        value = getattr(scenario, name)
        if value:
            out[name] = _number(value)
    if scenario.goals:
        out["goals"] = list(scenario.goals)
    if scenario.city_tier:
        out["city_tier"] = scenario.city_tier
    if scenario.existing_team:
        out["existing_team"] = dict(scenario.existing_team)
    return out


def default_scenario(model: SizingModel) -> Scenario:
    """The scenario the calculator opens with (sizing.yaml's ``default_scenario``), or an empty one."""
    if model.default_scenario is None:
        return Scenario()
    return parse_scenario(model.default_scenario, model, "sizing.yaml: default_scenario")
