// Inlined as the first child of the calculator's #calc element (calculator/pages/calculator_page.py),
// so Python starts downloading and restoring while the rest of the page is still being parsed and
// Material's bundle runs (calc.js, at the end of the body, runs ~300 ms later). Paired runs on a
// 2-core machine: cold ready 2,619 -> 2,397 ms, returning within the spread (README, benchmark).
// calc.js adopts the worker started here (take) and replays what it said meanwhile; it calls start
// itself for a retry. Instant navigation re-runs this script: one worker per visit, so it only
// defines playbookCalcBoot and starts once.
(function () {
  "use strict";
  if (window.playbookCalcBoot) return;
  // The snapshot start moves ~3.9 MB more on the wire (gzip) than the plain start and saves the CPU
  // time of starting Python and loading the engine: ~2 s on the build machine, several seconds on a
  // phone (`make bench`; README, "Start-up from a memory snapshot"). 3.9 MB take ~3 s at 10 Mbit/s
  // but ~45 s at 0.7 Mbit/s. So the plain start when the visitor asked to save data, or the browser
  // rates the line 3G or slower. Not by `downlink`: Chromium reports 1.5 Mbit/s ("4g") before it has
  // measured anything, even on localhost.
  var PLAIN_ON = ["slow-2g", "2g", "3g"];

  function startupChoice(root) {
    var snapshot = root.getAttribute("data-snapshot");
    if (!snapshot) return { snapshot: "", plainReason: "this build has no snapshot" };
    var url = new URL(snapshot, location.href).href;
    var connection = navigator.connection;
    if (connection && connection.saveData) return { snapshot: url, plainReason: "Save-Data is on (the snapshot start moves about 4 MB more)" };
    if (connection && PLAIN_ON.indexOf(connection.effectiveType) !== -1) {
      return { snapshot: url, plainReason: "slow connection (" + connection.effectiveType + "): the snapshot start moves about 4 MB more" };
    }
    return { snapshot: url, plainReason: "" };
  }

  function absolute(root, name) {
    return new URL(root.getAttribute(name), location.href).href;
  }

  // Start the worker for the #calc element ``root``. Until calc.js takes it, what the worker says
  // (and a load error) waits in ``queue``. Returns {worker, queue, error}.
  function start(root) {
    var meta = document.querySelector('meta[name="playbook-vendor"]');
    var choice = startupChoice(root);
    var started = { worker: null, queue: [], error: "" };
    try {
      started.worker = new Worker(absolute(root, "data-worker"), { type: "module" });
    } catch (error) {
      started.error = String((error && error.message) || error);
      return started;
    }
    started.worker.onmessage = function (event) { started.queue.push({ data: event.data }); };
    started.worker.onerror = function (event) { started.queue.push({ error: event.message || "worker error" }); };
    started.worker.postMessage({
      type: "start",
      config: {
        pyodide: new URL(meta ? meta.content : "vendor/", document.baseURI).href + "pyodide/",
        package: absolute(root, "data-package"),
        roles: absolute(root, "data-roles-json"),
        sizing: absolute(root, "data-sizing-json"),
        lang: root.getAttribute("data-lang") === "en" ? "en" : "zh",
        rolesPrefix: root.getAttribute("data-roles-prefix"),
        methodology: root.getAttribute("data-methodology"),
        snapshot: choice.snapshot,
        plainReason: choice.plainReason,
      },
    });
    return started;
  }

  var pending = null;
  window.playbookCalcBoot = {
    start: start,
    // the worker started at parse time, once; null after that (calc.js then starts its own)
    take: function () {
      var taken = pending;
      pending = null;
      return taken;
    },
  };
  var root = document.getElementById("calc");
  if (root && window.Worker && location.protocol !== "file:") pending = start(root);
})();
