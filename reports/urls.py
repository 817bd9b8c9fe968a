from django.urls import path

from reports import build_jobs, views

app_name = "reports"

urlpatterns = [
    path("", views.ReportListView.as_view(), name="index"),
    path("<int:year>/", views.report_detail, name="detail"),
    path("<int:year>/export.html", views.report_export, name="export"),
    path("<int:year>/export.docx", views.report_export, {"fmt": "docx"}, name="export-docx"),
    path("<int:year>/export.pdf", views.report_export, {"fmt": "pdf"}, name="export-pdf"),
    path(
        "<int:year>/issues/<int:number>/export.<str:fmt>",
        views.issue_export,
        name="issue-export",
    ),
    # The Word or PDF file built in the background (POST; then the job's page).
    path("<int:year>/build/", build_jobs.build_in_background, name="build"),
    path("<int:year>/mark-final/", views.mark_final, name="mark-final"),
    path("<int:year>/reopen/", views.reopen, name="reopen"),
    path("<int:year>/correct/", views.issue_correction, name="correct"),
]
