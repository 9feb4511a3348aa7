// The language switcher (docs/overrides/partials/alternate.html) links each page to its counterpart
// in the other language. Carry the fragment along: the calculator's plan (#scenario=..., kept current
// by calc.js) and section anchors. Read when the link is used, so it is always the current one.
(function () {
  "use strict";
  if (window.playbookLanguageSwitch) return;  // once per visit, across instant navigation
  window.playbookLanguageSwitch = true;
  function carry(event) {
    var link = event.target && event.target.closest ? event.target.closest("a[data-carry-fragment]") : null;
    if (link) link.href = link.href.split("#")[0] + location.hash;
  }
  // capture: before Material's own click handling reads the link
  ["pointerdown", "mousedown", "touchstart", "focusin", "click", "auxclick", "contextmenu"].forEach(function (type) {
    document.addEventListener(type, carry, { capture: true, passive: true });
  });
})();
