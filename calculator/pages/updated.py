"""The "last updated" line of each page: which lines of which file a page is made from, and their date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..engine.model import Playbook
from .history import block_ranges, file_date, lines_date
from .nav import CALCULATOR, COLLABORATION, METHODOLOGY, REFERENCE_PAGES, ROLES_INDEX, role_path
from .reference import SOURCES as SCHEMA_SOURCES

LABEL = {"zh": "最后更新：{date}", "en": "Last updated: {date}"}


def page_date(root: Path, src_uri: str, generated: bool, docs_dir: str, playbook: Playbook) -> date | None:
    """When the content of the page ``src_uri`` last changed, or ``None`` when history cannot tell.

    A role page is dated by its own block of roles.yaml (from its ``- id:`` line to the next
    role's), other generated pages by the file they come from, hand-written pages by their source.
    """
    if not generated:
        return file_date(root, f"{docs_dir}/{src_uri}")
    roles = root / "roles.yaml"
    for role in playbook.roles:
        if role_path(role.id) == src_uri:
            last = len(roles.read_text(encoding="utf-8", errors="replace").splitlines())
            start, end = block_ranges(playbook.role_lines, last).get(role.id, (0, 0))
            return lines_date(root, "roles.yaml", start, end)
    dates = [d for d in (file_date(root, s) for s in page_sources(src_uri)) if d]
    return max(dates, default=None)


def page_sources(src_uri: str) -> tuple[str, ...]:
    """The repository files a generated page is made from, the one to edit first."""
    sources = {
        ROLES_INDEX: ("roles.yaml",),
        COLLABORATION: ("roles.yaml",),
        METHODOLOGY: ("sizing.yaml",),
        CALCULATOR: ("sizing.yaml", "roles.yaml"),
        # each data file's reference: its specs first (the edit link), then the shared schema code
        REFERENCE_PAGES[0]: (SCHEMA_SOURCES[0], SCHEMA_SOURCES[2]),
        REFERENCE_PAGES[1]: (SCHEMA_SOURCES[1], SCHEMA_SOURCES[2]),
    }
    return sources.get(src_uri, ("roles.yaml",) if src_uri.startswith("roles/") else ())


def last_updated(day: date | None, lang: str) -> str:
    """The Markdown appended to a page (empty when the date is unknown)."""
    if day is None:
        return ""
    return "\n\n*" + LABEL[lang].format(date=day.isoformat()) + "*\n{: .last-updated }\n"
