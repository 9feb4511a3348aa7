"""What the calculator page's Web Worker calls under Pyodide; JSON text in, JSON text out.

Standard library only. The worker loads this package and the site's data/*.json, then
calls :meth:`Calculator.run` on every change. Everything the page shows comes from here,
computed by the same engine the CLI and the build use.
"""

from __future__ import annotations

import json
from typing import Any

from .export import plan_to_csv, plan_to_markdown
from .fmt import fmt
from .playbook import playbook_from_json
from .result_html import render_result, role_links_for, summary_text
from .scenario import ScenarioError, parse_scenario, scenario_to_data
from .share import ShareLinkError, decode, encode
from .sizing.loading import roles_from_playbook, sizing_from_json
from .sizing.plan import size
from .sizing.plan_data import plan_to_data


class Calculator:
    """One instance per page visit: the validated data, ready to size scenarios."""

    def __init__(self, roles_json: str, sizing_json: str, lang: str, roles_prefix: str, methodology_link: str) -> None:
        self.playbook = playbook_from_json(json.loads(roles_json))
        self.model = sizing_from_json(json.loads(sizing_json), roles_from_playbook(self.playbook.roles))
        self.lang = lang
        self.links = role_links_for((r.id for r in self.playbook.roles), roles_prefix)
        self.methodology_link = methodology_link

    def run(self, scenario_json: str, page_url: str = "") -> str:
        """Size a scenario (JSON text); the result or a clear error, as JSON text."""
        try:
            scenario = parse_scenario(json.loads(scenario_json), self.model, file="form")
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
        data = plan_to_data(plan, self.model)
        return {
            "ok": True,
            "scenario": scenario_to_data(scenario),
            "fragment": fragment,
            "total_headcount": data["total_headcount"],
            "model_version": plan.model_version,
            "total_fte": fmt(plan.total_fte, plan.decimals),
            "summary": summary_text(plan, self.lang),
            "html": render_result(plan, self.model, self.lang, self.links, self.methodology_link),
            "csv": plan_to_csv(plan, self.model, self.lang),
            "markdown": plan_to_markdown(plan, self.model, self.lang, link),
            "plan": data,
        }
