// Material builds its search index in a worker on every page load: 0.4-0.6 s of CPU measured here
// (tests/bench: trace of the search worker), competing on a phone with the page's first paint and,
// on the calculator, with Python's start. This holds back Material's request for the index
// (search/search_index.json) until the visitor first uses search: focusing the search field is
// what every way of opening it does (click, tap, the "/" "s" "f" keys). Results then follow in
// well under a second ("Initializing search" meanwhile). Arriving from a search result (?h=...),
// the index is fetched at once.
(function () {
  var proto = window.XMLHttpRequest && XMLHttpRequest.prototype;
  if (!proto || proto.playbookDeferred) return;
  proto.playbookDeferred = true;
  var open = proto.open;
  var send = proto.send;
  var waiting = [];
  var released = /[?&]h=/.test(location.search);
  function release() {
    if (released) return;
    released = true;
    waiting.splice(0).forEach(function (go) { go(); });
  }
  proto.open = function (method, url) {
    this.playbookSearchIndex = /\/search\/search_index\.json(?:[?#]|$)/.test(String(url));
    return open.apply(this, arguments);
  };
  proto.send = function () {
    var request = this;
    var args = arguments;
    if (!request.playbookSearchIndex || released) return send.apply(request, args);
    waiting.push(function () { send.apply(request, args); });
  };
  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target && target.matches && target.matches("[data-md-component=search-query], .md-search__input")) release();
  });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) release();
  });
})();
