// Keyboard shortcuts for the moderation queue. Everything also works without
// JavaScript: each comment has its own buttons, and the bulk bar acts on the
// ticked boxes.
(function () {
  "use strict";
  var items = Array.prototype.slice.call(document.querySelectorAll(".mod-item"));
  if (!items.length) return;
  var current = -1;
  function focus(index) {
    if (index < 0 || index >= items.length) return;
    if (current >= 0) items[current].classList.remove("current");
    current = index;
    items[current].classList.add("current");
    items[current].focus();
  }
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var target = event.target;
    if (target.matches("input, textarea, select")) return;
    var key = event.key;
    if (key === "j") { focus(current + 1); event.preventDefault(); return; }
    if (key === "k") { focus(current - 1); event.preventDefault(); return; }
    if (current < 0) return;
    var item = items[current];
    if (key === "x") {
      var box = item.querySelector("input[type=checkbox][name=comments]");
      box.checked = !box.checked;
      event.preventDefault();
      return;
    }
    var button = item.querySelector("button[data-key='" + key + "']");
    if (button) { event.preventDefault(); button.click(); }
  });
  focus(0);
})();
