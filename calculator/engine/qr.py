"""QR codes of a plan's share link, by the one vendored package the engine may import: ``segno``.

segno is pure Python on the standard library (BSD licence); ``calculator/bundle.py`` ships its
installed files in the browser's zip next to the engine, so the page's Web Worker draws the same
code as the CLI and the build. ``tests/test_layout.py`` allows this import here and nowhere else.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from typing import Any

#: error correction "M" (15%): survives a crease or a smudge on a printed page
_ERROR = "m"


@functools.lru_cache(maxsize=4)
def _code(link: str) -> Any:
    """One encoding per link: the result's SVG and the Markdown's PNG of one plan share it.

    segno is imported here, on the first QR code, not with the engine: its import is a fifth of the
    engine's, and the page asks for the QR code only after the plan is on screen (the snapshot start
    has it imported already: ``prepared.py`` warms ``extras``).
    """
    import segno  # noqa: PLC0415

    return segno.make(link, error=_ERROR, micro=False)


def qr_svg(link: str, label: str) -> ET.Element:
    """The link's QR code as an inline ``<svg>`` element (no namespace prefix: HTML needs none)."""
    code = _code(link)
    # a white quiet zone and background: a code on a dark page (dark scheme) would not scan
    markup = code.svg_inline(
        scale=1, border=4, omitsize=True, svgclass="calc-qr__code", lineclass=None, dark="#000", light="#fff"
    )
    svg = ET.fromstring(markup)  # segno's inline SVG carries no xmlns, so the tags stay plain "svg"/"path"
    svg.set("role", "img")
    svg.set("aria-label", label)
    return svg


def qr_png_data_uri(link: str) -> str:
    """The link's QR code as a ``data:image/png;base64,...`` URI, for a Markdown image.

    PNG rather than SVG: Markdown tools and editors that show data-URI images show PNG; several
    refuse SVG ones (an SVG can hold a script).
    """
    return str(_code(link).png_data_uri(scale=4, border=4))
