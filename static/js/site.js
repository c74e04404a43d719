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

// study: keyboard shortcuts on a study card. They act only while focus is inside an element
// marked [data-study-keys] (WCAG 2.1.4; learners can also turn them off in study settings):
// Space shows the answer, 1-4 rate it. Keys typed into form fields are left alone.
document.addEventListener("keydown", function (event) {
  var card = event.target.closest && event.target.closest("[data-study-keys]");
  if (!card || event.ctrlKey || event.metaKey || event.altKey || event.repeat) { return; }
  var tag = event.target.tagName;
  if (/^(INPUT|TEXTAREA|SELECT)$/.test(tag) || event.target.isContentEditable) { return; }
  var button = null;
  if (event.key === " ") {
    if (tag === "BUTTON" || tag === "A") { return; }
    button = card.querySelector("[data-study-reveal]");
  } else if (/^[1-4]$/.test(event.key)) {
    button = card.querySelector('[data-rating-key="' + event.key + '"]');
  }
  if (button) {
    event.preventDefault();
    // htmx keeps focus on the swapped-in card at once but wires its forms up only when the swap
    // settles; a key pressed in between would otherwise submit the form as a full page load.
    if (window.htmx) { window.htmx.process(card); }
    button.click();
  }
});

// study: the match game's clock, counting up from the server's start time (role="timer" is not
// announced on every tick; the server measures the time that counts).
function ajquizMatchClocks() {
  document.querySelectorAll("[data-match-clock]").forEach(function (clock) {
    var started = Number(clock.dataset.started);
    clock.textContent = Math.max(0, (Date.now() - started) / 1000).toFixed(0) + " s";
  });
}
setInterval(ajquizMatchClocks, 1000);
document.addEventListener("DOMContentLoaded", ajquizMatchClocks);
document.addEventListener("htmx:afterSettle", ajquizMatchClocks);

// interop: upload progress for forms marked [data-upload-progress]. htmx reports the bytes sent;
// the bar shows them and the status line says (politely, in quarters) how far the upload is.
document.addEventListener("htmx:xhr:progress", function (event) {
  var form = event.target && event.target.closest && event.target.closest("[data-upload-progress]");
  if (!form || !event.detail || !event.detail.lengthComputable) { return; }
  var percent = Math.round((event.detail.loaded / event.detail.total) * 100);
  var bar = form.querySelector("progress");
  if (bar) { bar.hidden = false; bar.value = percent; }
  var status = form.querySelector("[data-upload-status]");
  var quarter = Math.floor(percent / 25) * 25;
  if (status && String(quarter) !== status.dataset.announced) {
    status.dataset.announced = String(quarter);
    status.textContent = percent >= 100 ? "Uploaded. Reading the file…" : "Uploading: " + quarter + "%";
  }
});

// Sign-up: preset the time zone to the browser's, when the list has it and none is chosen.
document.querySelectorAll("select[data-browser-time-zone]").forEach(function (select) {
  var zone = "";
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (error) { return; }
  if (!select.value && zone) {
    var option = Array.prototype.find.call(select.options, function (o) { return o.value === zone; });
    if (option) { select.value = zone; }
  }
});
