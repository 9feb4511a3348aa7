"""Share links that open two plans: ``#scenario=<A>&vs=<B>``, B in the same encoding as A.

Kept apart from :mod:`.share` (which reads one scenario): the ``vs`` parameter is split off here,
A is decoded by :func:`.share.decode` whatever else its fragment carries, and B by the same function.
A malformed ``vs`` is a :class:`~.share.ShareLinkError` naming ``vs`` (reason ``compare``).
Standard library only.
"""

from __future__ import annotations

from .scenario import Scenario
from .share import PREFIX, SharedPlan, ShareLinkError, decode, encode, open_link, share_fragment
from .sizing.model import SizingModel
from .sizing.plan import Plan

VS = "vs="


def split_vs(fragment: str) -> tuple[str, str | None]:
    """``scenario=A&vs=B`` -> (``scenario=A``, ``B``); without ``vs``, (fragment, None)."""
    parts = fragment.lstrip("#").split("&")
    found = [p[len(VS) :] for p in parts if p.startswith(VS)]
    if len(found) > 1:
        raise ShareLinkError("the link names more than one plan B (vs=): keep one", "compare")
    rest = "&".join(p for p in parts if not p.startswith(VS))
    return rest, (found[0] if found else None)


def decode_vs(payload: str, model: SizingModel) -> Scenario:
    """Plan B of a link (the text after ``vs=``); a problem names ``vs``."""
    try:
        return decode(PREFIX + payload, model)
    except ShareLinkError as exc:
        detail = str(exc).replace("the scenario in the link", "it")
        raise ShareLinkError(f"vs (the plan B to compare with): {detail}", "compare") from None


def open_pair(fragment: str, model: SizingModel) -> tuple[SharedPlan, Scenario | None]:
    """Plan A as opened (with the model version and numbers its link carries) and, when the link has
    ``vs=``, plan B; raise :class:`ShareLinkError`."""
    rest, vs = split_vs(fragment)
    a = open_link(rest, model)
    return a, (decode_vs(vs, model) if vs is not None else None)


def decode_pair(fragment: str, model: SizingModel) -> tuple[Scenario, Scenario | None]:
    """The scenarios of plan A and (when the link has ``vs=``) plan B; raise :class:`ShareLinkError`."""
    a, b = open_pair(fragment, model)
    return a.scenario, b


def _vs_part(b: Scenario | None) -> str:
    return "" if b is None else f"&{VS}{encode(b)[len(PREFIX) :]}"


def encode_pair(a: Scenario, b: Scenario | None) -> str:
    """The fragment (without ``#``) opening ``a``, compared with ``b`` when given (scenarios only)."""
    return encode(a) + _vs_part(b)


def pair_fragment(plan: Plan, b: Scenario | None) -> str:
    """The share link's fragment: ``plan`` with its model version and numbers (:func:`.share.share_fragment`),
    compared with ``b`` when given."""
    return share_fragment(plan) + _vs_part(b)


def vs_of_url(url: str, model: SizingModel) -> Scenario | None:
    """Plan B of the page's current address, if it has a valid one (the form then keeps comparing)."""
    _, _, fragment = url.partition("#")
    try:
        _, vs = split_vs(fragment)
        return decode_vs(vs, model) if vs is not None else None
    except ShareLinkError:
        return None
