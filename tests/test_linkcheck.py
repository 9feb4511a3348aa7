"""Every internal link and #fragment of the built site resolves (both languages)."""

from __future__ import annotations

from pathlib import Path

import pytest

from calculator.linkcheck import check_site, main


def test_built_site_has_no_broken_internal_links(site: Path) -> None:
    assert len(list(site.rglob("*.html"))) > 20
    assert (site / "en/index.html").is_file()
    assert check_site(site) == []


def write(site: Path, page: str, body: str) -> None:
    (site / page).parent.mkdir(parents=True, exist_ok=True)
    (site / page).write_text(f"<!doctype html><html><body>\n{body}\n</body></html>", encoding="utf-8")


@pytest.fixture
def small_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    write(site, "index.html", '<h2 id="intro">Intro</h2>\n<a href="roles/">Roles</a>\n<a href="#intro">top</a>')
    write(site, "roles/index.html", '<a href="../">home</a>\n<a href="../index.html#intro">intro</a>')
    write(site, "en/index.html", '<a href="../roles/">zh roles</a>\n<img src="../logo.png">')
    (site / "logo.png").write_bytes(b"\x89PNG")
    (site / "sitemap.xml").write_text("<urlset><url><loc>https://example.org/playbook/</loc></url></urlset>")
    return site


def test_a_good_site_passes(small_site: Path) -> None:
    assert check_site(small_site) == []


def test_broken_files_and_fragments_are_reported_with_page_and_line(small_site: Path) -> None:
    write(
        small_site,
        "roles/content/index.html",
        '<a href="../usr/">typo</a>\n'
        '<a href="../../index.html#intr">bad fragment</a>\n'
        '<a href="#nowhere">bad local fragment</a>\n'
        '<script src="../../assets/missing.js"></script>\n'
        '<a href="https://example.org/x">external</a>\n'
        '<a href="mailto:team@example.org">mail</a>\n'
        '<a href="/playbook/roles/">root-relative, good</a>\n'
        '<a href="/playbook/gone/">root-relative, broken</a>',
    )
    problems = check_site(small_site)
    assert problems == [
        "roles/content/index.html:2: ../usr/: no such file in the site",
        "roles/content/index.html:3: ../../index.html#intr: no id 'intr' on index.html",
        "roles/content/index.html:4: #nowhere: no id 'nowhere' on roles/content/index.html",
        "roles/content/index.html:5: ../../assets/missing.js: no such file in the site",
        "roles/content/index.html:9: /playbook/gone/: no such file in the site",
    ]


def test_command_line_exit_status(small_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(small_site)]) == 0
    assert "All internal links of 3 pages resolve." in capsys.readouterr().out
    write(small_site, "broken.html", '<a href="nope.html">x</a>')
    assert main([str(small_site)]) == 1
    err = capsys.readouterr().err
    assert "broken.html:2: nope.html: no such file in the site" in err and "Found 1 broken link." in err
    assert main([str(small_site / "missing")]) == 2
