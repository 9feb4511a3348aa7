// Runs the calculator's own Python under Pyodide (the npm package, offline) for a batch of
// scenarios, one process for the whole batch. Usage:
//   node tests/js/parity.mjs BUNDLE.zip SIZING.json < scenarios.json > results.json
// Each result is plan_to_data(size(parse_scenario(s))) or {"error": ...}, as JSON.
import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const [bundlePath, sizingPath] = process.argv.slice(2);
const scenarios = readFileSync(0, "utf8");
const pyodide = await loadPyodide({ stdout: () => {}, stderr: (line) => process.stderr.write(line + "\n") });
pyodide.unpackArchive(new Uint8Array(readFileSync(bundlePath)), "zip", { extractDir: "/lib/playbook" });
pyodide.globals.set("SIZING_JSON", readFileSync(sizingPath, "utf8"));
pyodide.globals.set("SCENARIOS_JSON", scenarios);
const out = pyodide.runPython(`
import json, sys
sys.path.insert(0, "/lib/playbook")
from calculator.engine.scenario import ScenarioError, parse_scenario
from calculator.engine.sizing import plan_to_data, size
from calculator.engine.sizing_data import sizing_from_json

model = sizing_from_json(json.loads(SIZING_JSON))
results = []
for raw in json.loads(SCENARIOS_JSON):
    try:
        results.append(plan_to_data(size(parse_scenario(raw, model), model)))
    except ScenarioError as exc:
        results.append({"error": [str(p) for p in exc.problems]})
json.dumps({"python": sys.version.split()[0], "results": results}, sort_keys=True)
`);
process.stdout.write(out);
