"""A data file's bytes as text, with every encoding mistake and raw character found reported at its line.

Data files are UTF-8. Editors on Windows also save UTF-16 or UTF-32 (with or without a byte-order
mark) and GBK/GB18030; each is named, at line 1 or the line where it shows, with how to fix it,
and the text is still read so the file's other mistakes show in the same run. Characters YAML
refuses (C0/C1 controls such as a raw ESC) and line breaks only YAML sees (NEL, U+2028, U+2029:
YAML counts them as new lines, editors do not, so every later line number would be off) are
reported with the line and column an editor shows, then neutralised before parsing.

Standard library only; used at build time by :mod:`calculator.source`.
"""

from __future__ import annotations

import re
import unicodedata

from ..engine.errors import Problem

FIX = "save the file as UTF-8 (allowed: UTF-8 only)"

#: byte-order marks, longest first (a UTF-32 LE mark starts like a UTF-16 LE one)
_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32 BE"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32 LE"),
    (b"\xfe\xff", "utf-16-be", "UTF-16 BE"),
    (b"\xff\xfe", "utf-16-le", "UTF-16 LE"),
)
#: wide encodings tried on a file without a mark when it holds NUL bytes
_WIDE = (("utf-32-le", "UTF-32 LE"), ("utf-32-be", "UTF-32 BE"), ("utf-16-le", "UTF-16 LE"), ("utf-16-be", "UTF-16 BE"))

# What PyYAML's reader refuses (its Reader.NON_PRINTABLE): C0 and C1 controls except tab, LF, CR and NEL.
_REFUSED = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Line breaks YAML counts and editors do not.
_YAML_ONLY_BREAKS = re.compile("[\x85\u2028\u2029]")
_EDITOR_LINE = re.compile(r"\r\n|\r|\n")
#: occurrences reported one by one before the rest are counted
MAX_REPORTED = 10


def decode(raw: bytes, file: str) -> tuple[str, list[Problem]]:
    """The text of a data file and the problems with its encoding (none for UTF-8, with or without a mark)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    else:
        for mark, codec, name in _BOMS:
            if raw.startswith(mark):
                text = raw[len(mark) :].decode(codec, errors="replace")
                return text, [_wide(file, name, "with a byte-order mark")]
        # Text in UTF-16 or UTF-32 is mostly NUL bytes (YAML's keys and indentation are ASCII); a stray NUL
        # in a UTF-8 file is not, and is reported as a raw character instead.
        if raw.count(0) * 8 >= len(raw) > 0 and (wide := _guess_wide(raw)) is not None:
            text, name = wide
            return text, [_wide(file, name, "without a byte-order mark")]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError:
        return _not_utf8(raw, file)


def _guess_wide(raw: bytes) -> tuple[str, str] | None:
    """The UTF-16/32 reading of ``raw`` that is most ASCII (a YAML file's keys and indentation are)."""
    best: tuple[float, str, str] | None = None
    for codec, name in _WIDE:
        text = _strict(raw, codec)
        if not text or "\x00" in text:
            continue
        ascii_share = sum(1 for ch in text if " " <= ch <= "~" or ch in "\t\r\n") / len(text)
        if ascii_share >= 0.3 and (best is None or ascii_share > best[0]):
            best = (ascii_share, text, name)
    return None if best is None else (best[1], best[2])


def _strict(raw: bytes, codec: str) -> str | None:
    try:
        return raw.decode(codec)
    except UnicodeDecodeError:
        return None


def _wide(file: str, name: str, how: str) -> Problem:
    return Problem(file, 1, 1, "", f"the file is saved as {name} ({how}), not UTF-8; {FIX}")


def _not_utf8(raw: bytes, file: str) -> tuple[str, list[Problem]]:
    """Decode line by line: UTF-8 where it is, GB18030 where that reads, U+FFFD for the rest."""
    lines: list[str] = []
    first: tuple[int, int, int] | None = None  # line, column, byte
    bad = gbk = 0
    for n, line in enumerate(raw.split(b"\n"), 1):
        try:
            lines.append(line.decode("utf-8"))
            continue
        except UnicodeDecodeError as exc:
            if first is None:
                first = (n, len(line[: exc.start].decode("utf-8", errors="replace")) + 1, line[exc.start])
        bad += 1
        text = _strict(line, "gb18030")
        if text is not None and re.search("[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]", text):
            gbk += 1
            lines.append(text)
        else:
            lines.append(line.decode("utf-8", errors="replace"))
    assert first is not None  # the whole file did not decode, so one line did not
    at_line, column, byte = first
    if gbk == bad:
        what = f"{bad} line(s) read as GBK/GB18030 (the Chinese Windows encoding), the first here at byte 0x{byte:02x}"
    else:
        what = f"{bad} line(s) affected, the first here at byte 0x{byte:02x}"
        if gbk:
            what += f"; {gbk} of them read as GBK/GB18030 (the Chinese Windows encoding)"
    return "\n".join(lines), [Problem(file, at_line, column, "", f"the file is not valid UTF-8: {what}; {FIX}")]


def _char_name(char: str) -> str:
    return "NEXT LINE, NEL" if char == "\x85" else unicodedata.name(char, "a control character")


def raw_characters(text: str, file: str) -> tuple[str, list[Problem]]:
    """Report raw characters YAML refuses or reads as line breaks; return the text without them.

    Positions are the editor's (lines end at LF, CRLF or CR); refused characters become U+FFFD and
    YAML-only line breaks a space, so the parser's positions for everything else match the editor's.
    """
    hits = [(m.start(), m.group()) for m in _REFUSED.finditer(text)]
    hits += [(m.start(), m.group()) for m in _YAML_ONLY_BREAKS.finditer(text)]
    if not hits:
        return text, []
    hits.sort()
    starts = [0] + [m.end() for m in _EDITOR_LINE.finditer(text)]
    problems = []
    line = 0
    for offset, char in hits[:MAX_REPORTED]:
        while line + 1 < len(starts) and starts[line + 1] <= offset:
            line += 1
        code = f"U+{ord(char):04X} ({_char_name(char)})"
        if _YAML_ONLY_BREAKS.match(char):
            message = (
                f"raw {code}: YAML reads it as a line break but editors do not, so later line numbers "
                "would not match (allowed: ordinary line breaks; delete it)"
            )
        else:
            message = (
                f"raw {code}, which YAML does not allow in a file "
                "(allowed: visible text, tabs and line breaks; delete it)"
            )
        problems.append(Problem(file, line + 1, offset - starts[line] + 1, "", message))
    if len(hits) > MAX_REPORTED:
        more = len(hits) - MAX_REPORTED
        problems.append(
            Problem(
                file,
                problems[-1].line,
                problems[-1].column,
                "",
                f"and {more} more such character(s) after this one (only the first {MAX_REPORTED} are listed)",
            )
        )
    text = _REFUSED.sub("\ufffd", text)
    return _YAML_ONLY_BREAKS.sub(" ", text), problems
