"""What the calculator page's Web Worker calls under Pyodide; JSON text in, JSON text out.

Standard library only. The worker loads this package and the site's data/*.json, then
calls :meth:`Calculator.run` on every change. Everything the page shows comes from here,
computed by the same engine the CLI and the build use.
"""

from __future__ import annotations

import json
from typing import Any

from . import strictjson
from .export import plan_to_csv, plan_to_markdown
from .playbook import playbook_from_json
from .render.result import render_result, role_links_for, summary_text
from .scenario import ScenarioError, parse_scenario, scenario_to_data
from .share import ShareLinkError, decode, encode
from .sizing import fmt, plan_to_data, size
from .sizing_data import sizing_from_json


class Calculator:
    """One instance per page visit: the validated data, ready to size scenarios."""

    def __init__(self, roles_json: str, sizing_json: str, lang: str, roles_prefix: str, methodology_link: str) -> None:
        self.playbook = playbook_from_json(json.loads(roles_json))
        self.model = sizing_from_json(json.loads(sizing_json), role_ids=[r.id for r in self.playbook.roles])
        self.lang = lang
        self.links = role_links_for((r.id for r in self.playbook.roles), roles_prefix)
        self.methodology_link = methodology_link

    def run(self, scenario_json: str, page_url: str = "") -> str:
        """Size a scenario (JSON text); the result or a clear error, as JSON text."""
        try:
            scenario = parse_scenario(strictjson.loads(scenario_json), self.model, file="form")
        except strictjson.JSONInputError as exc:  # within the same budget as a share link or the CLI
            return json.dumps({"ok": False, "errors": [{"path": "", "message": exc.message}]})
        except ScenarioError as exc:
            return json.dumps({"ok": False, "errors": [{"path": p.path, "message": p.message} for p in exc.problems]})
        return json.dumps(self._result(scenario, page_url), ensure_ascii=False)

    def open_link(self, fragment: str, page_url: str = "") -> str:
        """Open a share link's fragment; on a bad link, say why (the page then shows the default)."""
        try:
            scenario = decode(fragment, self.model)
        except ShareLinkError as exc:
            return json.dumps({"ok": False, "link_error": str(exc), "link_reason": exc.reason})
        return json.dumps(self._result(scenario, page_url), ensure_ascii=False)

    def _result(self, scenario: Any, page_url: str) -> dict[str, Any]:
        plan = size(scenario, self.model)
        fragment = encode(scenario)
        link = f"{page_url.split('#')[0]}#{fragment}" if page_url else ""
        data = plan_to_data(plan)
        return {
            "ok": True,
            "scenario": scenario_to_data(scenario),
            "fragment": fragment,
            "total_headcount": data["total_headcount"],
            "total_fte": fmt(plan.total_fte, plan.decimals),
            "summary": summary_text(plan, self.lang),
            "html": render_result(plan, self.lang, self.links, self.methodology_link),
            "csv": plan_to_csv(plan, self.lang),
            "markdown": plan_to_markdown(plan, self.lang, link),
            "plan": data,
        }
