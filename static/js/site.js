// Focus management after htmx swaps: move focus to the element the server marked, so screen
// reader and keyboard users land on the new content (feedback, next question, next card).
document.addEventListener("htmx:afterSettle", function (event) {
  var target = event.detail.elt;
  var focusable = (target && target.querySelector && target.querySelector("[data-focus-after-swap]")) ||
    document.querySelector("[data-focus-after-swap]");
  if (focusable) {
    if (!focusable.hasAttribute("tabindex") && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(focusable.tagName)) {
      focusable.setAttribute("tabindex", "-1");
    }
    focusable.focus();
  }
});

// Ordering questions: Move up / Move down buttons reorder the list, keep the position selects
// (what the form submits) in step, keep focus on the pressed button and announce the new place.
function ajquizRenumber(list) {
  var items = list.querySelectorAll(".order-item");
  items.forEach(function (item, index) {
    var select = item.querySelector(".order-position");
    if (select) { select.value = String(index + 1); }
  });
  return items.length;
}

function ajquizEnableOrdering(root) {
  (root || document).querySelectorAll("[data-ordering]").forEach(function (fieldset) {
    if (fieldset.dataset.orderingReady) { return; }
    fieldset.dataset.orderingReady = "1";
    fieldset.querySelectorAll("[data-move]").forEach(function (button) { button.hidden = false; });
    fieldset.addEventListener("click", function (event) {
      var button = event.target.closest("[data-move]");
      if (!button) { return; }
      var item = button.closest(".order-item");
      var list = item.parentElement;
      if (button.dataset.move === "up" && item.previousElementSibling) {
        list.insertBefore(item, item.previousElementSibling);
      } else if (button.dataset.move === "down" && item.nextElementSibling) {
        list.insertBefore(item.nextElementSibling, item);
      }
      var total = ajquizRenumber(list);
      var position = Array.prototype.indexOf.call(list.children, item) + 1;
      button.focus();
      var status = fieldset.querySelector("[data-order-status]");
      if (status) {
        status.textContent = item.querySelector(".order-text").textContent.trim() +
          " is now at position " + position + " of " + total + ".";
      }
    });
  });
}
document.addEventListener("DOMContentLoaded", function () { ajquizEnableOrdering(document); });
document.addEventListener("htmx:afterSettle", function (event) { ajquizEnableOrdering(event.detail.elt); });
