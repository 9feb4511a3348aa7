"""The build never publishes a symbolic link: each is refused with its path, nothing is copied."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from calculator.datafiles.symlinks import symlink_problems, symlinks_under
from tests.sitebuild import build, copy_repo

SECRET = "SECRET-OUTSIDE-THE-REPOSITORY"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A file and a folder outside the repository, which no build may publish."""
    secret = tmp_path / "outside" / "id_rsa"
    secret.parent.mkdir()
    secret.write_text(SECRET, encoding="utf-8")
    (secret.parent / "notes.md").write_text(f"# Notes\n\n{SECRET}\n", encoding="utf-8")
    return secret


def published(site: Path) -> list[Path]:
    return [p for p in site.rglob("*") if p.is_file() and SECRET in p.read_text(encoding="utf-8", errors="replace")]


@pytest.mark.parametrize(
    ("link", "to"),
    [
        ("docs/assets/js/leak.txt", "id_rsa"),  # hooks/assets.py copied its bytes into the site
        ("docs/zh/leak.md", "notes.md"),  # MkDocs follows links in docs_dir
        ("docs/en/notes", "."),  # a linked folder, in the English build's pages
        ("docs/assets/css/playbook.css", "id_rsa"),  # a real asset replaced by a link
        ("roles.yaml", "id_rsa"),
    ],
)
def test_a_symlink_stops_the_build_with_its_path(tmp_path: Path, outside: Path, link: str, to: str) -> None:
    (tmp_path / "repo").mkdir()
    repo = copy_repo(tmp_path / "repo")
    target = outside.parent / to if to != "." else outside.parent
    (repo / link).unlink(missing_ok=True)
    (repo / link).symlink_to(target)
    result = build(repo)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert f"{link}: is a symbolic link (to {target})" in result.stderr, result.stderr[-2000:]
    if (repo / "site").exists():
        assert published(repo / "site") == []


def test_a_link_inside_the_repository_is_refused_too(tmp_path: Path) -> None:
    (tmp_path / "repo").mkdir()
    repo = copy_repo(tmp_path / "repo")
    os.symlink("../zh/index.md", repo / "docs" / "en" / "copy.md")
    result = build(repo)
    assert result.returncode != 0
    assert "docs/en/copy.md: is a symbolic link (to ../zh/index.md)" in result.stderr


def test_symlinks_are_found_without_being_followed(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "file").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "b" / "to-file").symlink_to(tmp_path / "a" / "file")
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a")  # a cycle: followed, it would never end
    (tmp_path / "a" / "broken").symlink_to(tmp_path / "missing")
    found = symlinks_under(tmp_path / "a")
    assert found == sorted([tmp_path / "a" / "b" / "to-file", tmp_path / "a" / "loop", tmp_path / "a" / "broken"])
    assert symlinks_under(tmp_path / "a" / "file") == []
    assert symlinks_under(tmp_path / "a" / "loop") == [tmp_path / "a" / "loop"]
    lines = symlink_problems([tmp_path / "a"], tmp_path)
    assert lines[0].startswith(f"a/b/to-file: is a symbolic link (to {tmp_path / 'a' / 'file'}); ")


def test_the_repository_itself_has_no_symlinks_where_the_site_is_built_from() -> None:
    root = Path(__file__).resolve().parent.parent
    folders = [root / "docs", root / "roles.yaml", root / "sizing.yaml"]
    assert symlink_problems(folders, root) == []
