"""calibration.yaml: the panel of realistic scenarios the sizing model is checked against.

Each scenario has the headcount range a practitioner expects and why. The panel runs as a test
and the methodology page shows it beside the model's result, so users see how the model was checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..engine.errors import DataError, Problem
from ..engine.model import Text
from ..engine.scenario import Scenario, scenario_problems
from ..engine.schema import INVALID, Field, Id, ListOf, LocalText, Number, Obj, Reporter, Spec, validate
from ..engine.sizing.loading import Within
from ..engine.sizing.model import SizingModel
from ..engine.sizing.specs import Passthrough

FILE_NAME = "calibration.yaml"
TEXT = LocalText(build=Text)


@dataclass(frozen=True)
class Case:
    id: str
    name: Text
    scenario: Scenario
    expected: tuple[int, int]
    basis: Text


@dataclass(frozen=True)
class _Range(Spec):
    kind = "range [low, high]"

    def check(self, value: Any, path: Any, ctx: Any) -> Any:
        checked = ListOf(Number(minimum=0, maximum=100000, integer=True), min_items=2, max_items=2).check(
            value, path, ctx
        )
        if checked is INVALID:
            return INVALID
        if checked[0] > checked[1]:
            ctx.report(path, f"low {checked[0]} is above high {checked[1]} (allowed: [low, high] with low <= high)")
            return INVALID
        return (checked[0], checked[1])

    def example(self) -> Any:
        return [1, 2]


CASE = Obj(
    "calibration scenario",
    (
        Field("id", Id(), ("场景 id", "scenario id")),
        Field("name", TEXT, ("场景名称", "scenario name")),
        Field("scenario", Passthrough(), ("场景（与分享链接相同的字段）", "the scenario (the share link's fields)")),
        Field("expected", _Range(), ("预期人数范围 [低, 高]", "expected headcount [low, high]")),
        Field("basis", TEXT, ("依据：出处或经验法则", "why: a source or a named rule of thumb")),
    ),
)
PANEL = Obj(
    "calibration panel",
    (
        Field("schema_version", Number(minimum=1, maximum=1, integer=True), ("文件格式版本", "file format version")),
        Field("scenarios", ListOf(CASE, min_items=1, unique=("id",)), ("校准场景", "calibration scenarios")),
    ),
)


def panel_from_data(raw: Any, where: Reporter, model: SizingModel) -> tuple[Case, ...]:
    """Validate the panel; every scenario must be valid for ``model``; raise :class:`DataError` with every problem."""
    checked, problems = validate(PANEL, raw, where)
    cases: list[Case] = []
    if checked is not INVALID:
        for i, case in enumerate(checked["scenarios"]):
            scenario, found = scenario_problems(case["scenario"], model, Within(where, ("scenarios", i, "scenario")))
            problems += found
            if scenario is not None:
                cases.append(Case(case["id"], case["name"], scenario, case["expected"], case["basis"]))
    if problems:
        raise DataError(sorted(problems, key=lambda p: (p.line, p.column)) if problems else problems)
    return tuple(cases)


__all__ = ["Case", "FILE_NAME", "Problem", "panel_from_data"]
