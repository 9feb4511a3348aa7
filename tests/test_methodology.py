"""The methodology page and role sizing sections: the engine's own parameters, panel and example, escaped, linked."""

from __future__ import annotations

import html
import re

import pytest

from calculator.engine.fmt import fmt
from calculator.engine.scenario import default_scenario
from calculator.engine.sizing.model import iter_parameters
from calculator.engine.sizing.plan import size
from calculator.pages.methodology import ANCHORS, methodology_page, role_sizing_section
from tests.sizing_fixtures import MODEL, PANEL, PLAYBOOK

CASES = tuple(PANEL)


def page(lang: str) -> str:
    from calculator.datafiles.load import PANEL_FILE, load_panel
    from tests.sitebuild import ROOT

    return methodology_page(MODEL, lang, load_panel(ROOT / PANEL_FILE, MODEL))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_parameter_is_on_the_page_with_its_value_and_basis(lang: str) -> None:
    text = page(lang)
    for _, path, _, p in iter_parameters(MODEL):
        row = next((line for line in text.splitlines() if line.startswith(f"| `{path}` |")), None)
        assert row is not None, path
        assert f"| {fmt(p.value)} |" in row and p.grade in row, (path, row)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_anchors_sources_and_grades(lang: str) -> None:
    text = page(lang)
    for anchor in ANCHORS:
        assert f"{{#{anchor}}}" in text
    assert "[S]" in text and "[S-]" in text and "[A]" in text
    assert ("据出处调整" if lang == "zh" else "adapted") in text
    assert "https://www.orbitmedia.com/blog/blogging-statistics/" in text


def test_formulas_show_one_productive_hours_basis() -> None:
    line = next(line for line in page("en").splitlines() if "**Productive hours**" in line)
    assert "40 × (1 − 0.25) = **30** h" in line and "utilisation discount" in line


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_calibration_table_shows_every_scenario_with_the_model_result(lang: str) -> None:
    text = page(lang)
    section = text[text.index("{#calibration}") : text.index("{#capacity}")]
    rows = [line for line in section.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert len(rows) == len(CASES) >= 25
    for case, row in zip(CASES, rows, strict=True):
        plan = size(case.scenario, MODEL)
        assert f"| {plan.total_headcount} (" in row
        assert f"{plan.headcount_range[0]}–{plan.headcount_range[1]}" in row


def test_worked_example_is_the_default_plan() -> None:
    text = page("en")
    section = text[text.index("{#example}") : text.index("{#calibration}")]
    plan = size(default_scenario(MODEL), MODEL)
    assert f"Execution team of {plan.leadership.execution_headcount}" in section
    assert f"{plan.headcount_range[0]}–{plan.headcount_range[1]}" in section


def test_data_strings_are_escaped() -> None:
    text = page("en")
    assert "<script" not in text and "<img" not in text
    assert re.search(r"\[Orbit Media[^\]]*\]\(https://www\.orbitmedia\.com", text)


@pytest.mark.parametrize("role", [r.id for r in PLAYBOOK.roles])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_role_section_links_to_existing_anchors_without_parameter_paths(role: str, lang: str) -> None:
    section = role_sizing_section(MODEL, role, lang)
    for anchor in re.findall(r"methodology\.md#([\w-]+)", section):
        assert anchor in ANCHORS
    assert "`channels." not in section and "`workloads." not in section  # paths live on the methodology page


def test_role_section_lists_the_work_and_who_may_share_the_person() -> None:
    video = html.unescape(role_sizing_section(MODEL, "video", "en"))
    assert "Douyin · Short video: shooting and editing: 2.75 h/post [S-]" in video
    assert "[Content Operations Specialist](content.md)" in video
    host = html.unescape(role_sizing_section(MODEL, "host", "zh"))
    assert "主播在播" in host and "可由同一人兼任" not in host  # the host combines with no one
