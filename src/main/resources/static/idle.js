// Gapdesk idle prompt: on a shared terminal a signed-in session ends after the site's idle timeout.
// Shortly before that, "Still there?" asks the operator to stay; when time is up (or the kiosk says the
// session has ended) everything half-typed is wiped and the browser goes to the sign-in page.
// Wiped: every element with data-sensitive, and every field of a form marked data-wipe-on-idle.
// Typing or clicking on the page counts as being there: the session is then renewed without asking.
(function () {
  "use strict";

  var timeoutMeta = document.querySelector("meta[name=idle-timeout-seconds]");
  var csrfMeta = document.querySelector("meta[name=csrf-token]");
  if (!timeoutMeta || !csrfMeta || !window.fetch) {
    return;
  }
  var idle = parseInt(timeoutMeta.getAttribute("content"), 10);
  if (!(idle > 0)) {
    return;
  }
  var csrf = csrfMeta.getAttribute("content");
  var warnBefore = Math.min(60, Math.floor(idle / 2));
  var deadline = Date.now() + idle * 1000;
  var lastActivity = 0;
  var lastRenewal = Date.now();
  var timer = null;
  var ticker = null;
  var ended = false;

  function secondsLeft() {
    return Math.max(0, Math.round((deadline - Date.now()) / 1000));
  }

  function schedule(remaining) {
    deadline = Date.now() + remaining * 1000;
    window.clearTimeout(timer);
    timer = window.setTimeout(check, Math.max(0, remaining - warnBefore) * 1000);
  }

  function asJson(response) {
    return response.ok ? response.json() : { signedIn: false };
  }

  // Asks the kiosk how long the session has left without renewing it (another tab may have used it).
  function check() {
    fetch("/session/status", { credentials: "same-origin", cache: "no-store",
        headers: { "Accept": "application/json" } })
      .then(asJson)
      .then(function (s) {
        if (!s.signedIn) {
          end();
        } else if (s.remainingSeconds > warnBefore + 2) {
          schedule(s.remainingSeconds);
        } else if (lastActivity > lastRenewal) {
          renew();
        } else {
          warn(s.remainingSeconds);
        }
      })
      .catch(function () {
        warn(secondsLeft());
      });
  }

  // Counts as activity on the kiosk: the session starts its idle time again.
  function renew() {
    fetch("/session/ping", { method: "POST", credentials: "same-origin", cache: "no-store",
        headers: { "Accept": "application/json", "X-CSRF-Token": csrf } })
      .then(asJson)
      .then(function (s) {
        if (!s.signedIn) {
          end();
          return;
        }
        lastRenewal = Date.now();
        hide();
        schedule(s.remainingSeconds);
      })
      .catch(function () {
        // The kiosk did not answer; the countdown carries on.
      });
  }

  function dialog() {
    return document.getElementById("idle-dialog");
  }

  function warn(remaining) {
    deadline = Date.now() + remaining * 1000;
    var d = dialog();
    if (d && !d.open) {
      if (typeof d.showModal === "function") {
        d.showModal();
      } else {
        d.setAttribute("open", "");
      }
      var stay = document.getElementById("idle-stay");
      if (stay) {
        stay.focus();
      }
    }
    tick();
    window.clearInterval(ticker);
    ticker = window.setInterval(tick, 1000);
  }

  function tick() {
    var left = secondsLeft();
    var count = document.getElementById("idle-count");
    if (count) {
      count.textContent = String(left);
    }
    if (left <= 0) {
      end();
    }
  }

  function hide() {
    window.clearInterval(ticker);
    var d = dialog();
    if (d && d.open) {
      if (typeof d.close === "function") {
        d.close();
      } else {
        d.removeAttribute("open");
      }
    }
  }

  // Clears half-typed input: data-sensitive elements and the fields of forms marked data-wipe-on-idle.
  function wipe() {
    var fields = document.querySelectorAll("[data-sensitive], form[data-wipe-on-idle] input,"
        + " form[data-wipe-on-idle] textarea");
    for (var i = 0; i < fields.length; i++) {
      var f = fields[i];
      var type = (f.getAttribute("type") || "").toLowerCase();
      if (type === "hidden" || type === "submit" || type === "button" || type === "reset") {
        continue;
      }
      if (type === "checkbox" || type === "radio") {
        f.checked = false;
      } else if (f.isContentEditable) {
        f.textContent = "";
      } else {
        f.value = "";
      }
    }
  }

  function end() {
    if (ended) {
      return;
    }
    ended = true;
    window.clearTimeout(timer);
    window.clearInterval(ticker);
    wipe();
    hide();
    window.location.replace("/signin?ended=1&next="
        + encodeURIComponent(window.location.pathname + window.location.search));
  }

  function signOutNow() {
    wipe();
    var form = document.querySelector("form.signout");
    if (form) {
      form.submit();
    } else {
      end();
    }
  }

  function activity() {
    lastActivity = Date.now();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var stay = document.getElementById("idle-stay");
    var leave = document.getElementById("idle-leave");
    var d = dialog();
    if (stay) {
      stay.addEventListener("click", renew);
    }
    if (leave) {
      leave.addEventListener("click", signOutNow);
    }
    if (d) {
      // Escape closes the dialog: whoever pressed it is there.
      d.addEventListener("cancel", function (event) {
        event.preventDefault();
        renew();
      });
    }
    ["keydown", "pointerdown", "input"].forEach(function (name) {
      document.addEventListener(name, activity, true);
    });
    // Coming back to a page shown from the browser's cache: ask the kiosk at once.
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) {
        check();
      }
    });
  });

  // For other scripts (and tests): ask the kiosk now instead of waiting for the timer.
  window.GapdeskIdle = { check: check };

  schedule(idle);
})();
