"""The engine: everything the calculator page's Web Worker runs under Pyodide, and the build and CLI too.

Standard library only, importing nothing outside this folder (``tests/test_layout.py`` checks it):
``calculator/bundle.py`` zips this folder whole for the browser.

- ``errors``, ``fmt``, ``html``, ``strictjson``: problems reported all at once, the one number
  formatter, escaped HTML, hostile-proof JSON;
- ``schema``: the spec classes that validate data, export it back to JSON and document it;
- ``model`` + ``playbook``: roles.yaml's objects and specs; ``sizing_data``: sizing.yaml's;
- ``scenario``: what a visitor asks for; ``sizing``: scenario + model -> plan;
- ``share``, ``export``, ``result_html``: a plan as a link, as CSV/Markdown, as HTML;
- ``browser``: the Web Worker's entry point (JSON text in, JSON text out).
"""
