// Calculator page glue. The sizing logic is Python (calculator/), run by Pyodide in a Web
// Worker; this file only reads the form, talks to the worker and shows what it returns.
// The result region starts with the plan prerendered at build time, so the page is complete
// before (and without) Python. One worker serves the whole visit, across instant navigation.
(function () {
  "use strict";

  var TEXT = {
    zh: {
      runtime: "正在下载并启动 Python 运行时（首次约数秒）…",
      engine: "正在载入计算引擎与数据…",
      ready: "实时计算已就绪：修改任一输入，结果立即更新。",
      updated: "已更新（{ms} 毫秒）。",
      link: "正在打开分享链接中的方案…",
      linkOpened: "已打开分享链接中的方案。",
      linkBad: "分享链接无法打开：{reason}。已改为显示默认方案。",
      unavailable: "实时重算不可用（{reason}）。下面是构建时算好的方案；请通过 http(s) 打开本页，并使用支持 WebAssembly 的浏览器。",
      invalid: "输入有误，结果未更新：",
      notNumber: "请输入数字",
      range: "应在 {min} 到 {max} 之间",
      copied: "分享链接已复制到剪贴板。",
      copyManual: "请手动复制上面的链接。",
      shareLabel: "分享链接",
      timeout: "启动超时",
    },
    en: {
      runtime: "Downloading and starting the Python runtime (a few seconds the first time)…",
      engine: "Loading the sizing engine and data…",
      ready: "Live calculation ready: change any input and the plan updates at once.",
      updated: "Updated ({ms} ms).",
      link: "Opening the plan from the shared link…",
      linkOpened: "Opened the plan from the shared link.",
      linkBad: "The shared link could not be opened: {reason}. Showing the default plan instead.",
      unavailable: "Live recalculation is unavailable ({reason}). Below is the plan computed at build time; open this page over http(s) in a browser with WebAssembly.",
      invalid: "Check the input; the plan was not updated: ",
      notNumber: "enter a number",
      range: "must be between {min} and {max}",
      copied: "Share link copied to the clipboard.",
      copyManual: "Copy the link above by hand.",
      shareLabel: "Share link",
      timeout: "start-up timed out",
    },
  };
  var START_TIMEOUT_MS = 90000;

  // One worker per visit (module scope survives Material's instant navigation).
  var engine = { worker: null, state: "idle", error: "", waiters: [], calls: new Map(), seq: 0, listeners: [] };

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return String(values[key]); });
  }

  function vendorRoot() {
    var meta = document.querySelector('meta[name="playbook-vendor"]');
    return new URL(meta ? meta.content : "vendor/", document.baseURI).href;
  }

  function startEngine(config) {
    if (engine.worker || engine.state === "error") return;
    engine.state = "loading";
    try {
      engine.worker = new Worker(config.worker, { type: "module" });
    } catch (error) {
      fail(String(error && error.message || error));
      return;
    }
    var timer = setTimeout(function () { fail(TEXT[config.lang].timeout); }, START_TIMEOUT_MS);
    engine.worker.onerror = function (event) {
      clearTimeout(timer);
      fail(event.message || "worker error");
    };
    engine.worker.onmessage = function (event) {
      var message = event.data;
      if (message.type === "progress") {
        engine.listeners.forEach(function (listener) { listener("progress", message.stage); });
      } else if (message.type === "ready") {
        clearTimeout(timer);
        engine.state = "ready";
        engine.listeners.forEach(function (listener) { listener("ready"); });
      } else if (message.type === "error") {
        clearTimeout(timer);
        fail(message.message);
      } else if (message.type === "result") {
        var resolve = engine.calls.get(message.id);
        engine.calls.delete(message.id);
        if (resolve) resolve({ result: message.result, ms: message.ms });
      }
    };
    engine.worker.postMessage({
      type: "start",
      config: {
        pyodide: vendorRoot() + "pyodide/",
        package: config.package,
        roles: config.roles,
        sizing: config.sizing,
        lang: config.lang,
        rolesPrefix: config.rolesPrefix,
        methodology: config.methodology,
      },
    });
  }

  function fail(reason) {
    engine.state = "error";
    engine.error = reason;
    if (engine.worker) engine.worker.terminate();
    engine.listeners.forEach(function (listener) { listener("error", reason); });
  }

  function call(message) {
    engine.seq += 1;
    message.id = engine.seq;
    return new Promise(function (resolve) {
      engine.calls.set(message.id, resolve);
      engine.worker.postMessage(message);
    });
  }

  function absolute(root, name) {
    return new URL(root.getAttribute(name), location.href).href;
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
    var buttons = root.querySelectorAll("[data-action]");
    var prerendered = JSON.parse(root.dataset.prerendered);
    var defaults = readForm();
    var latest = { fragment: prerendered.fragment, csv: prerendered.csv, markdown: prerendered.markdown };
    var running = false;
    var queued = false;
    var config = {
      lang: lang,
      worker: absolute(root, "data-worker"),
      package: absolute(root, "data-package"),
      roles: absolute(root, "data-roles-json"),
      sizing: absolute(root, "data-sizing-json"),
      rolesPrefix: root.dataset.rolesPrefix,
      methodology: root.dataset.methodology,
    };

    function say(text, kind) {
      status.textContent = text;
      status.dataset.kind = kind || "info";
    }

    function setState(state) {
      result.dataset.state = state;
      root.dataset.state = state;
    }

    // The form as a scenario (the CLI's JSON): empty fields are zero, so they are left out.
    function readForm() {
      var scenario = {};
      var problems = [];
      form.querySelectorAll("input[type=number]").forEach(function (input) {
        input.removeAttribute("aria-invalid");
        // The browser knows the data's limits (min/max come from sizing.yaml): say it in the
        // page's language before asking Python, which checks again all the same.
        if (input.validity.badInput || input.validity.rangeUnderflow || input.validity.rangeOverflow) {
          problems.push(input);
          return;
        }
        if (input.value.trim() === "") return;
        var path = input.name.split(".");
        var node = scenario;
        for (var i = 0; i < path.length - 1; i += 1) node = node[path[i]] = node[path[i]] || {};
        node[path[path.length - 1]] = Number(input.value);
      });
      var goals = [];
      form.querySelectorAll("input[name=goals]:checked").forEach(function (box) { goals.push(box.value); });
      if (goals.length) scenario.goals = goals;
      return { scenario: scenario, problems: problems };
    }

    function fillForm(scenario) {
      form.querySelectorAll("input[type=number]").forEach(function (input) {
        var node = scenario;
        input.name.split(".").forEach(function (key) { node = node && node[key]; });
        input.value = typeof node === "number" ? String(node) : "0";
      });
      form.querySelectorAll("input[name=goals]").forEach(function (box) {
        box.checked = (scenario.goals || []).indexOf(box.value) !== -1;
      });
    }

    function show(answer, message) {
      var data = answer.result;
      if (!root.isConnected) return false;
      if (!data.ok) {
        if (data.link_error) return say(format(t.linkBad, { reason: data.link_error }), "error"), false;
        if (data.crash) return say(format(t.unavailable, { reason: data.crash }), "error"), false;
        var lines = data.errors.map(function (problem) {
          var input = form.querySelector('[name="' + problem.path + '"]');
          if (input) input.setAttribute("aria-invalid", "true");
          return (input ? input.getAttribute("aria-label") : problem.path) + ": " + problem.message;
        });
        say(t.invalid + lines.join("; "), "error");
        return false;
      }
      // data.html is serialized by Python's ElementTree, which escapes every text and attribute.
      var fresh = new DOMParser().parseFromString(data.html, "text/html").body.firstElementChild;
      result.replaceChildren(fresh);
      root.querySelector("#calc-summary").textContent = data.summary;
      result.dataset.totalHeadcount = String(data.total_headcount);
      result.dataset.totalFte = String(data.total_fte);
      latest = data;
      history.replaceState(history.state, "", "#" + data.fragment);
      setState("ready");
      say(message || format(t.updated, { ms: Math.max(1, Math.round(answer.ms)) }), "ok");
      return true;
    }

    function recalculate() {
      if (engine.state !== "ready") return;
      if (running) { queued = true; return; }
      var read = readForm();
      if (read.problems.length) {
        read.problems.forEach(function (input) { input.setAttribute("aria-invalid", "true"); });
        say(t.invalid + read.problems.map(function (input) {
          var why = input.validity.badInput ? t.notNumber : format(t.range, { min: input.min, max: input.max });
          return (input.getAttribute("aria-label") || input.name) + ": " + why;
        }).join("; "), "error");
        return;
      }
      running = true;
      call({ type: "run", scenario: JSON.stringify(read.scenario), url: location.href }).then(function (answer) {
        running = false;
        show(answer);
        if (queued) { queued = false; recalculate(); }
      });
    }

    function openLink(fragment) {
      say(t.link, "info");
      call({ type: "link", fragment: fragment, url: location.href }).then(function (answer) {
        if (show(answer, t.linkOpened)) {
          fillForm(answer.result.scenario);
          return;
        }
        var why = status.textContent;  // a broken or tampered link: say why, then show the default
        fillForm(defaults.scenario);
        history.replaceState(history.state, "", location.pathname + location.search);
        runForm(function () { say(why, "error"); });
      });
    }

    function runForm(after) {
      var read = readForm();
      call({ type: "run", scenario: JSON.stringify(read.scenario), url: location.href }).then(function (answer) {
        show(answer);
        after();
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
        fillForm(defaults.scenario);
        recalculate();
      },
    };
    buttons.forEach(function (button) {
      button.disabled = false;
      button.addEventListener("click", function () { actions[button.dataset.action](); });
    });
    form.addEventListener("input", recalculate);
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    function onEngine(event, detail) {
      if (!root.isConnected) return;
      if (event === "progress") {
        say(t[detail] || t.runtime, "info");
      } else if (event === "ready") {
        say(t.ready, "ok");
        var hash = location.hash.replace(/^#/, "");
        if (hash.indexOf("scenario=") === 0) openLink(hash);
        else runForm(function () { say(t.ready, "ok"); });
      } else if (event === "error") {
        setState("error");
        form.querySelectorAll("fieldset").forEach(function (set) { set.disabled = true; });
        say(format(t.unavailable, { reason: detail }), "error");
      }
    }
    engine.listeners = [onEngine];  // only the page on screen listens

    if (engine.state === "ready") {
      onEngine("ready");
    } else if (engine.state === "error") {
      onEngine("error", engine.error);
    } else {
      setState("loading");
      say(location.hash.indexOf("#scenario=") === 0 ? t.link : t.runtime, "info");
      startEngine(config);
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
