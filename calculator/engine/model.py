"""The playbook's domain objects: frozen, typed, built once by validation."""

from __future__ import annotations

from dataclasses import dataclass

from .schema import LANGS


@dataclass(frozen=True)
class Text:
    """A text in every language of the site."""

    zh: str
    en: str

    def __getitem__(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en if lang == "en" else _no_lang(lang)

    def to_data(self) -> dict[str, str]:
        """The data-file shape, ``{zh: ..., en: ...}`` (for the JSON exports)."""
        return {"zh": self.zh, "en": self.en}


def _no_lang(lang: str) -> str:
    raise KeyError(f"unknown language {lang!r} (allowed: {', '.join(LANGS)})")


@dataclass(frozen=True)
class Duty:
    id: str
    title: Text
    points: tuple[Text, ...]
    examples: tuple[Text, ...]


@dataclass(frozen=True)
class SkillGroup:
    audience: Text | None
    experience_years: int | None
    points: tuple[Text, ...]
    tools: tuple[str, ...]


@dataclass(frozen=True)
class Kpi:
    id: str
    name: Text
    description: Text


@dataclass(frozen=True)
class Level:
    """One step of a role's career ladder (the playbook's own content: the seed has none)."""

    id: str
    title: Text
    experience_years: int  # typical minimum years of relevant experience
    scope: Text
    expectations: Text


@dataclass(frozen=True)
class Collaboration:
    """What ``source`` gives to, or does with, ``target``."""

    role: str  # the other role's id (``with`` in YAML)
    flows: Text
    playbook_addition: bool = False  # the playbook's own link where the seed is silent


@dataclass(frozen=True)
class GlossaryEntry:
    """A term the pages explain where it is first used."""

    id: str
    term: Text
    definition: Text


@dataclass(frozen=True)
class Role:
    id: str
    name: Text
    tagline: Text
    mission: Text
    reports_to: str | None
    duties: tuple[Duty, ...]
    skills: tuple[SkillGroup, ...]
    kpis: tuple[Kpi, ...]
    collaboration: tuple[Collaboration, ...]
    group: str = "core"  # "core" (the seed's six) or "specialist" (the playbook's additions)
    combines_with: tuple[str, ...] = ()  # roles one person may combine with this one (either way)
    helps_out: bool = False  # a small share of this work can go to another helps_out role
    levels: tuple[Level, ...] = ()  # career ladder, lowest first


@dataclass(frozen=True)
class Team:
    name: Text
    summary: Text
    architecture: Text


@dataclass(frozen=True)
class Link:
    """One collaboration link, seen from the whole team (both ends known)."""

    source: str
    target: str
    flows: Text
    playbook_addition: bool = False


@dataclass(frozen=True)
class Playbook:
    schema_version: int
    team: Team
    roles: tuple[Role, ...]
    #: line of each role's ``id`` in roles.yaml, for edit links (0 when unknown)
    role_lines: tuple[tuple[str, int], ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()

    def role(self, role_id: str) -> Role:
        for role in self.roles:
            if role.id == role_id:
                return role
        raise KeyError(role_id)

    @property
    def links(self) -> tuple[Link, ...]:
        """Every collaboration link, in file order."""
        return tuple(Link(r.id, c.role, c.flows, c.playbook_addition) for r in self.roles for c in r.collaboration)

    def links_of(self, role_id: str) -> tuple[tuple[Link, ...], tuple[Link, ...]]:
        """(outgoing, incoming) links of a role: every link is shown from both ends."""
        out = tuple(link for link in self.links if link.source == role_id)
        inc = tuple(link for link in self.links if link.target == role_id)
        return out, inc

    def line_of(self, role_id: str) -> int:
        return dict(self.role_lines).get(role_id, 0)
