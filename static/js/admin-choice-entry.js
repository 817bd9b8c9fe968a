// Enter in a type-ahead box picks what the reader sees highlighted for what they typed.
//
// Select2 asks the server for matches a quarter of a second after the last key, and until
// the answer comes it keeps the previous list (the unfiltered one, at first) with its first
// option highlighted. A fast typist's Enter, or any Enter on a slow line, took that stale
// first option, or nothing at all. Here an Enter pressed before the matches for the typed
// text have arrived waits for them, then picks the highlighted one; typing on cancels it.
(function ($) {
  "use strict";
  if (!$) {
    return;
  }
  var open = null; // the select2 instance whose list is open

  function instanceOf(select) {
    // Select2 4.0 keeps its instance in its own store, not in jQuery's data.
    var utils = $.fn.select2 && $.fn.select2.amd && $.fn.select2.amd.require("select2/utils");
    return utils ? utils.GetData(select, "select2") : null;
  }

  function termOf(params) {
    return (params && params.query && params.query.term) || "";
  }

  function watch(s2) {
    if (s2.enterGuard) {
      return;
    }
    s2.enterGuard = { shown: null, pending: null, field: null };
    s2.on("query", function () {
      // A new question: the list on screen no longer answers the text typed.
      s2.enterGuard.shown = null;
    });
    s2.on("results:all", function (params) {
      var guard = s2.enterGuard;
      guard.shown = termOf(params);
      if (guard.pending === null || guard.shown !== guard.pending) {
        return;
      }
      var field = guard.field;
      guard.pending = null;
      if (!field || field.value !== guard.shown) {
        return;
      }
      if (s2.isOpen()) {
        s2.trigger("results:select", {}); // the option now highlighted, the first match
      } else {
        // The reader moved on to the next box before the matches came: the first match is
        // what the list would have highlighted.
        var first = (params.data.results || []).filter(function (item) {
          return item.id !== undefined && !item.disabled;
        })[0];
        if (first) {
          s2.trigger("select", { data: first });
        }
      }
    });
  }

  $(document).on("select2:open", "select.admin-autocomplete", function () {
    open = instanceOf(this);
    if (open) {
      watch(open);
    }
  });
  $(document).on("select2:close", "select.admin-autocomplete", function () {
    // A pending Enter outlives the list: the reader may already be in the next box.
    if (open === instanceOf(this)) {
      open = null;
    }
  });

  document.addEventListener(
    "keydown",
    function (event) {
      var field = event.target;
      if (!open || !open.enterGuard || !field.classList || !field.classList.contains("select2-search__field")) {
        return;
      }
      var guard = open.enterGuard;
      if (event.key !== "Enter") {
        if (event.key && event.key.length === 1 || event.key === "Backspace" || event.key === "Delete") {
          guard.pending = null;
        }
        return;
      }
      if (guard.shown !== field.value) {
        // The list shows matches for other text (or none yet): wait for this text's.
        event.preventDefault();
        event.stopPropagation();
        guard.pending = field.value;
        guard.field = field;
      }
    },
    true
  );
})(window.django && window.django.jQuery);
