// Runs in <head>, after the stylesheets and before the body is parsed: two things Material's bundle
// does at the end of the body, done while there is nothing on the page to restyle yet.
//  - `no-js` -> `js` on <html>. Material's CSS has `.no-js ... :nth-child(n)` rules, so Chrome
//    invalidates the whole document when the class changes.
//  - Instant navigation rewrites every relative href/src to the absolute URL (`el.href = el.href`,
//    so pages compare their <head>s by outerHTML). On a stylesheet <link> that reloads the sheet
//    and restyles the whole document a second time.
// Both of Material's own steps then find nothing to change. tests/bench/restyle_bench.py, 3 loads
// per page against the build without this script: elements restyled during load, medians,
// home 785 -> 587, 内容运营 2,212 -> 1,759, collaboration 3,789 -> 2,998, calculator
// 2,468 -> 1,789, methodology 1,818 -> 1,440, sizing.yaml reference 2,396 -> 1,814; the same
// three stylesheet requests.
// Without JavaScript nothing runs and the page keeps `no-js`. Material skips the rewrite on
// file:// pages (`make offline`); so does this.
(function () {
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");
  if (location.protocol === "file:") return;
  var absolute = /^(?:[a-z]+:)?\/\//i;
  var found = document.head.querySelectorAll("[href], [src]");
  for (var i = 0; i < found.length; i++) {
    var el = found[i];
    ["href", "src"].some(function (name) {
      var value = el.getAttribute(name);
      if (!value || absolute.test(value)) return false;
      el[name] = el[name];
      return true;
    });
  }
})();
