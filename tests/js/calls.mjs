// Runs the page's own entry points (calculator.engine.browser.Calculator) under Pyodide in Node, as the
// Web Worker does, for a batch of calls; one process for the batch. Usage:
//   node tests/js/calls.mjs BUNDLE.zip ROLES.json SIZING.json [zh|en] < calls.json > answers.json
// calls.json: [["open_link" | "run" | "run_form", argument], ...]; each answer is the JSON text the
// page would get, or {"fatal": message} when Pyodide itself failed (after which it cannot go on).
import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const [bundlePath, rolesPath, sizingPath, lang = "en"] = process.argv.slice(2);
const calls = JSON.parse(readFileSync(0, "utf8"));
const pyodide = await loadPyodide({ stdout: () => {}, stderr: (line) => process.stderr.write(line + "\n") });
pyodide.unpackArchive(new Uint8Array(readFileSync(bundlePath)), "zip", { extractDir: "/lib/playbook" });
pyodide.runPython("import sys; sys.path.insert(0, '/lib/playbook')");
const browser = pyodide.pyimport("calculator.engine.browser");
const calculator = browser.Calculator(
  readFileSync(rolesPath, "utf8"), readFileSync(sizingPath, "utf8"), lang, "../roles/", "../methodology/",
);
const answers = [];
for (const [method, argument] of calls) {
  try {
    answers.push(JSON.parse(calculator[method](argument, "http://x/calculator/")));
  } catch (error) {
    answers.push({ fatal: String((error && error.message) || error).slice(0, 300) });
  }
}
process.stdout.write(JSON.stringify({ python: pyodide.runPython("sys.version.split()[0]"), answers }));
