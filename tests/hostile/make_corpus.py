"""Writes the hostile data files of this folder (run by hand: ``python tests/hostile/make_corpus.py``).

Each file stands in for roles.yaml or sizing.yaml (the folder it is in); tests/test_hostile_files.py
runs ``make check`` and the build on each and compares the report with tests/golden/hostile/. The
roles files start from tests/fixtures/roles/valid.yaml, so the report holds only what was done to it.
The huge file is not stored: the test writes it (see ``huge_roles`` there).
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent
VALID = (HERE.parent / "fixtures" / "roles" / "valid.yaml").read_text(encoding="utf-8")
LINKED = "      - with: writer"  # line 30 of the fixture: a typo here is reported at that line


def _edit(old: str, new: str, text: str = VALID) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def _bomb(levels: int) -> str:
    """ "Billion laughs": each anchor's list holds nine aliases of the one before, 9**levels values."""
    lines = ["lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for n in range(1, levels + 1):
        lines.append(f"lol{n}: &lol{n} [" + ", ".join([f"*lol{n - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def corpus() -> dict[str, bytes]:
    """``folder/name`` -> the file's bytes."""
    deep_block = "".join("  " * i + f"level{i}:\n" for i in range(100)) + "  " * 100 + "end\n"
    nested = "[" * 20 + "x" + "]" * 20
    return {
        # nine levels of aliases: 387 million values; PyYAML alone never finished
        "sizing/alias_bomb.yaml": _bomb(9).encode(),
        # 400 levels of flow lists: a RecursionError traceback in PyYAML's composer
        "roles/deep_flow_nesting.yaml": _edit(
            "schema_version: 1\n", "schema_version: 1\nx: " + "[" * 400 + "]" * 400 + "\n"
        ).encode(),
        "roles/deep_block_nesting.yaml": (VALID + deep_block).encode(),
        # shallow as written, deep once the alias is expanded: 20 levels inside 20 levels
        "roles/alias_too_deep.yaml": (VALID + f"deep: &deep {nested}\ndeeper: {'[' * 19}*deep{']' * 19}\n").encode(),
        "roles/many_anchors.yaml": (VALID + "".join(f"a{n}: &a{n} x\n" for n in range(250))).encode(),
        "roles/many_aliases.yaml": (VALID + "a: &a x\nb: [" + ", ".join(["*a"] * 1200) + "]\n").encode(),
        # 1:1:1... is an integer in base 60 to YAML 1.1; converting 20,000 digits takes quadratic time
        "roles/long_number.yaml": _edit("schema_version: 1", "schema_version: 1" + ":1" * 20_000).encode(),
        "roles/utf16le_bom.yaml": VALID.encode("utf-16"),  # little-endian on every machine this runs on
        "roles/utf16le.yaml": VALID.encode("utf-16-le"),
        "roles/utf16be_bom.yaml": b"\xfe\xff" + VALID.encode("utf-16-be"),
        "roles/utf16be.yaml": VALID.encode("utf-16-be"),
        "roles/utf32le_bom.yaml": b"\xff\xfe\x00\x00" + VALID.encode("utf-32-le"),
        "roles/utf32be.yaml": VALID.encode("utf-32-be"),
        "roles/gbk.yaml": VALID.encode("gbk"),
        # ESC from pasted terminal colours; the link typo further down is reported too
        "roles/raw_esc.yaml": _edit(LINKED, "      - with: wirter", _edit("{zh: 写手,", "{zh: 写\x1b[1m手,")).encode(),
        # line and paragraph separators and NEL: line breaks to YAML, not to editors; the typo after
        # them must still be reported at the line an editor shows (30)
        "roles/raw_u2028.yaml": _edit(LINKED, "      - with: wirter", _edit("Lead}", "Lead}\u2028\u2029")).encode(),
        "roles/raw_nel.yaml": _edit(LINKED, "      - with: wirter", _edit("定方向,", "定方向,\x85")).encode(),
        "roles/nul_bytes.yaml": _edit("Sets direction", "Sets\x00direction").encode(),
    }


def main() -> None:
    for name, data in corpus().items():
        (HERE / name).parent.mkdir(parents=True, exist_ok=True)
        (HERE / name).write_bytes(data)


if __name__ == "__main__":
    main()
