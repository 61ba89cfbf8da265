"""Django admin for every model."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from core.models import User


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
        ("Preferences", {"fields": ("house_system", "tone", "daily_gcode_enabled", "schedule_timezone")}),
    )
