// Web Worker of the calculator page: starts Pyodide (self-hosted, standard library only),
// loads the site's own calculator package and data, and sizes scenarios on request.
// Every number comes from the same Python the CLI and the build run.
let calculator = null;

function say(message) {
  self.postMessage(message);
}

async function fetchOk(url, kind) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return kind === "bytes" ? response.arrayBuffer() : response.text();
}

async function start(config) {
  say({ type: "progress", stage: "runtime" });
  const { loadPyodide } = await import(config.pyodide + "pyodide.mjs");
  const pyodide = await loadPyodide({ indexURL: config.pyodide, stdout: () => {}, stderr: () => {} });
  say({ type: "progress", stage: "engine" });
  const [bundle, roles, sizing] = await Promise.all([
    fetchOk(config.package, "bytes"),
    fetchOk(config.roles, "text"),
    fetchOk(config.sizing, "text"),
  ]);
  pyodide.unpackArchive(bundle, "zip", { extractDir: "/lib/playbook" });
  pyodide.runPython("import sys; sys.path.insert(0, '/lib/playbook')");
  const browser = pyodide.pyimport("calculator.engine.browser");
  calculator = browser.Calculator(roles, sizing, config.lang, config.rolesPrefix, config.methodology);
}

self.onmessage = async (event) => {
  const message = event.data;
  if (message.type === "start") {
    try {
      await start(message.config);
      say({ type: "ready" });
    } catch (error) {
      say({ type: "error", message: String((error && error.message) || error) });
    }
    return;
  }
  const started = performance.now();
  try {
    const json = message.type === "link"
      ? calculator.open_link(message.fragment, message.url)
      : calculator.run(message.scenario, message.url);
    say({ type: "result", id: message.id, result: JSON.parse(json), ms: performance.now() - started });
  } catch (error) {
    say({ type: "result", id: message.id, result: { ok: false, crash: String((error && error.message) || error) } });
  }
};
