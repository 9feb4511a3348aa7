"""Self-contained, versioned output: share links carry the model version and the numbers they showed;
the CSV is one tidy table under a header block; Markdown and the result carry inputs, link and QR code."""

from __future__ import annotations

import base64
import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import segno

from calculator.engine.browser import Calculator
from calculator.engine.export import plan_to_csv, plan_to_markdown
from calculator.engine.fmt import fmt
from calculator.engine.playbook import playbook_to_data
from calculator.engine.result_html import render_result
from calculator.engine.scenario import default_scenario, parse_scenario
from calculator.engine.share import (
    ShareLinkError,
    Stamp,
    check_link,
    encode,
    open_link,
    share_fragment,
    stamp_of,
)
from calculator.engine.sizing.plan import size
from tests.pyodide_calls import cpython_calculator, needs_node, pyodide_calls
from tests.sizing_fixtures import MODEL, PLAYBOOK

SCENARIO = parse_scenario(
    {
        "channels": {"douyin": {"posts_per_week": 7, "live_hours_per_week": 30}, "wechat_oa": {"posts_per_week": 3}},
        "comments_per_week": 400,
        "campaigns_per_year": 4,
        "goals": ["conversion"],
    },
    MODEL,
)
PAGE = "https://example.org/calculator/"


def _b64(data: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


def _header_and_table(text: str) -> tuple[dict[str, str], list[list[str]]]:
    rows = list(csv.reader(io.StringIO(text)))
    blank = rows.index([])
    header = {row[0]: row[1] for row in rows[:blank]}
    return header, rows[blank + 1 :]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_csv_is_one_table_whose_columns_sum_to_the_plan(lang: str) -> None:
    plan = size(SCENARIO, MODEL)
    link = PAGE + "#" + share_fragment(plan)
    header, table = _header_and_table(plan_to_csv(plan, MODEL, lang, link))
    assert len(table) == len(plan.positions) + 1 and len({len(row) for row in table}) == 1  # one table, rectangular
    people, fte = table[0].index("人数" if lang == "zh" else "People"), table[0].index("FTE")
    assert sum(int(row[people]) for row in table[1:]) == plan.total_headcount
    assert round(sum(float(row[fte]) for row in table[1:]), 6) == pytest.approx(plan.total_fte, abs=0.01 * len(table))
    step = table[0].index("招聘顺序" if lang == "zh" else "Hiring step")
    assert sorted(int(row[step]) for row in table[1:]) == list(range(1, len(plan.positions) + 1))
    # the founder's columns: people already there and to hire (no existing team: every seat), monthly cost
    covered, hires = (
        table[0].index("已由现有成员覆盖" if lang == "zh" else "Covered by people you already employ"),
        step + 2,
    )
    assert all(row[covered] == "0" for row in table[1:])
    assert sum(int(row[hires]) for row in table[1:]) == plan.total_headcount
    typical = table[0].index("每月 (典型)" if lang == "zh" else "Monthly (typical)")
    monthly = sum(int(row[typical]) for row in table[1:])
    key = "人力成本: 每月 (典型)" if lang == "zh" else "People cost: Monthly (typical)"
    assert abs(monthly - int(header[key])) <= len(table)  # each cell rounded to the yuan
    assert header["模型版本" if lang == "zh" else "Model version"] == plan.model_version
    assert header["方案链接" if lang == "zh" else "Link to this plan"] == link
    inputs = {k: v for k, v in header.items() if k.startswith("输入" if lang == "zh" else "Inputs")}
    assert any("400" in v for v in inputs.values()) and len(inputs) >= 5
    assert (
        plan.peak is not None
        and str(plan.peak.headcount) in header["冲刺期人数" if lang == "zh" else "People at the peak"]
    )


def test_markdown_is_a_report_with_inputs_link_qr_positions_hiring_and_peak() -> None:
    plan = size(SCENARIO, MODEL)
    link = PAGE + "#" + share_fragment(plan)
    text = plan_to_markdown(plan, MODEL, "zh", link)
    assert text.startswith(f"# 团队编制方案：{plan.total_headcount} 人（{fmt(plan.total_fte, plan.decimals)} FTE）\n")
    headings = re.findall(r"^## (.+)$", text, re.M)
    expected = [
        "方案链接",
        "输入",
        "职位与人数",
        "招聘顺序",
        "人力成本",
        "已有团队与待招岗位",
        "大促冲刺期",
        "每个数字从哪来",
    ]
    assert headings[:8] == expected
    assert f"<{link}>" in text
    [png] = re.findall(r"!\[[^\]]+\]\(data:image/png;base64,([A-Za-z0-9+/=]+)\)", text)
    assert base64.b64decode(png).startswith(b"\x89PNG\r\n\x1a\n")
    assert png == segno.make(link, error="m", micro=False).png_data_uri(scale=4, border=4).split(",", 1)[1]
    assert plan.peak is not None
    peak = text[text.index("## 大促冲刺期") : text.index("## 每个数字从哪来")]
    assert "| 岗位 | 平时 FTE | 冲刺期 FTE |" in peak
    assert text.rstrip().endswith(f"模型版本 {plan.model_version}")


def test_result_html_carries_inputs_link_and_a_qr_code_of_the_link_without_namespaces() -> None:
    plan = size(SCENARIO, MODEL)
    link = PAGE + "#" + share_fragment(plan)
    html = render_result(plan, MODEL, "en", {}, "../methodology/", link)
    assert "ns0:" not in html and "xmlns" not in html
    root = ET.fromstring(html)
    assert [h.text for h in root.iter("h3")][-2:] == ["Inputs", "Open this plan"]
    assert root.find(".//h2") is None  # under the page's "Result" heading, sections are h3
    qr = root.find(".//svg[@class='calc-qr__code']")
    assert qr is not None and qr.get("role") == "img"
    expected = ET.fromstring(segno.make(link, error="m", micro=False).svg_inline(scale=1, border=4, omitsize=True))
    assert [p.get("d") for p in qr.iter("path")][-1] == [p.get("d") for p in expected.iter("path")][-1]
    assert root.find(".//a[@href='" + link + "']") is not None


def test_a_share_link_names_its_model_and_numbers_and_reopens_without_notice() -> None:
    plan = size(SCENARIO, MODEL)
    fragment = share_fragment(plan)
    assert fragment.startswith(encode(SCENARIO) + f"&model={plan.model_version}&plan=")
    shared = open_link("#" + fragment, MODEL)
    assert shared.scenario == SCENARIO and shared.model_version == plan.model_version
    assert shared.stamp == stamp_of(plan) and check_link(shared, plan) is None


def test_links_without_a_version_still_open_and_say_so() -> None:
    plan = size(default_scenario(MODEL), MODEL)
    shared = open_link(encode(default_scenario(MODEL)), MODEL)
    check = check_link(shared, plan)
    assert check is not None and check.made_with is None and check.then is None
    html = render_result(plan, MODEL, "en", {}, "m/", "", check)
    assert "does not say which model version made it" in html and "cannot be compared" in html


def test_a_link_from_an_older_model_shows_which_numbers_changed() -> None:
    plan = size(SCENARIO, MODEL)
    now = stamp_of(plan)
    first_key, first_count = now.positions[0]
    then = {"n": now.headcount - 1, "fte": 7.25, "p": {first_key: first_count + 2, "content+video": 1}}
    fragment = f"{encode(SCENARIO)}&model=1.3&plan={_b64(then)}"
    shared = open_link(fragment, MODEL)
    check = check_link(shared, plan)
    assert check is not None and check.made_with == "1.3" and check.numbers_differ
    changes = check.position_changes
    assert (first_key, first_count + 2, first_count) in changes and ("content+video", 1, 0) in changes
    html = render_result(plan, MODEL, "zh", {}, "m/", "", check)
    assert "这个链接由模型 1.3 生成" in html and f"现在：{now.headcount} 人" in html
    assert "内容运营专员、编导/剪辑：1 → 0 人" in html
    calc = Calculator(json.dumps(playbook_to_data(PLAYBOOK)), json.dumps(MODEL.document), "zh", "r/", "m/")
    answer = json.loads(calc.open_link("#" + fragment, PAGE))
    assert answer["ok"] and answer["link_changed"] and "calc-link-notice" in answer["html"]
    assert answer["fragment"] == share_fragment(plan)  # the page then carries today's version and numbers


def test_same_version_with_other_numbers_is_reported_too() -> None:
    plan = size(SCENARIO, MODEL)
    now = stamp_of(plan)
    stamp = {"n": now.headcount + 3, "fte": now.fte, "p": dict(now.positions)}
    check = check_link(open_link(f"{encode(SCENARIO)}&model={plan.model_version}&plan={_b64(stamp)}", MODEL), plan)
    assert check is not None and check.numbers_differ and check.position_changes == []
    html = render_result(plan, MODEL, "en", {}, "m/", "", check)
    assert "parameters have changed since" in html and f"{now.headcount + 3} people" in html


@pytest.mark.parametrize(
    "tail",
    [
        "&model=two",
        "&model=2.0&model=2.0",
        "&colour=red",
        "&model",
        "&plan=@@@",
        "&plan=" + _b64({"n": 3}),
        "&plan=" + _b64({"n": -1, "fte": 1, "p": {}}),
        "&plan=" + _b64({"n": 1, "fte": 1, "p": {"<script>": 1}}),
        "&plan=" + _b64({"n": 1, "fte": 1, "p": {"content": 0}}),
        "&plan=" + _b64({"n": True, "fte": 1, "p": {}}),
    ],
)
def test_a_damaged_version_or_stamp_is_a_located_link_error(tail: str) -> None:
    with pytest.raises(ShareLinkError) as caught:
        open_link(encode(SCENARIO) + tail, MODEL)
    assert caught.value.reason == "damaged"


def test_stamp_counts_only_counted_positions() -> None:
    plan = size(SCENARIO, MODEL)
    stamp = stamp_of(plan)
    assert isinstance(stamp, Stamp) and sum(n for _, n in stamp.positions) == plan.total_headcount


@needs_node
def test_the_qr_code_and_markdown_come_out_the_same_under_pyodide(tmp_path: Path) -> None:
    """segno, shipped in the browser's zip, draws the same QR code in Pyodide as in CPython."""
    plan = size(SCENARIO, MODEL)
    fragment = share_fragment(plan)
    old_link = f"{encode(SCENARIO)}&model=1.0"
    [extras, opened] = pyodide_calls([("extras", fragment), ("open_link", old_link)], tmp_path, "zh")
    local = cpython_calculator(tmp_path, "zh")
    assert extras == json.loads(local.extras(fragment, "http://x/calculator/"))
    assert "calc-qr__code" in extras["link_html"] and "](data:image/png;base64," in extras["markdown"]
    assert opened == json.loads(local.open_link(old_link, "http://x/calculator/")) and opened["link_changed"]
