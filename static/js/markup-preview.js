// The live preview of a report's own text: under each text box that asks for one, the text
// as the report prints it, drawn by the server (the one parser, the one sanitiser).
(function () {
  "use strict";
  function csrfToken(form) {
    var field = form.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }
  function attach(textarea, url) {
    var preview = document.createElement("div");
    preview.className = "markup-preview";
    preview.setAttribute("aria-live", "polite");
    preview.setAttribute("aria-label", "Preview");
    textarea.parentNode.appendChild(preview);
    var timer = null;
    function refresh() {
      var body = new URLSearchParams();
      body.append("text", textarea.value);
      fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(textarea.form) },
        body: body
      }).then(function (response) {
        return response.ok ? response.json() : { html: "" };
      }).then(function (data) {
        // The server cleaned this HTML with the report's own sanitiser.
        preview.innerHTML = data.html;
      });
    }
    textarea.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 300);
    });
    refresh();
  }
  document.addEventListener("DOMContentLoaded", function () {
    var help = document.querySelector("[data-preview-url]");
    if (!help) { return; }
    var url = help.getAttribute("data-preview-url");
    document.querySelectorAll("textarea[data-markup-preview]").forEach(function (textarea) {
      attach(textarea, url);
    });
  });
})();
