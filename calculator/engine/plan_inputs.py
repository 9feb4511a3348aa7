"""A scenario's inputs as labelled lines (label, value with unit), for the exports and the print view.

Standard library only. The labels and units are the form's own (sizing.yaml ``form``), so a printed
or exported plan names its inputs exactly as the calculator page does. Zero inputs are left out,
as in the share link's canonical form; channels keep the model's order.
"""

from __future__ import annotations

from .fmt import fmt
from .scenario import Scenario
from .sizing.model import SizingModel

_SEP = {"zh": "，", "en": ", "}
_NONE = {"zh": "无", "en": "none"}
_NO_CHANNEL = {"zh": "没有活跃渠道", "en": "no active channel"}


def _quantity(model: SizingModel, input_id: str, value: float, lang: str) -> str:
    unit = model.form.input(input_id).unit[lang]
    return f"{fmt(value, 2)} {unit}"


def channel_inputs(scenario: Scenario, model: SizingModel, lang: str) -> list[tuple[str, str]]:
    """One line per active channel: posts per week (with the format) and live hours."""
    lines: list[tuple[str, str]] = []
    for activity in scenario.active_channels:
        channel = model.channel(activity.channel)
        parts = []
        if activity.posts_per_week:
            chosen = channel.format(activity.format).name[lang]
            chosen = f"（{chosen}）" if lang == "zh" else f" ({chosen})"
            parts.append(_quantity(model, "posts_per_week", activity.posts_per_week, lang) + chosen)
        if activity.live_hours_per_week:
            label = model.form.input("live_hours_per_week").label[lang]
            parts.append(f"{label} {_quantity(model, 'live_hours_per_week', activity.live_hours_per_week, lang)}")
        lines.append((channel.name[lang], _SEP[lang].join(parts)))
    return lines


#: the scenario's other fields, in the form's order: (form input id, scenario attribute)
_FIELDS = (
    ("groups", "groups"),
    ("contacts", "contacts"),
    ("comments_per_week", "comments_per_week"),
    ("service_hours_per_week", "service_hours_per_week"),
    ("campaigns_per_year", "campaigns_per_year"),
    ("ad_spend_per_month", "ad_spend_per_month"),
    ("creator_collaborations_per_month", "creator_collaborations_per_month"),
)


def scenario_inputs(scenario: Scenario, model: SizingModel, lang: str) -> list[tuple[str, str]]:
    """Every input of ``scenario`` that is not zero, then the goals (always, "none" when none are chosen)."""
    lines = channel_inputs(scenario, model, lang)
    if not lines:
        lines.append((model.form.input("posts_per_week").label[lang], _NO_CHANNEL[lang]))
    for input_id, attribute in _FIELDS:
        value = getattr(scenario, attribute)
        if value:
            lines.append((model.form.input(input_id).label[lang], _quantity(model, input_id, value, lang)))
    goals = _SEP[lang].join(model.goal(g).name[lang] for g in scenario.goals) or _NONE[lang]
    lines.append((model.form.input("goals").label[lang], goals))
    return lines
