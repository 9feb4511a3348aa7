// Material builds its search index in a worker on every page load: 0.36-0.63 s of CPU (a Chrome
// trace of one page load, README "Less start-up work"), competing with the page's first paint and,
// on the calculator, with Python's start. This holds back Material's request for the index
// (search/search_index.json) until the visitor first uses search: focusing the search field is
// what every way of opening it does (click, tap, the "/" "s" "f" keys); Material says
// "Initializing search" until the index is built. Arriving from a search result (?h=...),
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
