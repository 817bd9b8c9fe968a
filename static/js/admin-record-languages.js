// The activity form's "In other languages": the original language's own boxes step aside.
//
// The title and summary at the top are in the record's original language; the boxes for
// that language below would only hold the same text again, so they are hidden while empty
// (a box someone filled stays, with the form's message asking to empty it).
(function () {
  "use strict";

  function update(select) {
    ["title", "summary"].forEach(function (name) {
      ["en", "fr", "es"].forEach(function (language) {
        var box = document.getElementById("id_" + name + "_" + language);
        var field = box && box.closest(".fieldBox, .form-row");
        if (!field) {
          return;
        }
        // A style, not `hidden`: the line's boxes are laid out with display: flex.
        field.style.display = language === select.value && !box.value.trim() ? "none" : "";
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var select = document.getElementById("id_original_language");
    if (!select) {
      return;
    }
    update(select);
    select.addEventListener("change", function () {
      update(select);
    });
  });
})();
