"""New-media team playbook: load and validate the data, size a team, render pages.

Modules that the browser runs (under Pyodide) use the standard library only:
``errors``, ``schema``, ``model``, ``playbook``, ``sizing``, ``scenario``.
``source`` (PyYAML) and ``render`` (Jinja2) run at build time only.
"""

__version__ = "0.1.0"
