/* Filters for govcheck reports: show findings by status, severity, national or other, and topic. Without script, everything shows. */
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var KEYS = ["status", "severity", "standing", "topic"];
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-filterable]"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("[data-filter-group]"));
  var count = document.getElementById("filter-count");
  var counted = form.getAttribute("data-count");
  var noun = form.getAttribute("data-noun");

  function chosen(key) {
    var on = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[name='" + key + "']"), function (box) {
      if (box.checked) { on[box.value] = true; }
    });
    return on;
  }

  function apply() {
    var wanted = {};
    KEYS.forEach(function (key) { wanted[key] = chosen(key); });
    var shown = 0;
    var total = 0;
    items.forEach(function (item) {
      // An element is filtered only by the attributes it carries: a matrix row has no single status.
      var keep = KEYS.every(function (key) {
        var value = item.getAttribute("data-" + key);
        return value === null || wanted[key][value] === true;
      });
      item.hidden = !keep;
      if (item.matches(counted)) {
        total += 1;
        if (keep) { shown += 1; }
      }
    });
    groups.forEach(function (group) {
      group.hidden = group.querySelector("[data-filterable]:not([hidden])") === null;
    });
    count.textContent = "Showing " + shown + " of " + total + " " + noun;
  }

  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  apply();
}());
