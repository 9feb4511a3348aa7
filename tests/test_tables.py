"""calculator/pages/tables.py: tables wrapped at build time as Material's script wraps them."""

from __future__ import annotations

from calculator.pages.tables import material_stylesheet, material_table_css, prewrap_tables

WRAP = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'


def test_a_table_without_a_class_is_wrapped_and_classed() -> None:
    html = "<p>x</p>\n<table>\n<thead><tr><th>a</th></tr></thead>\n</table>\n<p>y</p>"
    assert prewrap_tables(html) == (
        f'<p>x</p>\n{WRAP}<table class="playbook-table">\n<thead><tr><th>a</th></tr></thead>\n'
        "</table></div></div>\n<p>y</p>"
    )


def test_classed_tables_stay_as_they_are_and_nesting_is_followed() -> None:
    html = '<table class="calc-grid"><tr><td><table id="in"><tr><td>1</td></tr></table></td></tr></TABLE>'
    assert prewrap_tables(html) == (
        '<table class="calc-grid"><tr><td>'
        f'{WRAP}<table class="playbook-table" id="in"><tr><td>1</td></tr></table></div></div>'
        "</td></tr></TABLE>"
    )


def test_text_that_looks_like_a_table_is_not_touched() -> None:
    html = "<p>&lt;table&gt; in text</p><pre><code>&lt;/table&gt;</code></pre>中文"
    assert prewrap_tables(html) == html


def test_line_breaks_other_than_newline_do_not_shift_the_tags() -> None:
    """Text may hold U+2028, a form feed or CR LF; the parser counts lines by "\\n" alone."""
    html = "<p>a\u2028b\x0cc\r\nd</p>\n<table>\n<tr><td>1</td></tr></table><p>z</p>"
    assert prewrap_tables(html) == (
        "<p>a\u2028b\x0cc\r\nd</p>\n"
        f'{WRAP}<table class="playbook-table">\n<tr><td>1</td></tr></table></div></div><p>z</p>'
    )


def test_an_end_tag_without_a_start_is_kept() -> None:
    assert prewrap_tables("<p>a</p></table><table></table>") == (
        f'<p>a</p></table>{WRAP}<table class="playbook-table"></table></div></div>'
    )


def test_materials_table_rules_are_restated_with_at_rules_and_selector_lists() -> None:
    theme = (
        '@charset "UTF-8";.a{color:red}.md-typeset table:not([class]){display:inline-block}'
        "@media print{.md-typeset table:not([class]){display:table}.b{x:y}}"
        ".md-typeset table:not([class]) td,.c:is(.d,.e),.md-typeset table:not([class]) th{padding:1em}"
        '@font-face{src:url("a{b}.woff")}.q::before{content:"}table:not([class]){"}'
        "/* table:not([class]){} */@keyframes k{0%{opacity:0}}"
    )
    assert material_table_css(theme).splitlines() == [
        ".md-typeset table.playbook-table{display:inline-block}",
        "@media print{.md-typeset table.playbook-table{display:table}}",
        ".md-typeset table.playbook-table td,.md-typeset table.playbook-table th{padding:1em}",
    ]


def test_the_installed_themes_table_rules_are_found() -> None:
    rules = material_table_css(material_stylesheet().read_text("utf-8"))
    assert "table:not([class])" not in rules
    assert ".md-typeset table.playbook-table{" in rules
    assert ".md-typeset table.playbook-table td{" in rules
    assert "@media print{.md-typeset table.playbook-table{display:table}}" in rules
