(function () {
  "use strict";
  var lit = [];
  var KEY = /^a[0-9]+(-[0-9]+-[0-9]+)?$/;
  function clear() {
    lit.forEach(function (el) { el.classList.remove("hit"); });
    lit = [];
  }
  function show(key) {
    if (!KEY.test(key)) { return false; }
    var jump = document.getElementById(key);
    var parts = Array.prototype.slice.call(document.querySelectorAll("[data-s~='" + key + "']"));
    if (!jump && !parts.length) { return false; }
    clear();
    if (!parts.length && jump) { parts = [jump]; }
    parts.forEach(function (el) { el.classList.add("hit"); lit.push(el); });
    (jump || parts[0]).scrollIntoView({ block: "center" });
    return true;
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[href^='#a']") : null;
    if (!link) { return; }
    var key = link.getAttribute("href").slice(1);
    if (show(key)) {
      event.preventDefault();
      try { history.replaceState(null, "", "#" + key); } catch (ignored) { /* file: */ }
    }
  });
  if (location.hash) { show(location.hash.slice(1)); }
  document.documentElement.classList.add("js");
})();
