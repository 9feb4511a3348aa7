"""Share links: ``#scenario=`` + base64url of the scenario's canonical JSON.

Standard library only (the browser decodes links with this same code). A malformed or
tampered link becomes a :class:`ShareLinkError` with a message a person can act on.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from . import strictjson
from .scenario import Scenario, ScenarioError, parse_scenario, scenario_to_data
from .sizing.model import SizingModel

PREFIX = "scenario="
#: longer fragments are not scenarios this calculator produced (a canonical one is < 1 kB)
MAX_FRAGMENT = 8192


class ShareLinkError(ValueError):
    """A share link that cannot be opened: ``reason`` is one of :data:`REASONS`, for the page's wording."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


#: why a link fails: not ours, cut or padded, damaged in transit, or a scenario the engine refuses
REASONS = ("not_a_scenario", "length", "damaged", "invalid")


def scenario_json(scenario: Scenario) -> str:
    """Canonical JSON: compact, keys in the model's order, so one scenario has one link."""
    return json.dumps(scenario_to_data(scenario), ensure_ascii=False, separators=(",", ":"))


def encode(scenario: Scenario) -> str:
    """The fragment (without ``#``) that reopens ``scenario``."""
    raw = base64.urlsafe_b64encode(scenario_json(scenario).encode("utf-8")).decode("ascii")
    return PREFIX + raw.rstrip("=")


def decode(fragment: str, model: SizingModel) -> Scenario:
    """Open a share link's fragment (with or without ``#``); raise :class:`ShareLinkError`."""
    fragment = fragment.lstrip("#")
    if not fragment.startswith(PREFIX):
        raise ShareLinkError(f"the link does not carry a scenario (expected #{PREFIX}...)", "not_a_scenario")
    payload = fragment[len(PREFIX) :]
    if not payload or len(payload) > MAX_FRAGMENT:
        raise ShareLinkError(
            f"the scenario in the link is empty or too long (allowed: 1 to {MAX_FRAGMENT} characters)", "length"
        )
    try:
        # validate=True: a character outside base64url is damage, not something to skip
        raw = base64.b64decode(payload + "=" * (-len(payload) % 4), altchars=b"-_", validate=True)
        text = raw.decode("utf-8")
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise ShareLinkError("the scenario in the link is damaged (not base64url-encoded UTF-8)", "damaged") from None
    try:
        data: Any = strictjson.loads(text)
    except strictjson.JSONInputError as exc:
        raise ShareLinkError(f"the scenario in the link is damaged ({exc.message})", "damaged") from None
    try:
        return parse_scenario(data, model, file="link")
    except ScenarioError as exc:
        first = exc.problems[0]
        more = f" (and {len(exc.problems) - 1} more)" if len(exc.problems) > 1 else ""
        detail = f"{first.path}: {first.message}{more}" if first.path else f"{first.message}{more}"
        raise ShareLinkError(f"the scenario in the link is not valid: {detail}", "invalid") from None
