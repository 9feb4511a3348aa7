"""New-media team playbook: load and validate the data, size a team, render the site's pages.

How the data becomes a site and a calculator::

    roles.yaml, sizing.yaml
        |  datafiles/   read with PyYAML, every value with its line  (build time)
        v
    engine/  validate into frozen objects (schema, playbook, sizing_data, scenario),
        |    size a scenario (sizing), render a plan (result_html, export, share)
        |    -- standard library only: the browser runs this folder as it is
        +--> pages/     Markdown for every generated page, the calculator page,
        |               "last updated" dates, Content-Security-Policy  (build time)
        |                 --> hooks/ (MkDocs) place them into the site
        +--> bundle.py  engine/ as data/calculator.zip
                          --> docs/assets/js/calc-worker.js (Pyodide) calls engine.browser

Commands: ``python -m calculator`` (``cli``: size a scenario), ``python -m calculator.check``
(``make check``), ``python -m calculator.linkcheck site`` (``make linkcheck``).
"""

__version__ = "0.1.0"
