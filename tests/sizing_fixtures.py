"""The real data files, loaded once for the sizing tests."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from calculator.datafiles.load import PANEL_FILE, load_panel, read_all
from calculator.engine.model import Text
from calculator.engine.scenario import Scenario, parse_scenario, scenario_to_data
from calculator.engine.sizing.plan import Plan, size
from tests.sitebuild import ROOT

PLAYBOOK, MODEL = read_all(ROOT)


@dataclass(frozen=True)
class PanelCase:
    id: str
    expected: tuple[int, int]
    basis: Text
    scenario: Scenario
    raw: dict[str, Any]


PANEL = [
    PanelCase(c.id, c.expected, c.basis, c.scenario, scenario_to_data(c.scenario))
    for c in load_panel(ROOT / PANEL_FILE, MODEL)
]


def plan_for(scenario: Scenario | dict[str, Any]) -> Plan:
    """The plan for a scenario given as JSON-like data or as a parsed scenario."""
    parsed = scenario if isinstance(scenario, Scenario) else parse_scenario(scenario, MODEL)
    return size(parsed, MODEL)
