// Runs the calculator's own Python under Pyodide (the npm package, offline) for a batch of
// scenarios, one process for the whole batch. Usage:
//   node tests/js/parity.mjs BUNDLE.zip SIZING.json ROLES.json < scenarios.json > results.json
// Each result is plan_to_data(size(parse_scenario(s))) or {"error": ...}, as JSON.
import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const [bundlePath, sizingPath, rolesPath] = process.argv.slice(2);
const scenarios = readFileSync(0, "utf8");
const pyodide = await loadPyodide({ stdout: () => {}, stderr: (line) => process.stderr.write(line + "\n") });
pyodide.unpackArchive(new Uint8Array(readFileSync(bundlePath)), "zip", { extractDir: "/lib/playbook" });
pyodide.globals.set("SIZING_JSON", readFileSync(sizingPath, "utf8"));
pyodide.globals.set("ROLES_JSON", readFileSync(rolesPath, "utf8"));
pyodide.globals.set("SCENARIOS_JSON", scenarios);
const out = pyodide.runPython(`
import json, sys
sys.path.insert(0, "/lib/playbook")
from calculator.engine.scenario import ScenarioError, parse_scenario
from calculator.engine.playbook import playbook_from_json
from calculator.engine.sizing.plan import size
from calculator.engine.sizing.plan_data import plan_to_data
from calculator.engine.sizing.loading import roles_from_playbook, sizing_from_json

playbook = playbook_from_json(json.loads(ROLES_JSON))
model = sizing_from_json(json.loads(SIZING_JSON), roles_from_playbook(playbook.roles))
results = []
for raw in json.loads(SCENARIOS_JSON):
    try:
        results.append(plan_to_data(size(parse_scenario(raw, model), model), model))
    except ScenarioError as exc:
        results.append({"error": [str(p) for p in exc.problems]})
json.dumps({"python": sys.version.split()[0], "results": results}, sort_keys=True)
`);
process.stdout.write(out);
