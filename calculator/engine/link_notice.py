"""What the result says when a share link was made with another model version, or gave other numbers.

Standard library only. An old model cannot be rerun (the page has only today's ``sizing.yaml``), so
the notice states which version made the link, shows today's numbers next to the link's own and
names every position whose headcount changed (:class:`.share.LinkCheck`).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .fmt import fmt
from .html import element
from .share import LinkCheck
from .sizing.model import SizingModel

TEXT: dict[str, dict[str, str]] = {
    "zh": {
        "unversioned": "这个链接没有注明由哪一版模型算出（较早的链接都不注明）。下面是当前模型 {now} 算出的数字，可能与当时看到的不同。",
        "other_model": "这个链接由模型 {then} 生成；旧版模型无法重算，下面是当前模型 {now} 算出的数字。",
        "same_model": "这个链接由当前模型 {now} 生成，但模型的参数之后调整过，数字与当时不同。",
        "numbers": "链接生成时：{then_n} 人（{then_fte} FTE）；现在：{now_n} 人（{now_fte} FTE）。",
        "same_numbers": "总人数和各职位人数与链接生成时相同。",
        "no_numbers": "链接没有记录当时的数字，无法逐项比较。",
        "changed": "人数有变化的职位：",
        "change": "{title}：{then} → {now} 人",
        "join": "、",
    },
    "en": {
        "unversioned": "This link does not say which model version made it (older links do not). Below are the numbers of the current model {now}; they may differ from what the link showed.",
        "other_model": "This link was made with model {then}; an old model cannot be rerun, so below are the numbers of the current model {now}.",
        "same_model": "This link was made with the current model {now}, but the model's parameters have changed since: the numbers differ.",
        "numbers": "When the link was made: {then_n} people ({then_fte} FTE); now: {now_n} people ({now_fte} FTE).",
        "same_numbers": "The team size and every position's headcount are as they were when the link was made.",
        "no_numbers": "The link does not carry the numbers it showed, so they cannot be compared.",
        "changed": "Positions whose headcount changed:",
        "change": "{title}: {then} → {now} people",
        "join": " + ",
    },
}


def _position(model: SizingModel, key: str, lang: str) -> str:
    """A position named by its roles (a link may name a role this playbook no longer has: then its id)."""
    known = {role.id: role.name[lang] for role in model.roles}
    return TEXT[lang]["join"].join(known.get(role, role) for role in key.split("+"))


def notice_sentences(check: LinkCheck, model: SizingModel, lang: str, decimals: int) -> list[str]:
    """The notice as sentences: which model made the link, then its numbers against today's."""
    t = TEXT[lang]
    if check.made_with is None:
        lines = [t["unversioned"].format(now=check.model_version)]
    elif check.made_with != check.model_version:
        lines = [t["other_model"].format(then=check.made_with, now=check.model_version)]
    else:
        lines = [t["same_model"].format(now=check.model_version)]
    then, now = check.then, check.now
    if then is None:
        lines.append(t["no_numbers"])
    elif not check.numbers_differ:
        lines.append(t["same_numbers"])
    else:
        lines.append(
            t["numbers"].format(
                then_n=then.headcount,
                then_fte=fmt(then.fte, decimals),
                now_n=now.headcount,
                now_fte=fmt(now.fte, decimals),
            )
        )
    return lines


def notice_changes(check: LinkCheck, model: SizingModel, lang: str) -> list[str]:
    """One line per position whose headcount changed since the link was made."""
    t = TEXT[lang]
    return [
        t["change"].format(title=_position(model, key, lang), then=then, now=now)
        for key, then, now in check.position_changes
    ]


def render_notice(parent: ET.Element, check: LinkCheck, model: SizingModel, lang: str, decimals: int) -> None:
    """The notice as a note at the top of the result."""
    box = element(parent, "div", None, class_="calc-link-notice", role="note")
    for sentence in notice_sentences(check, model, lang, decimals):
        element(box, "p", sentence)
    changes = notice_changes(check, model, lang)
    if changes:
        element(box, "p", TEXT[lang]["changed"])
        items = element(box, "ul")
        for line in changes:
            element(items, "li", line)
