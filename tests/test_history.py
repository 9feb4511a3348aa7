"""'Last updated' dates from git history, and the build's graceful fallback without it."""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

import pytest

from calculator.pages import history
from calculator.pages.history import block_ranges, file_date, has_history, lines_date
from calculator.pages.updated import last_updated
from tests.sitebuild import build, copy_repo

IDENTITY = {
    "GIT_AUTHOR_NAME": "Editor",
    "GIT_AUTHOR_EMAIL": "editor@example.com",
    "GIT_COMMITTER_NAME": "Editor",
    "GIT_COMMITTER_EMAIL": "editor@example.com",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(repo: Path, *args: str, when: str = "2020-01-02T10:00:00Z") -> None:
    env = {**os.environ, **IDENTITY, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True)


def commit_all(repo: Path, when: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", f"edit of {when}", when=when)


@pytest.fixture(autouse=True)
def fresh_cache() -> None:
    history.has_history.cache_clear()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """roles: block a is lines 1-4, block b lines 5-8; b's text changes in a later commit."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    lines = ["- id: a", "  name: A", "  # about a", "", "- id: b", "  name: B", "  # about b", "  tagline: T"]
    (root / "roles.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "other.md").write_text("# Other\n", encoding="utf-8")
    commit_all(root, "2020-01-02T10:00:00Z")
    lines[5] = "  name: B2"
    (root / "roles.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    commit_all(root, "2021-03-04T10:00:00Z")
    return root


def test_file_date_is_the_last_commit_of_that_file(repo: Path) -> None:
    assert has_history(repo)
    assert file_date(repo, "roles.yaml") == date(2021, 3, 4)
    assert file_date(repo, "other.md") == date(2020, 1, 2)
    assert file_date(repo, "never-committed.md") is None


def test_a_block_is_dated_by_its_own_lines(repo: Path) -> None:
    assert lines_date(repo, "roles.yaml", 1, 4) == date(2020, 1, 2)
    assert lines_date(repo, "roles.yaml", 5, 8) == date(2021, 3, 4)


def test_comments_blank_and_uncommitted_lines_do_not_count(repo: Path) -> None:
    text = (repo / "roles.yaml").read_text(encoding="utf-8").replace("# about a", "# about A, reworded")
    (repo / "roles.yaml").write_text(text, encoding="utf-8")
    commit_all(repo, "2022-05-06T10:00:00Z")
    assert lines_date(repo, "roles.yaml", 1, 4) == date(2020, 1, 2)  # only a comment changed
    text = text.replace("  name: A", "  name: A (not committed yet)")
    (repo / "roles.yaml").write_text(text, encoding="utf-8")
    assert lines_date(repo, "roles.yaml", 2, 2) is None
    assert lines_date(repo, "roles.yaml", 1, 4) == date(2020, 1, 2)


def test_no_repository_shallow_clone_or_no_git_gives_no_date(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "roles.yaml").write_text("- id: a\n", encoding="utf-8")
    assert file_date(plain, "roles.yaml") is None and lines_date(plain, "roles.yaml", 1, 1) is None
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", repo.as_uri(), str(shallow))
    assert not has_history(shallow)
    assert file_date(shallow, "roles.yaml") is None
    history.has_history.cache_clear()
    monkeypatch.setenv("PATH", str(tmp_path / "no-such-bin"))
    assert file_date(repo, "roles.yaml") is None


def test_block_ranges_run_to_the_next_block() -> None:
    assert block_ranges((("a", 3), ("b", 10), ("c", 0), ("d", 20)), 25) == {"a": (3, 9), "b": (10, 19), "d": (20, 25)}
    assert block_ranges((), 10) == {}


def test_last_updated_line() -> None:
    assert last_updated(None, "zh") == ""
    assert "*最后更新：2026-11-26*" in last_updated(date(2026, 11, 26), "zh")
    assert "*Last updated: 2026-11-26*" in last_updated(date(2026, 11, 26), "en")


def test_built_pages_show_dates_from_history(tmp_path: Path) -> None:
    """A role page is dated by its block of roles.yaml; pages without history simply show no date."""
    (tmp_path / "site-repo").mkdir()
    repo = copy_repo(tmp_path / "site-repo")
    (repo / ".gitignore").write_text("node_modules\nsite/\n", encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    commit_all(repo, "2020-01-02T10:00:00Z")
    roles = (repo / "roles.yaml").read_text(encoding="utf-8")
    changed = roles.replace("Keeps weekly and monthly content calendars.", "Keeps the weekly and monthly calendars.", 1)
    assert changed != roles
    (repo / "roles.yaml").write_text(changed, encoding="utf-8")
    commit_all(repo, "2021-03-04T10:00:00Z")
    result = build(repo)
    assert result.returncode == 0, result.stderr
    site = repo / "site"

    def shown(page: str) -> str:
        return (site / page).read_text(encoding="utf-8")

    assert "最后更新：2021-03-04" in shown("roles/content/index.html")  # its block changed
    assert "Last updated: 2021-03-04" in shown("en/roles/content/index.html")
    assert "最后更新：2020-01-02" in shown("roles/user/index.html")  # its block did not
    assert "最后更新：2021-03-04" in shown("collaboration/index.html")  # the whole file
    assert "最后更新：2020-01-02" in shown("methodology/index.html")  # sizing.yaml
    assert "Last updated: 2020-01-02" in shown("en/contributing/index.html")  # hand-written


def test_site_built_without_history_has_no_date(site: Path) -> None:
    assert "最后更新" not in (site / "roles/content/index.html").read_text(encoding="utf-8")
