"""``python -m calculator``: real subprocesses, every kind of bad input exits 2 with one clear message."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOLO = '{"channels": {"wechat_oa": {"posts_per_week": 3}}}'


def run(*args: str, stdin: str | bytes = "") -> subprocess.CompletedProcess[str]:
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    proc = subprocess.run(
        [sys.executable, "-m", "calculator", *args], input=data, capture_output=True, cwd=ROOT, timeout=60
    )
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(), proc.stderr.decode())


def test_default_scenario_as_json() -> None:
    result = run()
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert isinstance(plan["total_headcount"], int) and plan["total_headcount"] > 0
    assert {"total_fte", "roles", "positions", "hiring_order", "peak"} <= set(plan)
    assert plan["scenario"]["channels"]["douyin"] == {"posts_per_week": 7, "live_hours_per_week": 42}


def test_file_and_stdin_give_the_same_plan(tmp_path: Path) -> None:
    path = tmp_path / "scenario.json"
    path.write_text(SOLO, encoding="utf-8")
    from_file = run(str(path))
    from_stdin = run("-", stdin=SOLO)
    assert from_file.returncode == from_stdin.returncode == 0
    assert from_file.stdout == from_stdin.stdout
    assert json.loads(from_file.stdout)["total_headcount"] == 1


def test_same_input_same_output() -> None:
    assert run("-", stdin=SOLO).stdout == run("-", stdin=SOLO).stdout


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("zh", ["团队方案", "招聘顺序", "一个人做得完全部工作", "模型版本 2.0"]),
        ("en", ["Team plan", "Hiring order", "One person can do all the work"]),
    ],
)
def test_table(lang: str, words: list[str]) -> None:
    result = run("-", "--format", "table", "--lang", lang, stdin=SOLO)
    assert result.returncode == 0, result.stderr
    for word in words:
        assert word in result.stdout
    assert "3 × 3.5" in result.stdout  # drivers with their arithmetic


def test_table_shows_peak_and_live_crew() -> None:
    result = run("--format", "table", "--lang", "en")
    assert "Campaign peak" in result.stdout and "Live Host" in result.stdout and "Live-Room Controller" in result.stdout
    assert "Plausible range" in result.stdout


BAD = [
    ("malformed JSON", '{"channels": ', "malformed JSON"),
    ("empty input", "", "malformed JSON"),
    ("unknown channel", '{"channels": {"tiktok": {"posts_per_week": 1}}}', "channels.tiktok"),
    ("unknown goal", '{"goals": ["fame"]}', "goals[0]"),
    ("unknown field", '{"budget": 1}', "budget"),
    ("negative", '{"comments_per_week": -1}', "comments_per_week"),
    ("absurd", '{"channels": {"douyin": {"posts_per_week": 100000}}}', "channels.douyin.posts_per_week"),
    ("wrong type", '{"campaigns_per_year": "two"}', "campaigns_per_year"),
    ("bool", '{"private_domain": {"groups": true}}', "private_domain.groups"),
    ("duplicate goal", '{"goals": ["growth", "growth"]}', "duplicate"),
    ("NaN", '{"comments_per_week": NaN}', "NaN"),
    ("huge", '{"comments_per_week": 1e999}', "comments_per_week"),
    ("duplicate key", '{"goals": [], "goals": ["growth"]}', "duplicate key 'goals'"),
    ("not an object", "[1, 2]", "a list"),
    ("live on a non-live channel", '{"channels": {"weibo": {"live_hours_per_week": 2}}}', "does not live-stream"),
]


@pytest.mark.parametrize(("stdin", "expected"), [(s, e) for _, s, e in BAD], ids=[n for n, _, _ in BAD])
def test_bad_input_exits_2_with_one_clear_message(stdin: str, expected: str) -> None:
    result = run("-", stdin=stdin)
    assert result.returncode == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_missing_file_exits_2() -> None:
    result = run("no-such-scenario.json")
    assert result.returncode == 2 and "no-such-scenario.json" in result.stderr and "Traceback" not in result.stderr


def test_not_utf8_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_bytes(b'{"goals": ["\xff"]}')
    result = run(str(path))
    assert result.returncode == 2 and "UTF-8" in result.stderr


def test_bad_option_exits_2() -> None:
    result = run("--format", "xml")
    assert result.returncode == 2 and "xml" in result.stderr


def test_invalid_data_exits_1_with_the_report(tmp_path: Path) -> None:
    text = (ROOT / "sizing.yaml").read_text(encoding="utf-8").replace("value: 0.25", "value: -0.25", 1)
    (tmp_path / "sizing.yaml").write_text(text, encoding="utf-8")
    result = run("--data-dir", str(tmp_path))
    assert result.returncode == 1
    assert "sizing.yaml:" in result.stderr and "capacity.shrinkage.value" in result.stderr
    assert "Found 1 problem." in result.stderr and "Traceback" not in result.stderr


def test_without_roles_yaml_it_still_sizes(tmp_path: Path) -> None:
    shutil.copy(ROOT / "sizing.yaml", tmp_path / "sizing.yaml")
    result = run("-", "--data-dir", str(tmp_path), "--format", "table", stdin=SOLO)
    assert result.returncode == 0
    assert "roles.yaml" in result.stderr  # a warning, not an error
    assert "团队方案：1 人" in result.stdout


def test_roles_yaml_mismatch_is_reported_at_sizing_yaml_lines(tmp_path: Path) -> None:
    roles = (ROOT / "roles.yaml").read_text(encoding="utf-8").replace("design_tech", "designer")
    (tmp_path / "roles.yaml").write_text(roles, encoding="utf-8")
    shutil.copy(ROOT / "sizing.yaml", tmp_path / "sizing.yaml")
    result = run("-", "--data-dir", str(tmp_path), stdin=SOLO)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith("sizing.yaml:") and first.split(":")[1].isdigit() and int(first.split(":")[1]) > 0
    assert "unknown role 'design_tech'" in first and "roles.yaml" in first


def test_json_says_whether_the_lead_is_dedicated() -> None:
    plan = json.loads(run().stdout)
    assert plan["dedicated_lead"] is True and "dedicated_director" not in plan
    heads = [p for p in plan["positions"] if p["roles"] == ["director"] and p["count"] == 1]
    assert len(heads) == 1


def test_table_shows_the_player_coach_lead_inside_a_position() -> None:
    result = run(
        "-",
        "--format",
        "table",
        "--lang",
        "en",
        stdin='{"channels": {"wechat_oa": {"posts_per_week": 5}}, "private_domain": {"groups": 30, "contacts": 5000}}',
    )
    assert result.returncode == 0, result.stderr
    assert "Team plan: headcount 2," in result.stdout
    assert "Content Operations Specialist (also Design & Tech Support; leads the team)" in result.stdout
    assert "Head of New-Media Operations  " not in result.stdout  # no position row of its own


def test_link_option_prints_a_share_link_the_site_opens() -> None:
    """A consultant can hand a client the calculator link for a plan made on the command line."""
    from calculator.engine.share import decode
    from tests.sizing_fixtures import MODEL

    scenario = '{"channels": {"weibo": {"posts_per_week": 4}}, "goals": ["growth"]}'
    run = subprocess.run(
        [sys.executable, "-m", "calculator", "-", "--link", "https://example.org/calculator/#old"],
        input=scenario,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr
    link = json.loads(run.stdout)["link"]
    assert link.startswith("https://example.org/calculator/#scenario=")
    opened = decode(link.split("#", 1)[1], MODEL)
    assert [(c.channel, c.posts_per_week) for c in opened.active_channels] == [("weibo", 4)]
    assert opened.goals == ("growth",)
