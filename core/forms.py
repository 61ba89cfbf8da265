"""Forms for accounts and birth data."""

from django import forms
from django.contrib.auth.forms import UserCreationForm

from core.astro.places import PlaceError, timezone_at
from core.models import User

BIRTH_FIELDS = (
    "birth_date",
    "birth_time",
    "birth_place",
    "birth_latitude",
    "birth_longitude",
    "birth_timezone",
)
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME_WIDGET = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class BirthDataCleaningMixin:
    """Birth data is all-or-nothing: a date needs a place; coordinates give the timezone."""

    def clean(self) -> dict:
        cleaned = super().clean()  # type: ignore[misc]
        given = [name for name in BIRTH_FIELDS if cleaned.get(name) not in (None, "")]
        if not given or self.errors:
            return cleaned
        if cleaned.get("birth_date") is None:
            self.add_error("birth_date", "Enter your birth date, or leave all birth fields empty for now.")
        for name in ("birth_latitude", "birth_longitude"):
            if cleaned.get(name) is None:
                self.add_error(name, "Enter the birth place's coordinates.")
        if self.errors or cleaned.get("birth_timezone"):
            return cleaned
        try:
            cleaned["birth_timezone"] = timezone_at(cleaned["birth_latitude"], cleaned["birth_longitude"])
        except PlaceError as exc:
            self.add_error(None, str(exc))
        return cleaned


class RegistrationForm(BirthDataCleaningMixin, UserCreationForm):
    """Sign up with a username and password; birth data may come now or later."""

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "email", *BIRTH_FIELDS)
        widgets = {"birth_date": DATE_WIDGET, "birth_time": TIME_WIDGET}


class BirthDataForm(BirthDataCleaningMixin, forms.ModelForm):
    """Edit birth data and preferences."""

    class Meta:
        model = User
        fields = (
            *BIRTH_FIELDS,
            "birth_time_fold",
            "house_system",
            "tone",
            "daily_gcode_enabled",
            "schedule_timezone",
        )
        widgets = {"birth_date": DATE_WIDGET, "birth_time": TIME_WIDGET}
