"""Validation of roles.yaml: every kind of mistake, reported with file, line and key path.

Each case edits the valid fixture the way an editor might, and compares the full report
with a golden file in tests/golden/validation/ (regenerate with UPDATE_GOLDEN=1).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from calculator.datafiles.load import load_playbook
from calculator.engine.errors import DataError
from calculator.engine.playbook import MAX_ROLES, playbook_from_json, playbook_to_data
from tests.goldens import assert_golden, assert_located_report, edited

FIXTURES = Path(__file__).parent / "fixtures" / "roles"
VALID = (FIXTURES / "valid.yaml").read_text(encoding="utf-8")

# name -> (text to find, replacement); each is one kind of error an editor can make
CASES: dict[str, list[tuple[str, str]]] = {
    "yaml_syntax": [("    tagline: {zh: 定方向, en: Sets direction}", "    tagline: {zh: 定方向, en: Sets direction")],
    "tab_indent": [
        ("    mission: {zh: 把目标", "\tmission: {zh: 把目标"),
        ("name: {zh: 写手, en: Writer}", "name: {zh: 写手}"),
    ],
    "unknown_key": [("    reports_to: null", "    reports_to: null\n    colour: red")],
    "missing_required": [("    mission: {zh: 产出好内容。, en: Produces good content.}\n", "")],
    "empty_text": [("name: {zh: 写手, en: Writer}", 'name: {zh: 写手, en: "  "}')],
    "wrong_type": [("tagline: {zh: 定方向, en: Sets direction}", "tagline: {zh: 123, en: Sets direction}")],
    "duplicate_id": [("  - id: writer", "  - id: lead")],
    "unknown_link": [("      - with: writer", "      - with: wirter")],
    "missing_language": [("name: {zh: 负责人, en: Lead}", "name: {zh: 负责人}")],
    "duplicate_duty": [
        (
            "        examples:\n          - {zh: 618 复盘, en: 618 review}\n",
            "        examples:\n          - {zh: 618 复盘, en: 618 review}\n"
            "      - id: plan\n        title: {zh: 规划, en: Planning}\n        points:\n"
            "          - {zh: 制定季度计划。, en: Writes the quarterly plan.}\n",
        )
    ],
    "duplicate_key": [
        (
            "    tagline: {zh: 写内容, en: Writes content}",
            "    tagline: {zh: 写内容, en: Writes content}\n    tagline: {zh: 写, en: Writes}",
        )
    ],
    "deleted_role_still_linked": [("  - id: writer", "  - id: author")],
    "list_expected": [("        tools: [Excel]", "        tools: Excel")],
    "too_few_levels": [
        (
            "    collaboration:\n      - with: writer",
            "    levels:\n      - id: junior\n        title: {zh: 专员, en: Specialist}\n        experience_years: 1\n"
            "        scope: {zh: 一个账号, en: One account}\n"
            "        expectations: {zh: 按时交付, en: Delivers on time}\n"
            "    collaboration:\n      - with: writer",
        )
    ],
    "integer_expected": [("      - experience_years: 5", "      - experience_years: five")],
    "number_out_of_range": [("      - experience_years: 5", "      - experience_years: 99")],
    "duplicate_point": [
        (
            "          - {zh: 每周三篇。, en: Three posts a week.}",
            "          - {zh: 每周三篇。, en: Three posts a week.}\n"
            "          - {zh: 每周三篇。, en: Three posts a week.}",
        )
    ],
    "link_to_itself": [("      - with: writer", "      - with: lead")],
    # hostile or accidental characters: an escape writes ESC, a bidi override reorders what readers see
    "control_character": [("name: {zh: 写手, en: Writer}", 'name: {zh: "写手\\e", en: "Writer\\r<b>"}')],
    "bidi_override": [
        ("tagline: {zh: 写内容, en: Writes content}", 'tagline: {zh: "写\\u202e内容", en: "Writes\\u200b content"}')
    ],
    "id_with_trailing_newline": [("  - id: writer", '  - id: "writer\\n"')],
    "id_too_long": [("  - id: writer", "  - id: w" + "x" * 60)],
    "five_mistakes_at_once": [
        ("      - with: writer", "      - with: wirter"),
        ("name: {zh: 负责人, en: Lead}", "name: {zh: 负责人}"),
        ("tagline: {zh: 写内容, en: Writes content}", "tagline: {zh: 42, en: Writes content}"),
        ("    reports_to: lead", "    reports_to: lead\n    salary: 100"),
        ("      - id: reads", "      - id: Reads!"),
    ],
}


def broken(tmp_path: Path, edits: list[tuple[str, str]]) -> Path:
    path = tmp_path / "roles.yaml"
    path.write_text(edited(VALID, edits), encoding="utf-8")
    return path


def report_for(path: Path) -> str:
    with pytest.raises(DataError) as caught:
        load_playbook(path)
    return caught.value.report() + "\n"


@pytest.mark.parametrize("case", sorted(CASES))
def test_error_report_matches_golden(case: str, tmp_path: Path) -> None:
    report = report_for(broken(tmp_path, CASES[case]))
    assert_golden(report, f"validation/{case}.txt")
    assert_located_report(report, "roles.yaml")


def test_five_mistakes_are_all_reported_in_one_run(tmp_path: Path) -> None:
    report = report_for(broken(tmp_path, CASES["five_mistakes_at_once"]))
    assert report.splitlines()[-1] == "Found 5 problems."
    assert "roles.yaml:30:9: roles[0].collaboration[0].with: unknown role 'wirter'" in report
    assert "roles.yaml:9:5: roles[0].name: missing the en text" in report


def test_unknown_link_names_the_allowed_roles(tmp_path: Path) -> None:
    report = report_for(broken(tmp_path, CASES["unknown_link"]))
    assert "(allowed: lead, writer)" in report


def test_non_utf8_file_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "roles.yaml"
    path.write_bytes(VALID.encode("gb18030"))
    report = report_for(path)
    assert report.startswith("roles.yaml:4:")
    assert "not valid UTF-8" in report


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "roles.yaml"
    path.write_text("# nothing yet\n", encoding="utf-8")
    assert "the file is empty" in report_for(path)


def test_valid_fixture_loads_into_frozen_objects() -> None:
    playbook = load_playbook(FIXTURES / "valid.yaml")
    assert [r.id for r in playbook.roles] == ["lead", "writer"]
    lead = playbook.role("lead")
    assert lead.skills[0].experience_years == 5 and lead.skills[0].tools == ("Excel",)
    assert playbook.line_of("writer") == 32
    with pytest.raises(AttributeError):
        lead.id = "boss"  # type: ignore[misc]


def test_json_export_round_trips() -> None:
    """roles.json (what the browser gets) validates back into the same playbook."""
    playbook = load_playbook(FIXTURES / "valid.yaml")
    again = playbook_from_json(playbook_to_data(playbook))
    assert again.roles == playbook.roles and again.team == playbook.team


@pytest.mark.parametrize("path", [FIXTURES / "valid.yaml", Path(__file__).parent.parent / "roles.yaml"])
def test_json_export_is_the_data_of_roles_yaml(path: Path) -> None:
    """roles.json is written by the specs that read roles.yaml: exactly the file's data comes back."""
    assert playbook_to_data(load_playbook(path)) == yaml.safe_load(path.read_text(encoding="utf-8"))


def test_repository_roles_yaml_is_valid() -> None:
    playbook = load_playbook(Path(__file__).parent.parent / "roles.yaml")
    assert [r.id for r in playbook.roles if r.group == "core"] == [
        "director",
        "content",
        "user",
        "campaign",
        "data",
        "design_tech",
    ]
    specialists = [r.id for r in playbook.roles if r.group == "specialist"]
    assert specialists == ["host", "assistant_host", "room_control", "ad_buyer", "customer_service", "video"]


def test_every_bad_edit_of_an_editor_in_one_run(tmp_path: Path) -> None:
    """The bad edits the editors' issue lists, all in one file, all reported at once."""
    path = broken(
        tmp_path,
        [
            ("      - with: writer", "      - with: wirter"),  # typo in a linked role id
            ("name: {zh: 负责人, en: Lead}", "name: {zh: 负责人}"),  # missing English
            ("    mission: {zh: 产出好内容", "\tmission: {zh: 产出好内容"),  # tab
            ("tagline: {zh: 写内容, en: Writes content}", "tagline: {zh: 42, en: Writes content}"),  # number
            ("      - id: write\n", "      - id: plan\n"),  # no problem: duty ids are per role
            (
                "          - {zh: 每周三篇。, en: Three posts a week.}",
                "          - {zh: 每周三篇。, en: Three posts a week.}\n"
                "          - {zh: 每周三篇。, en: Three posts a week.}",
            ),  # duplicated point
        ],
    )
    text = path.read_bytes().replace("文字功底".encode(), "文字功底".encode("gbk"))  # a non-UTF-8 line
    path.write_bytes(text)
    report = report_for(path)
    assert report.splitlines()[-1] == "Found 6 problems.", report
    for expected in (
        "roles.yaml:9:5: roles[0].name: missing the en text",
        "roles.yaml:30:9: roles[0].collaboration[0].with: unknown role 'wirter'",
        "roles.yaml:35:1: tab character in the indentation",
        "roles.yaml:34:15: roles[1].tagline.zh: expected text, found a number (42)",
        "roles.yaml:42:13: roles[1].duties[0].points[1]: duplicate item",
        "not valid UTF-8",
    ):
        assert expected in report, report


def test_values_yaml_cannot_read_are_problems_not_crashes(tmp_path: Path) -> None:
    """Impossible dates, self-referencing aliases, unsafe tags, list keys: each a line, no traceback."""
    path = tmp_path / "roles.yaml"
    path.write_text(
        VALID.replace(
            "schema_version: 1",
            "schema_version: 2001-02-30\nloop: &x [*x]\nevil: !!python/object:os.system 1\n? [1, 2]\n: v",
        ),
        encoding="utf-8",
    )
    report = report_for(path)
    assert "roles.yaml:2:17: schema_version: cannot read this value (day is out of range for month)" in report
    assert "roles.yaml:3:7: loop[0]: an alias refers back to itself" in report
    assert "found nothing (null)" not in report  # the unreadable date is reported once, not twice
    assert "roles.yaml:4:7: evil: cannot read this value (could not determine a constructor" in report
    assert "roles.yaml:5:3: a key must be plain text" in report


def test_a_playbook_beyond_the_roles_limit_is_refused_at_the_roles_key(tmp_path: Path) -> None:
    writer = VALID[VALID.index("  - id: writer") :]
    # the fixture has two roles: with these copies, exactly MAX_ROLES
    copies = "".join(writer.replace("id: writer", f"id: writer_{n}", 1) for n in range(MAX_ROLES - 2))
    path = tmp_path / "roles.yaml"
    path.write_text(VALID + copies, encoding="utf-8")
    assert len(load_playbook(path).roles) == MAX_ROLES  # at the limit: accepted
    path.write_text(VALID + copies + writer.replace("id: writer", "id: one_too_many", 1), encoding="utf-8")
    report = report_for(path)
    assert f"roles: has {MAX_ROLES + 1} items (allowed: at most {MAX_ROLES})" in report
    assert report.splitlines()[-1] == "Found 1 problem."
