from django.urls import path

from accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.staff_accounts, name="staff"),
    path("<str:pk>/role/", views.set_role, name="set-role"),
    path("<str:pk>/deactivate/", views.deactivate, name="deactivate"),
    path("<str:pk>/reactivate/", views.reactivate, name="reactivate"),
]
