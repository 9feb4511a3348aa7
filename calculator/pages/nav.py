"""The site's navigation and the paths of its generated pages (docs-relative)."""

from __future__ import annotations

from ..engine.model import Playbook
from .labels import NAV

#: generated pages, relative to the docs folder (role pages: :func:`role_path`)
ROLES_INDEX = "roles/index.md"
COLLABORATION = "collaboration.md"
METHODOLOGY = "methodology.md"
#: generated from the validation specs (calculator/pages/reference.py); hand-written changelog
SCHEMA_REFERENCE = "reference/schema.md"
SIZING_REFERENCE = "reference/sizing.md"
#: one reference page per data file, in the order of ``reference.FILES`` (roles.yaml, sizing.yaml)
REFERENCE_PAGES = (SCHEMA_REFERENCE, SIZING_REFERENCE)
CHANGELOG = "changelog.md"
CALCULATOR = "calculator.md"
#: up to this many roles, the navigation lists every role page; above it, only the roles' overview
#: (which links them all), so each page's navigation stays the same size however many roles there are
NAV_ROLE_PAGES = 30


def role_path(role_id: str) -> str:
    """The page of role ``role_id``."""
    return f"roles/{role_id}.md"


def site_nav(playbook: Playbook, lang: str) -> list[object]:
    """MkDocs ``nav``: hand-written pages plus one entry per role, in the data's order (up to
    :data:`NAV_ROLE_PAGES` roles; beyond that the roles' overview stands for them)."""
    t = NAV[lang]
    listed = playbook.roles if len(playbook.roles) <= NAV_ROLE_PAGES else ()
    roles = [ROLES_INDEX] + [role_path(r.id) for r in listed]
    return [
        {t["home"]: "index.md"},
        {t["roles"]: roles},
        {t["collaboration"]: COLLABORATION},
        {t["calculator"]: CALCULATOR},
        {t["methodology"]: METHODOLOGY},
        {
            t["contributing"]: [
                {t["guide"]: "contributing.md"},
                {t["schema"]: list(REFERENCE_PAGES)},
                {t["changelog"]: CHANGELOG},
            ]
        },
    ]
