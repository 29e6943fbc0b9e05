import { initAll } from "../govuk/govuk-frontend.min.js";

initAll();

// Signing out forgets the drafts autosave keeps in this tab (casework/autosave.js): office
// PCs are shared, and the next person must not find a child's case note put back. The
// sign-out response also sends Clear-Site-Data; this covers browsers that ignore it.
document.querySelectorAll("form[data-sign-out]").forEach(function (form) {
  form.addEventListener("submit", function () {
    try {
      var store = window.sessionStorage;
      for (var i = store.length - 1; i >= 0; i--) {
        var key = store.key(i);
        if (key && key.indexOf("lantern-draft:") === 0) store.removeItem(key);
      }
    } catch (e) { /* storage unavailable: nothing kept to clear */ }
  });
});
