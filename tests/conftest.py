from __future__ import annotations

from pathlib import Path

import pytest

from tests.sitebuild import build, copy_repo


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test run from a copy of the repository."""
    repo = copy_repo(tmp_path_factory.mktemp("repo"))
    result = build(repo)
    assert result.returncode == 0, result.stderr
    return repo / "site"
