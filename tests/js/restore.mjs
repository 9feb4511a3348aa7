// Restores the calculator's Pyodide memory snapshot in Node as the Web Worker does (an empty standard
// library archive, the prepared calculator from the snapshot's memory) and runs a batch of calls.
//   node tests/js/restore.mjs SNAPSHOT.bin EMPTY.zip [zh|en] < calls.json > answers.json
// calls.json: [["open_link" | "run" | "run_form", argument], ...]; prints {python, name, late, ms,
// answers}: late lists modules imported after the restore (the page needs none: there are no files).
import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const [snapshotPath, emptyZip, lang = "en"] = process.argv.slice(2);
const calls = JSON.parse(readFileSync(0, "utf8"));
const started = performance.now();
const pyodide = await loadPyodide({
  _loadSnapshot: readFileSync(snapshotPath),
  stdLibURL: emptyZip,
  stdout: () => {},
  stderr: (line) => process.stderr.write(line + "\n"),
});
const prepared = pyodide.globals.get("PLAYBOOK_PREPARED");
const calculator = prepared.calculator(lang, "../roles/", "../methodology/");
const ms = Math.round(performance.now() - started);
const answers = calls.map(([method, argument]) => JSON.parse(calculator[method](argument, "http://x/calculator/")));
process.stdout.write(JSON.stringify({
  python: pyodide.runPython("import sys; sys.version.split()[0]"),
  name: prepared.name,
  late: prepared.new_modules().toJs(),
  missing: pyodide.runPython("import importlib.util\nstr(importlib.util.find_spec('statistics'))"),
  ms,
  answers,
}));
