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
