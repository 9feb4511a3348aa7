"""The editors' JSON Schemas: generated from the validation specs, shipped, and right about the data."""

from __future__ import annotations

import copy
import json
from typing import Any

import jsonschema
import pytest
import yaml

from calculator.editor_schema import FILES, SCHEMA_DIR, rendered
from tests.sitebuild import ROOT


def _validator(file: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / FILES[file][1]).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _data(file: str) -> Any:
    return yaml.safe_load((ROOT / file).read_text(encoding="utf-8"))


@pytest.mark.parametrize("file", sorted(FILES))
def test_shipped_schema_is_the_generated_one(file: str) -> None:
    path = SCHEMA_DIR / FILES[file][1]
    assert path.read_text(encoding="utf-8") == rendered(file), f"{path.name} is out of date: run `make schemas`"


@pytest.mark.parametrize("file", sorted(FILES))
def test_data_file_names_its_schema_for_editors(file: str) -> None:
    first = (ROOT / file).read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=schemas/{FILES[file][1]}"


@pytest.mark.parametrize("file", sorted(FILES))
def test_shipped_data_files_are_valid(file: str) -> None:
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in _validator(file).iter_errors(_data(file))]
    assert errors == []


def _set(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    edited = copy.deepcopy(data)
    node = edited
    for key in path[:-1]:
        node = node[key]
    if value is KeyError:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return edited


# the mistakes the editor's guide and the reference describe, each at the place it is made
MISTAKES = {
    "missing en text": (("roles", 12, "duties", 1, "title", "en"), KeyError),
    "years written in words": (("roles", 0, "skills", 0, "experience_years"), "两年"),
    "unknown key": (("roles", 0, "salary"), 100),
    "id with capitals": (("roles", 0, "kpis", 0, "id"), "Reads!"),
    "empty text": (("roles", 0, "name", "zh"), "  "),
    "control character": (("roles", 0, "tagline", "en"), "Writer\x1b"),
    "third language": (("team", "name", "fr"), "Équipe"),
    "too few levels": (("roles", 0, "levels"), [{"id": "a"}]),
    "missing required key": (("roles", 0, "mission"), KeyError),
    "reports_to a number": (("roles", 1, "reports_to"), 3),
}


@pytest.mark.parametrize("mistake", sorted(MISTAKES))
def test_roles_schema_rejects_the_documented_mistakes(mistake: str) -> None:
    path, value = MISTAKES[mistake]
    data = _data("roles.yaml")
    if path[1] == 12:  # the guide's example: the new role appended at the end
        data["roles"].append(copy.deepcopy(data["roles"][1]))
        data["roles"][12]["duties"].append(copy.deepcopy(data["roles"][12]["duties"][0]))
        path = (path[0], len(data["roles"]) - 1, *path[2:])
    errors = list(_validator("roles.yaml").iter_errors(_set(data, path, value)))
    assert errors, mistake


def test_sizing_schema_rejects_a_parameter_with_neither_source_nor_assumption() -> None:
    data = _data("sizing.yaml")
    found = _find_parameter(data)
    assert found is not None
    holder, key = found
    holder[key] = {k: v for k, v in holder[key].items() if k not in ("source", "assumption", "note")}
    assert list(_validator("sizing.yaml").iter_errors(data))
    holder[key]["value"] = "three"
    assert list(_validator("sizing.yaml").iter_errors(data))


def _find_parameter(node: Any) -> tuple[Any, Any] | None:
    """The first mapping value that looks like a parameter (value, unit, label)."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
    for key, child in items:
        if isinstance(child, dict) and {"value", "unit", "label"} <= set(child):
            return node, key
        found = _find_parameter(child)
        if found:
            return found
    return None
