// Job-description glue for role pages. The JD text is written at build time by Python
// (calculator/pages/jobs.py); this file only copies it or saves it as a Markdown file.
// Bound through Material's document$ so it works after instant navigation too.
(function () {
  "use strict";

  var TEXT = {
    zh: { copied: "已复制到剪贴板。", selected: "已选中全文，请按 Ctrl+C / ⌘C 复制。", saved: "已保存 {file}。" },
    en: { copied: "Copied to the clipboard.", selected: "Text selected: press Ctrl+C / ⌘C to copy.", saved: "Saved {file}." },
  };

  function words() {
    return (document.documentElement.lang || "zh").indexOf("zh") === 0 ? TEXT.zh : TEXT.en;
  }

  function say(button, message) {
    var status = button.parentNode.querySelector(".playbook-jd__status");
    if (status) status.textContent = message;
  }

  function selectText(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function copy(button) {
    var source = document.getElementById(button.getAttribute("data-jd-copy"));
    if (!source) return;
    var fallback = function () { selectText(source); say(button, words().selected); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(source.textContent).then(function () { say(button, words().copied); }, fallback);
    } else {
      fallback();
    }
  }

  function download(button) {
    var source = document.getElementById(button.getAttribute("data-jd-source") || "");
    var text = source ? source.textContent : button.getAttribute("data-jd-text");
    var file = button.getAttribute("data-jd-file");
    if (text === null || !file) return;
    var url = URL.createObjectURL(new Blob([text], { type: "text/markdown;charset=utf-8" }));
    var link = document.createElement("a");
    link.href = url;
    link.download = file;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    say(button, words().saved.replace("{file}", file));
  }

  function bind() {
    var boxes = document.querySelectorAll(".playbook-jd__actions");
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      if (box.getAttribute("data-bound")) continue;
      box.setAttribute("data-bound", "1");
      box.hidden = false;
      box.addEventListener("click", function (event) {
        var button = event.target.closest("button");
        if (!button) return;
        if (button.hasAttribute("data-jd-copy")) copy(button);
        else if (button.hasAttribute("data-jd-file")) download(button);
      });
    }
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(bind);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", bind);
  } else {
    bind();
  }
})();
