"""The calculator page's founder inputs: presets (one click, each its own share link), the city tier
and the team you already have. Called from :mod:`.calculator_page`; markup by ElementTree.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..engine.html import element
from ..engine.scenario import MAX_EXISTING, Scenario, parse_scenario
from ..engine.share import share_fragment
from ..engine.sizing.model import SizingModel
from ..engine.sizing.plan import size

UI = {
    "zh": {
        "presets": "从常见情形开始",
        "presets_help": "点一下即载入；每个链接也可以直接分享。",
        "team": "城市与已有团队",
        "city_tier": "城市等级（决定薪酬）",
        "existing": "已有成员（按岗位填人数）",
        "existing_help": "已在岗的人先填进方案的职位；其余为待招岗位，按招聘顺序列出并给出成本。",
        "people": "人",
    },
    "en": {
        "presets": "Start from a common case",
        "presets_help": "One click loads it; each link can also be shared as it is.",
        "team": "City and the team you have",
        "city_tier": "City tier (sets pay)",
        "existing": "People you already employ (by role)",
        "existing_help": "People already in place fill the plan's positions first; the rest are the hires, "
        "in hiring order, with their cost.",
        "people": "people",
    },
}


def preset_links(root: ET.Element, model: SizingModel, lang: str) -> None:
    """A list of presets, each a link to its own ``#scenario=`` (the page opens it on hashchange)."""
    if not model.presets:
        return
    ui = UI[lang]
    nav = element(root, "nav", None, class_="calc-presets", aria_label=ui["presets"])
    element(nav, "p", ui["presets"], class_="calc-presets__title")
    items = element(nav, "ul")
    for preset in model.presets:
        scenario = parse_scenario(preset.scenario, model, f"sizing.yaml: presets.{preset.id}")
        item = element(items, "li", None, id=f"calc-preset-{preset.id}")
        # with the model version and numbers, as a shared link: opening it raises no "other model" notice
        href = "#" + share_fragment(size(scenario, model))
        link = element(item, "a", preset.name[lang], href=href, class_="calc-preset")
        link.set("data-preset", preset.id)
        element(item, "span", " — " + preset.description[lang], class_="calc-presets__description")
    element(nav, "small", ui["presets_help"], class_="calc-field__help")


def plan_fields(form: ET.Element, model: SizingModel, scenario: Scenario, lang: str) -> None:
    """The city tier (a select named ``city_tier``) and one whole-number field per role (``existing_team.<id>``)."""
    if model.cost is None:
        return
    ui = UI[lang]
    box = element(form, "fieldset", None, class_="calc-team")
    element(box, "legend", ui["team"])
    label = element(box, "label", None, class_="calc-field")
    element(label, "span", ui["city_tier"], class_="calc-field__label")
    select = element(label, "select", None, name="city_tier", aria_label=ui["city_tier"])
    select.set("data-field", "city_tier")
    select.set("data-default", model.cost.default_tier)
    chosen = scenario.city_tier or model.cost.default_tier
    for tier in model.cost.tiers:
        option = element(
            select,
            "option",
            f"{tier.name[lang]}（{tier.cities[lang]}）" if lang == "zh" else f"{tier.name[lang]} ({tier.cities[lang]})",
            value=tier.id,
        )
        if tier.id == chosen:
            option.set("selected", "selected")
    element(box, "p", ui["existing"], class_="calc-field__label")
    have = dict(scenario.existing_team)
    grid = element(box, "div", None, class_="calc-existing")
    for role in model.roles:
        field = element(grid, "label", None, class_="calc-field")
        element(field, "span", role.name[lang], class_="calc-field__label")
        element(
            field,
            "input",
            None,
            type="text",
            name=f"existing_team.{role.id}",
            inputmode="numeric",
            autocomplete="off",
            spellcheck="false",
            value=str(have.get(role.id, 0)),
            aria_label=f"{ui['existing']}: {role.name[lang]}",
            data_max=str(MAX_EXISTING),
        )
        element(field, "span", ui["people"], class_="calc-field__unit")
    element(box, "small", ui["existing_help"], class_="calc-field__help")
