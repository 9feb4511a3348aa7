"""``python -m calculator [SCENARIO.json|-] [--format json|table] [--lang zh|en] [--data-dir DIR]``.

Exit status: 0 on success, 2 when the scenario (or a command-line option) is bad,
1 when the data files themselves are invalid. Messages go to stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from .datafiles import textfile
from .datafiles.load import DATA_DIR, ROLES_FILE, SIZING_FILE, load_playbook, load_sizing
from .engine import strictjson
from .engine.errors import DataError
from .engine.founder_data import founder_data
from .engine.founder_export import founder_markdown
from .engine.model import Playbook
from .engine.scenario import SCENARIO_NAME, Scenario, ScenarioError, default_scenario, parse_scenario
from .engine.schema import LANGS
from .engine.share_compare import pair_fragment
from .engine.sizing.model import SizingModel
from .engine.sizing.plan import Plan, size
from .engine.sizing.plan_data import plan_to_data
from .engine.sizing.wording import Wording

EXIT_OK = 0
EXIT_DATA = 1
EXIT_INPUT = 2
INDENT = "  "

UI = {
    "zh": {
        "plan": "团队方案：{people} 人，{fte} FTE",
        "positions": "职位",
        "col_step": "#",
        "col_title": "职位",
        "col_count": "人数",
        "col_fte": "FTE",
        "col_roles": "承担的岗位",
        "hiring": "招聘顺序",
        "roles": "各岗位 FTE 与工时来源",
        "no_work": "（无工作量）",
        "peak": "大促冲刺期（每年 {n} 次，每次节点前 {weeks} 周）",
        "col_role": "岗位",
        "col_steady": "平时",
        "col_peak": "冲刺期",
        "total": "合计",
        "no_peak": "没有节点大促，因此没有冲刺期。",
        "version": "模型版本",
        "hours": "小时/周",
    },
    "en": {
        "plan": "Team plan: headcount {people}, {fte} FTE",
        "positions": "Positions",
        "col_step": "#",
        "col_title": "Position",
        "col_count": "People",
        "col_fte": "FTE",
        "col_roles": "Roles carried",
        "hiring": "Hiring order",
        "roles": "FTE per role and where the hours come from",
        "no_work": "(no work)",
        "peak": "Campaign peak ({n} per year, {weeks} weeks before each node)",
        "col_role": "Role",
        "col_steady": "Steady",
        "col_peak": "Peak",
        "total": "Total",
        "no_peak": "No node campaigns, so no peak.",
        "version": "Model version",
        "hours": "h/week",
    },
}


class InputError(Exception):
    """A scenario that cannot be read; the message names the file and what is allowed."""


# --------------------------------------------------------------------------- reading


def parse_json(text: str, name: str) -> Any:
    """Strict JSON (see :mod:`calculator.engine.strictjson`); errors name the file, line and column."""
    try:
        return strictjson.loads(text)
    except strictjson.JSONInputError as exc:
        raise InputError(exc.where(name)) from None


def read_scenario_text(source: str, stdin: TextIO) -> tuple[str, str]:
    """Return (display name, text) of the scenario named on the command line."""
    if source == "-":  # one character past the limit is enough to say it is too long
        return "<stdin>", stdin.read(strictjson.MAX_CHARS + 1)
    path = Path(source)
    try:
        with path.open("rb") as stream:  # at most 4 bytes a character in UTF-8: enough to judge the length
            raw = stream.read(4 * strictjson.MAX_CHARS + 4)
    except OSError as exc:
        raise InputError(f"{source}: cannot read the scenario file ({exc.strerror or exc})") from None
    text, encoding = textfile.decode(raw, source)  # names UTF-16/32 and GBK
    if encoding:
        raise InputError(str(encoding[0]))
    return source, text


# --------------------------------------------------------------------------- table


def _width(text: str) -> int:
    """Terminal columns: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(width - _width(text), 0)
    return gap + text if right else text + gap


def _table(rows: list[list[str]], right: frozenset[int] = frozenset()) -> list[str]:
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [INDENT + "  ".join(_pad(c, widths[i], i in right) for i, c in enumerate(row)).rstrip() for row in rows]


def render_table(plan: Plan, model: SizingModel, lang: str) -> str:
    """The plan as a person reads it in a terminal."""
    ui, w = UI[lang], Wording(model, plan.decimals)
    n = w.n
    lines = [ui["plan"].format(people=plan.total_headcount, fte=n(plan.total_fte)), w.headcount_range(plan, lang)]
    lines += [w.lead_decision(plan, lang), *(f"! {text}" for text in w.warnings(plan, lang)), ""]
    lines.append(ui["positions"])
    rows = [[ui["col_step"], ui["col_title"], ui["col_count"], ui["col_fte"], ui["col_roles"]]]
    for i, p in enumerate(plan.positions, 1):
        carried = ", ".join(f"{w.name(r, lang)} {n(v)}" for r, v in p.shares)
        rows.append([str(i), w.title(p, lang), str(p.count), n(p.fte + p.lead_share), carried])
    lines += _table(rows, frozenset({0, 2, 3}))
    lines += ["", ui["hiring"]]
    for step in plan.hiring_order:
        p = plan.positions[step.position]
        lines.append(f"{INDENT}{step.step}. {w.title(p, lang)} ×{step.count}: {w.reason(p, plan, lang)}")
    lines += ["", ui["roles"]]
    for role in plan.roles:
        if not role.fte and not role.drivers:
            continue
        formula = w.role_formula(plan, role.id, lang)
        lines.append(f"{INDENT}{w.name(role.id, lang)} ({role.id}): {formula}")
        for drv in role.drivers:
            lines.append(f"{INDENT * 2}- {drv.label[lang]}: {w.driver_formula(drv, lang)}")
    lines.append("")
    if plan.peak is None:
        lines.append(ui["no_peak"])
    else:
        lines.append(ui["peak"].format(n=plan.peak.campaigns_per_year, weeks=plan.peak.weeks_each))
        steady = {r.id: r.fte for r in plan.roles}
        rows = [[ui["col_role"], ui["col_steady"], ui["col_peak"]]]
        rows += [[w.name(r, lang), n(steady[r]), n(v)] for r, v in plan.peak.roles if v or steady[r]]
        rows.append([ui["total"], n(plan.total_fte), n(plan.peak.total_fte)])
        lines += _table(rows, frozenset({1, 2}))
        lines.append(INDENT + w.peak(plan, lang))
    lines += ["", f"{ui['version']} {plan.model_version}"]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- main


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m calculator",
        description="Size a new-media operations team from a scenario (JSON). 按场景测算新媒体团队编制。",
    )
    parser.add_argument(
        "scenario", nargs="?", help="scenario JSON file, or - for stdin (default: the scenario in sizing.yaml)"
    )
    parser.add_argument("--format", choices=("json", "table"), default="json", help="output format (default: json)")
    parser.add_argument("--lang", choices=LANGS, default=LANGS[0], help="language of the table (default: zh)")
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR, help="folder with sizing.yaml and roles.yaml")
    parser.add_argument(
        "--link",
        metavar="CALCULATOR_URL",
        help="also print the share link that opens this plan, e.g. https://example.org/calculator/",
    )
    parser.add_argument(
        "--vs",
        metavar="B.json",
        help="compare with plan B (a scenario JSON file, or - for stdin): adds a compare object / section",
    )
    return parser


def _read_vs(source: str, stdin: TextIO, model: SizingModel) -> Scenario:
    """Plan B of ``--vs``: as :func:`_read`, every message naming ``--vs``."""
    try:
        return _read(source, stdin, model)
    except InputError as exc:
        raise InputError(f"--vs: {exc}") from None
    except ScenarioError as exc:
        raise InputError("--vs: plan B cannot be sized:\n" + exc.report()) from None


def _read(source: str, stdin: TextIO, model: SizingModel) -> Scenario:
    """A scenario from a file or stdin; raises InputError or ScenarioError naming the file."""
    name, text = read_scenario_text(source, stdin)
    return parse_scenario(parse_json(text, name), model, SCENARIO_NAME if name == "<stdin>" else name)


def _playbook(data_dir: Path, err: TextIO) -> Playbook | None:
    """roles.yaml, for role ids and names; a missing or invalid one only costs the names (with a warning)."""
    path = data_dir / ROLES_FILE
    try:
        return load_playbook(path)
    except (OSError, DataError) as exc:
        why = f"{len(exc.problems)} problem(s)" if isinstance(exc, DataError) else (exc.strerror or str(exc))
        print(f"warning: {ROLES_FILE} not used ({why}); sizing without its role names", file=err)
        return None


def main(
    argv: Sequence[str] | None = None, stdin: TextIO | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the CLI; return the exit status."""
    stdin, out, err = stdin or sys.stdin, out or sys.stdout, err or sys.stderr
    args = _parser().parse_args(argv)
    playbook = _playbook(args.data_dir, err)
    try:  # the playbook's roles, including any an editor has added, are the ones sized
        model = load_sizing(args.data_dir / SIZING_FILE, playbook)
    except DataError as exc:
        print(exc.report(), file=err)
        return EXIT_DATA
    except OSError as exc:
        print(f"{args.data_dir / SIZING_FILE}: cannot read the sizing data ({exc.strerror or exc})", file=err)
        return EXIT_DATA
    scenario: Scenario
    vs: Scenario | None = None
    if args.scenario == "-" and args.vs == "-":
        print("error: --vs: the scenario and plan B cannot both be read from stdin (-)", file=err)
        return EXIT_INPUT
    try:
        scenario = default_scenario(model) if args.scenario is None else _read(args.scenario, stdin, model)
        if args.vs is not None:
            vs = _read_vs(args.vs, stdin, model)
    except InputError as exc:
        print(f"error: {exc}", file=err)
        return EXIT_INPUT
    except ScenarioError as exc:
        print("error: the scenario cannot be sized:\n" + exc.report(), file=err)
        return EXIT_INPUT
    plan = size(scenario, model)
    plan_b = size(vs, model) if vs is not None else None
    link = f"{args.link.split('#')[0]}#{pair_fragment(plan, vs)}" if args.link else ""
    if args.format == "json":
        data = plan_to_data(plan, model) | founder_data(plan, model, plan_b) | ({"link": link} if link else {})
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(render_table(plan, model, args.lang))
        out.write("\n" + "\n".join(founder_markdown(plan, model, args.lang, str, plan_b)) + "\n")
        if link:
            out.write(f"\n{'分享链接' if args.lang == 'zh' else 'Share link'}: {link}\n")
    return EXIT_OK
