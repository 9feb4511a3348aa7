"""JSON Schemas for roles.yaml and sizing.yaml, generated from the specs that validate them.

``python -m calculator.editor_schema`` (``make schemas``) writes ``schemas/roles.schema.json`` and
``schemas/sizing.schema.json``; the data files name them in a ``yaml-language-server`` modeline, so
VS Code (with the YAML extension) and other editors complete keys and flag mistakes while typing.
The schemas say what one key may hold (types, required keys, ranges, ids, both languages); rules
across keys (links to existing roles, exactly one top role, unique ids) stay with ``make check``,
which the schemas' descriptions say. A spec class this module does not know raises
:class:`TypeError` (caught by the tests), rather than being exported vaguely.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

from .engine.playbook import PLAYBOOK
from .engine.schema import (
    FORBIDDEN_CHAR,
    ID_PATTERN,
    Enum,
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
)
from .engine.sizing.specs import SIZING, ParameterSpec, Passthrough, RoleMap

DRAFT = "https://json-schema.org/draft/2020-12/schema"
#: data file -> (root spec, schema file under schemas/)
FILES: dict[str, tuple[Obj, str]] = {
    "roles.yaml": (PLAYBOOK, "roles.schema.json"),
    "sizing.yaml": (SIZING, "sizing.schema.json"),
}
SCHEMA_DIR = Path(__file__).resolve().parents[1] / "schemas"
_ID = "^" + ID_PATTERN.pattern.removeprefix(r"\A").removesuffix(r"\Z") + "$"


def _text(spec: Str) -> dict[str, Any]:
    return {
        "type": "string",
        "minLength": 1,
        "maxLength": spec.max_length,
        "pattern": r"\S",  # not only spaces
        "not": {"pattern": FORBIDDEN_CHAR.pattern},  # no control, bidi or zero-width characters
    }


def _number(spec: Number) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "integer" if spec.integer else "number", "minimum": spec.minimum}
    if not math.isinf(spec.maximum):
        out["maximum"] = spec.maximum
    return out


def _object(spec: Obj) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": "object",
        "properties": {},
        "additionalProperties": False,
    }
    required = []
    for f in spec.fields:
        child = schema_of(f.spec)
        child["description"] = f"{f.doc[0]} · {f.doc[1]}"
        if not f.required and f.default not in (None, ()):
            child["default"] = f.spec.to_data(f.default) if isinstance(f.default, tuple) else f.default
        out["properties"][f.name] = child
        if f.required:
            required.append(f.name)
    if required:
        out["required"] = required
    if isinstance(spec, ParameterSpec):  # a source, or assumption: true with a note, never both
        assumed = {"required": ["assumption"], "properties": {"assumption": {"const": True}}}
        out["oneOf"] = [
            {"required": ["source"], "not": assumed},
            {**assumed, "required": ["assumption", "note"], "not": {"required": ["source"]}},
        ]
    return out


def schema_of(spec: Spec) -> dict[str, Any]:
    """The JSON Schema of what ``spec`` accepts (cross-key rules aside)."""
    if isinstance(spec, Obj):
        return _object(spec)
    if isinstance(spec, Str):
        return _text(spec)
    if isinstance(spec, Id):
        return {"type": "string", "pattern": _ID}
    if isinstance(spec, Enum):
        return {"enum": list(spec.values)}
    if isinstance(spec, Number):
        return _number(spec)
    if isinstance(spec, Flag):
        return {"type": "boolean"}
    if isinstance(spec, LocalText):
        return {"$ref": "#/$defs/text"}  # defined once in file_schema
    if isinstance(spec, Nullable):
        return {"anyOf": [{"type": "null"}, schema_of(spec.inner)]}
    if isinstance(spec, ListOf):
        out: dict[str, Any] = {"type": "array", "items": schema_of(spec.item), "maxItems": spec.max_items}
        if spec.min_items:
            out["minItems"] = spec.min_items
        if spec.unique_items:
            out["uniqueItems"] = True
        return out
    if isinstance(spec, MapOf):
        return {"type": "object", "propertyNames": schema_of(spec.key), "additionalProperties": schema_of(spec.value)}
    if isinstance(spec, RoleMap):
        return {"type": "object", "propertyNames": {"pattern": _ID}, "additionalProperties": schema_of(spec.param)}
    if isinstance(spec, Passthrough):
        return {"type": "object"}
    raise TypeError(f"no JSON Schema for {type(spec).__name__}: teach calculator/editor_schema.py")


def file_schema(file: str) -> dict[str, Any]:
    """The whole schema of data file ``file`` (``roles.yaml`` or ``sizing.yaml``)."""
    root, name = FILES[file]
    return {
        "$schema": DRAFT,
        "$id": name,
        "title": file,
        "description": (
            f"{file}：由校验代码生成；岗位之间的引用等跨键规则由 make check 检查。 · "
            f"{file}: generated from the validation code; rules across keys (links between roles, "
            "unique ids) are checked by make check."
        ),
        **schema_of(root),
        "$defs": {
            "text": {
                "type": "object",
                "properties": {"zh": _text(Str()), "en": _text(Str())},
                "required": ["zh", "en"],
                "additionalProperties": False,
            }
        },
    }


def rendered(file: str) -> str:
    """The schema file's exact text."""
    return json.dumps(file_schema(file), ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the schemas; with ``--check``, exit 1 if a written one is out of date."""
    check = "--check" in (argv or [])
    stale = []
    for file, (_, name) in FILES.items():
        path = SCHEMA_DIR / name
        text = rendered(file)
        if check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(str(path.relative_to(SCHEMA_DIR.parent)))
        else:
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if stale:
        print(f"out of date: {', '.join(stale)} (run `make schemas`)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
