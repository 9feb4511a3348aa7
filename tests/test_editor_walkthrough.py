"""Do what the contributing page tells a new editor to do, exactly as written, so it cannot rot.

The page marks its copy-paste blocks with ``<!-- walkthrough: NAME -->`` before a fenced block:
``new-role`` goes at the end of roles.yaml, ``new-link`` right below ``collaboration:`` of the
``- id: content`` block, and ``errors`` is what `make check` prints for three mistakes in the new role.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from calculator.engine.browser import Calculator
from calculator.linkcheck import check_site
from tests.sitebuild import ROOT, build, copy_repo

LANGS = {"zh": "", "en": "en/"}
BLOCK = re.compile(r"<!-- walkthrough: ([\w-]+) -->\n```\w*\n(.*?)\n```", re.S)


def blocks(lang: str) -> dict[str, str]:
    page = (ROOT / "docs" / lang / "contributing.md").read_text(encoding="utf-8")
    return {name: body + "\n" for name, body in BLOCK.findall(page)}


def edit_as_the_page_says(roles: str, page: dict[str, str]) -> str:
    lines = roles.splitlines(keepends=True)
    start = lines.index("  - id: content\n")
    below = next(i for i in range(start, len(lines)) if lines[i] == "    collaboration:\n")
    lines.insert(below + 1, page["new-link"])
    text = "".join(lines)
    return text + ("" if text.endswith("\n") else "\n") + "\n" + page["new-role"]


def new_role_id(page: dict[str, str]) -> str:
    return str(yaml.safe_load(page["new-role"])[0]["id"])


def check(repo: Path, lang: str = "en") -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "calculator.check", "--lang", lang]
    return subprocess.run(command, cwd=repo, capture_output=True, text=True)


def test_both_languages_give_the_same_blocks() -> None:
    zh, en = blocks("zh"), blocks("en")
    assert set(zh) == {"new-role", "new-link", "errors", "errors-zh"}
    assert zh == en


@pytest.mark.parametrize("lang", LANGS)
def test_the_edit_validates(tmp_path: Path, lang: str) -> None:
    repo = copy_repo(tmp_path)
    (repo / "roles.yaml").write_text(edit_as_the_page_says((ROOT / "roles.yaml").read_text("utf-8"), blocks(lang)))
    result = check(repo)
    assert result.returncode == 0, result.stderr


def normalised(report: str) -> list[str]:
    """Line numbers and the list of role ids change as roles.yaml grows; the messages must not."""
    out = []
    for line in report.strip().splitlines():
        line = re.sub(r":\d+:\d+:", ":L:C:", line)
        line = re.sub(r"\(allowed: [a-z_, ]+\)$", "(allowed: ROLE IDS)", line)
        out.append(re.sub(r"（允许：[a-z_, ]+）$", "（允许：ROLE IDS）", line))
    return out


def test_the_errors_shown_are_the_ones_the_validator_prints(tmp_path: Path) -> None:
    page = blocks("zh")
    mistaken = dict(page)
    role = page["new-role"]
    for right, wrong in [
        ("      - with: campaign\n", "      - with: campain\n"),
        ('title: {zh: "合作交付", en: "Delivery"}', 'title: {zh: "合作交付"}'),
        ("experience_years: 2\n", "experience_years: 两年\n"),
    ]:
        assert right in role, right
        role = role.replace(right, wrong)
    mistaken["new-role"] = role
    repo = copy_repo(tmp_path)
    (repo / "roles.yaml").write_text(edit_as_the_page_says((ROOT / "roles.yaml").read_text("utf-8"), mistaken))
    result = check(repo)
    assert result.returncode == 1
    assert normalised(result.stderr) == normalised(page["errors"])
    chinese = check(repo, "zh")
    assert normalised(chinese.stderr) == normalised(page["errors-zh"])


def test_the_new_role_and_link_appear_on_the_built_site(tmp_path: Path) -> None:
    page = blocks("zh")
    role = new_role_id(page)
    repo = copy_repo(tmp_path)
    (repo / "roles.yaml").write_text(edit_as_the_page_says((ROOT / "roles.yaml").read_text("utf-8"), page))
    result = build(repo)
    assert result.returncode == 0, result.stderr
    site = repo / "site"
    for prefix in LANGS.values():
        new = (site / f"{prefix}roles/{role}/index.html").read_text(encoding="utf-8")
        content = (site / f"{prefix}roles/content/index.html").read_text(encoding="utf-8")
        campaign = (site / f"{prefix}roles/campaign/index.html").read_text(encoding="utf-8")
        assert 'id="from-content"' in new and 'href="../content/"' in new  # the new link, at the receiving end
        assert f'id="to-{role}"' in content and f'href="../{role}/"' in content  # ... and at the providing end
        assert 'id="to-campaign"' in new and f'id="from-{role}"' in campaign  # the new role's own link
        collaboration = (site / f"{prefix}collaboration/index.html").read_text(encoding="utf-8")
        assert f"roles/content/#to-{role}" in collaboration
        assert f'href="{role}/"' in (site / f"{prefix}roles/index.html").read_text(encoding="utf-8")
    assert "商务合作专员" in (site / f"roles/{role}/index.html").read_text(encoding="utf-8")
    assert "Partnerships Specialist" in (site / f"en/roles/{role}/index.html").read_text(encoding="utf-8")
    assert check_site(site) == []
    # ... and the calculator, in the browser's own code path, knows the new role
    calc = Calculator(
        (site / "data/roles.json").read_text(encoding="utf-8"),
        (site / "data/sizing.json").read_text(encoding="utf-8"),
        "zh",
        "../roles/",
        "../methodology/",
    )
    answer = json.loads(calc.run(json.dumps({"channels": {"douyin": {"posts_per_week": 7}}})))
    assert answer["ok"], answer
    assert role in answer["plan"]["roles"]


def test_the_message_glossary_names_real_messages() -> None:
    """The zh guide translates the validator's English phrases: each must be one the code prints."""
    text = (ROOT / "docs/zh/contributing.md").read_text(encoding="utf-8")
    table = text.split("<!-- messages: glossary -->", 1)[1].split("\n\n", 1)[0]
    phrases = re.findall(r"`([^`]+)`", table)
    assert len(phrases) >= 15
    # what the validator really printed (the golden reports) and the message texts in the code
    printed = [p.read_text(encoding="utf-8") for p in (ROOT / "tests/golden/validation").rglob("*.txt")]
    code = [p.read_text(encoding="utf-8") for p in (ROOT / "calculator").rglob("*.py")]
    corpus = "\n".join(printed + code)
    for phrase in phrases:
        assert phrase in corpus, f"the guide explains {phrase!r}, which no validator message contains"


RECIPE = re.compile(r"<!-- recipe: ([\w-]+) -->\n```\w*\n(.*?)\n```", re.S)
#: recipe -> where the guide says to paste it: (the line to insert below, within the block of this role)
RECIPE_PLACES = {
    "kpi": ("    kpis:\n", "  - id: host\n"),
    "duty": ("    duties:\n", "  - id: host\n"),
    "collaboration": ("    collaboration:\n", "  - id: host\n"),
    "glossary": ("glossary:\n", None),
}


@pytest.mark.parametrize("lang", LANGS)
def test_every_recipe_pasted_where_the_guide_says_validates(tmp_path: Path, lang: str) -> None:
    page = (ROOT / "docs" / lang / "contributing.md").read_text(encoding="utf-8")
    recipes = dict(RECIPE.findall(page))
    assert set(recipes) == set(RECIPE_PLACES)
    lines = (ROOT / "roles.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    for name, (below, role) in RECIPE_PLACES.items():
        start = lines.index(role) if role else 0
        at = next(i for i in range(start, len(lines)) if lines[i] == below)
        lines.insert(at + 1, recipes[name] + "\n")
    repo = copy_repo(tmp_path)
    (repo / "roles.yaml").write_text("".join(lines), encoding="utf-8")
    result = check(repo)
    assert result.returncode == 0, result.stderr
