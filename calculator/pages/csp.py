"""A Content-Security-Policy for every built page, as a ``<meta>`` tag.

Scripts run only from the site's own files and from the theme's inline scripts named by their
SHA-256 hashes: an inline event handler, a ``javascript:`` URL or a script element injected into
a page never runs, even if data text ever got through as markup. Nothing loads from another
origin. Pyodide needs ``'wasm-unsafe-eval'`` to compile WebAssembly.
"""

from __future__ import annotations

import base64
import hashlib
import re

# Executable inline scripts: no src attribute, and no type or a JavaScript type.
_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S | re.I)
_NOT_JS_TYPE = re.compile(r"""\stype\s*=\s*["']?(?!(?:text/javascript|module)["'\s>])""", re.I)
_HEAD = re.compile(r"<head[^>]*>", re.I)


def inline_script_hashes(html: str) -> list[str]:
    """CSP sources (``'sha256-...'``) for every executable inline script of ``html``, in order."""
    hashes: list[str] = []
    for m in _INLINE_SCRIPT.finditer(html):
        attrs = m.group("attrs") or ""
        if re.search(r"\ssrc\s*=", attrs, re.I) or _NOT_JS_TYPE.search(attrs):
            continue
        source = script_hash(m.group("body"))
        if source not in hashes:
            hashes.append(source)
    return hashes


def script_hash(body: str) -> str:
    """The CSP source (``'sha256-...'``) that allows the inline script ``body``."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(html: str) -> str:
    """The policy for one page: its own inline scripts by hash, everything else from 'self' only.

    No page has an inline script in its content: instant navigation would run it under the policy
    of the page the visit began on (tests/test_site.py checks it).
    """
    hashes = inline_script_hashes(html)
    scripts = " ".join(["'self'", "'wasm-unsafe-eval'", *hashes])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",  # the theme sets inline styles
            "img-src 'self' data:",  # the theme's icons are data: SVGs
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def with_policy(html: str) -> str:
    """``html`` with the policy's ``<meta>`` as the first element of ``<head>``."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    head = _HEAD.search(html)
    if head is None:
        raise ValueError("page has no <head>: cannot place its Content-Security-Policy")
    return html[: head.end()] + meta + html[head.end() :]
