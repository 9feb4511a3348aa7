"""Scenario JSON within a budget (size, nesting, keys and list items) on every path: CLI, share link, form.

Past the budget an input is one clear message: exit 2 from the CLI, a damaged link in the page,
never a RecursionError (CPython) or a fatal error that stops Pyodide for the rest of the visit.
"""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from pathlib import Path

import pytest

from calculator.engine import strictjson
from calculator.engine.browser import Calculator
from calculator.engine.playbook import playbook_to_data
from calculator.engine.share import ShareLinkError, decode
from calculator.engine.strictjson import MAX_CHARS, MAX_DEPTH, MAX_ITEMS, JSONInputError
from tests.pyodide_calls import needs_node, pyodide_calls
from tests.sitebuild import ROOT
from tests.sizing_fixtures import MODEL, PLAYBOOK

DEEP_GOALS = '{"goals":[' + "[" * 360  # the example: never closed, 361 levels


def cli(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([sys.executable, "-m", "calculator", *args], input=stdin, capture_output=True, cwd=ROOT)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(), proc.stderr.decode())


def nested(levels: int) -> str:
    return "[" * levels + "]" * levels


def link(text: str) -> str:
    return "scenario=" + base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    ("stdin", "expected"),
    [
        (DEEP_GOALS, "<stdin>:1:17: the JSON is nested too deeply: more than 8 levels"),
        ('{"goals":' + nested(100_000) + "}", "more than 65,536 characters long (limit 65,536 characters)"),
        ('{"goals": [' + ", ".join(['"growth"'] * 600) + "]}", "<stdin>:1:5000: the JSON holds more than 500 keys"),
        ("{" + ", ".join(f'"k{n}": 1' for n in range(600)) + "}", "more than 500 keys and list items (limit 500"),
        (" " * (MAX_CHARS + 10), "more than 65,536 characters long"),
    ],
)
def test_cli_input_over_budget_exits_2_with_one_message(stdin: str, expected: str) -> None:
    result = cli("-", stdin=stdin.encode())
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: "), result.stderr
    assert expected in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_cli_file_over_budget_and_in_utf16_exit_2(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text(DEEP_GOALS, encoding="utf-8")
    result = cli(str(deep))
    assert result.returncode == 2 and f"{deep}:1:17: the JSON is nested too deeply" in result.stderr
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (8 * MAX_CHARS))
    result = cli(str(big))
    assert result.returncode == 2 and "more than 65,536 characters long" in result.stderr
    wide = tmp_path / "utf16.json"
    wide.write_bytes('{"goals": ["growth"]}'.encode("utf-16"))
    result = cli(str(wide))
    assert result.returncode == 2
    assert "utf16.json:1:1: the file is saved as UTF-16 LE (with a byte-order mark), not UTF-8" in result.stderr


def test_the_budget_s_edges() -> None:
    inside = "[" * (MAX_DEPTH - 1) + '{"a": 1}' + "]" * (MAX_DEPTH - 1)
    assert strictjson.loads(inside)
    with pytest.raises(JSONInputError) as caught:
        strictjson.loads(nested(MAX_DEPTH + 1))
    assert (caught.value.line, caught.value.column) == (1, MAX_DEPTH + 1)
    assert strictjson.loads("[" + ",".join(["1"] * MAX_ITEMS) + "]") == [1] * MAX_ITEMS
    with pytest.raises(JSONInputError, match="more than 500 keys"):
        strictjson.loads("[" + ",".join(["1"] * (MAX_ITEMS + 1)) + "]")
    assert strictjson.loads(" " * (MAX_CHARS - 2) + "{}") == {}
    with pytest.raises(JSONInputError, match="characters long"):
        strictjson.loads(" " * (MAX_CHARS - 1) + "{}")
    # brackets, colons and commas inside strings are text, escaped quotes included
    assert strictjson.loads(json.dumps({"a": "[[[[[[[[[[" * 50 + '\\"' + ":,:," * 300})) is not None
    assert strictjson.loads("[[], [ ], [1]]") == [[], [], [1]]


def test_an_unterminated_string_full_of_quotes_is_scanned_in_linear_time() -> None:
    import time

    started = time.monotonic()
    with pytest.raises(JSONInputError, match="Unterminated string"):
        strictjson.loads('"' + '\\"' * (MAX_CHARS // 2 - 1))
    assert time.monotonic() - started < 1


@pytest.mark.parametrize("levels", [600, 3000])
def test_a_deep_share_link_is_a_damaged_link(levels: int) -> None:
    with pytest.raises(ShareLinkError) as caught:
        decode(link(nested(levels)), MODEL)
    assert caught.value.reason == "damaged"
    assert "nested too deeply" in str(caught.value)


def calculator() -> Calculator:
    roles = json.dumps(playbook_to_data(PLAYBOOK), ensure_ascii=False)
    return Calculator(roles, json.dumps(MODEL.document, ensure_ascii=False), "en", "../roles/", "../m/")


def test_the_form_s_json_goes_through_the_same_budget() -> None:
    answer = json.loads(calculator().run(nested(600)))
    assert answer["ok"] is False
    assert answer["errors"][0]["message"].startswith("the JSON is nested too deeply")


@needs_node
def test_under_pyodide_deep_input_is_a_message_and_python_goes_on(tmp_path: Path) -> None:
    """Without the budget a 3,000-deep link (it fits the link length) stopped Pyodide for good."""
    good = '{"channels": {"douyin": {"posts_per_week": 7}}}'
    calls = [
        ("open_link", link(nested(600))),
        ("open_link", link(nested(3000))),
        ("run", nested(20_000)),
        ("open_link", link(good)),
        ("run", good),
    ]
    answers = pyodide_calls(calls, tmp_path)
    assert [a.get("link_reason") for a in answers[:2]] == ["damaged", "damaged"]
    assert "nested too deeply" in answers[0]["link_error"]
    assert answers[2]["ok"] is False and "nested too deeply" in answers[2]["errors"][0]["message"]
    assert answers[3]["ok"] is True and answers[4]["ok"] is True
    assert answers[3]["total_fte"] == answers[4]["total_fte"]
