
// Filters: by label (checkboxes) and by source (the claims of one article, or the claims with
// evidence from one source). Without this script the filter bar stays hidden and every claim shows.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var select = document.getElementById("source-filter");
  var shown = document.getElementById("shown");
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=label]"));
  var claims = Array.prototype.slice.call(document.querySelectorAll("article.claim"));
  var articles = Array.prototype.slice.call(document.querySelectorAll("section.article"));

  function matchesSource(claim, choice) {
    if (!choice) return true;
    var colon = choice.indexOf(":");
    var kind = choice.slice(0, colon), name = choice.slice(colon + 1);
    if (kind === "article") return claim.dataset.article === name;
    return Array.prototype.some.call(claim.querySelectorAll("li[data-source]"), function (item) {
      return item.dataset.source === name;
    });
  }

  function apply() {
    var wanted = {};
    boxes.forEach(function (box) { wanted[box.value] = box.checked; });
    var visible = 0;
    claims.forEach(function (claim) {
      var show = wanted[claim.dataset.label] === true && matchesSource(claim, select.value);
      claim.hidden = !show;
      if (show) visible += 1;
    });
    articles.forEach(function (article) {
      article.hidden = article.querySelector("article.claim:not([hidden])") === null;
    });
    shown.textContent = "showing " + visible + " of " + claims.length + " claim" + (claims.length === 1 ? "" : "s");
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  apply();
})();
