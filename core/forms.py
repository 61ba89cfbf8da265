"""Forms for accounts, birth data, day notes and history ranges."""

import datetime as dt

from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.urls import reverse_lazy

from core.astro.ephemeris import FIRST_YEAR, LAST_YEAR, EphemerisError, check_year
from core.astro.local_time import AmbiguousLocalTime, LocalTimeError, to_universal_time
from core.astro.places import PlaceError, find_place, timezone_at
from core.models import DayNote, User

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
PLACE_WIDGET = forms.TextInput(
    attrs={"list": "place-suggestions", "autocomplete": "off", "data-place-search": reverse_lazy("place-search")}
)
WIDGETS = {"birth_date": DATE_WIDGET, "birth_time": TIME_WIDGET, "birth_place": PLACE_WIDGET}
PLACE_HELP = "A town or city, e.g. “Springfield, Illinois” or “London, United Kingdom”; or give coordinates."


class BirthDataCleaningMixin:
    """Birth data is all-or-nothing; a place name gives coordinates, coordinates give the timezone,
    and the local time must have existed exactly once."""

    def clean(self) -> dict:
        cleaned = super().clean()  # type: ignore[misc]
        if self.errors or not any(cleaned.get(name) not in (None, "") for name in BIRTH_FIELDS):
            return cleaned
        self.fill_coordinates_from_place(cleaned)
        self.require_date_and_coordinates(cleaned)
        coordinates_edited = self.changed("birth_latitude", "birth_longitude") and not self.changed("birth_timezone")
        if not self.errors and (not cleaned.get("birth_timezone") or coordinates_edited):
            self.fill_timezone(cleaned)
        if not self.errors:
            self.check_local_time(cleaned)
        return cleaned

    def fill_coordinates_from_place(self, cleaned: dict) -> None:
        place_name = cleaned.get("birth_place", "").strip()
        no_coordinates = cleaned.get("birth_latitude") is None and cleaned.get("birth_longitude") is None
        place_edited = self.changed("birth_place") and not self.changed("birth_latitude", "birth_longitude")
        if not place_name or not (no_coordinates or place_edited):
            return
        try:
            place = find_place(place_name)
        except PlaceError as exc:
            self.add_error("birth_place", str(exc))
            return
        cleaned.update(birth_place=place.label, birth_latitude=place.latitude, birth_longitude=place.longitude)
        if not cleaned.get("birth_timezone") or not self.changed("birth_timezone"):
            cleaned["birth_timezone"] = place.timezone

    def changed(self, *names: str) -> bool:
        """True when any of `names` was edited (always true on a blank form such as registration)."""
        return bool(set(self.changed_data) & set(names))  # type: ignore[attr-defined]

    def require_date_and_coordinates(self, cleaned: dict) -> None:
        if cleaned.get("birth_date") is None:
            self.add_error("birth_date", "Enter your birth date, or leave all birth fields empty for now.")
        for name in ("birth_latitude", "birth_longitude"):
            if cleaned.get(name) is None and "birth_place" not in self.errors:
                self.add_error(name, "Enter the birth place's coordinates, or a place name.")

    def fill_timezone(self, cleaned: dict) -> None:
        try:
            cleaned["birth_timezone"] = timezone_at(cleaned["birth_latitude"], cleaned["birth_longitude"])
        except PlaceError as exc:
            self.add_error(None, str(exc))

    def check_local_time(self, cleaned: dict) -> None:
        try:
            check_year(cleaned["birth_date"].year)
            to_universal_time(
                cleaned["birth_date"], cleaned.get("birth_time"), cleaned["birth_timezone"],
                cleaned.get("birth_time_fold"),
            )  # fmt: skip
        except EphemerisError as exc:
            self.add_error("birth_date", str(exc))
        except AmbiguousLocalTime as exc:
            self.add_error("birth_time_fold", str(exc))
        except LocalTimeError as exc:
            self.add_error("birth_time", str(exc))


class RegistrationForm(BirthDataCleaningMixin, UserCreationForm):
    """Sign up with a username and password; birth data may come now or later."""

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "email", *BIRTH_FIELDS, "birth_time_fold", "schedule_timezone")
        widgets = {**WIDGETS, "schedule_timezone": forms.HiddenInput}  # filled with the browser's zone
        help_texts = {"birth_place": PLACE_HELP}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["schedule_timezone"].required = False

    def clean_schedule_timezone(self) -> str:
        """The browser's zone when the page could tell; else filled from the birth place in clean()."""
        return self.cleaned_data.get("schedule_timezone") or ""

    def clean(self) -> dict:
        cleaned = super().clean()
        if not cleaned.get("schedule_timezone"):
            cleaned["schedule_timezone"] = cleaned.get("birth_timezone") or "UTC"
        return cleaned


class BirthDataForm(BirthDataCleaningMixin, forms.ModelForm):
    """Edit birth data and preferences."""

    class Meta:
        model = User
        fields = (
            *BIRTH_FIELDS,
            "birth_time_fold",
            "house_system",
            "zodiac",
            "lilith",
            "show_south_node",
            "show_part_of_fortune",
            "tone",
            "daily_gcode_enabled",
            "schedule_timezone",
        )
        widgets = WIDGETS
        help_texts = {"birth_place": PLACE_HELP}


class DayNoteForm(forms.Form):
    """A short note on a day; empty text removes the note."""

    date = forms.DateField(widget=DATE_WIDGET)
    text = forms.CharField(
        max_length=DayNote.MAX_LENGTH, required=False, widget=forms.Textarea(attrs={"rows": 2}),
        label="Note", help_text=f"Up to {DayNote.MAX_LENGTH} characters; leave empty to remove the note.",
    )  # fmt: skip

    def clean_date(self) -> dt.date:
        date = self.cleaned_data["date"]
        if not (FIRST_YEAR <= date.year <= LAST_YEAR):
            raise forms.ValidationError(f"Choose a date between {FIRST_YEAR} and {LAST_YEAR}.")
        return date


class DateRangeForm(forms.Form):
    """A range of days for the history (empty: the last 90 days) and an optional range to compare it with."""

    start = forms.DateField(widget=DATE_WIDGET, required=False)
    end = forms.DateField(widget=DATE_WIDGET, required=False)
    compare_start = forms.DateField(widget=DATE_WIDGET, required=False, label="Compare with: start")
    compare_end = forms.DateField(widget=DATE_WIDGET, required=False, label="Compare with: end")
    MAX_DAYS = 3 * 366

    def clean(self) -> dict:
        cleaned = super().clean()
        for first, last in (("start", "end"), ("compare_start", "compare_end")):
            start, end = cleaned.get(first), cleaned.get(last)
            if (start is None) != (end is None):
                self.add_error(last if end is None else first, "Give both ends of the range, or neither.")
            elif start and end and start > end:
                self.add_error(last, "The end must not come before the start.")
            elif start and end and (end - start).days > self.MAX_DAYS:
                self.add_error(last, "Choose a range of at most three years.")
        return cleaned


class DeleteAccountForm(forms.Form):
    """Deleting everything needs the password again."""

    password = forms.CharField(widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))

    def __init__(self, user: User, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your password.")
        return password
