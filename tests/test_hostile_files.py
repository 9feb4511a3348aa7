"""Hostile data files: `make check` and the build stop within seconds on each, with a located message.

The corpus is tests/hostile/ (made by its make_corpus.py): an alias bomb, nesting 100 and 400
levels deep (also through an alias), too many anchors and aliases, a number YAML would take
quadratic time to read, UTF-16 and UTF-32 with and without a byte-order mark, GBK, raw ESC,
NUL, U+2028/U+2029 and NEL; plus a file over the size limit, written here. Each report is
compared with tests/golden/hostile/ (regenerate with UPDATE_GOLDEN=1).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from calculator.datafiles.yamlbudget import MAX_FILE_BYTES
from tests.sitebuild import ROOT, build, copy_repo

CORPUS = Path(__file__).parent / "hostile"
GOLDEN = Path(__file__).parent / "golden" / "hostile"
HUGE = "roles/huge.yaml"
CASES = sorted(p.relative_to(CORPUS).as_posix() for p in CORPUS.glob("*/*.yaml")) + [HUGE]
LOCATED = re.compile(r"^(roles|sizing)\.yaml:[1-9]\d*:[1-9]\d*: ")


def huge_roles() -> bytes:
    """A valid roles file padded with comments past the size limit: big, not broken."""
    valid = (Path(__file__).parent / "fixtures" / "roles" / "valid.yaml").read_bytes()
    line = b"# " + b"x" * 77 + b"\n"
    return valid + line * (MAX_FILE_BYTES // len(line) + 1)


def hostile_bytes(case: str) -> bytes:
    return huge_roles() if case == HUGE else (CORPUS / case).read_bytes()


def place(case: str, root: Path) -> None:
    """``root`` holds the repository's data files, with the one ``case`` stands in for replaced."""
    (root / f"{case.split('/')[0]}.yaml").write_bytes(hostile_bytes(case))


def golden(case: str, report: str) -> str:
    path = GOLDEN / (case.replace("/", "__").removesuffix(".yaml") + ".txt")
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(report, encoding="utf-8")
    return path.read_text(encoding="utf-8")


def test_the_corpus_covers_what_the_issue_lists() -> None:
    names = {Path(c).stem for c in CASES}
    for needed in ("alias_bomb", "deep_flow_nesting", "huge", "utf16le", "utf16le_bom", "utf16be", "utf16be_bom"):
        assert needed in names
    for needed in ("utf32be", "utf32le_bom", "gbk", "raw_esc", "raw_u2028", "raw_nel"):
        assert needed in names


@pytest.mark.parametrize("case", CASES)
def test_check_reports_the_file_at_its_line_within_seconds(case: str, tmp_path: Path) -> None:
    for name in ("roles.yaml", "sizing.yaml"):
        shutil.copy(ROOT / name, tmp_path / name)
    place(case, tmp_path)
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "calculator.check", str(tmp_path)], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    elapsed = time.monotonic() - started
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    report = result.stderr
    assert report == golden(case, report)
    lines = report.splitlines()
    assert lines[-1].startswith("Found ")
    for line in lines[:-1]:
        assert LOCATED.match(line), line
    assert elapsed < 10, f"make check took {elapsed:.1f} s"


@pytest.mark.parametrize("case", CASES)
def test_build_stops_with_the_located_message_within_seconds(case: str, tmp_path: Path) -> None:
    repo = copy_repo(tmp_path)
    place(case, repo)
    started = time.monotonic()
    result = build(repo)
    elapsed = time.monotonic() - started
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    first = golden(case, "").splitlines()[0] if not os.environ.get("UPDATE_GOLDEN") else ""
    assert first in result.stderr, result.stderr[-2000:]
    assert not (repo / "site" / "index.html").exists()
    assert elapsed < 30, f"the build took {elapsed:.1f} s"


@pytest.mark.parametrize("broken", ["missing", "folder"])
def test_a_data_file_that_cannot_be_read_is_a_message(tmp_path: Path, broken: str) -> None:
    shutil.copy(ROOT / "sizing.yaml", tmp_path / "sizing.yaml")
    if broken == "folder":
        (tmp_path / "roles.yaml").mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "calculator.check", str(tmp_path)], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("roles.yaml: cannot read the file (")
