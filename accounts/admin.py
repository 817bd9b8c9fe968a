"""Superusers edit accounts in the admin too; each change of role or access is logged there."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from accounts import services

User = get_user_model()


class AuditedUserAdmin(UserAdmin):
    """Django's user admin, writing the same audit log as the accounts page."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            services.record_account_created(account=obj, actor=request.user, how="admin")
        elif "is_active" in form.changed_data:
            services.record_active_change(
                actor=request.user, account=obj, was_active=form.initial.get("is_active")
            )

    def save_related(self, request, form, formsets, change):
        before = services.role_of(form.instance) if change else None
        super().save_related(request, form, formsets, change)
        services.record_role_change(
            actor=request.user,
            account=form.instance,
            before=before,
            after=services.role_of(User.objects.get(pk=form.instance.pk)),
        )


admin.site.unregister(User)
admin.site.register(User, AuditedUserAdmin)
