// Gapdesk call mode: the IID read out group by group, and the CID keyed as blocks A to H in one input.
// Without this file the page still works: all groups are shown and the CID form posts to the server.
// The block checks here mirror org.gapdesk.activation.CheckDigit and org.gapdesk.web.CidBlocks exactly;
// the server stays the judge of every CID.
(function () {
  "use strict";

  var BLOCK = 6;
  var BLOCKS = 8;
  var LETTERS = "ABCDEFGH";

  // ---- the check digit: weights 1, 2, 1, 2, ... from the left, sum mod 7 (as CheckDigit.compute) ----------
  function checkDigit(data) {
    var sum = 0;
    for (var i = 0; i < data.length; i++) {
      var d = data.charCodeAt(i) - 48;
      if (d < 0 || d > 9) {
        throw new Error("not a digit at " + i);
      }
      sum += i % 2 === 0 ? d : 2 * d;
    }
    return sum % 7;
  }

  // Spaces, hyphens and the dashes people paste are separators (as DigitString.isSeparator).
  function isSeparator(c) {
    return c === " " || c === "-" || c === "\t" || c === "\u00a0" || c === "\u2010" || c === "\u2011" ||
      c === "\u2012" || c === "\u2013" || c === "\u2014" || c === "\u2212" || c === "\r" || c === "\n";
  }

  function significant(raw) {
    var out = "";
    for (var i = 0; i < raw.length; i++) {
      if (!isSeparator(raw.charAt(i))) {
        out += raw.charAt(i);
      }
    }
    return out;
  }

  function grouped(chars) {
    var out = "";
    for (var i = 0; i < chars.length; i++) {
      if (i > 0 && i % BLOCK === 0) {
        out += "-";
      }
      out += chars.charAt(i);
    }
    return out;
  }

  // The status of one block keyed as text, in the words CidBlocks.block uses.
  function blockStatus(letter, text) {
    var name = "Block " + letter;
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i);
      if (c < "0" || c > "9") {
        return { state: "error", status: name + ": \u201c" + c + "\u201d is not a digit" };
      }
    }
    if (text.length === 0) {
      return { state: "empty", status: name + ": not keyed yet" };
    }
    if (text.length < BLOCK) {
      return { state: "partial", status: name + ": " + text.length + " of 6 digits" };
    }
    var expected = checkDigit(text.substring(0, BLOCK - 1));
    if (text.charCodeAt(BLOCK - 1) - 48 !== expected) {
      return { state: "warning", status: name + ": check digit should be " + expected +
        " \u2014 ask for block " + letter + " again", expected: expected };
    }
    return { state: "ok", status: name + ": complete, check digit correct" };
  }

  // Everything call mode needs to know about what is in the CID input.
  function analyse(raw, lengths) {
    var chars = significant(raw);
    var blocks = [];
    for (var b = 0; b < BLOCKS; b++) {
      var text = chars.substring(Math.min(chars.length, b * BLOCK), Math.min(chars.length, b * BLOCK + BLOCK));
      var s = blockStatus(LETTERS.charAt(b), text);
      s.letter = LETTERS.charAt(b);
      s.text = text;
      blocks.push(s);
    }
    var digitsOnly = /^[0-9]*$/.test(chars);
    var complete = digitsOnly && (lengths || [48]).indexOf(chars.length) >= 0;
    var errors = [];
    var warnings = [];
    blocks.forEach(function (s) {
      if (s.state === "error") {
        errors.push(s.status);
      } else if (s.state === "warning") {
        warnings.push(s);
      }
    });
    if (chars.length > BLOCKS * BLOCK) {
      errors.push((chars.length - BLOCKS * BLOCK) + " character" + (chars.length - BLOCKS * BLOCK === 1 ? "" : "s") +
        " too many: a CID has 48 digits, blocks A to H");
    }
    return { chars: chars, blocks: blocks, complete: complete, errors: errors, warnings: warnings };
  }

  // Exposed for the browser tests, which compare checkDigit with the Java CheckDigit.
  window.GapdeskCid = { checkDigit: checkDigit, analyse: analyse, grouped: grouped };

  // ---- the page -------------------------------------------------------------------------------------------
  function setUpIid() {
    var list = document.getElementById("iid-groups");
    var reader = document.getElementById("iid-reader");
    if (!list || !reader) {
      return null;
    }
    var items = list.querySelectorAll("li");
    var readerN = document.getElementById("iid-reader-n");
    var readerDigits = document.getElementById("iid-reader-digits");
    var current = 0;

    function show(i, again) {
      current = Math.max(0, Math.min(items.length - 1, i));
      for (var k = 0; k < items.length; k++) {
        if (k === current) {
          items[k].setAttribute("aria-current", "step");
          items[k].classList.add("current");
        } else {
          items[k].removeAttribute("aria-current");
          items[k].classList.remove("current");
        }
      }
      readerN.textContent = "Group " + (current + 1) + " of " + items.length +
        (current === items.length - 1 ? " (last)" : "");
      readerDigits.textContent = items[current].querySelector(".digits").textContent;
      reader.setAttribute("data-group", String(current));
      if (again) {
        // Restart the highlight animation so "repeat" is seen even though the group did not change.
        reader.classList.remove("repeat");
        void reader.offsetWidth;
        reader.classList.add("repeat");
      }
    }

    for (var k = 0; k < items.length; k++) {
      items[k].addEventListener("click", (function (i) {
        return function () { show(i, true); };
      })(k));
    }
    var keys = document.getElementById("iid-keys");
    keys.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-iid]");
      if (!button) {
        return;
      }
      var what = button.getAttribute("data-iid");
      if (what === "next") {
        show(current + 1, false);
      } else if (what === "back") {
        show(current - 1, false);
      } else {
        show(current, true);
      }
      var cid = document.getElementById("cid");
      if (cid) {
        cid.focus();
      }
    });
    reader.hidden = false;
    keys.hidden = false;
    list.classList.add("with-reader");
    list.parentNode.classList.add("with-reader");
    show(0, false);
    return {
      next: function () { show(current + 1, false); },
      back: function () { show(current - 1, false); },
      repeat: function () { show(current, true); },
      current: function () { return current; }
    };
  }

  function setUpCid(iid) {
    var form = document.getElementById("cid-form");
    var input = document.getElementById("cid");
    if (!form || !input) {
      return;
    }
    var lengths = (input.getAttribute("data-lengths") || "48").split(" ").map(Number);
    var list = document.getElementById("cid-blocks");
    var items = list.querySelectorAll("li");
    var message = document.getElementById("cid-message");
    var confirm = document.getElementById("cid-confirm");
    var keep = document.getElementById("cid-keep");
    var replace = document.getElementById("cid-replace");
    var sending = false;
    var overridden = null;   // the digits the operator said to keep despite a check-digit warning
    var answered = null;     // the digits the last server answer was about

    function say(kind, lines) {
      message.textContent = "";
      lines.forEach(function (line) {
        var p = document.createElement("p");
        p.className = kind;
        p.textContent = line;
        message.appendChild(p);
      });
    }

    function render(a) {
      for (var b = 0; b < items.length; b++) {
        var s = a.blocks[b];
        var li = items[b];
        li.className = "cid-block state-" + s.state;
        li.querySelector(".digits").textContent = s.text;
        var status = li.querySelector(".status");
        if (status.textContent !== s.status) {
          status.textContent = s.status;
        }
      }
    }

    // Local view of the input; server answers about other digits are dropped.
    function update() {
      var a = analyse(input.value, lengths);
      render(a);
      if (answered !== null && answered !== a.chars) {
        answered = null;
        keep.hidden = true;
        replace.hidden = true;
      }
      if (overridden !== null && overridden !== a.chars) {
        overridden = null;
      }
      if (answered === null) {
        if (a.errors.length > 0) {
          say("problem-line", a.errors);
        } else if (a.warnings.length > 0) {
          say("warning", a.warnings.map(function (w) { return w.status; }));
          keep.hidden = !a.complete;
        } else {
          message.textContent = "";
          keep.hidden = true;
        }
      }
      return a;
    }

    // Keep the input grouped in blocks as the operator types or pastes; the caret stays after the same
    // significant character.
    function reformat() {
      var raw = input.value;
      var caret = input.selectionStart === null ? raw.length : input.selectionStart;
      var before = significant(raw.substring(0, caret)).length;
      var chars = significant(raw);
      var shown = grouped(chars);
      if (shown !== raw) {
        input.value = shown;
        var pos = before === 0 ? 0 : before + Math.floor((before - 1) / BLOCK);
        input.setSelectionRange(pos, pos);
      }
    }

    input.addEventListener("input", function () {
      reformat();
      update();
    });

    input.addEventListener("keydown", function (event) {
      // Backspace just after a block's hyphen removes the digit before it, not only the hyphen.
      if (event.key === "Backspace" && input.selectionStart === input.selectionEnd && input.selectionStart > 0 &&
          input.value.charAt(input.selectionStart - 1) === "-") {
        var at = input.selectionStart - 1;
        input.setSelectionRange(at, at);
      }
    });

    function post(fields) {
      var body = new URLSearchParams();
      Object.keys(fields).forEach(function (k) { body.append(k, fields[k]); });
      var headers = { "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json" };
      var token = document.querySelector("meta[name=\"csrf-token\"]");
      if (token && token.content) {
        headers["X-CSRF-Token"] = token.content;
      }
      return fetch(form.getAttribute("data-api"), {
        method: "POST", headers: headers, body: body, credentials: "same-origin"
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (json) {
          return { status: response.status, json: json };
        });
      });
    }

    function busy(on) {
      sending = on;
      form.setAttribute("aria-busy", on ? "true" : "false");
      confirm.setAttribute("aria-busy", on ? "true" : "false");
    }

    function submit(action) {
      if (sending) {
        return;
      }
      var a = update();
      if (a.errors.length > 0 || !a.complete) {
        var why = a.errors.length > 0 ? a.errors : ["The Confirmation ID has " + a.chars.length + " digit" +
          (a.chars.length === 1 ? "" : "s") + "; it needs " + (lengths.indexOf(42) >= 0 ? "48 (or 42 for XP)" : "48") +
          ": blocks A to H of 6 digits."];
        answered = null;
        say("problem-line", why);
        input.focus();
        return;
      }
      var override = action === "keep" || action === "keep-replace" || overridden === a.chars;
      var replacing = action === "replace" || action === "keep-replace";
      if (action === "keep") {
        overridden = a.chars;
      }
      busy(true);
      post({
        request: form.querySelector("input[name=request]").value,
        batch: form.getAttribute("data-batch") || "",
        cid: a.chars,
        override: override ? "true" : "false",
        replace: replacing ? "true" : "false"
      }).then(function (r) {
        busy(false);
        var j = r.json || {};
        if (r.status === 401 || r.status === 403) {
          answered = null;
          say("problem-line", [(j.message || "You are signed out.") + " Reload the page and sign in again."]);
          return;
        }
        if (r.status !== 200) {
          answered = null;
          say("problem-line", [j.message || "The kiosk could not take the CID (" + r.status + ")."]);
          return;
        }
        answered = a.chars;
        if (j.stored) {
          say("ok", [j.status === "UNCHANGED" ? "CID already on record. Next machine\u2026" : "CID stored. Next machine\u2026"]);
          window.location.assign(j.next);
          return;
        }
        if (j.status === "CHECK_WARNING") {
          keep.hidden = false;
          replace.hidden = true;
          var letters = (j.failedBlocks || []).join(", ");
          say("warning", a.warnings.map(function (w) { return w.status; }).concat([
            "Correct block" + ((j.failedBlocks || []).length === 1 ? " " : "s ") + letters +
            ", or if it is right as read, press K or \u201cI re-listened, keep it\u201d."]));
        } else if (j.status === "DIFFERENT_CID_ON_RECORD") {
          keep.hidden = true;
          replace.hidden = false;
          replace.value = override ? "keep-replace" : "replace";
          say("warning", ["This IID already has a different CID on record: " + j.cidOnRecord + ". Replace it?",
            "Press Tab to reach \u201cReplace the CID on record\u201d; if the one on record is right, skip to the next machine."]);
        } else {
          keep.hidden = true;
          replace.hidden = true;
          say("problem-line", [j.message || "Refused."]);
        }
        input.focus();
      }).catch(function () {
        busy(false);
        answered = null;
        say("problem-line", ["The kiosk did not answer; nothing was stored. Press Enter to try again."]);
      });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var action = event.submitter && event.submitter.value ? event.submitter.value : "confirm";
      submit(action);
    });

    // Keys for reading the IID while the CID input has the focus (or nothing else does).
    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.altKey || event.metaKey) {
        return;
      }
      var t = event.target;
      var inCid = t === input;
      var free = inCid || t === document.body || t === document.documentElement || !t.closest ||
        !t.closest("a, button, input, select, textarea, summary, [contenteditable]");
      if (!free) {
        return;
      }
      var empty = input.value.length === 0;
      var key = event.key;
      if (iid && (key === " " || key === "PageDown" || (key === "ArrowRight" && (!inCid || empty)))) {
        event.preventDefault();
        iid.next();
      } else if (iid && (key === "PageUp" || (key === "ArrowLeft" && (!inCid || empty)))) {
        event.preventDefault();
        iid.back();
      } else if (iid && (key === "r" || key === "R")) {
        event.preventDefault();
        iid.repeat();
      } else if ((key === "k" || key === "K") && !keep.hidden) {
        event.preventDefault();
        submit("keep");
      } else if (!inCid && key.length === 1 && key >= "0" && key <= "9") {
        // A digit typed anywhere on the page goes to the CID.
        input.focus();
      }
    });

    // A page sent back by the server (form post without script) keeps its answer; otherwise start clean.
    if (message.textContent.trim().length > 0) {
      answered = significant(input.value);
    }
    update();
    if (input.value.length > 0) {
      input.setSelectionRange(input.value.length, input.value.length);
    }
  }

  function start() {
    var iid = setUpIid();
    setUpCid(iid);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
