"""Encodings and raw characters of a data file: named, located, and no shift of later line numbers."""

from __future__ import annotations

import pytest

from calculator.datafiles.source import parse_yaml
from calculator.datafiles.textfile import MAX_REPORTED, decode, raw_characters

TEXT = "# 团队\nroles:\n  - id: lead\n    name: {zh: 负责人, en: Lead}\n"


@pytest.mark.parametrize(
    ("raw", "named"),
    [
        (TEXT.encode("utf-16"), "UTF-16 LE (with a byte-order mark)"),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "UTF-16 BE (with a byte-order mark)"),
        (TEXT.encode("utf-16-le"), "UTF-16 LE (without a byte-order mark)"),
        (TEXT.encode("utf-16-be"), "UTF-16 BE (without a byte-order mark)"),
        (TEXT.encode("utf-32"), "UTF-32 LE (with a byte-order mark)"),
        (b"\x00\x00\xfe\xff" + TEXT.encode("utf-32-be"), "UTF-32 BE (with a byte-order mark)"),
        (TEXT.encode("utf-32-le"), "UTF-32 LE (without a byte-order mark)"),
        (TEXT.encode("utf-32-be"), "UTF-32 BE (without a byte-order mark)"),
    ],
)
def test_wide_encodings_are_named_at_line_1_and_still_read(raw: bytes, named: str) -> None:
    text, problems = decode(raw, "roles.yaml")
    assert text == TEXT
    assert [str(p) for p in problems] == [
        f"roles.yaml:1:1: the file is saved as {named}, not UTF-8; save the file as UTF-8 (allowed: UTF-8 only)"
    ]


def test_utf8_with_or_without_a_mark_is_fine() -> None:
    assert decode(TEXT.encode(), "r.yaml") == (TEXT, [])
    assert decode(b"\xef\xbb\xbf" + TEXT.encode(), "r.yaml") == (TEXT, [])


def test_a_stray_nul_in_utf8_is_a_raw_character_not_utf16() -> None:
    raw = TEXT.replace("Lead", "Le\x00ad").encode()
    text, problems = decode(raw, "r.yaml")
    assert problems == [] and "\x00" in text
    assert [str(p) for p in parse_yaml(text, "r.yaml").problems] == [
        "r.yaml:4:27: raw U+0000 (a control character), which YAML does not allow in a file "
        "(allowed: visible text, tabs and line breaks; delete it)"
    ]


def test_gbk_lines_are_named_read_and_located_by_character() -> None:
    mixed = TEXT.encode().replace("负责人".encode(), "负责人".encode("gbk"))
    text, problems = decode(mixed, "roles.yaml")
    assert text == TEXT  # the GBK line is read as GBK, the rest as UTF-8
    assert [str(p) for p in problems] == [
        "roles.yaml:4:16: the file is not valid UTF-8: 1 line(s) read as GBK/GB18030 (the Chinese Windows "
        "encoding), the first here at byte 0xb8; save the file as UTF-8 (allowed: UTF-8 only)"
    ]


def test_other_non_utf8_bytes_are_not_called_gbk() -> None:
    text, problems = decode("name: café\n".encode("latin-1"), "r.yaml")
    assert text == "name: caf\ufffd\n"
    assert [str(p) for p in problems] == [
        "r.yaml:1:10: the file is not valid UTF-8: 1 line(s) affected, the first here at byte 0xe9; "
        "save the file as UTF-8 (allowed: UTF-8 only)"
    ]


@pytest.mark.parametrize("char", ["\x85", "\u2028", "\u2029"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_line_breaks_only_yaml_sees_do_not_shift_later_lines(char: str, newline: str) -> None:
    text = f"a: 1{char}{char}{newline}b: 2{newline}c: d: e{newline}"
    doc = parse_yaml(text, "r.yaml")
    assert [(p.line, p.column) for p in doc.problems] == [(1, 5), (1, 6), (3, 5)]  # PyYAML alone: 5:5
    assert "raw U+" in doc.problems[0].message and "editors do not" in doc.problems[0].message
    assert doc.problems[2].message.startswith("YAML syntax error: mapping values are not allowed here")


def test_many_raw_characters_are_counted_not_listed() -> None:
    text, problems = raw_characters("a: " + "\x1b" * 25 + "\n", "r.yaml")
    assert len(problems) == MAX_REPORTED + 1
    assert str(problems[-1]).endswith("and 15 more such character(s) after this one (only the first 10 are listed)")
    assert text == "a: " + "\ufffd" * 25 + "\n"


def test_escaped_characters_stay_the_schema_s_business() -> None:
    """A YAML escape such as "\\e" is not a raw character: schema.forbidden_char reports it in a text."""
    assert raw_characters('a: "\\e"\n', "r.yaml") == ('a: "\\e"\n', [])
