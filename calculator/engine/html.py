"""HTML built with ElementTree, whose serializer escapes every text and attribute. Standard library only.

The calculator's result (in the browser and at build time) and its form (at build time) are built
with :func:`element`, so no data string can become markup.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

#: the class of every table in content. Material's script wraps tables without a class when a page
#: starts (a second style and layout of every cell); classed ones it leaves alone, and the site's
#: stylesheet gives this class Material's table styles (calculator/pages/tables.py)
TABLE_CLASS = "playbook-table"

# Characters XML 1.0 cannot hold: ElementTree would write them and fail to read them back.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` with anything XML cannot carry shown as U+FFFD (validation rejects such text already)."""
    return _NOT_XML.sub("\ufffd", text)


def element(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    """A child of ``parent``; ``class_`` and ``data_x`` keywords become ``class`` and ``data-x`` attributes."""
    node = ET.SubElement(parent, tag, {k.rstrip("_").replace("_", "-"): xml_safe(v) for k, v in attrs.items()})
    if text is not None:
        node.text = xml_safe(text)
    return node
