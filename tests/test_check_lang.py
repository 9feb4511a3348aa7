"""`make check` for editors: messages in Chinese or English, GitHub annotations, the same specs."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from calculator.check import annotation, locale_lang, main
from calculator.datafiles.load import load_playbook
from calculator.engine.errors import DataError, Problem
from calculator.engine.messages_zh import translate
from tests.goldens import assert_golden
from tests.sitebuild import ROOT
from tests.test_validation import CASES, broken

# English words a Chinese report must not fall back to (PyYAML's own syntax details aside)
ENGLISH = re.compile(r"\b(allowed|expected|found|missing|unknown|duplicate|must|items|required|characters)\b")


def _report(tmp_path: Path, case: str, lang: str) -> str:
    with pytest.raises(DataError) as caught:
        load_playbook(broken(tmp_path, CASES[case]))
    return caught.value.report(lang) + "\n"


def test_chinese_report_of_five_mistakes(tmp_path: Path) -> None:
    assert_golden(_report(tmp_path, "five_mistakes_at_once", "zh"), "validation/zh/five_mistakes_at_once.txt")


@pytest.mark.parametrize("case", sorted(set(CASES) - {"yaml_syntax"}))
def test_every_validation_message_reads_in_chinese(tmp_path: Path, case: str) -> None:
    zh, en = _report(tmp_path, case, "zh"), _report(tmp_path, case, "en")
    assert zh.splitlines()[-1].startswith("共发现 ")
    for line_zh, line_en in zip(zh.splitlines()[:-1], en.splitlines()[:-1], strict=True):
        where = line_en.split(": ")[0]
        assert line_zh.startswith(where)  # same file, line, column
        message = line_zh.split(": ", 2)[-1]
        # quoted values, ids and key lists stay as written; the wording around them is Chinese
        wording = re.sub(r"'[^']*'|\{[^}]*\}|（允许：[a-z_, ]+）|[A-Z]\+[0-9A-F]+ \([^)]*\)", "", message)
        assert not ENGLISH.search(wording), line_zh


def test_english_is_unchanged() -> None:
    message = "expected an id, found the text 'X' (allowed: lowercase letters)"
    assert translate(message, "en") == message


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_ALL": "", "LC_MESSAGES": "C", "LANG": "zh_CN"}, "en"),
        ({}, "en"),
    ],
)
def test_locale_picks_the_language(environ: dict[str, str], lang: str) -> None:
    assert locale_lang(environ) == lang


def test_annotation_is_a_github_workflow_command() -> None:
    problem = Problem("roles.yaml", 12, 9, "roles[1].name", "missing the en text (allowed: 100%, a,b: c)\nnext")
    assert annotation(problem, "en") == (
        "::error file=roles.yaml,line=12,col=9,title=roles[1].name::"
        "roles[1].name: missing the en text (allowed: 100%25, a,b: c)%0Anext"
    )
    unlocated = Problem("sizing.yaml", 0, 0, "", "cannot read the file (no such file)")
    assert (
        annotation(unlocated, "zh") == "::error file=sizing.yaml,title=sizing.yaml::cannot read the file (no such file)"
    )


def _copy(tmp_path: Path, edits: list[tuple[str, str]]) -> Path:
    for name in ("roles.yaml", "sizing.yaml", "calibration.yaml"):
        shutil.copy(ROOT / name, tmp_path / name)
    text = (tmp_path / "roles.yaml").read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    (tmp_path / "roles.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_check_in_github_actions_prints_annotations_and_the_report(tmp_path: Path) -> None:
    repo = _copy(tmp_path, [("    experience_years: 1\n", "    experience_years: 两年\n")])
    env = {"GITHUB_ACTIONS": "true", "LANG": "zh_CN.UTF-8", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-m", "calculator.check", str(repo)], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert result.returncode == 1
    (command,) = result.stdout.splitlines()
    assert re.fullmatch(
        r"::error file=roles\.yaml,line=\d+,col=\d+,title=roles\[\d+\]\.levels\[0\]\.experience_years::.+", command
    )
    assert "应为 0 到 40 的整数（年），实际是文本 '两年'" in command
    assert result.stderr.splitlines()[-1] == "共发现 1 个问题。"
    english = subprocess.run(
        [sys.executable, "-m", "calculator.check", "--lang", "en", str(repo)], capture_output=True, text=True, cwd=ROOT
    )
    assert "expected integer from 0 to 40 (years), found the text '两年'" in english.stderr


def test_unknown_language_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "fr"], {}) == 2
    assert "allowed: zh, en" in capsys.readouterr().err
