import { initAll } from "../govuk/govuk-frontend.min.js";

initAll();

// Each wide table scrolls inside a box of its own, so a record read on a phone never scrolls
// sideways as a whole. The box is a named region that takes focus, so a keyboard can scroll
// it too; its name is the table's caption, or the heading above it, and unique on the page
// (a landmark shares its name with no other).
function tableName(table) {
  var caption = table.querySelector("caption");
  if (caption && caption.textContent.trim()) return caption.textContent.trim();
  if (table.getAttribute("aria-label")) return table.getAttribute("aria-label");
  var el = table;
  while (el && el !== document.body) {
    var before = el.previousElementSibling;
    while (before) {
      if (/^H[1-6]$/.test(before.tagName)) return before.textContent.trim();
      before = before.previousElementSibling;
    }
    el = el.parentElement;
  }
  return "Table";
}
var tableNames = {};
document.querySelectorAll("table.govuk-table").forEach(function (table) {
  if (table.parentElement.classList.contains("lantern-table-scroll")) return;
  if (table.hasAttribute("data-no-scroll-box")) return;
  var name = "Table: " + tableName(table);
  tableNames[name] = (tableNames[name] || 0) + 1;
  if (tableNames[name] > 1) name += " (" + tableNames[name] + ")";
  var box = document.createElement("div");
  box.className = "lantern-table-scroll";
  box.setAttribute("role", "region");
  box.setAttribute("tabindex", "0");
  box.setAttribute("aria-label", name);
  table.parentNode.insertBefore(box, table);
  box.appendChild(table);
});

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
