"""What the calculator's Pyodide memory snapshot holds: the validated data and warmed calculators.

Made at build time in Node (``calculator/snapshot.mjs``): Pyodide starts, unpacks the engine, and
:func:`prepare` parses the data once per page and runs every entry point once, so every module the
page will use is imported. ``pyodide.makeMemorySnapshot()`` then saves the interpreter's memory.
The Web Worker restores it and asks :meth:`Prepared.calculator` for its page's calculator: ready at
once, with no engine or data files to fetch and no Python start-up to wait for.

A snapshot is memory only, not files: after a restore the virtual file system is new. So nothing
here may import later. :func:`prepare` also drops the import system's cached view of the standard
library's zip, so the worker may give Pyodide an empty archive instead of the 2.5 MB one; an import
that the warm-up missed then fails as a plain ``ModuleNotFoundError`` (the page falls back), never
by reading a stale archive.
"""

from __future__ import annotations

import importlib
import json
import linecache
import sys
import zipimport

from .browser import Calculator

#: the pages the site serves: (language, roles prefix, methodology link) as calculator_page.py sets them
PAGES = (("zh", "../roles/", "../methodology/"), ("en", "../roles/", "../methodology/"))


class Prepared:
    """The data of one build, parsed and validated, and a calculator per page, in a snapshot."""

    def __init__(self, name: str, roles_json: str, sizing_json: str) -> None:
        self.name = name  # the snapshot's file name, which names its build's inputs
        self.roles_json = roles_json
        self.sizing_json = sizing_json
        self.calculators: dict[tuple[str, str, str], Calculator] = {}
        self.modules: frozenset[str] = frozenset()

    def calculator(self, lang: str, roles_prefix: str, methodology_link: str) -> Calculator:
        """The calculator for one page (made now if the page's links differ from :data:`PAGES`)."""
        key = (lang, roles_prefix, methodology_link)
        if key not in self.calculators:
            self.calculators[key] = Calculator(self.roles_json, self.sizing_json, lang, roles_prefix, methodology_link)
        return self.calculators[key]

    def new_modules(self) -> list[str]:
        """Modules imported since :func:`prepare` (none, if the warm-up reached every path)."""
        return sorted(set(sys.modules) - self.modules)


def _warm(calculator: Calculator) -> None:
    """Every entry point and every answer kind once: a plan, exports, field errors, bad JSON, bad links."""
    calculator.run("{}", "http://localhost/calculator/")
    calculator.run('{"channels": {"nope": {}}}')
    calculator.run("[")
    calculator.run_form('{"fields": {"comments_per_week": "1,5"}, "goals": ["conversion"]}')
    calculator.run_form('{"fields": {}, "formats": {"bilibili": "long"}}')
    calculator.run_form("{}")
    calculator.open_link("scenario=e30", "http://localhost/calculator/")
    calculator.open_link("scenario=%%%")
    calculator.open_link("nothing")
    # the founder's plan (cost by tier, people already there, plan B) and what waits for the QR encoder
    founder = json.loads(calculator.run('{"city_tier": "tier2", "existing_team": {"content": 1}}'))
    pair = f"{founder['fragment']}&vs={founder['fragment'].split('&')[0].removeprefix('scenario=')}"
    calculator.open_link(pair, "http://localhost/calculator/")
    calculator.open_link("scenario=e30&vs=%%%")
    calculator.extras(pair, "http://localhost/calculator/")
    calculator.extras("nothing")


def prepare(name: str, roles_json: str, sizing_json: str) -> Prepared:
    """Parse the data for every page, warm each calculator, and forget the stdlib archive's index."""
    prepared = Prepared(name, roles_json, sizing_json)
    for lang, roles_prefix, methodology_link in PAGES:
        _warm(prepared.calculator(lang, roles_prefix, methodology_link))
    importlib.invalidate_caches()  # first: it may import (importlib.metadata's finder), which fills the caches
    linecache.clearcache()
    getattr(zipimport, "_zip_directory_cache", {}).clear()  # the archive may differ after a restore
    sys.path_importer_cache.clear()
    prepared.modules = frozenset(sys.modules)
    return prepared
