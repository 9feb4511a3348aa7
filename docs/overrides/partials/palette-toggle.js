// The light/dark toggle, without Material's palette component (partials/palette.html says why).
// Runs in the header, before the first paint: the scheme stored by the visitor's last choice
// (Material's "__palette" entry, so a choice made before this change still counts), else the one
// matching the system's preference; then shows the one toggle button that switches to the other.
(function () {
  var form = document.querySelector("[data-playbook-palette]");
  if (!form) return;
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input[name=__palette]"));
  if (!inputs.length) return;

  function apply(index, save) {
    var color = {};
    ["media", "scheme", "primary", "accent"].forEach(function (key) {
      color[key] = inputs[index].getAttribute("data-md-color-" + key);
      document.body.setAttribute("data-md-color-" + key, color[key]);
    });
    inputs.forEach(function (each, i) {
      each.checked = i === index;
      var label = each.nextElementSibling;
      if (label && label.tagName === "LABEL") label.hidden = i !== index;
    });
    if (save && window.__md_set) window.__md_set("__palette", { index: index, color: color });
  }

  var stored = null;
  try {
    stored = window.__md_get ? window.__md_get("__palette") : null;
  } catch (error) {
    stored = null;  // storage blocked or damaged: fall back to the system's preference
  }
  var index = stored && typeof stored.index === "number" && inputs[stored.index] ? stored.index : -1;
  if (index < 0) {
    index = inputs.findIndex(function (input) {
      var media = input.getAttribute("data-md-color-media");
      return Boolean(media) && window.matchMedia(media).matches;
    });
  }
  apply(index < 0 ? 0 : index, false);
  form.addEventListener("change", function (event) {
    var chosen = inputs.indexOf(event.target);
    if (chosen >= 0) apply(chosen, true);
  });
})();
