"""The tree shows the architecture: what the browser runs is ``calculator/engine/``, nothing else
(and segno, the one vendored package, imported by ``calculator.engine.qr`` alone).

Read from the source (every import statement, wherever it stands, ``TYPE_CHECKING`` blocks and
function bodies included), so a lazy import cannot hide a dependency.
"""

from __future__ import annotations

import ast
import io
import re
import sys
import zipfile
from pathlib import Path

import pytest

from calculator.bundle import VENDORED, browser_bundle, engine_files, vendored_files

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "calculator"
MODULES = {
    ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__"): p for p in PACKAGE.rglob("*.py")
}

# Size limits: no module over 500 lines, no class over 300, no function over 100.
MAX_LINES = {"module": 500, "class": 300, "function": 100}
EXEMPT: set[tuple[str, str]] = set()


def imports(module: str) -> list[str]:
    """Every module ``module`` imports, as absolute names (``from . import x`` names ``pkg.x`` when it is one)."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, *([base] if base else [])])
            found += [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
    return found


def sizes(module: str) -> list[tuple[str, str, int]]:
    """(kind, qualified name, lines) of the module and of every class and function in it."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    out = [("module", module, len(MODULES[module].read_text(encoding="utf-8").splitlines()))]

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                kind = "class" if isinstance(child, ast.ClassDef) else "function"
                name = f"{prefix}.{child.name}"
                out.append((kind, name, (child.end_lineno or child.lineno) - child.lineno + 1))
                visit(child, name)
            else:
                visit(child, prefix)

    visit(tree, module)
    return out


ENGINE = sorted(m for m in MODULES if m.startswith("calculator.engine"))
#: the one module that may import the vendored package (shipped in the browser's zip by calculator/bundle.py)
VENDORED_BY = {"calculator.engine.qr": VENDORED}


@pytest.mark.parametrize("module", ENGINE)
def test_engine_imports_only_the_standard_library_and_the_engine(module: str) -> None:
    for name in imports(module):
        top = name.split(".")[0]
        allowed = name.startswith("calculator.engine") or top in sys.stdlib_module_names
        assert allowed or VENDORED_BY.get(module) == top, (
            f"{module} imports {name}: the browser runs calculator/engine/ alone, on the standard library"
            f" (and {VENDORED}, in {', '.join(VENDORED_BY)} only)"
        )


def _guarded(tree: ast.AST) -> set[ast.AST]:
    """Import statements inside ``try: ... except ImportError:`` (a fallback the code survives without)."""
    out: set[ast.AST] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Try) and any(
            isinstance(h.type, ast.Name) and h.type.id in ("ImportError", "ModuleNotFoundError") for h in node.handlers
        ):
            out |= {n for stmt in node.body for n in ast.walk(stmt) if isinstance(n, (ast.Import, ast.ImportFrom))}
    return out


def test_the_vendored_package_runs_on_the_standard_library_alone() -> None:
    for name, source in vendored_files().items():
        if not name.endswith(".py"):
            continue
        tree = ast.parse(source)
        guarded = _guarded(tree)
        for node in ast.walk(tree):
            found = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and not node.level and node.module:
                found = [node.module]
            for module in found:
                top = module.split(".")[0]
                ok = top in sys.stdlib_module_names or top == VENDORED or node in guarded
                assert ok, f"{name} imports {module}"


def test_the_package_init_the_browser_also_runs_imports_nothing() -> None:
    assert imports("calculator") == []


def test_the_bundle_is_the_engine_folder_whole() -> None:
    shipped = {".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__") for p in engine_files()}
    assert shipped == {"calculator", *ENGINE}


def test_the_bundle_holds_the_engine_and_the_vendored_package_with_its_licence() -> None:
    with zipfile.ZipFile(io.BytesIO(browser_bundle())) as archive:
        names = set(archive.namelist())
    engine = {p.relative_to(ROOT).as_posix() for p in engine_files()}
    assert names == engine | set(vendored_files())
    assert {f"{VENDORED}/__init__.py", f"{VENDORED}/encoder.py", f"{VENDORED}/LICENSE"} <= names
    assert all(name.startswith(("calculator/", f"{VENDORED}/")) for name in names)


def test_the_web_worker_imports_the_engine_entry_point() -> None:
    worker = (ROOT / "docs/assets/js/calc-worker.js").read_text(encoding="utf-8")
    [module] = re.findall(r'pyimport\("([\w.]+)"\)', worker)
    assert module in ENGINE


def test_no_import_cycles() -> None:
    graph = {m: sorted({i for i in imports(m) if i in MODULES and i != m}) for m in MODULES}
    state: dict[str, str] = {}  # "open" while its imports are walked, then "done"

    def walk(module: str, trail: list[str]) -> None:
        state[module] = "open"
        for target in graph[module]:
            assert state.get(target) != "open", "import cycle: " + " -> ".join([*trail, module, target])
            if target not in state:
                walk(target, [*trail, module])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            walk(module, [])


def test_no_module_class_or_function_is_too_long() -> None:
    found = [s for m in MODULES for s in sizes(m)]
    too_long = [
        f"{kind} {name}: {n} lines" for kind, name, n in found if n > MAX_LINES[kind] and (kind, name) not in EXEMPT
    ]
    assert not too_long, too_long
    needed = {(kind, name) for kind, name, n in found if n > MAX_LINES[kind]}
    assert needed >= EXEMPT, f"no longer too long, delete from EXEMPT: {sorted(EXEMPT - needed)}"
