// Calculator page glue. The sizing logic is Python (calculator/), run by Pyodide in a Web
// Worker; this file only reads the form, talks to the worker and shows what it returns.
// The result region starts with the plan prerendered at build time, so the page is complete
// before (and without) Python. One worker serves the whole visit, across instant navigation.
(function () {
  "use strict";

  var TEXT = {
    zh: {
      runtime: "正在下载 Python 运行时与计算引擎…",
      download: "已下载 {loaded} / {total} MB",
      downloadOpen: "已下载 {loaded} MB",
      starting: "正在启动 Python…",
      engine: "正在载入计算引擎与数据…",
      ready: "实时计算已就绪：修改任一输入，结果立即更新。",
      pending: "实时计算启动后会按当前输入重新计算…",
      linkChanged: "这个方案与链接生成时的模型或数字不同，见结果上方的说明。",
      link: "正在打开分享链接中的方案…",
      linkOpened: "已打开分享链接中的方案。",
      restored: "已恢复你刚才的方案。",
      linkBad: "分享链接无法打开：{reason}。已改为显示默认方案。",
      linkBadKept: "分享链接无法打开：{reason}。仍显示你刚才的方案。",
      reasons: {
        not_a_scenario: "链接里没有方案",
        length: "链接不完整或过长",
        damaged: "链接已损坏",
        invalid: "链接里的方案无效",
        compare: "链接中用于对比的方案 B（vs=）无效",
      },
      unavailable: "实时重算不可用（{reason}）。下面是构建时算好的方案；请通过 http(s) 打开本页，并使用支持 WebAssembly 的浏览器。",
      failed: "实时重算没能启动（{reason}）。下面的方案仍然有效（构建时算好）；可以点“重试”再试一次。",
      retry: "重试",
      stalled: "下载已有 {s} 秒没有进展",
      slowStart: "下载完成后 Python 在 {s} 秒内没能启动",
      invalid: "输入有误，结果未更新：",
      copied: "分享链接已复制到剪贴板。",
      copyManual: "请手动复制上面的链接。",
      shareLabel: "分享链接",
      linkPending: "正在计算分享链接中的方案…",
      linkSteps: { runtime: "下载 Python 运行时", engine: "载入计算引擎与数据", plan: "计算链接中的方案" },
      linkFailed: "分享链接中的方案没能计算（实时计算不可用）。下面是默认方案，不是链接中的方案。",
      staleEditing: "输入已修改：结果将在实时计算就绪后更新。下面是修改前的方案（已变暗）。",
      staleInvalid: "输入有误：结果未更新。下面是上一个有效方案（已变暗）。",
      startup: "启动信息",
      startupSnapshot: "启动方式：内存快照（{ms} 毫秒）",
      startupPlain: "启动方式：常规启动（{ms} 毫秒）",
      startupWhy: "原因：{reason}",
    },
    en: {
      runtime: "Downloading the Python runtime and the sizing engine…",
      download: "{loaded} of {total} MB downloaded",
      downloadOpen: "{loaded} MB downloaded",
      starting: "Starting Python…",
      engine: "Loading the sizing engine and data…",
      ready: "Live calculation ready: change any input and the plan updates at once.",
      pending: "The plan will follow your input once live calculation has started…",
      linkChanged: "This plan differs from when the link was made (model or numbers): see the note above the result.",
      link: "Opening the plan from the shared link…",
      linkOpened: "Opened the plan from the shared link.",
      restored: "Restored the plan you were working on.",
      linkBad: "The shared link could not be opened: {reason}. Showing the default plan instead.",
      linkBadKept: "The shared link could not be opened: {reason}. Still showing the plan you were working on.",
      reasons: {
        not_a_scenario: "the link carries no plan",
        length: "the link is cut short or too long",
        damaged: "the link is damaged",
        invalid: "the plan in the link is not valid",
        compare: "the plan B to compare with (vs=) is not valid",
      },
      unavailable: "Live recalculation is unavailable ({reason}). Below is the plan computed at build time; open this page over http(s) in a browser with WebAssembly.",
      failed: "Live recalculation could not start ({reason}). The plan below still stands (computed at build time); press Retry to try again.",
      retry: "Retry",
      stalled: "the download made no progress for {s} seconds",
      slowStart: "Python did not start within {s} seconds of the download",
      invalid: "Check the input; the plan was not updated: ",
      copied: "Share link copied to the clipboard.",
      copyManual: "Copy the link above by hand.",
      shareLabel: "Share link",
      linkPending: "Computing the plan from the shared link…",
      linkSteps: { runtime: "Download the Python runtime", engine: "Load the sizing engine and data", plan: "Compute the link's plan" },
      linkFailed: "The plan from the shared link could not be computed (live calculation is unavailable). Below is the default plan, not the link's.",
      staleEditing: "Input changed: the plan updates once live calculation is ready. Below is the plan before your change (dimmed).",
      staleInvalid: "Check the input: the plan was not updated. Below is the last valid plan (dimmed).",
      startup: "Start-up details",
      startupSnapshot: "Started from the memory snapshot ({ms} ms)",
      startupPlain: "Plain start ({ms} ms)",
      startupWhy: "Why: {reason}",
    },
  };
  // No fixed start-up deadline: a slow line gets there. While downloading, start-up fails only when
  // no byte has come for the page's data-stall-seconds; once every byte is in, Python has
  // data-start-seconds to start (CPU only: a few seconds on a slow phone).
  var STALL_SECONDS_DEFAULT = 30;
  var EXTRAS_AFTER_MS = 400;  // the QR code and the Markdown export: asked for once typing pauses this long
  var START_SECONDS_DEFAULT = 90;

  // One worker per visit (module scope survives Material's instant navigation).
  var engine = { worker: null, state: "idle", error: "", calls: new Map(), seq: 0, listener: null, timer: 0 };
  // The visitor's last plan, so leaving the page and coming back keeps their inputs. One for both
  // languages: a plan's fragment means the same on the Chinese and the English page.
  var remembered = { fragment: "" };

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return String(values[key]); });
  }

  function tell(event, detail) {
    if (engine.listener) engine.listener(event, detail);
  }

  function fail(reason) {
    clearTimeout(engine.timer);
    engine.state = "error";
    engine.error = reason;
    if (engine.worker) engine.worker.terminate();
    engine.worker = null;
    engine.calls.forEach(function (resolve) { resolve({ result: { ok: false, crash: reason }, ms: 0 }); });
    engine.calls.clear();
    tell("error", reason);
  }

  function arm(config, stage) {
    var starting = stage === "starting" || stage === "engine";
    var seconds = starting ? config.startSeconds : config.stallSeconds;
    clearTimeout(engine.timer);
    engine.timer = setTimeout(function () {
      fail(format(TEXT[config.lang][starting ? "slowStart" : "stalled"], { s: seconds }));
    }, seconds * 1000);
  }

  // ---- The worker ------------------------------------------------------------------------------
  // Started when the page is bound (DOMContentLoaded), after Material's own start-up, not while the
  // page is parsed: on two cores the worker's download, wasm compile and restore then no longer run
  // beside the parser and Material's bundle. Paired runs (README, "Lighthouse"): Lighthouse 89.5 ->
  // 98.5 on the calculator, while "ready" did not move (cold 1,825 vs 1,789 ms).

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

  // A new worker for the #calc element ``root``, told where everything is; throws if none can start.
  function newWorker(root) {
    var meta = document.querySelector('meta[name="playbook-vendor"]');
    var choice = startupChoice(root);
    var worker = new Worker(absolute(root, "data-worker"), { type: "module" });
    worker.postMessage({
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
    return worker;
  }

  function startEngine(config, root) {
    engine.state = "loading";
    var worker;
    try {
      worker = newWorker(root);
    } catch (error) {
      fail(String((error && error.message) || error));
      return;
    }
    engine.worker = worker;
    arm(config);
    worker.onerror = function (event) { fail(event.message || "worker error"); };
    worker.onmessage = function (event) {
      var message = event.data;
      if (message.type === "progress") {
        arm(config, message.stage);
        tell("progress", message);
      } else if (message.type === "ready") {
        clearTimeout(engine.timer);
        engine.state = "ready";
        engine.startup = message.startup;
        tell("ready");
      } else if (message.type === "error") {
        fail(message.message);
      } else if (message.type === "result") {
        var resolve = engine.calls.get(message.id);
        engine.calls.delete(message.id);
        if (resolve) resolve({ result: message.result, ms: message.ms });
      }
    };
  }

  function call(message) {
    engine.seq += 1;
    message.id = engine.seq;
    return new Promise(function (resolve) {
      engine.calls.set(message.id, resolve);
      engine.worker.postMessage(message);
    });
  }

  // ---- Start-up: from the build's memory snapshot, or plain (calc-worker.js runs either) ----------
  // Which start ran and why, on the page (data-startup, data-startup-reason) and in a details box.
  function showStartup(root, t, startup) {
    if (!startup) return;
    root.dataset.startup = startup.path;
    root.dataset.startupReason = startup.reason || "";
    var box = root.querySelector(".calc-startup");
    if (!box) {
      box = document.createElement("details");
      box.className = "calc-startup";
      var summary = document.createElement("summary");
      summary.textContent = t.startup;
      box.append(summary, document.createElement("p"));
      root.append(box);
    }
    var line = format(startup.path === "snapshot" ? t.startupSnapshot : t.startupPlain, { ms: startup.ms });
    if (startup.reason) line += " · " + format(t.startupWhy, { reason: startup.reason });
    box.querySelector("p").textContent = line + " · Pyodide " + startup.pyodide + " · Python " + startup.python;
  }

  // ---- Link visits: the prerendered default plan is never shown as the link's plan ----------------
  // calc-first-paint.js marks the page before its first paint; from here the result region says the
  // link's plan is being computed, with the steps, and carries no totals until that plan is there.
  function linkVisitBegin(root, t) {
    var result = root.querySelector("#calc-result");
    var summary = root.querySelector("#calc-summary");
    var saved = {
      nodes: Array.prototype.slice.call(result.childNodes),
      headcount: result.dataset.totalHeadcount,
      fte: result.dataset.totalFte,
      summary: summary.textContent,
    };
    delete result.dataset.totalHeadcount;
    delete result.dataset.totalFte;
    result.dataset.state = "loading";
    root.dataset.state = "loading";
    var pending = document.createElement("div");
    pending.className = "calc-pending";
    var heading = document.createElement("p");
    heading.className = "calc-pending__title";
    heading.textContent = t.linkPending;
    var steps = document.createElement("ol");
    steps.className = "calc-pending__steps";
    ["runtime", "engine", "plan"].forEach(function (step, i) {
      var item = document.createElement("li");
      item.dataset.step = step;
      item.dataset.done = i === 0 ? "active" : "no";
      item.textContent = t.linkSteps[step];
      steps.append(item);
    });
    pending.append(heading, steps);
    result.replaceChildren(pending);
    result.setAttribute("aria-busy", "true");
    summary.textContent = t.linkPending;
    // The form shows the default inputs until the link's are read: not to be edited meanwhile.
    root.querySelectorAll("#calc-form fieldset").forEach(function (set) { set.disabled = true; });
    return saved;
  }

  function linkVisitProgress(root, t, saved, detail) {
    var order = ["runtime", "engine", "plan"];
    var step = detail.stage === "engine" ? "engine" : detail.stage === "plan" ? "plan" : "runtime";
    root.querySelectorAll(".calc-pending__steps li").forEach(function (item) {
      var here = order.indexOf(item.dataset.step) - order.indexOf(step);
      item.dataset.done = here < 0 ? "yes" : here === 0 ? "active" : "no";
    });
    var text = t.linkPending + " " + t.linkSteps[step];
    if (detail.stage === "download" && detail.loaded) {
      var mb = function (bytes) { return (bytes / 1e6).toFixed(1); };
      text += "（" + (detail.total ? mb(detail.loaded) + " / " + mb(detail.total) : mb(detail.loaded)) + " MB）";
      if (root.dataset.lang === "en") text = text.replace("（", " (").replace("）", ")");
    }
    root.querySelector("#calc-summary").textContent = text;
  }

  // The link's plan is on screen (failed: false), or cannot be computed (failed: true: the
  // prerendered default plan comes back, said to be the default, not the link's).
  function linkVisitEnd(root, saved, failed) {
    var result = root.querySelector("#calc-result");
    result.removeAttribute("aria-busy");
    root.querySelectorAll("#calc-form fieldset").forEach(function (set) { set.disabled = false; });
    if (failed) {
      result.replaceChildren.apply(result, saved.nodes);
      result.dataset.totalHeadcount = saved.headcount;
      result.dataset.totalFte = saved.fte;
      var t = TEXT[root.dataset.lang === "en" ? "en" : "zh"];
      root.querySelector("#calc-summary").textContent = t.linkFailed;
    }
    return null;
  }

  // ---- Stale result: dimmed, and the summary bar says why, until a valid plan replaces it ---------
  function markStale(root, t, kind) {
    var result = root.querySelector("#calc-result");
    if (result.dataset.state === "loading" && !result.dataset.totalHeadcount) return;  // no plan shown to dim
    result.dataset.stale = kind;
    root.dataset.stale = kind;
    root.querySelector("#calc-summary").textContent = kind === "invalid" ? t.staleInvalid : t.staleEditing;
  }

  function clearStale(root) {
    delete root.querySelector("#calc-result").dataset.stale;
    delete root.dataset.stale;
  }

  // ---- A plan already on screen is not drawn again -------------------------------------------
  // The first live plan of a visit is usually the prerendered default again, and an edit may come
  // back to the plan shown. The fragment names the inputs, the model version and the plan's digest,
  // so the same fragment is the same plan: then only the link section changes (the live address,
  // later its QR code). Replacing ~570 identical elements cost a second style and layout of the
  // whole result and dropped what the visitor had open there. (Paired Lighthouse runs did not move
  // with this: the page's start-up cost lies elsewhere, README "Lighthouse".)
  function showPlan(result, fresh, fragment) {
    var current = result.firstElementChild;
    var link = ".calc-section--link";
    var oldLink = current && current.dataset.planFragment === fragment && current.querySelector(link);
    var newLink = fresh.querySelector(link);
    if (oldLink && newLink) {
      if (!oldLink.isEqualNode(newLink)) oldLink.replaceWith(newLink);
      return;
    }
    fresh.dataset.planFragment = fragment;
    result.replaceChildren(fresh);
  }

  function bind() {
    var root = document.getElementById("calc");
    if (!root || root.dataset.bound) return;
    root.dataset.bound = "1";
    var lang = root.dataset.lang === "en" ? "en" : "zh";
    var t = TEXT[lang];
    var form = root.querySelector("#calc-form");
    var status = root.querySelector("#calc-status");
    var result = root.querySelector("#calc-result");
    var exports = root.querySelectorAll("[data-action=share], [data-action=csv], [data-action=markdown]");
    var prerendered = JSON.parse(root.dataset.prerendered);
    var defaults = readForm();
    if (result.firstElementChild && result.firstElementChild.classList.contains("calc-result__body")) {
      result.firstElementChild.dataset.planFragment = prerendered.fragment;  // what showPlan compares
    }
    // What share and export hand out: always the plan on screen, never one the form has left.
    var latest = { fragment: prerendered.fragment, csv: prerendered.csv, markdown: prerendered.markdown };
    var busy = false;  // one call to the worker at a time; the newest input waits, older ones are dropped
    var again = null;
    var config = {
      lang: lang,
      stallSeconds: Number(root.dataset.stallSeconds) || STALL_SECONDS_DEFAULT,
      startSeconds: Number(root.dataset.startSeconds) || START_SECONDS_DEFAULT,
    };
    document.documentElement.classList.remove("calc-link-visit");  // calc-first-paint.js's mark: bound now
    var linkVisit = location.hash.indexOf("#scenario=") === 0 ? linkVisitBegin(root, t) : null;
    var pagePath = location.pathname;

    function say(text, kind) {
      status.textContent = text;
      status.dataset.kind = kind || "info";
    }

    function setState(state) {
      result.dataset.state = state;
      root.dataset.state = state;
    }

    function setExportsEnabled(enabled) {
      exports.forEach(function (button) { button.disabled = !enabled; });
    }

    // The form as typed: each number field's text and the goals ticked. Python reads the numbers
    // (calculator/forminput.py); the browser's own reading of "1,5" or "0x10" would be a guess.
    function readForm() {
      var fields = {};
      form.querySelectorAll("input[inputmode]").forEach(function (input) { fields[input.name] = input.value; });
      // a channel's format: the first option is the default, so only another choice is sent
      var formats = {};
      form.querySelectorAll("select[data-format-of]").forEach(function (select) {
        if (select.selectedIndex > 0) formats[select.getAttribute("data-format-of")] = select.value;
      });
      var goals = [];
      form.querySelectorAll("input[name=goals]:checked").forEach(function (box) { goals.push(box.value); });
      var choices = {};  // selects named like a scenario field (city_tier)
      form.querySelectorAll("select[data-field]").forEach(function (select) { choices[select.name] = select.value; });
      return { fields: fields, goals: goals, formats: formats, choices: choices };
    }

    // Show a scenario (Python's canonical form) or a form as read by readForm.
    function fillForm(scenario) {
      form.querySelectorAll("input[inputmode]").forEach(function (input) {
        var node = scenario;
        input.name.split(".").forEach(function (key) { node = node && node[key]; });
        input.value = typeof node === "number" ? String(node) : "0";
      });
      form.querySelectorAll("select[data-format-of]").forEach(function (select) {
        var channel = (scenario.channels || {})[select.getAttribute("data-format-of")];
        select.value = channel && channel.format ? channel.format : select.options[0].value;
      });
      form.querySelectorAll("select[data-field]").forEach(function (select) {
        select.value = scenario[select.name] || select.dataset.default;
      });
      fillGoals(scenario.goals);
    }

    function fillTyped(typed) {
      form.querySelectorAll("input[inputmode]").forEach(function (input) { input.value = typed.fields[input.name]; });
      form.querySelectorAll("select[data-format-of]").forEach(function (select) {
        var chosen = (typed.formats || {})[select.getAttribute("data-format-of")];
        select.value = chosen || select.options[0].value;
      });
      form.querySelectorAll("select[data-field]").forEach(function (select) {
        select.value = (typed.choices || {})[select.name] || select.dataset.default;
      });
      fillGoals(typed.goals);
    }

    function fillGoals(goals) {
      form.querySelectorAll("input[name=goals]").forEach(function (box) {
        box.checked = (goals || []).indexOf(box.value) !== -1;
      });
    }

    function field(name) {
      return form.querySelector('[name="' + CSS.escape(name) + '"]');
    }

    function clearFieldErrors() {
      form.querySelectorAll(".calc-field__error").forEach(function (note) { note.remove(); });
      form.querySelectorAll("[aria-invalid]").forEach(function (input) {
        input.removeAttribute("aria-invalid");
        input.removeAttribute("aria-describedby");
      });
    }

    // The message next to the field it is about, and tied to it for screen readers.
    function markField(input, message) {
      var note = document.createElement("span");
      note.className = "calc-field__error";
      note.id = "calc-error-" + input.name.replace(/[^\w-]/g, "-");
      note.textContent = message;
      input.after(note);
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", note.id);
    }

    // Apply the worker's answer to the page; false when there is no new plan to show.
    function show(answer, message) {
      var data = answer.result;
      if (!data.ok) {
        if (data.link_error) {
          say(format(t.linkBad, { reason: linkReason(data) }), "error");
        } else if (data.crash) {
          say(format(t.unavailable, { reason: data.crash }), "error");
        } else {
          var problems = (data.fields || []).map(function (problem) { return { path: problem.name, message: problem.message }; });
          markStale(root, t, "invalid");
          say(t.invalid + problems.concat(data.errors || []).map(function (problem) {
            var input = problem.path ? field(problem.path) : null;
            if (input) markField(input, problem.message);
            return (input ? input.getAttribute("aria-label") + ": " : problem.path ? problem.path + ": " : "") + problem.message;
          }).join("; "), "error");
        }
        return false;
      }
      if (linkVisit) linkVisit = linkVisitEnd(root, linkVisit, false);
      clearStale(root);
      // data.html is serialized by Python's ElementTree, which escapes every text and attribute.
      var fresh = new DOMParser().parseFromString(data.html, "text/html").body.firstElementChild;
      showPlan(result, fresh, data.fragment);
      result.dataset.totalHeadcount = String(data.total_headcount);
      result.dataset.totalFte = String(data.total_fte);
      if (data.compare_total_headcount != null) result.dataset.compareTotalHeadcount = String(data.compare_total_headcount);
      else delete result.dataset.compareTotalHeadcount;
      root.querySelector("#calc-summary").textContent = data.summary;
      latest = data;
      remembered.fragment = data.fragment;
      setExportsEnabled(true);
      // not once instant navigation has moved the address to another page (its DOM swap comes later)
      if (location.pathname === pagePath) history.replaceState(history.state, "", "#" + data.fragment);
      setState("ready");
      announce(data, message, answer.ms);
      scheduleExtras(data);
      return true;
    }

    // The QR code (in the result's link section) and the Markdown export (which holds it) wait for the
    // QR encoder: asked for once typing pauses, and dropped when newer input overtakes them. The
    // worker is busy with them for a few hundred ms under Pyodide, and a keystroke used to wait behind
    // them (430 ms round trip, 100 ms of it sizing). Until they come, the Markdown export is disabled
    // and the link section shows the link without its QR code.
    var extrasTimer = null;
    function scheduleExtras(data) {
      root.querySelector("[data-action=markdown]").disabled = true;
      clearTimeout(extrasTimer);
      extrasTimer = setTimeout(function () {
        extrasTimer = null;
        if (!root.isConnected || latest.fragment !== data.fragment) return;  // a newer plan has its own
        if (busy) scheduleExtras(data);  // input is being sized: after it
        else requestExtras(data);
      }, EXTRAS_AFTER_MS);
    }

    function requestExtras(data) {
      var markdown = root.querySelector("[data-action=markdown]");
      markdown.disabled = true;
      send({
        message: { type: "extras", fragment: data.fragment, url: location.href },
        done: function (answer) {
          var extras = answer.result;
          if (!extras.ok || extras.fragment !== latest.fragment) return;
          // link_html is serialized by Python's ElementTree, like the result
          var fresh = new DOMParser().parseFromString(extras.link_html, "text/html").body.firstElementChild;
          var section = result.querySelector(".calc-section--link");
          if (section && fresh) section.replaceWith(fresh);
          latest.markdown = extras.markdown;
          markdown.disabled = false;
        },
      });
    }

    // The status line is the page's one live region: it says the new team size ("建议团队 9 人…"),
    // after the link notice when there is one; the time taken goes to data-ms, not to the ear.
    function announce(data, message, ms) {
      var parts = [message, data.link_changed ? t.linkChanged : "", data.summary];
      say(parts.filter(Boolean).join(" "), "ok");
      status.dataset.ms = String(Math.max(1, Math.round(ms || 0)));
    }

    // Send one request; while it runs, remember only the newest one to send after it.
    function send(request) {
      if (busy) { again = request; return; }
      busy = true;
      call(request.message).then(function (answer) {
        busy = false;
        if (!root.isConnected) return;  // the visitor has left this page meanwhile
        if (again) {  // newer input arrived: this answer is already out of date
          var next = again;
          again = null;
          send(next);
          return;
        }
        request.done(answer);
      });
    }

    function recalculate(after) {
      setExportsEnabled(false);
      clearTimeout(extrasTimer);
      if (engine.state !== "ready") {
        markStale(root, t, "editing");
        if (engine.state === "loading") say(t.pending, "info");
        return;
      }
      send({
        message: { type: "form", form: JSON.stringify(readForm()), url: location.href },
        done: function (answer) {
          clearFieldErrors();
          if (show(answer) && after) after();  // a field the engine could not read keeps its message
        },
      });
    }

    function linkReason(data) {
      var reason = t.reasons[data.link_reason] || data.link_error;
      var detailed = data.link_reason === "invalid" || data.link_reason === "compare";
      return detailed ? reason + " (" + data.link_error + ")" : reason;
    }

    // Open a share link; ``notice`` replaces the status once the plan is on screen.
    function openLink(fragment, restoring, notice) {
      say(t.link, "info");
      send({
        message: { type: "link", fragment: fragment, url: location.href },
        done: function (answer) {
          if (show(answer, notice || (restoring ? t.restored : t.linkOpened))) {
            clearFieldErrors();
            fillForm(answer.result.scenario);
            if (notice) say(notice, "error");
            return;
          }
          // A broken or tampered link: say why, and keep the last good plan of this visit (else the default).
          history.replaceState(history.state, "", location.pathname + location.search);
          var kept = remembered.fragment;
          if (kept && !restoring && kept !== fragment) {
            openLink(kept, true, format(t.linkBadKept, { reason: linkReason(answer.result) }));
            return;
          }
          var reason = status.textContent;
          fillTyped(defaults);
          recalculate(function () { say(reason, "error"); });
        },
      });
    }

    function download(name, text, type) {
      var blob = new Blob([text], { type: type });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    }

    function share() {
      var url = location.href.split("#")[0] + "#" + latest.fragment;
      var box = root.querySelector(".calc-share");
      if (!box) {
        box = document.createElement("input");
        box.className = "calc-share";
        box.readOnly = true;
        box.setAttribute("aria-label", t.shareLabel);
        root.querySelector(".calc-actions").after(box);
      }
      box.value = url;
      box.select();
      var copied = navigator.clipboard && window.isSecureContext
        ? navigator.clipboard.writeText(url).then(function () { return true; }, function () { return false; })
        : Promise.resolve(false);
      copied.then(function (ok) { say(ok ? t.copied : t.copyManual, "ok"); });
    }

    var actions = {
      share: share,
      csv: function () { download("team-plan.csv", "\ufeff" + latest.csv, "text/csv;charset=utf-8"); },
      markdown: function () { download("team-plan.md", latest.markdown, "text/markdown;charset=utf-8"); },
      print: function () { window.print(); },
      reset: function () {
        fillTyped(defaults);
        recalculate();
      },
    };
    root.querySelectorAll("[data-action]").forEach(function (button) {
      button.disabled = false;
      button.addEventListener("click", function () { actions[button.dataset.action](); });
    });
    if (linkVisit) setExportsEnabled(false);  // the default plan's share link and exports are not the link's
    form.addEventListener("input", function () { recalculate(); });
    // A preset or comparison link on the page (#scenario=...) opens like a shared link. Clicks are
    // handled here: Material's instant navigation moves same-page fragments without a hashchange.
    root.addEventListener("click", function (event) {
      var anchor = event.target.closest && event.target.closest("a[href*='#scenario=']");
      if (!anchor) return;
      event.preventDefault();
      var hash = anchor.getAttribute("href").split("#")[1];
      if (engine.state === "ready") openLink(hash, false);
      else history.replaceState(history.state, "", "#" + hash);  // opened once Python is ready
    });
    window.addEventListener("hashchange", function onHash() {
      if (!root.isConnected) { window.removeEventListener("hashchange", onHash); return; }
      var hash = location.hash.replace(/^#/, "");
      if (hash.indexOf("scenario=") === 0 && hash !== latest.fragment && engine.state === "ready") openLink(hash, false);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    // Bytes downloaded, under the status line (not in it: a live region read out four times a second
    // would drown everything else for a screen reader).
    function showProgress(message) {
      var line = root.querySelector(".calc-progress");
      if (!line) {
        line = document.createElement("p");
        line.className = "calc-progress";
        var meter = document.createElement("progress");
        meter.setAttribute("aria-label", t.runtime);
        line.append(meter, " ", document.createElement("span"));
        status.after(line);
      }
      var bar = line.querySelector("progress");
      var mb = function (bytes) { return (bytes / 1e6).toFixed(1); };
      if (message.total) {
        bar.max = message.total;
        bar.value = Math.min(message.loaded, message.total);
      } else {
        bar.removeAttribute("value");  // the size is unknown (a compressed download): an indeterminate bar
      }
      line.querySelector("span").textContent = message.total
        ? format(t.download, { loaded: mb(message.loaded), total: mb(message.total) })
        : format(t.downloadOpen, { loaded: mb(message.loaded) });
    }

    function hideProgress() {
      var line = root.querySelector(".calc-progress");
      if (line) line.remove();
    }

    // After a failed start over http(s), one button starts again; the prerendered plan stays meanwhile.
    function offerRetry() {
      if (location.protocol === "file:") return false;  // a worker cannot start from a file: retrying will not help
      if (root.querySelector(".calc-retry")) return true;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button calc-retry";
      button.textContent = t.retry;
      button.addEventListener("click", function () {
        button.remove();
        form.querySelectorAll("fieldset").forEach(function (set) { set.disabled = false; });
        engine.state = "idle";
        engine.error = "";
        setState("loading");
        say(t.runtime, "info");
        startEngine(config, root);
      });
      status.after(button);
      return true;
    }

    function onEngine(event, detail) {
      if (!root.isConnected) return;
      if (event === "progress") {
        var text = (detail.stage !== "download" && t[detail.stage]) || t.runtime;
        if (status.textContent !== text) say(text, "info");
        if (detail.stage === "download") showProgress(detail);
        if (linkVisit) linkVisitProgress(root, t, linkVisit, detail);
      } else if (event === "ready") {
        hideProgress();
        showStartup(root, t, engine.startup);
        if (linkVisit) linkVisitProgress(root, t, linkVisit, { stage: "plan" });
        var hash = location.hash.replace(/^#/, "");
        var restoring = !hash && Boolean(remembered.fragment);
        if (restoring) hash = remembered.fragment;
        if (hash.indexOf("scenario=") === 0) {
          openLink(hash, restoring);  // stays "loading" until that plan is on screen
        } else {
          setState("ready");
          recalculate(function () { say(t.ready, "ok"); });
        }
      } else if (event === "error") {
        hideProgress();
        if (linkVisit) linkVisit = linkVisitEnd(root, linkVisit, true);
        setState("error");
        setExportsEnabled(JSON.stringify(readForm()) === JSON.stringify(defaults));
        form.querySelectorAll("fieldset").forEach(function (set) { set.disabled = true; });
        say(format(offerRetry() ? t.failed : t.unavailable, { reason: detail }), "error");
      }
    }
    engine.listener = onEngine;  // only the page on screen listens

    if (engine.state === "error" && engine.worker === null && engine.retried !== true) {
      engine.retried = true;  // a later visit tries once more (e.g. after a network hiccup)
      engine.state = "idle";
    }
    if (engine.state === "ready") {
      onEngine("ready");
    } else if (engine.state === "error") {
      onEngine("error", engine.error);
    } else {
      setState("loading");
      say(location.hash.indexOf("#scenario=") === 0 ? t.link : t.runtime, "info");
      if (engine.state === "idle") startEngine(config, root);
    }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(bind);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", bind);
  } else {
    bind();
  }
})();
