// Runs in <head>, before the first paint: on a share link's visit (#scenario=...), mark the page so
// the calculator's prerendered default plan is not shown as the link's answer (calc-states.css).
// calc.js removes the mark once it has bound the page and shows the link's progress itself.
if (location.hash.indexOf("#scenario=") === 0) document.documentElement.classList.add("calc-link-visit");
