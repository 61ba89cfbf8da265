"""Django admin for every model."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from core.models import DailyGCode, NatalChart, PatchNote, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "email", "birth_date", "birth_place", "birth_timezone", "is_staff")
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
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
            {
                "fields": (
                    "house_system",
                    "zodiac",
                    "lilith",
                    "show_south_node",
                    "show_part_of_fortune",
                    "tone",
                    "daily_gcode_enabled",
                    "schedule_timezone",
                )
            },
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
