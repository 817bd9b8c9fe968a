// Follows a background job: asks its status every two seconds, shows rows done of rows, and
// reloads the page, which then shows the outcome, once the job is over. Without script the
// page reloads itself (a refresh in <noscript>) and has a link to do so.
(function () {
  "use strict";
  var box = document.querySelector("[data-job-status]");
  if (!box) return;
  var url = box.getAttribute("data-job-status");
  var done = box.querySelector("[data-job-done]");
  var total = box.querySelector("[data-job-total]");
  var bar = box.querySelector("[data-job-bar]");
  var label = box.querySelector("[data-job-label]");
  var number = new Intl.NumberFormat(document.documentElement.lang || undefined);

  function show(job) {
    if (label) label.textContent = job.label;
    if (done) done.textContent = number.format(job.rows_done);
    if (total && job.rows_total !== null) total.textContent = number.format(job.rows_total);
    if (bar && job.percent !== null) {
      bar.value = job.percent;
      bar.textContent = job.percent + " %";
    }
  }

  function ask() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (job) {
        show(job);
        if (job.over || job.stalled) {
          window.location.reload();
        } else {
          window.setTimeout(ask, 2000);
        }
      })
      .catch(function () {
        window.setTimeout(ask, 10000);
      });
  }
  window.setTimeout(ask, 1000);
})();
