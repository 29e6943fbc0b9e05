// Never lose what a worker has typed (DESIGN.md §1b). The form is posted to its draft
// endpoint a couple of seconds after typing stops and every few seconds while it goes on;
// a copy is kept in this browser tab (sessionStorage, gone when the tab closes: office PCs
// are shared) for when the connection drops or the session times out. No inline script:
// the Content-Security-Policy allows scripts from this site only.
(function () {
  "use strict";
  var PREFIX = "lantern-draft:";

  function storage() {
    try { return window.sessionStorage; } catch (e) { return null; }
  }

  // A saved record's page names the draft it replaced, so this tab forgets it too.
  document.querySelectorAll("[data-autosave-clear]").forEach(function (el) {
    var store = storage();
    if (store) store.removeItem(PREFIX + el.getAttribute("data-autosave-clear"));
  });

  var form = document.querySelector("form[data-autosave-url]");
  if (!form) return;
  var url = form.getAttribute("data-autosave-url");
  var key = PREFIX + url;
  var status = form.querySelector("[data-autosave-status]");
  var dirty = false;
  var sending = false;
  var pause = null;

  function say(text) {
    if (status) status.textContent = text;
  }

  function token() {
    var input = form.querySelector("[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function fields() {
    var pairs = [];
    new FormData(form).forEach(function (value, name) {
      if (name !== "csrfmiddlewaretoken") pairs.push([name, String(value)]);
    });
    return pairs;
  }

  function body() {
    var params = new URLSearchParams();
    params.append("csrfmiddlewaretoken", token());
    fields().forEach(function (pair) { params.append(pair[0], pair[1]); });
    return params;
  }

  function keepInTab() {
    var store = storage();
    if (store) store.setItem(key, JSON.stringify({ at: Date.now(), fields: fields() }));
  }

  function restoreFromTab() {
    var store = storage();
    if (store && form.querySelector(".govuk-form-group--error")) {
      // The server refused this save and shows what it will keep: the copy in this tab
      // holds the refused values, so it must never put them back later.
      store.removeItem(key);
      return;
    }
    var kept = null;
    try { kept = store && JSON.parse(store.getItem(key) || "null"); } catch (e) { kept = null; }
    if (!kept) return;
    var serverAt = Number(form.getAttribute("data-draft-saved-at") || 0) * 1000;
    if (kept.at <= serverAt) return;
    var byName = {};
    kept.fields.forEach(function (pair) {
      (byName[pair[0]] = byName[pair[0]] || []).push(pair[1]);
    });
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.type === "hidden" || el.type === "submit") return;
      var values = byName[el.name] || [];
      if (el.type === "checkbox" || el.type === "radio") {
        el.checked = values.indexOf(el.value) !== -1;
      } else if (values.length) {
        el.value = values[0];
      }
    });
    dirty = true;
    say("Text you typed in this tab that had not reached the server has been put back.");
  }

  function send() {
    if (!dirty || sending) return;
    sending = true;
    dirty = false;
    fetch(url, {
      method: "POST",
      body: body(),
      credentials: "same-origin",
      redirect: "manual",
      headers: { "X-Requested-With": "fetch" }
    })
      .then(function (response) {
        if (response.type === "opaqueredirect" || response.status === 403) {
          throw new Error("signed-out");
        }
        if (!response.ok) throw new Error("refused");
        return response.json();
      })
      .then(function (answer) {
        say("Draft saved at " + answer.saved_at + ".");
        var store = storage();
        if (store) store.removeItem(key);
      })
      .catch(function (problem) {
        dirty = true;
        keepInTab();
        say(problem.message === "signed-out"
          ? "Your session has ended. What you typed is kept in this tab: reload this page " +
            "and sign in, and it will be put back."
          : "Not saved to the server (no connection). What you typed is kept in this tab " +
            "and will be sent when the connection returns.");
      })
      .then(function () { sending = false; });
  }

  function changed() {
    dirty = true;
    keepInTab();
    window.clearTimeout(pause);
    pause = window.setTimeout(send, 2000);
  }

  restoreFromTab();
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function () {
    window.clearTimeout(pause);
    keepInTab();
    dirty = false;
  });
  window.setInterval(send, 5000);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden" && dirty && navigator.sendBeacon) {
      navigator.sendBeacon(url, body());
    }
  });
})();
