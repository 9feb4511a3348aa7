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
from .fmt import fmt
from .forminput import read_form
from .founder_data import founder_data
from .playbook import playbook_from_json
from .result_html import ResultRenderer, role_links_for, summary_text
from .scenario import ScenarioError, parse_scenario, scenario_spec, scenario_to_data
from .share import SharedPlan, ShareLinkError, check_link
from .share_compare import open_pair, pair_fragment, vs_of_url
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
        #: the last plan shown (its fragment, plan and plan B): :meth:`extras` asks for that plan right
        #: after, and sizing it again doubled the worker's time per keystroke under Pyodide
        self._shown: tuple[str, Any, Any] | None = None

    def run(self, scenario_json: str, page_url: str = "") -> str:
        """Size a scenario (JSON text); the result or a clear error, as JSON text."""
        try:
            scenario = parse_scenario(strictjson.loads(scenario_json), self.model, file="form")
        except strictjson.JSONInputError as exc:  # within the same budget as a share link or the CLI
            return json.dumps({"ok": False, "errors": [{"path": "", "message": exc.message}]})
        except ScenarioError as exc:
            return json.dumps({"ok": False, "errors": [{"path": p.path, "message": p.message} for p in exc.problems]})
        return json.dumps(self._result(scenario, page_url, vs_of_url(page_url, self.model)), ensure_ascii=False)

    def run_form(self, form_json: str, page_url: str = "") -> str:
        """Size what the form says: ``{"fields": {name: text as typed}, "goals": [...]}`` (JSON text).

        A field that cannot be read exactly comes back in ``fields`` with a message in the page's
        language (see :mod:`calculator.forminput`); otherwise as :meth:`run`.
        """
        try:
            form = strictjson.loads(form_json)
        except strictjson.JSONInputError as exc:
            return json.dumps({"ok": False, "errors": [{"path": "", "message": exc.message}]})
        fields = form.get("fields") if isinstance(form, dict) else None
        if not isinstance(fields, dict):
            return json.dumps({"ok": False, "errors": [{"path": "", "message": "expected the form's fields"}]})
        raw, problems = read_form(fields, scenario_spec(self.model), self.lang)
        if problems:
            found = [{"name": p.name, "message": p.message} for p in problems]
            return json.dumps({"ok": False, "fields": found}, ensure_ascii=False)
        if form.get("goals"):
            raw["goals"] = form["goals"]
        choices = form.get("choices")
        for name, chosen in (choices if isinstance(choices, dict) else {}).items():
            raw[name] = chosen  # a select's value (city_tier): the scenario's schema checks it
        formats = form.get("formats")
        for channel, chosen in (formats if isinstance(formats, dict) else {}).items():
            entry = raw.get("channels", {}).get(channel)
            if isinstance(entry, dict) and entry.get("posts_per_week"):  # a format only counts with posts
                entry["format"] = chosen
        return self.run(json.dumps(raw), page_url)

    def open_link(self, fragment: str, page_url: str = "") -> str:
        """Open a share link's fragment (``&vs=`` opens plan B beside it); on a bad link, say why."""
        try:
            shared, vs = open_pair(fragment, self.model)
        except ShareLinkError as exc:
            return json.dumps({"ok": False, "link_error": str(exc), "link_reason": exc.reason})
        return json.dumps(self._result(shared.scenario, page_url, vs, shared), ensure_ascii=False)

    def extras(self, fragment: str, page_url: str = "") -> str:
        """What waits for the QR encoder (tens of ms): the link section with its QR code, and the Markdown.

        Asked for by the page once a plan is on screen, with that plan's ``fragment``; as JSON text.
        """
        try:
            shared, vs_scenario = open_pair(fragment, self.model)
        except ShareLinkError as exc:
            return json.dumps({"ok": False, "link_error": str(exc), "link_reason": exc.reason})
        if self._shown is not None and self._shown[0] == fragment:
            _, plan, vs = self._shown
        else:
            plan = size(shared.scenario, self.model)
            vs = size(vs_scenario, self.model) if vs_scenario is not None else None
            fragment = pair_fragment(plan, vs_scenario)
        link = f"{page_url.split('#')[0]}#{fragment}"
        return json.dumps(
            {
                "ok": True,
                "fragment": fragment,
                "link_html": self._renderer().link_html(link),
                "markdown": plan_to_markdown(plan, self.model, self.lang, link, vs),
            },
            ensure_ascii=False,
        )

    def _renderer(self) -> ResultRenderer:
        return ResultRenderer(self.model, self.lang, self.links, self.methodology_link)

    def _result(
        self, scenario: Any, page_url: str, vs_scenario: Any = None, shared: SharedPlan | None = None
    ) -> dict[str, Any]:
        plan = size(scenario, self.model)
        vs = size(vs_scenario, self.model) if vs_scenario is not None else None
        check = check_link(shared, plan) if shared else None
        fragment = pair_fragment(plan, vs_scenario)
        self._shown = (fragment, plan, vs)
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
            "html": self._renderer().render(plan, link, check, qr=False, vs=vs),
            "csv": plan_to_csv(plan, self.model, self.lang, link, vs),
            "plan": data | founder_data(plan, self.model, vs),
            "compare_total_headcount": vs.total_headcount if vs is not None else None,
            "link_changed": check is not None,
        }
