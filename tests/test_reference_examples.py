"""The data file reference's examples obey the rules it documents, and it reads in the page's language."""

from __future__ import annotations

import re

import pytest

from calculator.engine.errors import Unlocated
from calculator.engine.playbook import PLAYBOOK, playbook_from_data
from calculator.engine.schema import Obj, validate
from calculator.engine.sizing.specs import SIZING
from calculator.pages.reference import FILES, schema_reference_page, sections


@pytest.mark.parametrize(("file", "root"), FILES)
def test_every_example_passes_its_own_spec(file: str, root: Obj) -> None:
    for section in sections(file, root):
        _, problems = validate(section.spec, section.spec.example(), Unlocated(file))
        assert problems == [], (section.anchor, problems)


def test_role_example_follows_the_cross_key_rules() -> None:
    role = PLAYBOOK.example()["roles"][0]
    assert role["reports_to"] != role["id"]
    assert all(link["with"] != role["id"] for link in role["collaboration"])
    director = {**role, "id": role["reports_to"], "reports_to": None, "collaboration": []}
    partner = {**role, "id": role["collaboration"][0]["with"], "collaboration": []}
    document = {**PLAYBOOK.example(), "roles": [director, role, partner]}
    playbook_from_data(document, Unlocated("roles.yaml"))  # raises on any broken rule


def test_examples_are_not_one_text_repeated() -> None:
    texts = re.findall(r"\{zh: ([^,]+), en:", schema_reference_page("en").split("## sizing.yaml")[0])
    assert len(set(texts)) >= 10, texts


def test_reference_and_guide_agree_that_titles_and_hiring_are_optional() -> None:
    for lang in ("zh", "en"):
        page = schema_reference_page(lang)
        assert ("可以不列某个岗位" if lang == "zh" else "may leave a role out") in page
    assert SIZING is not None


def test_chinese_reference_names_types_in_chinese() -> None:
    page = schema_reference_page("zh")
    types = [row.split(" | ")[1] for row in page.splitlines() if row.startswith("| `")]
    english = [t for t in types if re.search(r"\b(integer|number|text|list|mapping|localised|one of|from)\b", t)]
    assert english == []
    assert "integer from 1 to 1" not in page
