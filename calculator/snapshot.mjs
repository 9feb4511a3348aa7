// Makes the calculator's Pyodide memory snapshot (called by calculator/snapshot.py at build time).
//   node calculator/snapshot.mjs BUNDLE.zip ROLES.json SIZING.json NAME OUT.bin
// Starts the pinned npm Pyodide (the same files the site serves: a snapshot only restores into the
// build of the runtime that made it), unpacks the engine, and lets calculator.engine.prepared parse
// the data and warm a calculator per page; then saves the interpreter's memory. Python objects in
// __main__ survive a restore (PLAYBOOK_PREPARED); JavaScript proxies do not, so none is kept.
// Prints what it did as JSON: milliseconds per step, bytes, Python and Pyodide versions.
import { readFileSync, writeFileSync, renameSync } from "node:fs";
import { loadPyodide, version } from "pyodide";

const [bundlePath, rolesPath, sizingPath, name, outPath] = process.argv.slice(2);
const started = performance.now();
const pyodide = await loadPyodide({
  _makeSnapshot: true,
  stdout: () => {},
  stderr: (line) => process.stderr.write(line + "\n"),
});
const booted = performance.now();
pyodide.unpackArchive(new Uint8Array(readFileSync(bundlePath)), "zip", { extractDir: "/lib/playbook" });
pyodide.globals.set("ROLES_JSON", readFileSync(rolesPath, "utf8"));
pyodide.globals.set("SIZING_JSON", readFileSync(sizingPath, "utf8"));
pyodide.globals.set("SNAPSHOT_NAME", name);
const python = pyodide.runPython(`
import sys
sys.path.insert(0, "/lib/playbook")
from calculator.engine.prepared import prepare
PLAYBOOK_PREPARED = prepare(SNAPSHOT_NAME, ROLES_JSON, SIZING_JSON)
del ROLES_JSON, SIZING_JSON, SNAPSHOT_NAME, prepare
sys.version.split()[0]
`);
const prepared = performance.now();
const snapshot = pyodide.makeMemorySnapshot();
writeFileSync(outPath + ".part", snapshot);
renameSync(outPath + ".part", outPath);  // never a half-written snapshot under the final name
const ms = (a, b) => Math.round(b - a);
process.stdout.write(JSON.stringify({
  pyodide: version,
  python,
  bytes: snapshot.length,
  ms: { boot: ms(started, booted), prepare: ms(booted, prepared), save: ms(prepared, performance.now()) },
}));
