"""The budgeted composer: PyYAML's node graph, without recursion, stopped at the first limit crossed."""

from __future__ import annotations

import time

import pytest
import yaml

from calculator.datafiles import yamlbudget
from calculator.datafiles.source import parse_yaml
from calculator.datafiles.yamlbudget import MAX_ALIASES, MAX_ANCHORS, MAX_DEPTH, MAX_NODES, BudgetExceeded, compose
from tests.sitebuild import ROOT

TRICKY = [
    "",
    "# only a comment\n",
    "a: 1\n",
    "--- !!map {a: !!str 1, ? [x, y] : z}\n",
    "base: &b {x: 1}\nuse: {<<: *b, y: 2}\nlist: &l [1, 2]\nagain: *l\n",
    "a: &s text\nb: *s\nc: [*s, *s]\n",
    "loop: &x [*x]\n",
    "empty: []\nnone: ~\nblock: |\n  two\n  lines\nfolded: >\n  a\n  b\n",
    "- a\n- - b\n  - c\n- {d: e}\n",
]
ERRORS = ["a: *nowhere\n", "a: &x 1\nb: &x 2\n", "a: 1\n---\nb: 2\n", "a: [1\n", "a: b: c\n"]


def same_graph(text: str) -> None:
    ours, theirs = compose(text, "t.yaml"), yaml.compose(text, Loader=yaml.SafeLoader)
    if theirs is None:
        assert ours is None
        return
    assert ours is not None
    assert yaml.serialize(ours) == yaml.serialize(theirs)
    assert (ours.start_mark.line, ours.end_mark.line) == (theirs.start_mark.line, theirs.end_mark.line)


@pytest.mark.parametrize("name", ["roles.yaml", "sizing.yaml", "tests/fixtures/roles/valid.yaml"])
def test_the_data_files_compose_exactly_as_pyyaml_composes_them(name: str) -> None:
    same_graph((ROOT / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("text", TRICKY)
def test_tags_anchors_merge_keys_and_complex_keys_compose_as_pyyaml_does(text: str) -> None:
    if text.startswith("loop"):  # a cycle: yaml.serialize cannot write it; compare the shape instead
        node = compose(text, "t.yaml")
        assert node is not None and node.value[0][1].value[0] is node.value[0][1]
        return
    same_graph(text)


@pytest.mark.parametrize("text", ERRORS)
def test_syntax_errors_are_pyyamls_own(text: str) -> None:
    with pytest.raises(yaml.YAMLError) as theirs:
        yaml.compose(text, Loader=yaml.SafeLoader)
    with pytest.raises(yaml.YAMLError) as ours:
        compose(text, "t.yaml")
    assert str(ours.value) == str(theirs.value)


def nested(levels: int) -> str:
    return "[" * levels + "]" * levels


def test_nesting_up_to_the_limit_is_read_and_one_more_level_is_not() -> None:
    assert compose(nested(MAX_DEPTH), "t.yaml") is not None
    with pytest.raises(BudgetExceeded) as caught:
        compose(nested(MAX_DEPTH + 1), "t.yaml")
    problem = caught.value.problem
    assert (problem.line, problem.column) == (1, MAX_DEPTH + 1)
    assert f"(limit {MAX_DEPTH} levels)" in problem.message


def test_a_hundred_thousand_levels_stop_at_once_without_recursion() -> None:
    started = time.monotonic()
    doc = parse_yaml(nested(100_000), "roles.yaml")
    assert time.monotonic() - started < 5
    assert [str(p) for p in doc.problems] == [
        f"roles.yaml:1:{MAX_DEPTH + 1}: mappings and lists nest {MAX_DEPTH + 1} levels deep here "
        f"(limit {MAX_DEPTH} levels)"
    ]


def test_depth_counts_what_an_alias_brings_in() -> None:
    inner = MAX_DEPTH // 2
    fits = f"a: &a {nested(inner)}\nb: {'[' * (MAX_DEPTH - inner - 1)}*a{']' * (MAX_DEPTH - inner - 1)}\n"
    assert compose(fits, "t.yaml") is not None
    too_deep = f"a: &a {nested(inner)}\nb: {'[' * (MAX_DEPTH - inner)}*a{']' * (MAX_DEPTH - inner)}\n"
    with pytest.raises(BudgetExceeded, match=r"alias \*a nests mappings and lists 33 levels deep"):
        compose(too_deep, "t.yaml")


def test_anchor_and_alias_counts() -> None:
    anchors = "".join(f"a{n}: &a{n} x\n" for n in range(MAX_ANCHORS))
    assert compose(anchors, "t.yaml") is not None
    with pytest.raises(BudgetExceeded, match="more than 200 anchors"):
        compose(anchors + "z: &z x\n", "t.yaml")
    aliases = "a: &a x\nb: [" + ", ".join(["*a"] * MAX_ALIASES) + "]\n"
    assert compose(aliases, "t.yaml") is not None
    with pytest.raises(BudgetExceeded, match="more than 1,000 aliases"):
        compose(aliases.replace("[", "[*a, ", 1), "t.yaml")


def test_expanded_values_are_counted_before_anything_is_built() -> None:
    # the mapping, 3 keys, the list and its n items, the alias (n + 1 again), a list of one: 2n + 8 values
    n = (MAX_NODES - 8) // 2
    exactly = "a: &a [" + ", ".join(["x"] * n) + "]\nb: *a\nc: [x]\n"
    assert 2 * n + 8 == MAX_NODES
    assert compose(exactly, "t.yaml") is not None
    with pytest.raises(BudgetExceeded, match="more than 100,000 values") as caught:
        compose(exactly.replace("c: [x]", "c: [x, x]"), "t.yaml")
    assert (caught.value.problem.line, caught.value.problem.column) == (3, 8)
    started = time.monotonic()
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [" + ", ".join([f"*{chr(97 + n)}"] * 9) + "]\n" for n in range(20)
    )
    with pytest.raises(BudgetExceeded) as caught:
        compose(bomb, "t.yaml")
    assert caught.value.problem.line == 6  # the alias that crosses the limit (9**5 values), not the end
    assert time.monotonic() - started < 1


def test_long_numbers_are_refused_unread() -> None:
    doc = parse_yaml("a: 1" + ":1" * 200_000 + "\nb: 123\n", "t.yaml")
    assert [str(p) for p in doc.problems] == [
        "t.yaml:1:4: a: a number 400,001 characters long (limit 100 characters); quote it to make it text"
    ]
    assert doc.value == {"a": None, "b": 123}
    assert yamlbudget.number_too_long(yaml.ScalarNode("tag:yaml.org,2002:str", "1" * 500)) is None
