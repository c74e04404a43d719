// Attempt pages: the countdown and autosave after reordering. Everything here is an
// enhancement: without JavaScript the page still shows the time left when it loaded, the
// server refuses late answers, and every answer is saved by the form's buttons.
(function () {
  "use strict";

  function clock(seconds) {
    var hours = Math.floor(seconds / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    var secs = seconds % 60;
    var mm = hours ? String(minutes).padStart(2, "0") : String(minutes);
    return (hours ? hours + ":" : "") + mm + ":" + String(secs).padStart(2, "0");
  }

  function announce(text) {
    var status = document.getElementById("quiz-status");
    if (status) { status.textContent = text; }
  }

  function timeUp() {
    announce("Time is up. Your attempt is being submitted.");
    var button = document.querySelector("#attempt-form [data-time-up]");
    if (button && !button.dataset.sent) {
      button.dataset.sent = "1";
      button.form.requestSubmit(button);
    }
  }

  // The server sends the seconds left by its clock (never a wall-clock time, so the learner's
  // clock does not matter); htmx re-fetches the timer every 30 s to correct any drift.
  function startTimer(timer) {
    if (!timer || timer.dataset.running) { return; }
    timer.dataset.running = "1";
    var initial = Number(timer.dataset.secondsLeft);
    var endsAt = performance.now() + initial * 1000;
    var text = timer.querySelector("[data-timer-text]");
    var id = window.setInterval(tick, 1000);
    function tick() {
      if (!document.body.contains(timer)) { window.clearInterval(id); return; }
      var left = Math.max(0, Math.round((endsAt - performance.now()) / 1000));
      text.textContent = clock(left);
      [300, 60].forEach(function (mark) {
        var key = "warned" + mark;
        if (left <= mark && initial > mark && !document.body.dataset[key]) {
          document.body.dataset[key] = "1";
          announce(mark / 60 + (mark === 60 ? " minute" : " minutes") + " left.");
        }
      });
      if (left === 0) { window.clearInterval(id); timeUp(); }
    }
    tick();
  }

  // Deferred feedback autosaves on "change"; Move up / Move down change the order without a
  // change event, so tell the slot (htmx listens for "order-moved", debounced).
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-move]");
    var slot = button && button.closest("[data-autosave]");
    if (slot) { slot.dispatchEvent(new CustomEvent("order-moved", { bubbles: true })); }
  });

  document.addEventListener("DOMContentLoaded", function () {
    startTimer(document.getElementById("quiz-timer"));
  });
  document.addEventListener("htmx:afterSettle", function () {
    startTimer(document.getElementById("quiz-timer"));
  });
})();
