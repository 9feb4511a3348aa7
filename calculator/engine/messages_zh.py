"""Validation messages in Chinese: the English messages the specs and loaders write, phrase by phrase.

The validator writes one message per problem, in English, from the same specs everywhere (build,
``make check``, browser). :func:`translate` turns it into Chinese for ``make check --lang zh`` and
a Chinese locale, with the same facts (values, ids, limits) in the same place. A phrase without a
translation stays in English (PyYAML's own syntax details, for one), so a message is never lost,
only partly translated; the tests hold the validation goldens' messages to Chinese wording.
Standard library only.
"""

from __future__ import annotations

import re

# (pattern, replacement), applied in order to the whole message; later ones see earlier results.
_PHRASES: tuple[tuple[str, str], ...] = (
    # whole sentences first
    (
        r"^exactly one role must have reports_to: null \(found (\d+)\)$",
        r"必须恰好有一个岗位的 reports_to 为 null（现有 \1 个）",
    ),
    (
        r"^a role cannot collaborate with itself \(allowed: another role's id\)$",
        r"岗位不能与自己协作（允许：其他岗位的 id）",
    ),
    (r"^tab character in the indentation \(allowed: spaces only\)$", r"缩进里有 Tab 字符（允许：只用空格）"),
    (r"^duplicate key \(first given on line (\d+)\)", r"重复的键（第 \1 行已经写过）"),
    (r"; YAML would silently keep only the last one", r"；YAML 只会悄悄保留最后一个"),
    (r"\(allowed: a list of text\)$", r"（允许：文本列表）"),
    (r"\(allowed: a list of (.+)\)$", r"（允许：列表，每项为 \1）"),
    (r"\(a control character\)", r"(控制字符)"),
    (r"^duplicate item (.+) \(already used by item (\d+)\)$", r"重复的项 \1（第 \2 项已经用过）"),
    (r"^YAML syntax error: ", r"YAML 语法错误："),
    (r"save the file as UTF-8 \(allowed: UTF-8 only\)", r"请把文件另存为 UTF-8（只允许 UTF-8）"),
    (r"^the file is saved as (.+?), not UTF-8; ", r"文件的编码是 \1，不是 UTF-8；"),
    (r"^the file is not valid UTF-8: ", r"文件不是有效的 UTF-8："),
    (
        r"holds (U\+[0-9A-F]{4,6} \([^)]*\)) at character (\d+) "
        r"\(allowed: visible text, spaces and line breaks; delete the character\)",
        r"在第 \2 个字符处含有 \1（允许：可见文字、空格和换行；请删除这个字符）",
    ),
    (r"^a role cannot combine with itself", r"岗位不能与自己兼任"),
    (r"^give either a source ", r"请给出出处 source "),
    (r"or assumption: true with a note \{zh, en\}, not both", r"或 assumption: true 加 note {zh, en}，不能两者都有"),
    (
        r"or assumption: true with a note \{zh, en\}, one of them is required",
        r"或 assumption: true 加 note {zh, en}，二者必须有一个",
    ),
    (
        r"^an assumption needs a note \{zh, en\} saying why this value was chosen$",
        r"假设（assumption）需要 note {zh, en} 说明为什么取这个值",
    ),
    (
        r" is not a web address \(allowed: an http:// or https:// URL\)",
        r" 不是网址（允许：http:// 或 https:// 开头的网址）",
    ),
    # message heads
    (r"^missing required key ('[^']*')", r"缺少必填键 \1"),
    (r"^missing the (zh|en) text", r"缺少 \1 文本"),
    (r"^unknown key ('[^']*')", r"未知的键 \1"),
    (r"^unknown language ('[^']*')", r"未知的语言 \1"),
    (r"^unknown role ('[^']*')", r"未知的岗位 \1"),
    (r"^must not be empty", r"不能为空"),
    (r"^is (\d+) characters long", r"长 \1 个字符"),
    (r"^has (\d+) items", r"有 \1 项"),
    (r"^duplicate (.+?) \(already used by item (\d+)\)$", r"重复的 \1（第 \2 项已经用过）"),
    (r"^(-?[\d.e+]+) is out of range", r"\1 超出范围"),
    (r"^a number of about (\d+) digits is out of range", r"约 \1 位的数字超出范围"),
    (r"^expected ", r"应为 "),
    (r", found ", r"，实际是 "),
    (r" is not allowed", r" 不允许"),
    # values as found
    (r"nothing \(null\)", r"空值 (null)"),
    (r"a boolean \((true|false)\)", r"布尔值 (\1)"),
    (r"a number \(", r"数字 ("),
    (r"the text ('.*')", r"文本 \1"),
    # kinds and ranges
    (r"(?:an |a )?integer from ([-\d,.]+) to ([-\d,.]+)", r"\1 到 \2 的整数"),
    (r"(?:a )?number from ([-\d,.]+) to ([-\d,.]+)", r"\1 到 \2 的数字"),
    (r"(?:an |a )?integer from ([-\d,.]+)", r"不小于 \1 的整数"),
    (r"(?:a )?number from ([-\d,.]+)", r"不小于 \1 的数字"),
    (r" \(years\)", r"（年）"),
    (r"localised text \{zh, en\}", r"双语文本 {zh, en}"),
    (r"localised text", r"双语文本"),
    (r"a mapping with zh and en", r"含 zh 和 en 的映射"),
    (r"an id", r"id"),
    (r"id \(a-z, 0-9, _\)", r"id（a-z、0-9、_）"),
    (
        r"lowercase letters, digits and _, starting with a letter, at most (\d+) characters",
        r"小写字母、数字和 _，以字母开头，最多 \1 个字符",
    ),
    (r"non-empty text", r"非空文本"),
    (r"\btrue or false\b", r"true 或 false"),
    (r"\bnull or ", r"null 或"),
    (r"\blist of ", r"列表，每项为"),
    (r"\ba list\b", r"列表"),
    (r"\ba mapping\b", r"映射"),
    (r"^应为 text", r"应为文本"),
    (r"\(allowed: text\)$", r"（允许：文本）"),
    (r"at least (\d+)\)$", r"至少 \1 项）"),
    (r"at most (\d+)\)$", r"至多 \1 项）"),
    (r", or null\)$", r"，或 null）"),
    (r", e\.g\. ", r"，例如 "),
    (r"^one of: ", r"其中之一："),
    (r"\(allowed: one of: ", r"（允许：其中之一："),
    (r" \(allowed: ", r"（允许："),
    (r"\(allowed: ", r"（允许："),
)
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")
_COMPILED = tuple((re.compile(pattern), replacement) for pattern, replacement in _PHRASES)


def translate(message: str, lang: str) -> str:
    """``message`` in ``lang`` ("en" returns it unchanged)."""
    if lang != "zh":
        return message
    for pattern, replacement in _COMPILED:
        message = pattern.sub(replacement, message)
    if message.endswith(")") and message.count("（") > message.count("）"):
        message = message[:-1] + "）"  # the bracket that "（允许：" opened
    return _CJK_GAP.sub("", message).replace(" （", "（")


def count_line(n: int, lang: str) -> str:
    """The report's last line."""
    if lang == "zh":
        return f"共发现 {n} 个问题。"
    return f"Found {n} problem{'s' if n != 1 else ''}."
