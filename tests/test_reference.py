"""The schema reference page is generated from the validation specs: it cannot drift from them."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from calculator.engine import schema
from calculator.engine.errors import Unlocated
from calculator.engine.playbook import PLAYBOOK, ROLE
from calculator.engine.schema import (
    Enum,
    Field,
    Flag,
    Id,
    ListOf,
    LocalText,
    MapOf,
    Nullable,
    Number,
    Obj,
    Spec,
    Str,
    validate,
)
from calculator.engine.sizing import model as sizing_model
from calculator.engine.sizing import specs as sizing_data
from calculator.engine.sizing.specs import ParameterSpec, Passthrough, RoleMap, param
from calculator.pages import md_text
from calculator.pages.reference import FILES, TITLES_ZH, allowed, schema_reference_page, sections


def fields(spec: Spec) -> Iterator[Field]:
    """Every Field reachable from ``spec``."""
    if isinstance(spec, Obj):
        for f in spec.fields:
            yield f
            yield from fields(f.spec)
    for inner in ("item", "inner", "value", "param"):
        child = getattr(spec, inner, None)
        if isinstance(child, Spec):
            yield from fields(child)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_key_and_its_doc_is_on_the_page(lang: str) -> None:
    page = schema_reference_page(lang)
    i = 0 if lang == "zh" else 1
    for _, root in FILES:
        for f in fields(root):
            assert f"`{f.name}`" in page or f".{f.name}`" in page, f.name
            assert md_text(f.doc[i]) in page, f.doc


def test_nested_paths_types_and_allowed_values() -> None:
    page = schema_reference_page("en")
    row = next(line for line in page.splitlines() if line.startswith("| `roles[].duties[].points`"))
    assert "list of localised text" in row and "required" in row and "at least 1 item(s)" in row
    assert "no duplicate items" in row
    years = next(line for line in page.splitlines() if line.startswith("| `roles[].skills[].experience_years`"))
    assert "integer from 0 to 40" in years and "optional" in years
    channel = next(line for line in page.splitlines() if line.startswith("| `channels[].id`"))
    assert all(f"`{c}`" in channel for c in sizing_model.CHANNEL_IDS)
    assert "`\\A[a-z][a-z0-9_]{0,47}\\Z`" in page
    assert "optional, default `[]`" in page  # duties[].examples


def test_a_field_added_to_a_spec_shows_up_on_the_page() -> None:
    role = dataclasses.replace(
        ROLE, fields=(*ROLE.fields, Field("owner_team", Enum(("north", "south")), ("负责团队", "owning team")))
    )
    roles_field = next(f for f in PLAYBOOK.fields if f.name == "roles")
    playbook = dataclasses.replace(
        PLAYBOOK,
        fields=tuple(
            dataclasses.replace(f, spec=ListOf(role, min_items=1)) if f is roles_field else f for f in PLAYBOOK.fields
        ),
    )
    page = schema_reference_page("zh", [("roles.yaml", playbook)])
    row = next(line for line in page.splitlines() if line.startswith("| `roles[].owner_team`"))
    assert "`north`、`south`" in row and "负责团队" in row
    assert "owner_team" not in schema_reference_page("zh")


def test_every_spec_class_is_described() -> None:
    """A Spec class the reference does not know fails here, before it can be documented vaguely."""
    samples: dict[type, Spec] = {
        Str: Str(),
        Id: Id(),
        Enum: Enum(("a", "b")),
        Number: Number(maximum=3),
        LocalText: LocalText(),
        Nullable: Nullable(Str()),
        ListOf: ListOf(Str(), min_items=2, unique_items=True),
        MapOf: MapOf(Id(), Str()),
        Obj: Obj("thing", (Field("name", Str(), ("名", "name")),)),
        Flag: Flag(),
        ParameterSpec: param(5),
        RoleMap: RoleMap(param(5)),
        Passthrough: Passthrough(),
    }
    defined = {
        cls
        for module in (schema, sizing_data)
        for cls in vars(module).values()
        if isinstance(cls, type) and issubclass(cls, Spec) and cls is not Spec and cls.__module__ == module.__name__
    }
    assert defined <= set(samples), f"add a sample for {defined - set(samples)} and teach reference.py"
    root = Obj("x", tuple(Field(f"k{i}", spec, ("说明", "doc")) for i, spec in enumerate(samples.values())))
    page = schema_reference_page("en", [("x.yaml", root)])
    assert all(f"| `k{i}` |" in page for i in range(len(samples)))


def test_an_unknown_spec_is_refused() -> None:
    @dataclasses.dataclass(frozen=True)
    class Colour(Spec):
        kind = "colour"

    with pytest.raises(TypeError, match="Colour"):
        allowed(Colour(), {}, {})


@pytest.mark.parametrize("file", ["roles.yaml", "sizing.yaml"])
def test_examples_on_the_page_are_valid(file: str) -> None:
    """Each object's example passes the validator (cross-file rules such as known role ids aside)."""
    root = dict(FILES)[file]
    checked = 0
    for section in sections(file, root):
        _, problems = validate(section.spec, section.spec.example(), Unlocated(file))
        # a combination needs two distinct role ids, which no generic example has
        problems = [p for p in problems if not p.path.endswith("roles") or "at least 2" not in p.message]
        assert not problems, (section.paths[0], problems)
        checked += 1
    assert checked >= 6


def test_every_section_is_documented_once_with_a_unique_anchor() -> None:
    for file, root in FILES:
        found = sections(file, root)
        anchors = [s.anchor for s in found]
        assert len(anchors) == len(set(anchors))
        parameters = [s for s in found if isinstance(s.spec, ParameterSpec)]
        assert len(parameters) <= 1


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_reference_page_is_built_in_both_languages(site: Path, lang: str) -> None:
    prefix = "" if lang == "zh" else "en/"
    roles = (site / f"{prefix}reference/schema/index.html").read_text(encoding="utf-8")
    sizing = (site / f"{prefix}reference/sizing/index.html").read_text(encoding="utf-8")
    assert "roles[].duties[].points" in roles and 'id="roles-collaboration-link"' in roles
    assert 'id="sizing-parameter"' in sizing and 'id="sizing-parameter"' not in roles
    assert 'id="roles-collaboration-link"' not in sizing  # one page per data file
    assert 'href="../sizing/"' in roles and 'href="../schema/"' in sizing  # each names the other
    nav = (site / f"{prefix}index.html").read_text(encoding="utf-8")
    assert "reference/schema/" in nav and "reference/sizing/" in nav and "changelog/" in nav


def test_every_section_title_reads_in_chinese() -> None:
    """The zh reference names each kind of object in Chinese (a new spec needs its TITLES_ZH entry)."""
    missing = [
        (file, s.spec.title) for file, root in FILES for s in sections(file, root) if s.spec.title not in TITLES_ZH
    ]
    assert not missing, missing
