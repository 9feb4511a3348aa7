"""Validation of sizing.yaml: every kind of mistake, reported with file, line and key path.

Each case edits the valid fixture (a copy of the shipped sizing.yaml, so editing the real file does
not move these lines) the way an editor might, and compares the full report with a golden file
in tests/golden/validation/sizing/ (regenerate with UPDATE_GOLDEN=1).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from calculator.datafiles.load import load_sizing
from calculator.engine.errors import DataError
from tests.goldens import assert_golden, assert_located_report, edited
from tests.sizing_fixtures import PLAYBOOK

FIXTURE = Path(__file__).parent / "fixtures" / "sizing" / "valid.yaml"
VALID = FIXTURE.read_text(encoding="utf-8")

HOURS = '    value: 40\n    unit: &h_week {zh: "小时/周", en: "h/week"}\n'
LABEL = 'label: {zh: "每周标准工时", en: "Standard working week"}'
SOURCE = '    source:\n      title: "hours in a week (7 × 24)"\n      grade: S\n'
NOTE = (
    '    note: {zh: "618、双11预售约在节点前3–4周开始；取3周", '
    'en: "618 and Double 11 presales start about 3–4 weeks before the day; 3 weeks used"}\n'
)

TIER2 = '        typical: 0.7\n        label: {zh: "二线城市薪酬系数", en: "Tier-2 pay factor"}\n'

# name -> edits (text to find, replacement); each is one kind of error an editor can make
CASES: dict[str, list[tuple[str, str]]] = {
    "yaml_syntax": [("capacity:\n", "capacity: [\n")],
    "tab_indent": [("  shrinkage:\n", "\tshrinkage:\n")],
    "unknown_key": [(HOURS, HOURS + "    colour: red\n")],
    "duplicate_key": [(HOURS, HOURS + "    value: 41\n")],
    "wrong_type": [("  shrinkage:\n    value: 0.25", "  shrinkage:\n    value: a quarter")],
    "out_of_range": [("  shrinkage:\n    value: 0.25", "  shrinkage:\n    value: 1.25")],
    "limit_out_of_range": [("  posts_per_week:\n    value: 200\n", "  posts_per_week:\n    value: 2000000000\n")],
    "unknown_role_in_role_map": [
        ("          design_tech:\n            value: 0.75\n", "          designer:\n            value: 0.75\n")
    ],
    "missing_source_or_assumption": [(SOURCE, "")],
    "source_and_assumption": [(SOURCE, SOURCE + "    assumption: true\n")],
    "assumption_without_note": [(NOTE, "")],
    "source_url_not_http": [(SOURCE, SOURCE + '      url: "javascript:alert(1)"\n')],
    "missing_language": [(LABEL, 'label: {zh: "每周标准工时"}')],
    "control_character": [(LABEL, 'label: {zh: "每周\\e标准工时", en: "Standard\\u202e working week"}')],
    "unknown_channel_id": [("  - id: zhihu\n", "  - id: zhihuu\n")],
    "unknown_quantity_in_workload": [("    scales_with: groups\n", "    scales_with: groupz\n")],
    "unknown_role_in_hiring": [("  - role: data\n", "  - role: data_team\n")],
    "goal_weight_out_of_range": [("content: {value: 1.15, unit: &weight", "content: {value: 3, unit: &weight")],
    "low_out_of_range": [("    value: 0.25\n    low: 0.2\n", "    value: 0.25\n    low: -0.2\n")],
    "unknown_format_in_default_scenario": [
        (
            "    douyin: {posts_per_week: 7, live_hours_per_week: 42}",
            "    douyin: {posts_per_week: 7, live_hours_per_week: 42, format: vlog}",
        )
    ],
    "bad_default_scenario": [("  goals: [conversion]", "  goals: [fame]")],
    "cost_band_low_above_typical": [
        ("      low: 8000\n      typical: 11500\n", "      low: 12000\n      typical: 11500\n")
    ],
    "cost_assumption_without_date": [
        ('      date: "2026-11"\n      note: {zh: "没有找到活动运营', '      note: {zh: "没有找到活动运营')
    ],
    "cost_source_without_date": [('        grade: S-\n        date: "2019"\n', "        grade: S-\n")],
    "cost_unknown_role": [("    video:\n      low: 6700\n", "    editor:\n      low: 6700\n")],
    "bad_preset_scenario": [
        (
            "        wechat_oa: {posts_per_week: 2}\n      city_tier: tier2\n",
            "        wechat_oa: {posts_per_week: 2}\n      city_tier: tier7\n      existing_team: {host: -1}\n",
        )
    ],
    "cost_unknown_tier": [("  default_tier: new_tier1\n", "  default_tier: tier4\n")],
    "cost_tier_factor_missing_source": [
        (
            TIER2 + "        source: *hkyyi\n",
            TIER2,
        )
    ],
    "five_mistakes_at_once": [
        (HOURS, HOURS + "    colour: red\n"),
        ("  shrinkage:\n    value: 0.25", "  shrinkage:\n    value: 1.25"),
        ("          design_tech:\n            value: 0.75\n", "          designer:\n            value: 0.75\n"),
        (LABEL, 'label: {zh: "每周标准工时"}'),
        (SOURCE, ""),
    ],
}


def report_for(tmp_path: Path, edits: list[tuple[str, str]]) -> str:
    path = tmp_path / "sizing.yaml"
    path.write_text(edited(VALID, edits), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_sizing(path, PLAYBOOK)
    return caught.value.report() + "\n"


def test_the_fixture_is_valid() -> None:
    assert load_sizing(FIXTURE, PLAYBOOK).channels


@pytest.mark.parametrize("case", sorted(CASES))
def test_error_report_matches_golden(case: str, tmp_path: Path) -> None:
    report = report_for(tmp_path, CASES[case])
    assert_golden(report, f"validation/sizing/{case}.txt")
    assert_located_report(report, "sizing.yaml")


def test_five_mistakes_are_all_reported_in_one_run(tmp_path: Path) -> None:
    assert report_for(tmp_path, CASES["five_mistakes_at_once"]).splitlines()[-1] == "Found 5 problems."
