from django.contrib import admin

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Operators may read the log; nobody adds, changes or deletes an entry here."""

    list_display = ("created_at", "workspace", "actor_id", "action", "target_type", "target_id")
    list_filter = ("action",)
    list_select_related = ("workspace",)
    fields = readonly_fields = (
        "created_at",
        "workspace",
        "actor_id",
        "action",
        "target_type",
        "target_id",
        "details",
    )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
