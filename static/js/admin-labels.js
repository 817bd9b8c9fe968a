// Type-ahead boxes (select2) name themselves after the field they stand for.
//
// Select2 hides the real <select> and shows a box labelled by its own current text, which
// is empty until something is chosen: a screen reader announced "combo box" and nothing
// more. Each box, and the search field of the multiple ones, gets the field's name: the
// select's own aria-label (inline rows), or the text of its <label>.
(function () {
  "use strict";

  function nameOf(select) {
    if (select.getAttribute("aria-label")) {
      return select.getAttribute("aria-label");
    }
    var label = select.id && document.querySelector('label[for="' + select.id + '"]');
    return label ? label.textContent.replace(/:\s*$/, "").trim() : "";
  }

  function nameBoxes(root) {
    root.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      var name = nameOf(select);
      var box = select.nextElementSibling;
      if (!name || !box || !box.classList.contains("select2")) {
        return;
      }
      var parts = ".select2-selection, .select2-selection__rendered, .select2-search__field";
      box.querySelectorAll(parts).forEach(function (el) {
        el.setAttribute("aria-label", name);
      });
      // A multiple box puts its "remove all" cross inside its list of choices, where only
      // list items may be: it becomes one, named after its tooltip.
      box.querySelectorAll("ul > .select2-selection__clear").forEach(function (el) {
        el.setAttribute("role", "listitem");
        el.setAttribute("aria-label", el.title || "×");
      });
    });
  }

  // Select2 makes its boxes when the page is ready, when an inline row is added, and makes
  // a multiple box's search field again after each choice: name whatever it adds.
  new MutationObserver(function (changes) {
    var seen = new Set();
    changes.forEach(function (change) {
      change.addedNodes.forEach(function (node) {
        var box = node.nodeType === 1 && node.closest && node.closest(".select2");
        if (box && box.parentNode && !seen.has(box.parentNode)) {
          seen.add(box.parentNode);
          nameBoxes(box.parentNode);
        }
      });
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
  // A tabular inline's cells carry their column's heading, which a phone shows above each
  // box once the row is stacked (static/css/admin-site.css). The empty row is labelled too,
  // so that the rows copied from it for "Add another" are.
  function labelCells(root) {
    root.querySelectorAll(".inline-group .tabular table").forEach(function (table) {
      var headings = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
        return th.textContent.trim();
      });
      table.querySelectorAll("tbody tr.form-row").forEach(function (row) {
        Array.prototype.forEach.call(row.children, function (cell, index) {
          if (headings[index]) {
            cell.setAttribute("data-label", headings[index]);
          }
        });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    nameBoxes(document);
    labelCells(document);
    // The list's search box is labelled by an icon only; its button says "Search" in the
    // reader's language, so the box takes that name.
    var searchbar = document.getElementById("searchbar");
    var button = document.querySelector("#changelist-search input[type=submit]");
    if (searchbar && button && !searchbar.getAttribute("aria-label")) {
      searchbar.setAttribute("aria-label", button.value);
    }
  });
})();
