"""The methodology page and role sizing sections: same objects as the engine, escaped, linked."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from calculator.datafiles.load import load_sizing
from calculator.engine.model import Text
from calculator.engine.playbook import ROLE_IDS
from calculator.engine.sizing_data import sizing_to_data
from calculator.pages.methodology import ANCHORS, methodology_page, role_sizing_section

MODEL = load_sizing(Path(__file__).resolve().parent.parent / "sizing.yaml")


def parameter_rows(data: object, path: str = "") -> list[tuple[str, float]]:
    """(path, value) of every parameter in the exported data."""
    if isinstance(data, dict):
        if "value" in data and "unit" in data:
            return [(path, data["value"])]
        return [row for k, v in data.items() for row in parameter_rows(v, f"{path}.{k}" if path else k)]
    if isinstance(data, list):
        return [
            row
            for i, v in enumerate(data)
            for row in parameter_rows(v, f"{path}.{v['id']}" if isinstance(v, dict) and "id" in v else f"{path}[{i}]")
        ]
    return []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_parameter_is_on_the_page_with_its_value(lang: str) -> None:
    page = methodology_page(MODEL, lang)
    rows = [r for r in parameter_rows(sizing_to_data(MODEL)) if not r[0].startswith("default_scenario")]
    assert len(rows) > 50
    for path, value in rows:
        match = re.search(rf"^\| `{re.escape(path)}` \| [^|]+ \| ([^|]+) \|", page, re.M)
        assert match, path
        assert float(match.group(1)) == value


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_anchors_and_labels(lang: str) -> None:
    page = methodology_page(MODEL, lang)
    for anchor in ANCHORS:
        assert f"{{#{anchor}}}" in page
    assumption = "假设" if lang == "zh" else "Assumption"
    assert f"**{assumption}**" in page
    assert "Knowlagent" in page


def test_formulas_show_the_productive_hours() -> None:
    assert "40 × (1 − 0.25) × 0.8 = **24**" in methodology_page(MODEL, "en")
    assert "40 × (1 − 0.25) = **30**" in methodology_page(MODEL, "zh")


def test_data_strings_are_escaped() -> None:
    cap = MODEL.capacity
    evil = replace(cap.hours_per_week, label=Text("<b>周|</b>", "<script>x</script> | *bold*"))
    page = methodology_page(replace(MODEL, capacity=replace(cap, hours_per_week=evil)), "en")
    assert "<script>" not in page
    assert "&#60;script&#62;" in page and "&#124;" in page and "&#42;bold&#42;" in page


@pytest.mark.parametrize("role", [*ROLE_IDS, "host", "room_control"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_role_section_links_to_existing_anchors(role: str, lang: str) -> None:
    section = role_sizing_section(MODEL, role, lang)
    assert section.startswith("## ")
    links = re.findall(r"\]\(\.\./methodology\.md#([a-z-]+)\)", section)
    assert links and set(links) <= set(ANCHORS)


def test_role_section_lists_the_drivers_of_the_role() -> None:
    section = role_sizing_section(MODEL, "user", "en")
    assert "community.hours_per_group_per_week.user" in section
    assert "Conversion × 1.2" in section
    lead = role_sizing_section(MODEL, "director", "zh")
    assert "#leadership" in lead


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_lead_positions_and_absorbing_are_explained(lang: str) -> None:
    page = methodology_page(MODEL, lang)
    ld = MODEL.leadership
    for key, lp in (("player_coach", ld.player_coach), ("team_lead", ld.team_lead)):
        assert f"| `leadership.{key}` | {lp.title[lang]} |" in page
    # (24 h - 2 h base) / 1.5 h per execution FTE = 14.67 execution FTE covered by one head
    assert "14.7" in page
    assert "| `packing.absorb_below` |" in page


def test_a_validated_source_url_is_linked() -> None:
    weeks = MODEL.campaigns.weeks_per_year
    assert weeks.source is not None
    linked = replace(weeks, source=replace(weeks.source, url="https://example.com/calendar"))
    page = methodology_page(replace(MODEL, campaigns=replace(MODEL.campaigns, weeks_per_year=linked)), "en")
    assert "[Gregorian calendar](https://example.com/calendar)" in page
