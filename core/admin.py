"""Django admin for every model."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from core.models import (
    AccessToken,
    Connections,
    DailyGCode,
    DayNote,
    JobRun,
    MorningEmail,
    NatalChart,
    PatchNote,
    RunAttempt,
    SavedPerson,
    SchedulerHeartbeat,
    User,
)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "email", "birth_date", "birth_place", "birth_timezone", "schedule_timezone", "is_staff")
    list_filter = (*DjangoUserAdmin.list_filter, "daily_gcode_enabled", "tone", "house_system")
    fieldsets = (
        *(DjangoUserAdmin.fieldsets or ()),
        (
            "Birth data",
            {
                "fields": (
                    "birth_date",
                    "birth_time",
                    "birth_time_fold",
                    "birth_place",
                    "birth_latitude",
                    "birth_longitude",
                    "birth_timezone",
                )
            },
        ),
        (
            "Preferences",
            {"fields": User.PREFERENCE_FIELDS},
        ),
    )


@admin.register(NatalChart)
class NatalChartAdmin(admin.ModelAdmin):
    list_display = ("user", "ut", "computed_at")
    search_fields = ("user__username",)
    readonly_fields = ("computed_at",)


@admin.register(DailyGCode)
class DailyGCodeAdmin(admin.ModelAdmin):
    list_display = ("user", "date", "score", "level", "engine", "model", "fallback_reason", "pinned")
    list_filter = ("level", "engine", "pinned")
    search_fields = ("user__username",)
    date_hierarchy = "date"


@admin.register(PatchNote)
class PatchNoteAdmin(admin.ModelAdmin):
    list_display = ("user", "date", "platform", "version", "engine", "pinned")
    list_filter = ("platform", "engine", "pinned")
    search_fields = ("user__username",)
    date_hierarchy = "date"


@admin.register(JobRun)
class JobRunAdmin(admin.ModelAdmin):
    list_display = (
        "job",
        "slot",
        "trigger",
        "status",
        "user",
        "started_at",
        "finished_at",
        "users_done",
        "users_failed",
    )
    list_filter = ("job", "status", "trigger")
    search_fields = ("slot", "user__username", "error_text")
    date_hierarchy = "started_at"
    list_select_related = ("user",)


@admin.register(SchedulerHeartbeat)
class SchedulerHeartbeatAdmin(admin.ModelAdmin):
    list_display = ("name", "pid", "host", "started_at", "beat_at")
    list_filter = ("host",)


@admin.register(DayNote)
class DayNoteAdmin(admin.ModelAdmin):
    list_display = ("user", "date", "text", "updated_at")
    list_filter = ("date",)
    search_fields = ("user__username", "text")
    date_hierarchy = "date"
    list_select_related = ("user",)


@admin.register(SavedPerson)
class SavedPersonAdmin(admin.ModelAdmin):
    list_display = ("name", "owner", "relation", "birth_date", "birth_place")
    list_filter = ("relation",)
    search_fields = ("name", "owner__username")


@admin.register(Connections)
class ConnectionsAdmin(admin.ModelAdmin):
    list_display = ("user", "morning_email", "morning_email_time")
    list_filter = ("morning_email",)
    search_fields = ("user__username",)
    exclude = ("calendar_token", "feed_token")  # secrets: the person sees and regenerates them in settings


@admin.register(AccessToken)
class AccessTokenAdmin(admin.ModelAdmin):
    list_display = ("user", "name", "hint", "created_at", "last_used_at")
    search_fields = ("user__username", "name")
    readonly_fields = ("digest", "hint", "created_at", "last_used_at")


@admin.register(MorningEmail)
class MorningEmailAdmin(admin.ModelAdmin):
    list_display = ("user", "date", "status", "attempts", "sent_at", "last_error")
    list_filter = ("status",)
    search_fields = ("user__username",)
    date_hierarchy = "date"


@admin.register(RunAttempt)
class RunAttemptAdmin(admin.ModelAdmin):
    list_display = ("run", "status", "started_at", "finished_at")
    list_filter = ("status",)
