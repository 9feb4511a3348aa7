// Web Worker of the calculator page: starts Pyodide (self-hosted, standard library only) with the
// site's own calculator package and data, and sizes scenarios on request.
// Every number comes from the same Python the CLI and the build run.
//
// Two ways to start, and the page is told which ran and why:
//  - snapshot: restore the Pyodide memory snapshot made at build time (calculator/snapshot.mjs), which
//    already holds the engine, the parsed data and a calculator per page. Fetches the runtime and the
//    snapshot, no standard library, engine or data. Uses Pyodide's private _loadSnapshot option
//    (pinned 314.0.7; tests/test_snapshot.py restores it in Node and Chromium).
//  - plain: start Python, unpack the engine, parse the data. When the page asks for it (no snapshot,
//    Save-Data, a slow line) or when the snapshot cannot be used (missing, damaged, made by another
//    build of the runtime or from other data, failed to restore).
let calculator = null;
const PROGRESS_EVERY_MS = 250;
const WASM_PAGE = 65536;
// An empty zip archive (its end record only): what Pyodide writes as the standard library after a
// restore. The snapshot has every module it needs imported and has forgotten the archive's index.
const EMPTY_ZIP = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);

function say(message) {
  self.postMessage(message);
}

function absolute(url) {
  return new URL(url, self.location.href).href;
}

// One buffer from a body's chunks (a copy each; 30 MB of snapshot: ~30 ms, where a Blob's
// arrayBuffer() took ~110 ms more).
function joined(chunks) {
  let size = 0;
  for (const chunk of chunks) size += chunk.length;
  const whole = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.length;
  }
  return whole;
}

// The snapshot, unpacked, in Cache Storage after the first visit. The HTTP cache keeps the
// response as it came, gzipped, and inflating its 7.7 MB was most of reading it on a returning
// visit. The file's name carries its digest, so an entry is never stale; storing one deletes the
// others (older builds). Without Cache Storage (plain http on another host) or on any error of
// its own, the snapshot comes from the network and HTTP cache as before.
const SNAPSHOTS = "playbook-snapshot";
const unpacked = {
  hit: false,
  async get(url) {
    try {
      const found = await (await caches.open(SNAPSHOTS)).match(url);
      if (found) {
        unpacked.hit = true;
        return found;
      }
    } catch {}
    return fetch(url);
  },
  // after a restore from ``bytes`` (checked, and unchanged by the restore): kept for the next visit
  async store(url, bytes) {
    if (unpacked.hit || !self.caches) return;
    try {
      const cache = await caches.open(SNAPSHOTS);
      for (const request of await cache.keys()) if (request.url !== url) await cache.delete(request);
      const headers = { "Content-Type": "application/octet-stream", "Content-Length": String(bytes.byteLength) };
      await cache.put(url, new Response(bytes, { headers }));
    } catch {}
  },
  // a snapshot start that failed from a stored copy: not that copy again
  async forget() {
    if (!unpacked.hit) return;
    try {
      await caches.delete(SNAPSHOTS);
    } catch {}
  },
};

// Every file the start needs, requested at once and counted as the bytes arrive, so the page can
// show progress and tell a slow line (bytes still coming) from a stalled one (none for a while).
// Pyodide's own files are counted on a clone: Pyodide gets the untouched response, so the wasm is
// still compiled while it streams in and the browser can still cache the compiled code.
// ``sources``: URL -> a function that gets that file's response instead of fetch (the kept snapshot).
function download(urls, pyodides, sources = {}) {
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
      if (done) return joined(chunks);
      chunks.push(value);
      loaded += value.length;
      report(false);
    }
  };
  const responses = urls.map((url) => (sources[url] || fetch)(url).then((response) => {
    if (!response.ok) throw new Error(`${url.split("/").pop()}: HTTP ${response.status}`);
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
  bodies.forEach((body) => body.catch(() => {}));
  return {
    response: (url) => responses[urls.indexOf(url)].then(({ response }) => response),
    bytes: (url) => bodies[urls.indexOf(url)],
    done,
  };
}

// The runtime's JavaScript (loadPyodide's documented createPyodideModule option), imported by its
// URL once the counted bytes are in (so from the HTTP cache): V8 keeps compiled code for a URL, not
// for a blob:. If that import fails, the counted bytes as a blob: module.
async function runtimeModule(bytes, url) {
  try {
    return (await import(url)).default;
  } catch {}
  const script = URL.createObjectURL(new Blob([bytes], { type: "text/javascript" }));
  try {
    return (await import(script)).default;
  } finally {
    URL.revokeObjectURL(script);
  }
}

// Start Pyodide from the downloads under way. ``theirs``: the URLs Pyodide fetches itself (it gets
// the responses already under way, once each); ``stdlib``: what Pyodide gets for the standard library,
// once every byte is in (Python's start, which blocks this thread, cannot begin without it).
async function boot(config, loadPyodide, files, theirs, stdlib, options) {
  let said = false;
  const allIn = () => files.done.then(() => {
    if (!said) say({ type: "progress", stage: "starting" });
    said = true;
  });
  const asm = absolute(config.pyodide + "pyodide.asm.mjs");
  const original = self.fetch;
  self.fetch = (input, init) => {
    const url = absolute(input instanceof Request ? input.url : String(input));
    if (url.endsWith("/python_stdlib.zip")) return allIn().then(stdlib);
    if (!theirs.delete(url)) return original.call(self, input, init);
    return files.response(url);
  };
  try {
    const createPyodideModule = await runtimeModule(await files.bytes(asm), asm);
    const starting = loadPyodide({ indexURL: config.pyodide, createPyodideModule, stdout: () => {}, stderr: () => {}, ...options });
    starting.catch(() => {});
    await allIn();
    return await starting;
  } finally {
    self.fetch = original;
  }
}

function runtimeURLs(config, names) {
  return names.map((name) => absolute(config.pyodide + name));
}

// A snapshot file as Pyodide 314 writes it: magic "\0snp", the offset of the memory image, and a
// whole number of wasm memory pages after it (a cut-off download fails here, not inside Python).
function checkedSnapshot(bytes) {
  const head = new DataView(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 8));
  if (bytes.byteLength < 64 || head.getUint32(0, true) !== 0x706e7300) throw new Error("the snapshot file is not a Pyodide snapshot");
  const offset = head.getUint32(4, true);
  if (offset >= bytes.byteLength || (bytes.byteLength - offset) % WASM_PAGE) throw new Error("the snapshot file is incomplete");
  return bytes;
}

async function startFromSnapshot(config, loadPyodide) {
  const snapshot = absolute(config.snapshot);
  const runtime = runtimeURLs(config, ["pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide-lock.json"]);
  const theirs = new Set(runtime.slice(1));
  const files = download([...runtime, snapshot], theirs, { [snapshot]: unpacked.get });
  const image = files.bytes(snapshot).then(checkedSnapshot);
  image.catch(() => {});
  const pyodide = await boot(config, loadPyodide, files, theirs, () => new Response(EMPTY_ZIP), { _loadSnapshot: image });
  say({ type: "progress", stage: "engine" });
  const prepared = pyodide.globals.get("PLAYBOOK_PREPARED");
  if (!prepared) throw new Error("the snapshot holds no prepared calculator");
  const name = String(prepared.name);
  if (name !== snapshot.split("/").pop()) throw new Error(`the snapshot holds ${name}, not this page's`);
  calculator = prepared.calculator(config.lang, config.rolesPrefix, config.methodology);
  const late = prepared.new_modules().toJs();
  if (late.length) throw new Error(`the snapshot lacks ${late.join(", ")}`);
  image.then((bytes) => setTimeout(() => unpacked.store(snapshot, bytes), 0));  // after "ready" is said
  return pyodide;
}

async function startPlain(config, loadPyodide) {
  const runtime = runtimeURLs(config, ["pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"]);
  const theirs = new Set(runtime.slice(1));
  const data = [config.package, config.roles, config.sizing].map(absolute);
  const files = download([...runtime, ...data], theirs);
  const pyodide = await boot(config, loadPyodide, files, theirs, () => files.response(runtime[2]), {});
  say({ type: "progress", stage: "engine" });
  const [bundle, roles, sizing] = await Promise.all(data.map(files.bytes));
  const text = (bytes) => new TextDecoder().decode(bytes);
  pyodide.unpackArchive(bundle, "zip", { extractDir: "/lib/playbook" });
  pyodide.runPython("import sys; sys.path.insert(0, '/lib/playbook')");
  const browser = pyodide.pyimport("calculator.engine.browser");
  calculator = browser.Calculator(text(roles), text(sizing), config.lang, config.rolesPrefix, config.methodology);
  return pyodide;
}

// Which start ran and why, for the page's start-up details (never a silent fallback).
async function start(config) {
  const started = performance.now();
  const { loadPyodide, version } = await import(config.pyodide + "pyodide.mjs");  // 18 kB: the loader itself
  let reason = config.plainReason || "";
  let pyodide = null;
  if (config.snapshot && !reason) {
    try {
      pyodide = await startFromSnapshot(config, loadPyodide);
    } catch (error) {
      reason = `snapshot not used: ${String((error && error.message) || error).split("\n")[0]}`;
      calculator = null;
      await unpacked.forget();
      say({ type: "progress", stage: "fallback", reason });
    }
  }
  const path = pyodide ? "snapshot" : "plain";
  if (!pyodide) pyodide = await startPlain(config, loadPyodide);
  return {
    path,
    reason,
    ms: Math.round(performance.now() - started),
    pyodide: version,
    python: pyodide.runPython("import sys; sys.version.split()[0]"),
  };
}

self.onmessage = async (event) => {
  const message = event.data;
  if (message.type === "start") {
    try {
      say({ type: "ready", startup: await start(message.config) });
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
