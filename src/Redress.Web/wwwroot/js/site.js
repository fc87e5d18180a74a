// Redress: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";

  // Ctrl/⌘ + Enter sends the message being written (goes through htmx when it is loaded).
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && target instanceof HTMLTextAreaElement && target.form) {
      event.preventDefault();
      if (typeof target.form.requestSubmit === "function") target.form.requestSubmit();
      else target.form.submit();
    }
  });

  // "/" jumps to the queue search, as in most work tools.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var active = document.activeElement;
    if (active && (active.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName))) return;
    var search = document.getElementById("q");
    if (!search) return;
    event.preventDefault();
    search.focus();
    search.select();
  });

  // A "Copy" button next to a freshly created API token.
  function addCopyButtons(root) {
    if (!navigator.clipboard || !window.isSecureContext) return;
    root.querySelectorAll("code.token:not([data-copy-ready])").forEach(function (code) {
      code.setAttribute("data-copy-ready", "");
      var bar = document.createElement("div");
      bar.className = "token-actions";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "small-button";
      button.textContent = "Copy token";
      var status = document.createElement("span");
      status.className = "copied";
      status.setAttribute("role", "status");
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(code.textContent.trim()).then(function () {
          status.textContent = "Copied";
          setTimeout(function () { status.textContent = ""; }, 2500);
        }, function () {
          status.textContent = "Select the token and copy it by hand";
        });
      });
      bar.appendChild(button);
      bar.appendChild(status);
      code.insertAdjacentElement("afterend", bar);
    });
  }

  function ready(fn) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn);
    else fn();
  }
  ready(function () { addCopyButtons(document); });
})();
