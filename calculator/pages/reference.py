"""The schema reference page, generated from the very specs that validate the data files.

Walks :data:`calculator.engine.playbook.PLAYBOOK` (roles.yaml) and :data:`calculator.engine.sizing.specs.SIZING`
(sizing.yaml): every key with its type, whether it is required (and its default), the allowed
values, its (zh, en) doc and an example. The validator and this page read the same objects, so
the documentation cannot drift from what is enforced. A spec class this module does not know
raises :class:`TypeError` (caught by the tests), rather than being documented vaguely.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..engine.fmt import fmt
from ..engine.playbook import PLAYBOOK
from ..engine.schema import (
    ID_PATTERN,
    Enum,
    Field,
    Flag,
    Id,
    ListOf,
    LocalText,
    MapOf,
    Nullable,
    Number,
    Obj,
    Spec,
    Str,
    yamlish,
)
from ..engine.sizing.costdata import FigureSpec
from ..engine.sizing.specs import SIZING, ParameterSpec, Passthrough, RoleMap
from . import md_text
from .methodology import SEARCH_BELOW_ROLES
from .nav import REFERENCE_PAGES

#: The data files and their root specs, in page order.
FILES: tuple[tuple[str, Obj], ...] = (("roles.yaml", PLAYBOOK), ("sizing.yaml", SIZING))
#: The code this page is generated from (its edit link opens the first).
SOURCES = ("calculator/engine/playbook.py", "calculator/engine/sizing/specs.py", "calculator/engine/schema.py")

UI = {
    "zh": {
        "title": "数据文件参考",
        "page_title": "数据文件参考：{file}",
        "intro": "本页在构建时由校验代码（`{playbook}`、`{sizing}`）生成，"
        "列出 `roles.yaml` 与 `sizing.yaml` 的每一个键：类型、是否必填、允许的值、说明和示例。"
        "校验器检查的正是这里列出的规则，所以本页不会与校验不一致。两个文件各占一页："
        "[roles.yaml](schema.md)、[sizing.yaml](sizing.md)。修改数据的完整步骤见[参与编辑](../contributing.md)。",
        "rules": "通用规则",
        "rules_list": "- 每段文字都是 `{zh: ..., en: ...}`：两种语言都必须有，且不能为空。\n"
        "- 只允许下表列出的键；未知键、重复键都会报错。\n"
        "- 缩进只用空格（不能用 Tab），文件保存为 UTF-8。\n"
        "- `make check` 一次列出所有问题，每行给出文件、行号、列号、键路径和允许的值。",
        "cross": "跨键规则",
        "cross_roles.yaml": "- `reports_to` 和 `collaboration[].with` 必须是本文件中已有岗位的 `id`；"
        "岗位不能与自己协作。\n"
        "- 恰好一个岗位的 `reports_to` 为 `null`（团队负责人）。\n"
        "- `roles[].id` 不得重复；已发布的 id 不要修改（它出现在网址里）。",
        "cross_sizing.yaml": "- 出现岗位 id 的地方（各工时映射的键、`leadership.role`、`hiring[].role`、"
        "`packing.combinations[].roles`、`packing.titles` 的键）必须是 roles.yaml 中的岗位或 `extra_roles` 中的角色。\n"
        "- `channels` 必须包含全部 8 个渠道 id，`goals` 必须包含全部 4 个目标 id。\n"
        "- `packing.titles` 和 `hiring` 可以不列某个岗位：没有职位名称的岗位用 roles.yaml 里的岗位名，"
        "不在 `hiring` 里的岗位排在招聘顺序的最后。",
        "top": "顶层键",
        "used_at": "用于",
        "used_n": "用于 {n} 个键（类型列写着 {kind} 的键）",
        "key": "键",
        "type": "类型",
        "required": "必填",
        "allowed": "允许的值",
        "doc": "说明",
        "example": "示例",
        "yes": "必填",
        "no": "可选",
        "default": "可选，默认 {value}",
        "example_block": "示例：",
        "see": "见 [{title}](#{anchor})",
        "sep": "；",
        "list_sep": "、",
        "text": "非空文本，最多 {n} 个字符",
        "id": "小写字母、数字和 `_`，以字母开头（`{pattern}`）",
        "one_of": "其中之一：{values}",
        "integer": "整数",
        "number": "数字",
        "range": "{kind}，{lo} 到 {hi}",
        "from": "{kind}，不小于 {lo}",
        "unit": "（{unit}）",
        "local": "`zh` 和 `en` 都要有，且非空",
        "null_or": "`null`，或{inner}",
        "min_items": "至少 {n} 项",
        "max_items": "至多 {n} 项",
        "unique": "{keys} 不得重复",
        "unique_items": "各项不得重复",
        "each": "每项：{inner}",
        "map": "键：{key}{sep}值：{value}",
        "role_id": "岗位 id",
        "param": "参数（{value}）",
        "param_rule": "`value`：{value}{sep}需给出 `source`，或 `assumption: true` 加 `note`",
        "param_value": "取值范围见使用它的键",
        "figure_rule": "`low` ≤ `typical` ≤ `high`，每个为{value}{sep}需给出 `source`，"
        "或 `assumption: true` 加 `date` 和 `note`",
        "flag": "`true` 或 `false`",
        "passthrough": "一个场景映射，结构同计算器的场景（载入模型后再校验）",
    },
    "en": {
        "title": "Data file reference",
        "page_title": "Data file reference: {file}",
        "intro": "This page is generated at build time from the validation code (`{playbook}`, "
        "`{sizing}`). It lists every key of `roles.yaml` and `sizing.yaml`: its type, "
        "whether it is required, the allowed values, what it means and an example. The validator enforces "
        "exactly these rules, so this page cannot disagree with it. Each file has its own page: "
        "[roles.yaml](schema.md), [sizing.yaml](sizing.md). For the whole editing workflow see "
        "[Contributing](../contributing.md).",
        "rules": "General rules",
        "rules_list": "- Every text is `{zh: ..., en: ...}`: both languages, neither empty.\n"
        "- Only the keys listed below are allowed; unknown and duplicate keys are errors.\n"
        "- Indent with spaces (never tabs) and save the file as UTF-8.\n"
        "- `make check` lists every problem at once, each with file, line, column, key path and what is allowed.",
        "cross": "Rules across keys",
        "cross_roles.yaml": "- `reports_to` and `collaboration[].with` must be the `id` of a role in this file; "
        "a role cannot collaborate with itself.\n"
        "- Exactly one role has `reports_to: null` (the team lead).\n"
        "- `roles[].id` must be unique; do not change a published id (it is in URLs).",
        "cross_sizing.yaml": "- Every role id (the keys of the hours mappings, `leadership.role`, `hiring[].role`, "
        "`packing.combinations[].roles`, the keys of `packing.titles`) must be a role of roles.yaml or an "
        "`extra_roles` entry.\n"
        "- `channels` must list all 8 channel ids and `goals` all 4 goal ids.\n"
        "- `packing.titles` and `hiring` may leave a role out: a role without a title is titled with its "
        "roles.yaml name, and a role `hiring` does not list comes last in the hiring order.",
        "top": "Top-level keys",
        "used_at": "Used at",
        "used_n": "Used by {n} keys (those whose type is {kind})",
        "key": "Key",
        "type": "Type",
        "required": "Required",
        "allowed": "Allowed values",
        "doc": "Meaning",
        "example": "Example",
        "yes": "required",
        "no": "optional",
        "default": "optional, default {value}",
        "example_block": "Example:",
        "see": "see [{title}](#{anchor})",
        "sep": "; ",
        "list_sep": ", ",
        "text": "non-empty text, at most {n} characters",
        "id": "lowercase letters, digits and `_`, starting with a letter (`{pattern}`)",
        "one_of": "one of: {values}",
        "integer": "integer",
        "number": "number",
        "range": "{kind} from {lo} to {hi}",
        "from": "{kind} of at least {lo}",
        "unit": " ({unit})",
        "local": "both `zh` and `en`, neither empty",
        "null_or": "`null`, or {inner}",
        "min_items": "at least {n} item(s)",
        "max_items": "at most {n} items",
        "unique": "no two items share {keys}",
        "unique_items": "no duplicate items",
        "each": "each item: {inner}",
        "map": "keys: {key}{sep}values: {value}",
        "role_id": "role id",
        "param": "parameter ({value})",
        "param_rule": "`value`: {value}{sep}give a `source`, or `assumption: true` with a `note`",
        "param_value": "range given by the key that uses it",
        "figure_rule": "`low` <= `typical` <= `high`, each {value}{sep}give a `source`, "
        "or `assumption: true` with a `date` and a `note`",
        "flag": "`true` or `false`",
        "passthrough": "a scenario mapping, shaped like a calculator scenario (checked once the model is loaded)",
    },
}


@dataclass
class Section:
    """One object of a data file, documented once: its keys in a table, then an example."""

    anchor: str
    spec: Obj
    paths: list[str] = field(default_factory=list)
    doc: tuple[str, str] | None = None  # the doc of the key that leads here

    @property
    def shared(self) -> bool:
        return len(self.paths) > 1


def _code(text: str) -> str:
    """``text`` as a code span, or escaped text when it cannot be one (a backtick or a table pipe)."""
    return md_text(text) if "`" in text or "|" in text else f"`{text}`"


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


#: shapes documented once however many keys use them: their instances differ only in the range of
#: their numbers, which the row of the key that uses one states
ONE_SECTION: dict[type, str] = {ParameterSpec: "parameter", FigureSpec: "figure"}


def _section_key(spec: Obj) -> object:
    return ONE_SECTION.get(type(spec), id(spec))


def _nested(spec: Spec, path: str) -> Iterator[tuple[str, Obj]]:
    """Objects inside ``spec`` (found at ``path``) that get a section of their own."""
    if isinstance(spec, Obj):
        yield path, spec
    elif isinstance(spec, ListOf):
        yield from _nested(spec.item, path + "[]")
    elif isinstance(spec, Nullable):
        yield from _nested(spec.inner, path)
    elif isinstance(spec, MapOf):
        yield from _nested(spec.value, path + ".<key>")
    elif isinstance(spec, RoleMap):
        yield from _nested(spec.param, path + ".<role id>")


def sections(file: str, root: Obj) -> list[Section]:
    """Every object of ``root``, depth first in key order; objects used at several places come last."""
    stem = file.split(".")[0]
    found: dict[object, Section] = {}

    def visit(spec: Obj, path: str, doc: tuple[str, str] | None) -> None:
        key = _section_key(spec)
        if key in found:
            found[key].paths.append(path)
            return
        anchor = f"{stem}-" + ("top" if not path else "-".join(spec.title.lower().split()))
        while anchor in {s.anchor for s in found.values()}:
            anchor += "-2"
        found[key] = Section(anchor, spec, [path], doc)
        base = f"<{key}>" if key in ONE_SECTION.values() else path  # one section for every parameter, every figure
        for f in spec.fields:
            for child_path, child in _nested(f.spec, _join(base, f.name)):
                visit(child, child_path, f.doc)

    visit(root, "", None)
    ordered = list(found.values())
    late = [s for s in ordered if s.shared or s.paths[0].startswith("<")]  # shared objects and what they hold
    return [s for s in ordered if s not in late] + late


def _number(spec: Number, t: dict[str, str]) -> str:
    kind, lo = t["integer"] if spec.integer else t["number"], fmt(spec.minimum, grouped=True)
    if math.isinf(spec.maximum):
        text = t["from"].format(kind=kind, lo=lo)
    else:
        text = t["range"].format(kind=kind, lo=lo, hi=fmt(spec.maximum, grouped=True))
    return text + (t["unit"].format(unit=md_text(spec.unit)) if spec.unit else "")


def allowed(spec: Spec, t: dict[str, str], anchors: dict[object, Section]) -> str:
    """What the validator accepts for ``spec``, in the page's language (Markdown)."""
    if isinstance(spec, ParameterSpec):
        number = next(f.spec for f in spec.fields if f.name == "value")
        rule = t["param_rule"].format(value=allowed(number, t, anchors), sep=t["sep"])
        return rule + t["sep"] + _see(spec, t, anchors)
    if isinstance(spec, FigureSpec):
        number = next(f.spec for f in spec.fields if f.name == "typical")
        rule = t["figure_rule"].format(value=allowed(number, t, anchors), sep=t["sep"])
        return rule + t["sep"] + _see(spec, t, anchors)
    if isinstance(spec, Obj):
        return _see(spec, t, anchors)
    if isinstance(spec, Str):
        return t["text"].format(n=spec.max_length)
    if isinstance(spec, Id):
        return t["id"].format(pattern=ID_PATTERN.pattern)
    if isinstance(spec, Enum):
        return t["one_of"].format(values=t["list_sep"].join(_code(v) for v in spec.values))
    if isinstance(spec, Number):
        return _number(spec, t)
    if isinstance(spec, LocalText):
        return t["local"]
    if isinstance(spec, Nullable):
        return t["null_or"].format(inner=allowed(spec.inner, t, anchors))
    if isinstance(spec, ListOf):
        parts = [t["min_items"].format(n=spec.min_items)] if spec.min_items else []
        if spec.max_items < 1000:
            parts.append(t["max_items"].format(n=spec.max_items))
        if spec.unique:
            parts.append(t["unique"].format(keys=t["list_sep"].join(_code(k) for k in spec.unique)))
        if spec.unique_items:
            parts.append(t["unique_items"])
        parts.append(t["each"].format(inner=allowed(spec.item, t, anchors)))
        return t["sep"].join(parts)
    if isinstance(spec, MapOf):
        return t["map"].format(key=allowed(spec.key, t, anchors), value=allowed(spec.value, t, anchors), sep=t["sep"])
    if isinstance(spec, RoleMap):
        param = t["param"].format(value=allowed(spec.param, t, anchors))
        return t["map"].format(key=t["role_id"], value=param, sep=t["sep"])
    if isinstance(spec, Flag):
        return t["flag"]
    if isinstance(spec, Passthrough):
        return t["passthrough"]
    raise TypeError(f"the schema reference cannot describe {type(spec).__name__}: teach calculator/pages/reference.py")


def _see(spec: Obj, t: dict[str, str], anchors: dict[object, Section]) -> str:
    section = anchors[_section_key(spec)]
    return t["see"].format(title=md_text(title(spec, t)), anchor=section.anchor)


#: object names in Chinese (a name missing here is shown as the spec writes it)
TITLES_ZH = {
    "KPI": "考核指标",
    "calibrated range": "校准范围",
    "campaigns": "节点大促",
    "capacity": "产能",
    "channel": "渠道",
    "city tier": "城市等级",
    "cost": "人力成本",
    "cost figure": "成本数值",
    "cost source": "成本数据出处",
    "collaboration link": "协作关系",
    "customer service": "客服",
    "duty": "职责领域",
    "form": "表单",
    "form input": "表单输入项",
    "format": "内容形式",
    "glossary entry": "术语",
    "goal": "目标",
    "hiring priority": "招聘优先级",
    "leadership": "管理",
    "level": "职级",
    "limits": "上限",
    "output": "产出",
    "packing": "编排",
    "parameter": "参数",
    "playbook": "手册",
    "preset": "预设场景",
    "role": "岗位",
    "sizing model": "编制模型",
    "skill group": "能力组",
    "source": "出处",
    "team": "团队",
    "workload": "工作量",
}


def title(spec: Obj, t: dict[str, str]) -> str:
    """The object's name in the page's language."""
    return TITLES_ZH.get(spec.title, spec.title) if t is UI["zh"] else spec.title


def _type(spec: Spec, lang: str, bare: bool = False) -> str:
    """The type column: what kind of value, in the page's language (Markdown)."""
    if lang != "zh":
        return md_text(spec.kind if bare else spec.describe())
    if isinstance(spec, Obj):
        return md_text(title(spec, UI["zh"]))
    if isinstance(spec, Number):
        return "整数" if spec.integer else "数字"
    if isinstance(spec, Nullable):
        return "`null` 或 " + _type(spec.inner, lang)
    if isinstance(spec, ListOf):
        item = _type(spec.item, lang)
        return item + (" 的列表" if item[-1:].isascii() else "的列表")
    simple = {Str: "文本", Id: "id", Enum: "枚举值", LocalText: "双语文本", Flag: "`true`/`false`", Passthrough: "映射"}
    for kind, name in simple.items():
        if isinstance(spec, kind):
            return name
    if isinstance(spec, (MapOf, RoleMap)):
        return "映射"
    raise TypeError(f"the schema reference cannot name {type(spec).__name__}: teach calculator/pages/reference.py")


def _has_object(spec: Spec) -> bool:
    return any(True for _ in _nested(spec, ""))


def _example_cell(f: Field) -> str:
    if _has_object(f.spec):
        return "—"
    return _code(yamlish(f.sample()))


def _required(f: Field, t: dict[str, str]) -> str:
    if f.required:
        return t["yes"]
    if f.default is None:
        return t["no"]
    return t["default"].format(value=_code(yamlish(f.default)))


def yaml_block(value: Any) -> str:
    """``value`` as block YAML, sequences indented as in roles.yaml (build-time only: imports PyYAML)."""
    import yaml

    class Indented(yaml.SafeDumper):
        def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
            super().increase_indent(flow, False)

    dumped = yaml.dump(value, Dumper=Indented, allow_unicode=True, sort_keys=False, default_flow_style=None, width=100)
    return str(dumped)


def _example_block(section: Section) -> str:
    path = section.paths[0]
    name = path.replace("[]", "").replace(".<role id>", "").replace(".<key>", "").rsplit(".", 1)[-1]
    example = section.spec.example()
    return yaml_block({name: [example] if path.endswith("[]") else example})


def _section(section: Section, lang: str, anchors: dict[object, Section]) -> list[str]:
    t = UI[lang]
    i = 0 if lang == "zh" else 1
    path = section.paths[0]
    if not path:
        out = [f"### {t['top']} {{#{section.anchor}}}", ""]
    elif section.shared:
        out = [f"### {md_text(title(section.spec, t))} {{#{section.anchor}}}", ""]
        if len(section.paths) > 8:
            out += [t["used_n"].format(n=len(section.paths), kind=_code(section.spec.describe())), ""]
        else:
            out += [
                f"{t['used_at']}{': ' if lang == 'en' else '：'}{t['list_sep'].join(_code(p) for p in section.paths)}",
                "",
            ]
    else:
        doc = f" · {md_text(section.doc[i])}" if section.doc else ""
        out = [f"### {_code(path)}{doc} {{#{section.anchor}}}", ""]
    out += [
        f"| {t['key']} | {t['type']} | {t['required']} | {t['allowed']} | {t['doc']} | {t['example']} |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for f in section.spec.fields:
        key = f.name if section.shared else _join(path, f.name)
        rule = allowed(f.spec, t, anchors)
        if (isinstance(section.spec, ParameterSpec) and f.name == "value") or (
            isinstance(section.spec, FigureSpec) and f.name in ("low", "typical", "high")
        ):
            rule = t["param_value"]
        cells = (
            _code(key),
            _type(f.spec, lang, bare=rule == t["param_value"]),
            _required(f, t),
            rule,
            md_text(f.doc[i]),
            _example_cell(f),
        )
        out.append("| " + " | ".join(cells) + " |")
    out.append("")
    if path:
        # Plain text, not ```yaml: Pygments would add ~4,000 <span>s to the page, and the page's
        # layout cost (Lighthouse blocking time on phones) grows with its element count.
        out += [f"*{t['example_block']}*", "", "```text", _example_block(section).rstrip(), "```", ""]
    return out


def schema_reference_page(lang: str, files: Sequence[tuple[str, Obj]] = FILES, title: str | None = None) -> str:
    """The reference of the keys of ``files``, as Markdown, in ``lang`` (the site builds one page
    per data file: :func:`reference_pages`)."""
    t = UI[lang]
    out = [
        *SEARCH_BELOW_ROLES,
        f"# {title or t['title']}",
        "",
        t["intro"].format(playbook=SOURCES[0], sizing=SOURCES[1]),
        "",
        f"## {t['rules']} {{#rules}}",
        "",
        t["rules_list"],
        "",
    ]
    for file, root in files:
        found = sections(file, root)
        anchors = {_section_key(s.spec): s for s in found}
        out += [f"## {md_text(file)} {{#{file.split('.')[0]}-yaml}}", ""]
        cross = t.get(f"cross_{file}")
        if cross:
            out += [f"**{t['cross']}**", "", cross, ""]
        for section in found:
            out += _section(section, lang, anchors)
    return "\n".join(out).rstrip() + "\n"


def reference_pages(lang: str) -> dict[str, str]:
    """The site's reference: one page per data file (docs-relative path -> Markdown). One page for
    both was 7,500 elements, and laying it out blocked a phone for seconds (Lighthouse)."""
    t = UI[lang]
    return {
        path: schema_reference_page(lang, [(file, root)], t["page_title"].format(file=file))
        for path, (file, root) in zip(REFERENCE_PAGES, FILES, strict=True)
    }
