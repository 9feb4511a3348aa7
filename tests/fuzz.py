"""``make fuzz``: mutate the data files and scenarios for a while, count what happens to each.

Not part of ``make test`` (it runs for minutes and is random by design). Each case runs in a child
process with a memory cap and a time limit, and ends as one of:

- ``located``: refused with messages that each name a place (data files: ``file:line:col``) or,
  for a scenario, one clear message (what the CLI prints with exit 2, a broken-link reason);
- ``accepted``: valid; an accepted data file is also rendered into every page, the calculator's
  prerendered plan and the browser's JSON, and an accepted scenario sized;
- ``unlocated``: refused, but a data-file message has no line;
- ``traceback``: any other exception (a bug);
- ``hang``: over the time limit (or the child died, e.g. out of memory).

Findings (every traceback, hang and unlocated case) are written to ``fuzz-findings/`` to replay.
Usage: ``python -m tests.fuzz [--seconds 180] [--seed N]``.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import random
import resource
import select
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from calculator.cli import InputError, parse_json
from calculator.datafiles.load import read_all
from calculator.datafiles.source import parse_yaml
from calculator.engine.browser import Calculator
from calculator.engine.errors import DataError
from calculator.engine.playbook import playbook_to_data
from calculator.engine.scenario import ScenarioError, parse_scenario, scenario_to_data
from calculator.engine.share import ShareLinkError, decode, encode
from calculator.engine.sizing.plan import size
from calculator.engine.sizing.plan_data import plan_to_data
from calculator.pages import calculator_page, methodology, nav, roles

ROOT = Path(__file__).resolve().parent.parent
FINDINGS = ROOT / "fuzz-findings"
MEMORY_BYTES = 1536 * 1024 * 1024  # per child: an expansion bomb must not take the shared machine down
LIMIT_SECONDS = {"roles.yaml": 15.0, "sizing.yaml": 15.0, "scenario": 5.0, "link": 5.0, "form": 5.0}
LANGS = ("zh", "en")
OUTCOMES = ("located", "accepted", "unlocated", "traceback", "hang")

# Snippets an editor, a merge or an attacker puts into YAML.
YAML_SNIPPETS = [
    "&a",
    "*a",
    "&a [x, x, x]",
    "[*a, *a, *a, *a, *a, *a, *a, *a]",
    "<<: *a",
    "? [a, b]",
    "!!python/object:os.system",
    "!!binary aGk=",
    "!!set {a, b}",
    "!!omap [a: 1]",
    "!!timestamp 2001-02-30",
    "2001-02-30",
    "1:1:1:1:1:1:1",
    "0x1F",
    "0o17",
    "1_000",
    "1e400",
    "-.inf",
    ".nan",
    "~",
    "null",
    "yes",
    "on",
    "'",
    '"',
    "\\",
    "{",
    "}",
    "[",
    "]",
    "[" * 40,
    "{a: " * 40,
    "- " * 40,
    "#",
    "---",
    "...",
    "%YAML 1.1",
    "|",
    ">-",
    "\t",
    "\x1b",
    "\x00",
    "\x85",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\u202e",
    "\u200b",
    "\ud7ff",
    "😀",
    "测试",
    "x" * 3000,
    "9" * 5000,
    "1" + ":1" * 3000,
    "zh:",
    "en:",
    "id: director",
    "with: director",
    "value: -1",
    "value: 1e308",
]
JSON_SNIPPETS = [
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    '"',
    "\\",
    "NaN",
    "Infinity",
    "-0",
    "1e999",
    "9" * 5000,
    "null",
    "true",
    "[" * 600,
    '{"a":' * 50,
    '"\\ud800"',
    '"\\u0000"',
    "\x00",
    "\u2028",
    '"channels"',
    '"goals"',
    '"douyin"',
    '"posts_per_week"',
]


# --------------------------------------------------------------------------- mutators (parent)


def seeds() -> dict[str, list[bytes]]:
    roles = [(ROOT / "roles.yaml").read_bytes(), (ROOT / "tests/fixtures/roles/valid.yaml").read_bytes()]
    roles += [p.read_bytes() for p in sorted((ROOT / "tests/hostile/roles").glob("*.yaml"))]
    sizing = [(ROOT / "sizing.yaml").read_bytes()]
    sizing += [p.read_bytes() for p in sorted((ROOT / "tests/hostile/sizing").glob("*.yaml"))]
    default = yaml.safe_load(sizing[0]).get("default_scenario") or {}
    scenarios = [json.dumps(default).encode(), b"{}", b'{"channels": {"douyin": {"posts_per_week": 7}}, "goals": []}']
    return {"roles.yaml": roles, "sizing.yaml": sizing, "scenario": scenarios}


def _tree_mutation(rng: random.Random, value: Any, depth: int = 0) -> Any:
    """Change one thing somewhere in plain YAML/JSON data: a type, a value, a key, a list item."""
    if isinstance(value, dict) and value and rng.random() < 0.8:
        key = rng.choice(list(value))
        out = dict(value)
        roll = rng.random()
        if roll < 0.1:
            del out[key]
        elif roll < 0.2:
            out[key + rng.choice(["_x", "s", ""])] = out[key]
        else:
            out[key] = _tree_mutation(rng, value[key], depth + 1)
        return out
    if isinstance(value, list) and value and rng.random() < 0.8:
        out = list(value)
        i = rng.randrange(len(out))
        roll = rng.random()
        if roll < 0.15:
            del out[i]
        elif roll < 0.3:
            out.insert(i, out[i])
        else:
            out[i] = _tree_mutation(rng, out[i], depth + 1)
        return out
    if rng.random() < 0.5:  # a value of the same type, often still valid: what renders must cope with it
        return _same_type(rng, value)
    replacements = [None, True, 0, -1, 0.5, 1e308, 10**30, "", " ", "x" * 5000, "\u202e", "a\nb", float("nan"), -0.0]
    replacements += [[], {}, [value], {"zh": value}, rng.choice(YAML_SNIPPETS), f"{value}{rng.choice(YAML_SNIPPETS)}"]
    return rng.choice(replacements)


TEXTS = ["长" * 1900, "<b>x</b> & {{ y }} `z` *w* [l](javascript:x)", "😀👩‍👩‍👧", "a" * 60, "0", "1. x", "| a |", "~~~"]


def _same_type(rng: random.Random, value: Any) -> Any:
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, float)):
        return rng.choice([0, 1, value * 2, value / 3, value + 1, int(value) * 10 + 1, 1e-9])
    if isinstance(value, str):
        return rng.choice([*TEXTS, value * 3, value[: len(value) // 2] or "x", value.upper(), value + "_2"])
    return value


def mutate(rng: random.Random, seed: bytes, snippets: list[str], structured: bool) -> bytes:
    """One to four random edits of ``seed``: lines, bytes, snippets, encodings, or its parsed tree."""
    if structured and rng.random() < 0.3:
        # read within the data-file budget: yaml.safe_load of the alias-bomb seed would never return
        tree = parse_yaml(seed.decode("utf-8", errors="replace"), "seed").value
        try:
            if tree is not None:
                text = yaml.safe_dump(_tree_mutation(rng, tree), allow_unicode=True, sort_keys=False)
                return text.encode("utf-8")
        except ValueError:  # an integer past Python's 4,300-digit str() limit: mutate the bytes instead
            pass
    data = bytearray(seed)
    for _ in range(rng.randint(1, 4)):
        lines = bytes(data).split(b"\n")
        roll = rng.random()
        n = rng.randrange(len(lines))
        snippet = rng.choice(snippets).encode("utf-8", errors="surrogatepass")
        if roll < 0.25:  # a snippet into a line
            at = rng.randint(0, len(lines[n]))
            lines[n] = lines[n][:at] + snippet + lines[n][at:]
        elif roll < 0.35:
            lines.insert(n, b" " * rng.choice([0, 2, 4, 6, 1, 3]) + snippet)
        elif roll < 0.45:
            del lines[n]
        elif roll < 0.55:
            m = min(len(lines), n + rng.randint(1, 20))
            lines[n:n] = lines[n:m]
        elif roll < 0.65:
            lines[n] = rng.choice([b" ", b"  ", b"\t", b""]) + lines[n][rng.choice([0, 1, 2]) :]
        elif roll < 0.8 and data:
            for _ in range(rng.randint(1, 8)):
                data[rng.randrange(len(data))] = rng.randrange(256)
            continue
        elif roll < 0.87 and data:
            data = data[: rng.randrange(len(data))]
            continue
        elif roll < 0.93:  # two lines change places
            m = rng.randrange(len(lines))
            lines[n], lines[m] = lines[m], lines[n]
        else:
            text = bytes(data).decode("utf-8", errors="replace")
            codec = rng.choice(["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be", "gb18030", "latin-1"])
            data = bytearray(text.encode(codec, errors="replace"))
            continue
        data = bytearray(b"\n".join(lines))
    return bytes(data)


# --------------------------------------------------------------------------- cases (child)


class Child:
    """Runs cases sent as JSON lines on stdin; answers one JSON line each. Imports once."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="fuzz-"))
        self.playbook, self.model = read_all(ROOT)
        roles_json = json.dumps(playbook_to_data(self.playbook), ensure_ascii=False)
        sizing_json = json.dumps(self.model.document, ensure_ascii=False)
        self.calculator = {
            lang: Calculator(roles_json, sizing_json, lang, "../roles/", "../m/") for lang in ("zh", "en")
        }

    def data(self, target: str, payload: bytes) -> tuple[str, str]:
        for name in ("roles.yaml", "sizing.yaml"):
            (self.folder / name).write_bytes(payload if name == target else (ROOT / name).read_bytes())
        try:
            playbook, model = read_all(self.folder)
        except DataError as exc:
            unlocated = [str(p) for p in exc.problems if p.line < 1]
            return ("unlocated", unlocated[0]) if unlocated else ("located", str(exc.problems[0])[:200])
        # accepted: everything the build makes from the data, and the browser's start
        for lang in ("zh", "en"):
            sections = {r.id: methodology.role_sizing_section(model, r.id, lang) for r in playbook.roles}
            roles.playbook_pages(playbook, lang, sections)
            nav.site_nav(playbook, lang)
            methodology.methodology_page(model, lang)
            calculator_page.calculator_html(model, playbook, lang)
        roles_json = json.dumps(playbook_to_data(playbook), ensure_ascii=False)
        sizing_json = json.dumps(model.document, ensure_ascii=False)
        Calculator(roles_json, sizing_json, "zh", "../roles/", "../m/").run("{}")
        return "accepted", ""

    def scenario(self, kind: str, payload: bytes) -> tuple[str, str]:
        text = payload.decode("utf-8", errors="surrogateescape")
        if kind == "form":
            answer = json.loads(self.calculator[random.choice(["zh", "en"])].run_form(text, "http://x/"))
            return ("accepted", "") if answer["ok"] else ("located", json.dumps(answer, ensure_ascii=False)[:200])
        if kind == "link":
            fragment = "scenario=" + base64.urlsafe_b64encode(payload).decode().rstrip("=")
            try:
                scenario = decode(fragment, self.model)
            except ShareLinkError as exc:
                return "located", exc.reason
        else:
            try:
                scenario = parse_scenario(parse_json(text, "<stdin>"), self.model)
            except (InputError, ScenarioError) as exc:
                return "located", str(exc)[:200]
        # accepted: sized as the CLI and the page size it, and its link opens the same scenario
        plan_to_data(size(scenario, self.model), self.model)
        assert decode(encode(scenario), self.model) == scenario
        assert json.loads(self.calculator["en"].run(json.dumps(scenario_to_data(scenario))))["ok"]
        return "accepted", ""

    def serve(self) -> None:
        for line in sys.stdin:
            case = json.loads(line)
            payload = base64.b64decode(case["payload"])
            try:
                if case["target"] in ("roles.yaml", "sizing.yaml"):
                    outcome, detail = self.data(case["target"], payload)
                else:
                    outcome, detail = self.scenario(case["target"], payload)
            except BaseException as exc:  # noqa: BLE001 - every escape is what the fuzzer is looking for
                outcome = "traceback"
                frames = traceback.extract_tb(exc.__traceback__)
                where = next(
                    (f for f in reversed(frames) if "/calculator/" in f.filename), frames[-1] if frames else None
                )
                detail = f"{type(exc).__name__}: {str(exc)[:120]}" + (
                    f" at {Path(where.filename).name}:{where.lineno}" if where else ""
                )
            print(json.dumps({"outcome": outcome, "detail": detail}), flush=True)


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    os.nice(5)


# --------------------------------------------------------------------------- parent


class Runner:
    def __init__(self) -> None:
        self.process: subprocess.Popen[str] | None = None

    def _start(self) -> subprocess.Popen[str]:
        if self.process is None or self.process.poll() is not None:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "tests.fuzz", "--child"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                cwd=ROOT,
                preexec_fn=_limit_memory,  # noqa: PLW1509 - no threads in this process
            )
        return self.process

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None

    def run(self, target: str, payload: bytes) -> tuple[str, str]:
        child = self._start()
        assert child.stdin and child.stdout
        child.stdin.write(json.dumps({"target": target, "payload": base64.b64encode(payload).decode()}) + "\n")
        child.stdin.flush()
        ready, _, _ = select.select([child.stdout], [], [], LIMIT_SECONDS[target])
        line = child.stdout.readline() if ready else ""
        if not line:  # over time, or the child died (out of memory, a C stack overflow)
            died = child.poll()
            self.stop()
            return "hang", f"over {LIMIT_SECONDS[target]:.0f} s" if died is None else f"child died ({died})"
        answer = json.loads(line)
        return answer["outcome"], answer["detail"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=180, help="how long to fuzz (default: 180)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: from the clock)")
    parser.add_argument("--findings", type=Path, default=FINDINGS, help="where to write findings (emptied first)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        Child().serve()
        return 0
    seed = args.seed if args.seed is not None else int(time.time())
    rng = random.Random(seed)
    pool = seeds()
    counts: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], str] = {}
    findings: Path = args.findings
    shutil.rmtree(findings, ignore_errors=True)
    runner = Runner()
    print(f"fuzzing for {args.seconds:.0f} s with seed {seed} (findings in {findings}/)", flush=True)
    started = last = time.monotonic()
    n = 0
    try:
        while time.monotonic() - started < args.seconds:
            target = rng.choice(["roles.yaml", "roles.yaml", "sizing.yaml", "sizing.yaml", "scenario", "link", "form"])
            if target in ("roles.yaml", "sizing.yaml"):
                base = pool[target][0] if rng.random() < 0.6 else rng.choice(pool[target])  # mostly the real file
                payload = mutate(rng, base, YAML_SNIPPETS, structured=True)
            elif target == "form":  # what a visitor types, then sometimes what a tampered page would send
                typed = ["1,5", "0x10", "NaN", "１２", "7", "", "-1", "1e999", "2.5", " 40 ", "٣", "1e3", "0.000001"]
                names = ["comments_per_week", "private_domain.groups", "channels.douyin.posts_per_week"]
                fields = {name: rng.choice(typed + [rng.choice(YAML_SNIPPETS)]) for name in names}
                form = json.dumps({"fields": fields, "goals": rng.choice([[], ["growth"], ["x"], "growth"])}).encode()
                payload = mutate(rng, form, JSON_SNIPPETS, True) if rng.random() < 0.4 else form
            else:
                payload = mutate(rng, rng.choice(pool["scenario"]), JSON_SNIPPETS, structured=True)
            outcome, detail = runner.run(target, payload)
            n += 1
            counts[(target, outcome)] += 1
            if outcome in ("traceback", "hang", "unlocated"):
                findings.mkdir(parents=True, exist_ok=True)
                (findings / f"{n:06d}-{outcome}-{target}").write_bytes(payload)
                examples.setdefault((outcome, detail.split(" at ")[-1] if outcome == "traceback" else target), detail)
            if time.monotonic() - last > 30:
                last = time.monotonic()
                print(f"  {n} cases, {sum(counts[k] for k in counts if k[1] in ('traceback', 'hang'))} bad", flush=True)
    finally:
        runner.stop()
    print(f"\n{n} cases in {time.monotonic() - started:.0f} s (seed {seed})")
    targets = sorted({t for t, _ in counts})
    print(f"{'target':<12}" + "".join(f"{o:>11}" for o in OUTCOMES))
    for target in targets:
        print(f"{target:<12}" + "".join(f"{counts[(target, o)]:>11}" for o in OUTCOMES))
    print(f"{'all':<12}" + "".join(f"{sum(counts[(t, o)] for t in targets):>11}" for o in OUTCOMES))
    for (outcome, _), detail in sorted(examples.items()):
        print(f"{outcome}: {detail}")
    return 1 if any(counts[(t, o)] for t in targets for o in ("traceback", "hang", "unlocated")) else 0


if __name__ == "__main__":
    sys.exit(main())
