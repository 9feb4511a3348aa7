"""The collaboration map as SVG and HTML drawn at build time from roles.yaml (no diagram library).

- :func:`full_map`: every role on an ellipse, one curved arrow per link, each node a link to
  its role page; drawn only up to :data:`MAP_LIMIT` roles (beyond that it would be unreadable,
  and the page points to the per-role views and the list of links instead).
- :func:`role_map`: one role's "who I work with": who provides to it on the left, whom it
  provides to on the right. Its size follows that role's links only, never the team's size.
- :func:`matrix`: who provides to whom as a table whose cells are links with real names;
  also only up to :data:`MAP_LIMIT` roles (it grows with the square of the roles).

Every text is set by ElementTree (escaped); the HTML is placed into the page after Markdown ran.
"""

from __future__ import annotations

import math
import posixpath
import unicodedata
import xml.etree.ElementTree as ET

from ..engine.html import element
from ..engine.model import Link, Playbook, Role

#: the full map and the matrix are drawn up to this many roles; per-role views always
MAP_LIMIT = 24

_FONT = 13  # px, node labels
_PAD = 10


def page_url(src_from: str, src_to: str, use_directory_urls: bool, fragment: str = "") -> str:
    """A relative link between two pages given by their docs-relative Markdown paths."""

    def dest(src: str) -> str:
        stem = src[: -len(".md")]
        if not use_directory_urls:
            return stem + ".html"
        if stem == "index" or stem.endswith("/index"):
            return stem[: -len("index")]
        return stem + "/"

    here, there = dest(src_from), dest(src_to)
    base = posixpath.dirname(here) if not here.endswith("/") else here.rstrip("/")
    rel = posixpath.relpath(there or ".", base or ".")
    if there.endswith("/") and not rel.endswith("/"):
        rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{fragment}" if fragment else "")


def _width(text: str) -> float:
    """Rough rendered width of ``text`` at the label size (wide CJK glyphs count double)."""
    return sum(_FONT if unicodedata.east_asian_width(c) in "WF" else _FONT * 0.58 for c in text)


def _lines(text: str, limit: float = 130) -> list[str]:
    """``text`` wrapped at spaces into lines of about ``limit`` px (at most two lines)."""
    words, lines = text.split(), [""]
    for word in words:
        trial = f"{lines[-1]} {word}".strip()
        if _width(trial) > limit and lines[-1] and len(lines) < 2:
            lines.append(word)
        else:
            lines[-1] = trial
    return lines


class _Node:
    def __init__(self, role: Role, lang: str, x: float, y: float) -> None:
        self.role, self.x, self.y = role, x, y
        self.lines = _lines(role.name[lang])
        self.w = max(_width(line) for line in self.lines) + 2 * _PAD
        self.h = len(self.lines) * (_FONT + 4) + _PAD

    def edge_point(self, tx: float, ty: float, gap: float = 4) -> tuple[float, float]:
        """Where the straight line from this node's centre towards (tx, ty) leaves its box."""
        dx, dy = tx - self.x, ty - self.y
        if dx == dy == 0:
            return self.x, self.y
        scale = min((self.w / 2 + gap) / abs(dx) if dx else math.inf, (self.h / 2 + gap) / abs(dy) if dy else math.inf)
        return self.x + dx * scale, self.y + dy * scale


def _svg(width: float, height: float, label: str, css: str) -> ET.Element:
    svg = ET.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "viewBox": f"0 0 {width:.0f} {height:.0f}",
            "class": css,
            "role": "img",
            "aria-label": label,
            "data-search-exclude": "",  # the role pages and the list of links hold these texts for search
        },
    )
    defs = element(svg, "defs")
    marker = element(
        defs,
        "marker",
        None,
        id=f"{css}-arrow",
        viewBox="0 0 10 10",
        refX="9",
        refY="5",
        markerWidth="7",
        markerHeight="7",
        orient="auto-start-reverse",
    )
    element(marker, "path", None, d="M0,0 L10,5 L0,10 z", class_="collab-arrow")
    return svg


def _node(parent: ET.Element, node: _Node, href: str, title: str, current: bool = False) -> None:
    # xlink:href, not href: Material's instant navigation rewrites every a[href], which an SVG link refuses
    link = element(parent, "a", None, class_="collab-node" + (" collab-node--current" if current else ""))
    link.set("xlink:href", href)
    element(link, "title", title)
    element(
        link,
        "rect",
        None,
        x=f"{node.x - node.w / 2:.1f}",
        y=f"{node.y - node.h / 2:.1f}",
        width=f"{node.w:.1f}",
        height=f"{node.h:.1f}",
        rx="6",
    )
    top = node.y - (len(node.lines) - 1) * (_FONT + 4) / 2
    for i, line in enumerate(node.lines):
        element(link, "text", line, x=f"{node.x:.1f}", y=f"{top + i * (_FONT + 4):.1f}")


def _edge(parent: ET.Element, a: _Node, b: _Node, link: Link, lang: str, css: str, bend: float) -> None:
    (x1, y1), (x2, y2) = a.edge_point(b.x, b.y), b.edge_point(a.x, a.y)
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2
    length = math.hypot(x2 - x1, y2 - y1) or 1
    cx, cy = mx - (y2 - y1) / length * bend, my + (x2 - x1) / length * bend  # to the left of travel
    kind = "collab-edge collab-edge--addition" if link.playbook_addition else "collab-edge"
    path = element(
        parent,
        "path",
        None,
        d=f"M{x1:.1f},{y1:.1f} Q{cx:.1f},{cy:.1f} {x2:.1f},{y2:.1f}",
        class_=kind,
        marker_end=f"url(#{css}-arrow)",
    )
    sep = "：" if lang == "zh" else ": "
    element(path, "title", f"{a.role.name[lang]} → {b.role.name[lang]}{sep}{link.flows[lang]}")


def full_map(playbook: Playbook, lang: str, here: str, role_src: dict[str, str], use_dir: bool, label: str) -> str:
    """The whole team's map as inline SVG ("" above :data:`MAP_LIMIT` roles)."""
    roles = playbook.roles
    if len(roles) > MAP_LIMIT or not roles:
        return ""
    probe = [_Node(r, lang, 0, 0) for r in roles]
    widest, tallest = max(n.w for n in probe), max(n.h for n in probe)
    rx = max(260.0, len(roles) * (widest + 12) / (2 * math.pi) * 1.15)
    ry = max(200.0, rx * 0.7)
    width, height = 2 * rx + widest + 20, 2 * ry + tallest + 20
    nodes = {}
    for i, role in enumerate(roles):
        angle = -math.pi / 2 + 2 * math.pi * i / len(roles)
        nodes[role.id] = _Node(role, lang, width / 2 + rx * math.cos(angle), height / 2 + ry * math.sin(angle))
    svg = _svg(width, height, label, "collab-map")
    groups = {r.id: element(svg, "g", None, class_="collab-group") for r in roles}
    for link in playbook.links:
        _edge(groups[link.source], nodes[link.source], nodes[link.target], link, lang, "collab-map", 18)
    for role in roles:
        href = page_url(here, role_src[role.id], use_dir)
        _node(groups[role.id], nodes[role.id], href, f"{role.name[lang]}: {role.tagline[lang]}")
    return ET.tostring(svg, encoding="unicode", method="html")


def role_map(playbook: Playbook, role: Role, lang: str, here: str, role_src: dict[str, str], use_dir: bool) -> str:
    """One role's collaborators: providers on the left, receivers on the right, the role in the middle."""
    outgoing, incoming = playbook.links_of(role.id)
    if not outgoing and not incoming:
        return ""
    rows = max(len(outgoing), len(incoming), 1)
    others = [playbook.role(link.target) for link in outgoing] + [playbook.role(link.source) for link in incoming]
    step = max(_Node(o, lang, 0, 0).h for o in others) + 10
    height = rows * step + 24
    width = 720
    centre = _Node(role, lang, width / 2, height / 2)
    label = f"{role.name[lang]}: " + ("协作关系图" if lang == "zh" else "who this role works with")
    svg = _svg(width, height, label, "collab-role")
    for side, links, x in (("in", incoming, 110.0), ("out", outgoing, width - 110.0)):
        top = (height - len(links) * step) / 2 + step / 2
        for i, link in enumerate(links):
            other = playbook.role(link.source if side == "in" else link.target)
            node = _Node(other, lang, x, top + i * step)
            a, b = (node, centre) if side == "in" else (centre, node)
            _edge(svg, a, b, link, lang, "collab-role", 0)
            _node(svg, node, page_url(here, role_src[other.id], use_dir), f"{other.name[lang]}: {other.tagline[lang]}")
    _node(svg, centre, "#collaboration", role.name[lang], current=True)
    return ET.tostring(svg, encoding="unicode", method="html")


def matrix(playbook: Playbook, lang: str, here: str, role_src: dict[str, str], use_dir: bool) -> str:
    """Who provides to whom as an HTML table ("" above :data:`MAP_LIMIT` roles)."""
    roles = playbook.roles
    if len(roles) > MAP_LIMIT:
        return ""
    zh = lang == "zh"
    pairs = {(link.source, link.target) for link in playbook.links}
    wrap = ET.Element("div", {"class": "md-typeset__table collab-matrix", "data-search-exclude": ""})
    table = element(wrap, "table")
    element(table, "caption", "行是提供方，列是接收方" if zh else "Rows provide, columns receive")
    head = element(element(table, "thead"), "tr")
    element(head, "th", "提供方 \\ 接收方" if zh else "From \\ To", scope="col")
    for r in roles:
        th = element(head, "th", None, scope="col")
        element(th, "a", r.name[lang], href=page_url(here, role_src[r.id], use_dir))
    body = element(table, "tbody")
    for source in roles:
        row = element(body, "tr")
        th = element(row, "th", None, scope="row")
        element(th, "a", source.name[lang], href=page_url(here, role_src[source.id], use_dir))
        for target in roles:
            cell = element(row, "td")
            if (source.id, target.id) in pairs:
                href = page_url(here, role_src[source.id], use_dir, f"to-{target.id}")
                a = element(cell, "a", None, href=href, class_="collab-matrix__link")
                element(a, "span", "●", aria_hidden="true")
                element(a, "span", f"{source.name[lang]} → {target.name[lang]}", class_="playbook-sr")
    return ET.tostring(wrap, encoding="unicode", method="html")
