// Type-ahead for text boxes that take a slug (partners, events): suggestions come from
// a small JSON endpoint, so the page never renders hundreds of options.
(function () {
  "use strict";

  function attach(input) {
    var url = input.getAttribute("data-lookup");
    var listId = input.id + "-suggestions";
    var list = document.createElement("datalist");
    list.id = listId;
    input.setAttribute("list", listId);
    input.parentNode.appendChild(list);
    var timer = null;
    var labels = {};

    input.addEventListener("input", function () {
      var term = input.value.trim();
      if (labels[term]) {
        input.value = labels[term];
        return;
      }
      clearTimeout(timer);
      if (term.length < 2) {
        return;
      }
      timer = setTimeout(function () {
        fetch(url + "?q=" + encodeURIComponent(term), { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (data) {
            list.textContent = "";
            labels = {};
            data.results.forEach(function (item) {
              var option = document.createElement("option");
              option.value = item.label;
              list.appendChild(option);
              labels[item.label] = item.value;
            });
          })
          .catch(function () {});
      }, 200);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("input[data-lookup]"), attach);
  });
})();
