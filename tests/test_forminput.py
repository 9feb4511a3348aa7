"""The calculator form read exactly as typed (calculator/engine/forminput.py): a number, or why not, in zh and en."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from calculator.engine.forminput import FieldProblem, number_spec, read_form, read_number
from calculator.engine.scenario import scenario_spec
from tests.pyodide_calls import cpython_calculator, needs_node, pyodide_calls
from tests.sizing_fixtures import MODEL

SPEC = scenario_spec(MODEL)


@pytest.mark.parametrize(
    ("typed", "value"),
    [("7", 7.0), (" 2.5 ", 2.5), ("010", 10.0), (".5", 0.5), ("5.", 5.0), ("+3", 3.0), ("1e3", 1000.0), ("", None)],
)
def test_decimal_numbers_are_read_as_written(typed: str, value: float | None) -> None:
    assert read_number(typed) == (value, None)


@pytest.mark.parametrize(
    ("typed", "value"),
    [("１２", 12.0), ("１２０．５", 120.5), ("\u22125", -5.0), ("\u3000７\u3000", 7.0)],
)
def test_full_width_digits_and_the_minus_sign_are_the_same_numbers(typed: str, value: float) -> None:
    assert read_number(typed) == (value, None)


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("1,5", "grouping"),  # 15 to an English-locale number input, 1.5 to a German reader
        ("1,500", "grouping"),
        ("1，500", "grouping"),
        ("1 500", "grouping"),
        ("1_000", "grouping"),  # Python's float() would take it
        ("0x10", "radix"),  # 10 to a number input: the x is dropped as it is typed
        ("0b11", "radix"),
        ("NaN", "not_number"),  # an empty number input, that is 0
        ("Infinity", "not_number"),
        ("inf", "not_number"),
        ("٣", "not_number"),  # Arabic-Indic three: Python's float() reads it
        ("三", "not_number"),
        ("5%", "not_number"),
        ("1.2.3", "not_number"),
        ("1e", "not_number"),
        ("--1", "not_number"),
    ],
)
def test_anything_else_is_a_reason_not_a_guess(typed: str, reason: str) -> None:
    assert read_number(typed) == (None, reason)


def test_bounds_and_whole_numbers_come_from_the_scenario_schema() -> None:
    groups = number_spec(SPEC, "private_domain.groups")
    posts = number_spec(SPEC, "channels.douyin.posts_per_week")
    assert groups is not None and groups.integer and posts is not None and not posts.integer
    assert number_spec(SPEC, "channels.douyin") is None and number_spec(SPEC, "nope") is None
    _, problems = read_form(
        {"private_domain.groups": "2.5", "comments_per_week": "-1", "campaigns_per_year": "1e99"}, SPEC, "zh"
    )
    top = f"{number_spec(SPEC, 'comments_per_week').maximum:.0f}"  # type: ignore[union-attr]
    assert problems == [
        FieldProblem("private_domain.groups", "请输入整数"),
        FieldProblem("comments_per_week", f"应在 0 到 {top} 之间"),
        FieldProblem("campaigns_per_year", f"应在 0 到 {number_spec(SPEC, 'campaigns_per_year').maximum:.0f} 之间"),  # type: ignore[union-attr]
    ]


def test_a_form_becomes_the_scenario_it_shows() -> None:
    fields = {
        "channels.douyin.posts_per_week": "7",
        "channels.douyin.live_hours_per_week": "４２",
        "channels.weibo.posts_per_week": "",
        "private_domain.groups": "3",
        "comments_per_week": "0",
    }
    scenario, problems = read_form(fields, SPEC, "en")
    assert problems == []
    assert scenario == {
        "channels": {"douyin": {"posts_per_week": 7.0, "live_hours_per_week": 42.0}},
        "private_domain": {"groups": 3},
        "comments_per_week": 0.0,
    }
    assert isinstance(scenario["private_domain"]["groups"], int)


def test_messages_are_in_the_page_s_language_and_name_the_field() -> None:
    _, zh = read_form({"comments_per_week": "1,5", "private_domain.contacts": "0x10"}, SPEC, "zh")
    _, en = read_form({"comments_per_week": "1,5", "private_domain.contacts": "0x10"}, SPEC, "en")
    assert [p.name for p in zh] == [p.name for p in en] == ["comments_per_week", "private_domain.contacts"]
    assert zh[0].message == "不要用逗号或空格分隔：写成 1.5 或 1500" and zh[1].message == "请用 0–9 的十进制数字"
    assert (
        en[0].message == "no commas or spaces inside: write 1.5 or 1500" and en[1].message == "use decimal digits 0–9"
    )
    _, unknown = read_form({"channels.douyin.followers": "5"}, SPEC, "en")
    assert unknown == [FieldProblem("channels.douyin.followers", "unknown field 'channels.douyin.followers'")]


FORMS = [
    {"fields": {"comments_per_week": "１２０．５", "private_domain.groups": "3"}, "goals": ["growth"]},
    {"fields": {"comments_per_week": "1,5", "private_domain.groups": "2.5"}, "goals": []},
    {"fields": {"comments_per_week": "NaN"}, "goals": ["fame"]},
]


@needs_node
def test_the_form_reads_the_same_under_pyodide(tmp_path: Path) -> None:
    """The page's Python (3.14 in Pyodide, unicodedata included) reads the form as CPython does."""
    answers = pyodide_calls([("run_form", json.dumps(form)) for form in FORMS], tmp_path, lang="zh")
    calc = cpython_calculator(tmp_path, "zh")
    expected = [json.loads(calc.run_form(json.dumps(form), "http://x/calculator/")) for form in FORMS]
    assert answers == expected
    assert answers[0]["ok"] is True and answers[0]["scenario"]["comments_per_week"] == 120.5
    assert [f["message"] for f in answers[1]["fields"]] == ["不要用逗号或空格分隔：写成 1.5 或 1500", "请输入整数"]
