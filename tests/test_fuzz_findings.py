"""What `make fuzz` (tests/fuzz.py) found, kept as regressions; and the fuzzer itself still runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from calculator.datafiles.load import load_playbook, load_sizing
from calculator.datafiles.source import parse_yaml
from calculator.engine.errors import DataError
from tests.sitebuild import ROOT


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("a: !!timestamp x\n", "not a valid timestamp"),  # PyYAML: AttributeError
        ("a: !!bool maybe\n", "not a valid bool"),  # PyYAML: KeyError
        ("a: !!int x\n", "invalid literal for int() with base 10: 'x'"),
    ],
)
def test_explicit_tags_pyyaml_cannot_construct_are_problems(text: str, reason: str) -> None:
    """An explicit tag on a value that does not fit it crashed the reader."""
    doc = parse_yaml(text, "t.yaml")
    assert [str(p) for p in doc.problems] == [
        f"t.yaml:1:4: a: cannot read this value ({reason}); quote it to make it text"
    ]


@pytest.mark.parametrize("roles", ["true", "1000000000000000000000000000000", "oops"])
def test_roles_that_are_not_a_list_are_a_problem(tmp_path: Path, roles: str) -> None:
    """`roles: true` crashed load_playbook (it enumerated the value before validation)."""
    text = (ROOT / "tests/fixtures/roles/valid.yaml").read_text(encoding="utf-8")
    path = tmp_path / "roles.yaml"
    path.write_text(text.split("roles:\n")[0] + f"roles: {roles}\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_playbook(path)
    assert [p.path for p in caught.value.problems] == ["roles"]
    assert "expected a list" in caught.value.problems[0].message


@pytest.mark.parametrize("value", ["{a: 1}", "[wechat_oa]"])
def test_a_channel_id_that_is_not_text_is_a_problem(tmp_path: Path, value: str) -> None:
    """`- id: {a: 1}` under `channels:` crashed the cross-check (an unhashable id in a set)."""
    text = (ROOT / "sizing.yaml").read_text(encoding="utf-8")
    assert "\n  - id: wechat_oa\n" in text
    path = tmp_path / "sizing.yaml"
    path.write_text(text.replace("\n  - id: wechat_oa\n", f"\n  - id: {value}\n", 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_sizing(path, load_playbook(ROOT / "roles.yaml"))
    found = [(p.path, p.message) for p in caught.value.problems]
    assert any(where == "channels[0].id" and "not allowed" in message for where, message in found), found
    assert any("missing wechat_oa" in message for _, message in found), found


def test_the_fuzzer_runs_and_counts_every_outcome(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "tests.fuzz", "--seconds", "5", "--seed", "7", "--findings", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    lines = run.stdout.splitlines()
    header = next(line for line in lines if line.startswith("target"))
    assert header.split() == ["target", "located", "accepted", "unlocated", "traceback", "hang"]
    cases = int(next(line for line in lines if " cases in " in line).split()[0])
    total = next(line for line in lines if line.startswith("all "))
    assert cases > 0 and sum(int(n) for n in total.split()[1:]) == cases  # every case has one outcome
