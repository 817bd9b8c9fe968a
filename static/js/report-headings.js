// Composing a report's headings in one place.
// - A report section made with the "+" pop-up of a heading's list of sections appears at
//   once, ticked, in that heading's list (and unticked in the other headings' lists).
//   Django's admin only knows how to add a new choice to a <select>, not to a list of
//   checkboxes, so its callback is wrapped here.
// - On the page that starts a report, choosing another report asks for its suggestions at
//   once (a year typed is suggested for with the button beside it, so that leaving the box
//   never races a click on "Start the report").
(function () {
  "use strict";
  var LIST = /^id_headings-(\d+|__prefix__)-sections$/;

  function addChoice(list, id, label, ticked) {
    var existing = list.querySelector('input[type=checkbox][value="' + CSS.escape(String(id)) + '"]');
    if (existing) {
      if (ticked) { existing.checked = true; }
      return;
    }
    var sample = list.querySelector("input[type=checkbox]");
    var name = sample ? sample.name : list.id.replace(/^id_/, "");
    var index = list.querySelectorAll("input[type=checkbox]").length;
    var row = document.createElement("div");
    var tag = document.createElement("label");
    var box = document.createElement("input");
    box.type = "checkbox";
    box.name = name;
    box.value = id;
    box.id = list.id + "_" + index;
    box.checked = ticked;
    tag.htmlFor = box.id;
    tag.appendChild(box);
    tag.appendChild(document.createTextNode(" " + label));
    row.appendChild(tag);
    list.appendChild(row);
  }

  function wrapPopupCallback() {
    var original = window.dismissAddRelatedObjectPopup;
    if (typeof original !== "function") { return; }
    window.dismissAddRelatedObjectPopup = function (win, newId, newRepr) {
      var name = win.name.replace(/__\d+$/, "");
      var target = document.getElementById(name);
      if (target && target.nodeName === "DIV" && LIST.test(target.id)) {
        document.querySelectorAll("div[id]").forEach(function (list) {
          if (LIST.test(list.id)) { addChoice(list, newId, newRepr, list === target); }
        });
      }
      return original.apply(this, arguments);
    };
  }

  function suggestOnChange() {
    var form = document.getElementById("start-report");
    var button = document.getElementById("suggest");
    if (!form || !button) { return; }
    var source = document.getElementById("id_source");
    if (source) {
      source.addEventListener("change", function () { button.click(); });
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    wrapPopupCallback();
    suggestOnChange();
  });
})();
