"""A scenario's weekly work, by role: every driver with the numbers that produced it (no sentences).

Posts come from each channel's format, upkeep from each active channel, everything else from the
one workload table of sizing.yaml; comments and DMs go through the customer-service model, and
staffed service hours are a seat. ``end`` picks the point value or an end of each parameter's range.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..model import Text
from ..scenario import Scenario
from .model import COVERAGE, PRODUCTION, Parameter, SizingModel, Workload

WEEKS_PER_YEAR = 52
WEEKS_PER_MONTH = 52 / 12
CONTACTS_PER_UNIT = 1000
CNY_PER_UNIT = 10000
MINUTES_PER_HOUR = 60


@dataclass(frozen=True)
class Driver:
    """One input's contribution to one role's weekly hours: quantity × rate ÷ per = hours."""

    id: str  # e.g. posts.douyin, upkeep.douyin, reporting, customer_service.comments, customer_service.window
    role: str
    kind: str  # PRODUCTION or COVERAGE
    quantity_id: str  # what the quantity counts (posts_per_week, live_hours, groups, ...)
    quantity: float
    rate: float  # the parameter's value used (hours per unit; minutes per item for comments)
    rate_path: str  # where the rate lives in sizing.yaml
    rate_unit: Text
    per: float  # divisor: weeks per year, weeks per month, 1,000 contacts, 60 minutes ...
    hours_per_week: float
    label: Text
    in_peak: str = "multiplied"
    counted: bool = True  # False for a pick-larger alternative that came out smaller


def _quantities(s: Scenario) -> dict[str, tuple[float, float]]:
    """Each workload quantity: (the scenario's number, the divisor that makes it weekly per unit)."""
    return {
        "active_channels": (float(len(s.active_channels)), 1.0),
        "live_hours": (s.live_hours_per_week, 1.0),
        "groups": (float(s.groups), 1.0),
        "contacts": (float(s.contacts), CONTACTS_PER_UNIT),
        "node_campaigns": (float(s.campaigns_per_year), WEEKS_PER_YEAR),
        "creator_collaborations": (s.creator_collaborations_per_month, WEEKS_PER_MONTH),
        "ad_spend": (s.ad_spend_per_month, CNY_PER_UNIT * 1.0),
    }


def _driver(
    driver_id: str,
    role: str,
    p: Parameter,
    path: str,
    quantity_id: str,
    quantity: float,
    per: float,
    kind: str,
    end: str,
    in_peak: str = "multiplied",
) -> Driver:
    rate = p.at(end)
    return Driver(
        driver_id, role, kind, quantity_id, quantity, rate, path, p.unit, per, quantity * rate / per, p.label, in_peak
    )


def _table(w: Workload, quantity: float, per: float, end: str) -> list[Driver]:
    return [
        _driver(w.id, role, p, f"workloads.{w.id}.hours.{role}", w.scales_with, quantity, per, w.kind, end, w.in_peak)
        for role, p in w.hours
    ]


def drivers(s: Scenario, m: SizingModel, end: str = "value", peak: bool = False) -> list[Driver]:
    """Every driver of the scenario, in a fixed order (channels, table, customer service).

    ``peak``: a week before a node campaign: routine work multiplied, each campaign's hours in its
    own peak weeks (or the yearly average, when peaks overlap), steady work unchanged.
    """
    out = [_in_peak(d, m, end) if peak else d for d in _found(s, m, end)]
    out = _pick_larger(out, m)
    return _service_window(out, s, m, end)


def _in_peak(d: Driver, m: SizingModel, end: str) -> Driver:
    ca = m.campaigns
    if d.in_peak == "multiplied":
        return replace(d, hours_per_week=d.hours_per_week * ca.peak_multiplier.at(end))
    if d.in_peak == "concentrated":
        return replace(d, hours_per_week=max(d.rate / ca.peak_weeks.at(end), d.hours_per_week))
    return d


def _found(s: Scenario, m: SizingModel, end: str) -> list[Driver]:
    out: list[Driver] = []
    for act in s.active_channels:
        ch = m.channel(act.channel)
        if act.posts_per_week:
            fmt = ch.format(act.format)
            path = f"channels.{ch.id}.formats.{fmt.id}.hours_per_post"
            out += [
                _driver(
                    f"posts.{ch.id}",
                    role,
                    p,
                    f"{path}.{role}",
                    "posts_per_week",
                    act.posts_per_week,
                    1.0,
                    PRODUCTION,
                    end,
                )
                for role, p in fmt.hours_per_post
            ]
        out += [
            _driver(
                f"upkeep.{ch.id}",
                role,
                p,
                f"channels.{ch.id}.upkeep_hours_per_week.{role}",
                "channel",
                1.0,
                1.0,
                PRODUCTION,
                end,
            )
            for role, p in ch.upkeep_hours_per_week
        ]
    quantities = _quantities(s)
    for w in m.workloads:
        quantity, per = quantities[w.scales_with]
        if quantity:
            out += _table(w, quantity, per, end)
    cs = m.customer_service
    if s.comments_per_week:
        minutes = cs.minutes_per_item(end)
        out.append(
            Driver(
                "customer_service.comments",
                "customer_service",
                PRODUCTION,
                "comments_per_week",
                s.comments_per_week,
                minutes,
                "customer_service",
                Text("分钟/条", "min per item"),
                MINUTES_PER_HOUR,
                s.comments_per_week * minutes / MINUTES_PER_HOUR,
                Text("评论与私信：浏览、回复", "Comments and DMs: skim and reply"),
            )
        )
    return out


def _service_window(out: list[Driver], s: Scenario, m: SizingModel, end: str) -> list[Driver]:
    cs = m.customer_service
    if s.service_hours_per_week:
        window = _driver(
            "customer_service.window",
            "customer_service",
            cs.service_window,
            "customer_service.service_window",
            "service_hours_per_week",
            s.service_hours_per_week,
            1.0,
            COVERAGE,
            end,
            "steady",
        )
        # replies happen during the staffed hours: the larger of the two counts, not both
        comments = next((d for d in out if d.id == "customer_service.comments"), None)
        if comments is not None and comments.hours_per_week >= window.hours_per_week:
            window = replace(window, counted=False)
        elif comments is not None:
            out[out.index(comments)] = replace(comments, counted=False)
        out.append(window)
    return out


def _pick_larger(found: list[Driver], m: SizingModel) -> list[Driver]:
    """Of workloads sharing a ``pick_larger`` id, per role only the largest counts (the others stay, marked)."""
    group = {w.id: w.pick_larger for w in m.workloads if w.pick_larger}
    best: dict[tuple[str, str], Driver] = {}
    for d in found:
        key = (group.get(d.id, ""), d.role)
        if key[0] and (key not in best or d.hours_per_week > best[key].hours_per_week):
            best[key] = d
    return [d if not group.get(d.id) or best[(group[d.id], d.role)] is d else replace(d, counted=False) for d in found]
