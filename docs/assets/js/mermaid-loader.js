// Material for MkDocs renders ```mermaid blocks with the global `mermaid`, and loads it from
// a CDN when the global is missing. This stand-in keeps every request on our own origin:
// it loads the self-hosted copy (vendor/, pinned in package.json) the first time a diagram
// is rendered, so pages without diagrams never download it.
(function () {
  "use strict";
  if (typeof window.mermaid !== "undefined") return;
  var meta = document.querySelector('meta[name="playbook-vendor"]');
  var src = new URL("mermaid/mermaid.min.js", new URL(meta ? meta.content : "vendor/", document.baseURI)).href;
  var settings = {};
  var real = null;

  function load() {
    if (!real) {
      real = new Promise(function (resolve, reject) {
        var stub = window.mermaid;
        delete window.mermaid;
        var script = document.createElement("script");
        script.src = src;
        script.onload = function () {
          window.mermaid.initialize(settings);
          resolve(window.mermaid);
        };
        script.onerror = function () {
          window.mermaid = stub;
          real = null;
          reject(new Error("could not load " + src));
        };
        document.head.appendChild(script);
      });
    }
    return real;
  }

  window.mermaid = {
    // Labels come from roles.yaml: keep Mermaid's sanitiser on, whatever the theme asks for.
    initialize: function (config) { settings = Object.assign({}, config, { securityLevel: "strict" }); },
    render: function (id, text) {
      return load().then(function (m) { return m.render(id, text); });
    },
  };
})();
