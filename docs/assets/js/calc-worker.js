// Web Worker of the calculator page: starts Pyodide (self-hosted, standard library only),
// loads the site's own calculator package and data, and sizes scenarios on request.
// Every number comes from the same Python the CLI and the build run.
let calculator = null;
const PROGRESS_EVERY_MS = 250;
const RUNTIME = ["pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"];
const OURS = new Set(["pyodide.asm.mjs"]);  // runtime files this script reads itself; Pyodide fetches the rest

function say(message) {
  self.postMessage(message);
}

function absolute(url) {
  return new URL(url, self.location.href).href;
}

// Every file the start needs, requested at once and counted as the bytes arrive, so the page can
// show progress and tell a slow line (bytes still coming) from a stalled one (none for a while).
// Pyodide's own files are counted on a clone: Pyodide gets the untouched response, so the wasm is
// still compiled while it streams in and the browser can still cache the compiled code.
function download(urls, pyodides) {
  const theirs = new Set(pyodides);  // a copy: the caller's set changes as Pyodide takes its responses
  let loaded = 0;
  let total = 0;
  let last = 0;
  const report = (force) => {
    const now = Date.now();
    if (!force && now - last < PROGRESS_EVERY_MS) return;
    last = now;
    say({ type: "progress", stage: "download", loaded, total });
  };
  const count = async (body) => {
    const reader = body.getReader();
    const chunks = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return new Uint8Array(await new Blob(chunks).arrayBuffer());
      chunks.push(value);
      loaded += value.length;
      report(false);
    }
  };
  const responses = urls.map((url) => fetch(url).then((response) => {
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return { response, counted: theirs.has(url) ? response.clone() : response };
  }));
  // Counting starts once every size is known (when the server says it and sends the bytes as they
  // are, not compressed), so the total does not jump while the bar fills.
  const sized = Promise.all(responses).then((all) => {
    const sizes = all.map(({ response }) => (response.headers.get("Content-Encoding") ? 0 : Number(response.headers.get("Content-Length"))));
    total = sizes.every((n) => n > 0) ? sizes.reduce((a, b) => a + b, 0) : 0;
    report(true);
    return all;
  });
  const bodies = urls.map((url, i) => sized.then((all) => count(all[i].counted.body)));
  const done = Promise.all(bodies).then(() => report(true));
  done.catch(() => {});  // a failure is reported once, by the await that meets it first
  return {
    response: (url) => responses[urls.indexOf(url)].then(({ response }) => response),
    bytes: (url) => bodies[urls.indexOf(url)],
    done,
  };
}

// The runtime's JavaScript from the counted bytes (loadPyodide's documented createPyodideModule
// option). Where a policy forbids blob: scripts, the same file by its URL (from the HTTP cache, most
// likely, else a second download).
async function runtimeModule(bytes, url) {
  const script = URL.createObjectURL(new Blob([bytes], { type: "text/javascript" }));
  try {
    return (await import(script)).default;
  } catch {
    return (await import(url)).default;
  } finally {
    URL.revokeObjectURL(script);
  }
}

async function start(config) {
  const { loadPyodide } = await import(config.pyodide + "pyodide.mjs");  // 18 kB: the loader itself
  const runtime = RUNTIME.map((name) => absolute(config.pyodide + name));
  const theirs = new Set(runtime.filter((url) => !OURS.has(url.split("/").pop())));
  const data = [config.package, config.roles, config.sizing].map(absolute);
  const files = download([...runtime, ...data], theirs);
  // Once every byte is in, only the CPU is at work (the page then allows data-start-seconds, not the
  // stall limit): say so before Python's start, which blocks this thread for seconds, can begin. It
  // cannot begin without the standard library, so Pyodide gets that once everything is counted.
  let said = false;
  const allIn = () => files.done.then(() => {
    if (!said) say({ type: "progress", stage: "starting" });
    said = true;
  });
  // Pyodide's fetches of its own files get the responses already under way, once each.
  const original = self.fetch;
  self.fetch = (input, init) => {
    const url = absolute(input instanceof Request ? input.url : String(input));
    if (!theirs.delete(url)) return original.call(self, input, init);
    return url.endsWith("/python_stdlib.zip") ? allIn().then(() => files.response(url)) : files.response(url);
  };
  let pyodide;
  try {
    const createPyodideModule = await runtimeModule(await files.bytes(runtime[0]), runtime[0]);
    const starting = loadPyodide({ indexURL: config.pyodide, createPyodideModule, stdout: () => {}, stderr: () => {} });
    starting.catch(() => {});
    await allIn();
    pyodide = await starting;
  } finally {
    self.fetch = original;
  }
  say({ type: "progress", stage: "engine" });
  const [bundle, roles, sizing] = await Promise.all(data.map(files.bytes));
  const text = (bytes) => new TextDecoder().decode(bytes);
  pyodide.unpackArchive(bundle, "zip", { extractDir: "/lib/playbook" });
  pyodide.runPython("import sys; sys.path.insert(0, '/lib/playbook')");
  const browser = pyodide.pyimport("calculator.engine.browser");
  calculator = browser.Calculator(text(roles), text(sizing), config.lang, config.rolesPrefix, config.methodology);
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
    let json;
    if (message.type === "link") json = calculator.open_link(message.fragment, message.url);
    else if (message.type === "form") json = calculator.run_form(message.form, message.url);
    else if (message.type === "extras") json = calculator.extras(message.fragment, message.url);  // QR, Markdown
    else json = calculator.run(message.scenario, message.url);
    say({ type: "result", id: message.id, result: JSON.parse(json), ms: performance.now() - started });
  } catch (error) {
    say({ type: "result", id: message.id, result: { ok: false, crash: String((error && error.message) || error) } });
  }
};
