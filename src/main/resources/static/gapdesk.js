// Gapdesk kiosk pages: small enhancements only; every page works without this file.
(function () {
  "use strict";

  // "Select all" for a table of checkboxes (the USB file list).
  function setUpSelectAll(button) {
    var table = document.getElementById(button.getAttribute("data-target"));
    if (!table) {
      return;
    }
    var boxes = table.querySelectorAll("input[type=checkbox]");
    if (boxes.length === 0) {
      return;
    }
    function allChecked() {
      for (var i = 0; i < boxes.length; i++) {
        if (!boxes[i].checked) {
          return false;
        }
      }
      return true;
    }
    function label() {
      button.textContent = allChecked() ? "Select none" : "Select all";
    }
    button.addEventListener("click", function () {
      var check = !allChecked();
      for (var i = 0; i < boxes.length; i++) {
        boxes[i].checked = check;
      }
      label();
    });
    for (var i = 0; i < boxes.length; i++) {
      boxes[i].addEventListener("change", label);
    }
    button.parentNode.hidden = false;
    label();
  }

  // A confirm form is sent once: a second press while the first is under way does nothing.
  function setUpSingleSubmit(form) {
    form.addEventListener("submit", function (event) {
      if (form.getAttribute("data-sent") === "yes") {
        event.preventDefault();
        return;
      }
      form.setAttribute("data-sent", "yes");
      var button = form.querySelector("button[type=submit]");
      if (button) {
        button.setAttribute("aria-busy", "true");
        button.textContent = "Storing\u2026";
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var buttons = document.querySelectorAll("button.select-all");
    for (var i = 0; i < buttons.length; i++) {
      setUpSelectAll(buttons[i]);
    }
    var forms = document.querySelectorAll("form.confirm");
    for (var j = 0; j < forms.length; j++) {
      setUpSingleSubmit(forms[j]);
    }
  });
})();
