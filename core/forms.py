"""Forms for accounts, birth data, day notes and history ranges."""

import datetime as dt
import zoneinfo
from typing import Any, cast

from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.urls import reverse_lazy
from django.utils import timezone

from core.astro.ephemeris import FIRST_DATE, LAST_DATE, EphemerisError, check_local_date
from core.astro.local_time import AmbiguousLocalTime, LocalTimeError, NonexistentLocalTime, to_universal_time
from core.astro.places import Place, PlaceError, find_place, timezone_at
from core.astro.zones import zone_choices
from core.models import DayNote, SavedPerson, User
from core.validators import available_timezone_names

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
MANUAL_FIELDS = ("birth_latitude", "birth_longitude", "birth_timezone", "birth_time_fold")
PLACE_CHOICE, TIME_CHOICE = "place_choice", "time_choice"  # offered only after an ambiguous name or clock time


def offered_choice(label: str, choices: list[tuple[str, str]]) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=choices, widget=forms.RadioSelect, required=False)


class BirthDataCleaningMixin(forms.BaseForm):
    """Birth data is all-or-nothing; a place name gives coordinates, coordinates give the timezone,
    and the local time must have existed exactly once."""

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
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
        # The radio offered after an ambiguous or misspelt name exists only while offered: read from the data.
        picked = self.data.get(PLACE_CHOICE, "").strip()
        place_name = picked or cleaned.get("birth_place", "").strip()
        no_coordinates = cleaned.get("birth_latitude") is None and cleaned.get("birth_longitude") is None
        place_edited = self.changed("birth_place") and not self.changed("birth_latitude", "birth_longitude")
        if not place_name or not (no_coordinates or place_edited or picked):
            return
        try:
            place = find_place(place_name)
        except PlaceError as exc:
            self.add_error("birth_place", str(exc))
            if exc.candidates:
                choices = [(p.label, p.label) for p in exc.candidates]
                self.offer(PLACE_CHOICE, "Did you mean one of these?", choices, after="birth_place")
            return
        cleaned.update(birth_place=place.label, birth_latitude=place.latitude, birth_longitude=place.longitude)
        if picked:  # the name field shows the pick from now on, so another error elsewhere does not ask again
            data = self.data.copy()  # type: ignore[attr-defined]  # a QueryDict (or a dict): copied to be changed
            data["birth_place"] = place.label
            self.data = data
        if not cleaned.get("birth_timezone") or not self.changed("birth_timezone"):
            cleaned["birth_timezone"] = place.timezone

    def offer(self, name: str, label: str, choices: list[tuple[str, str]], after: str) -> None:
        """Show a choice right after the field it settles (on the page that reports the problem)."""
        fields = list(self.fields.items())
        position = next(i for i, (key, _) in enumerate(fields) if key == after) + 1
        fields.insert(position, (name, offered_choice(label, choices)))
        self.fields = dict(fields)

    def changed(self, *names: str) -> bool:
        """True when any of `names` was edited (always true on a blank form such as registration)."""
        return bool(set(self.changed_data) & set(names))

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
        self.apply_time_choice(cleaned)
        try:
            check_local_date(cleaned["birth_date"])
            to_universal_time(
                cleaned["birth_date"], cleaned.get("birth_time"), cleaned["birth_timezone"],
                cleaned.get("birth_time_fold"),
            )  # fmt: skip
        except EphemerisError as exc:
            self.add_error("birth_date", str(exc))
        except (AmbiguousLocalTime, NonexistentLocalTime) as exc:
            self.add_error("birth_time", str(exc))
            readings = time_readings(exc, cleaned["birth_timezone"])
            self.offer(TIME_CHOICE, "Which reading is yours?", readings, after="birth_time")
        except LocalTimeError as exc:
            self.add_error("birth_time", str(exc))

    def apply_time_choice(self, cleaned: dict) -> None:
        """A reading picked after a DST fold ("fold-1") or gap ("time-03:30", the clock time it denotes)."""
        picked = self.data.get(TIME_CHOICE, "")
        if picked in ("fold-0", "fold-1"):
            cleaned["birth_time_fold"] = int(picked[-1])
        elif picked.startswith("time-"):
            try:
                cleaned["birth_time"] = dt.time.fromisoformat(picked.removeprefix("time-"))
            except ValueError:
                self.add_error("birth_time", "Choose one of the readings offered.")

    def field_groups(self) -> tuple[list, list]:
        """The fields a newcomer fills, and those behind "enter coordinates manually"."""
        bound = [self[name] for name in self.fields]
        visible = [f for f in bound if not f.is_hidden]
        return [f for f in visible if f.name not in MANUAL_FIELDS], [f for f in visible if f.name in MANUAL_FIELDS]

    def manual_open(self) -> bool:
        """Open the manual fields when one of them has an error to show."""
        return any(name in self.errors for name in MANUAL_FIELDS)


def time_readings(exc: AmbiguousLocalTime | NonexistentLocalTime, zone_name: str) -> list[tuple[str, str]]:
    """The two readings of a clock time a DST change made ambiguous or impossible, as radio choices.

    A fold is settled by its fold number; a gap by the real clock time each reading denotes, which is
    what the person then keeps as their birth time.
    """
    readings = exc.readings
    if isinstance(exc, AmbiguousLocalTime):
        return [(f"fold-{r.fold}", f"{('First', 'Second')[r.fold]} time: {r.describe()}") for r in readings]
    zone = zoneinfo.ZoneInfo(zone_name)
    return [
        (f"time-{r.utc.astimezone(zone):%H:%M}", f"{r.describe()}: the clock showed {r.utc.astimezone(zone):%H:%M}")
        for r in readings
    ]


class RegistrationForm(BirthDataCleaningMixin, UserCreationForm):
    """Sign up with a username and password; birth data may come now or later."""

    field_order = ("username", "email", "password1", "password2")

    # Found or not by django-stubs depending on the order mypy reads the modules in.
    class Meta(UserCreationForm.Meta):  # type: ignore[name-defined, unused-ignore]
        model = User
        fields = ("username", "email", *BIRTH_FIELDS, "birth_time_fold", "schedule_timezone")
        widgets = {**WIDGETS, "schedule_timezone": forms.HiddenInput}  # filled with the browser's zone
        help_texts = {"birth_place": PLACE_HELP}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["schedule_timezone"]
        field.required, field.validators = False, []  # an odd browser zone falls back, it does not refuse sign-up
        self.initial["schedule_timezone"] = ""  # not the model's "UTC": empty, so the page fills the browser's zone

    def clean_schedule_timezone(self) -> str:
        """The browser's zone when the page could tell; else filled from the birth place in clean()."""
        zone = self.cleaned_data.get("schedule_timezone") or ""
        return zone if zone in available_timezone_names() else ""

    def clean(self) -> dict[str, Any]:
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
            *User.PREFERENCE_FIELDS,
        )
        widgets = WIDGETS
        help_texts = {"birth_place": PLACE_HELP}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["schedule_timezone"] = zone_field(self.instance.schedule_timezone)


def zone_field(current: str) -> forms.ChoiceField:
    """A list of IANA zones, each with its local time now (the current zone kept even if it is an old alias)."""
    choices = zone_choices(available_timezone_names(), timezone.now())
    if current and current not in dict(choices):
        choices.insert(0, (current, current))
    return forms.ChoiceField(
        choices=choices, label="Timezone I live in", widget=forms.Select(attrs={"data-zone-chooser": ""}),
        help_text="Your day starts at 04:00 here: the daily G-Code, patch notes and every time on the site use it.",
    )  # fmt: skip


class ScheduleZoneForm(forms.Form):
    """One click from the dashboard: live by the browser's timezone."""

    schedule_timezone = forms.ChoiceField(choices=())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["schedule_timezone"]).choices = [
            (z, z) for z in sorted(available_timezone_names())
        ]


class PersonForm(BirthDataCleaningMixin, forms.ModelForm):
    """Someone else's birth data, checked and completed exactly as a user's own."""

    class Meta:
        model = SavedPerson
        fields = ("name", "relation", *BIRTH_FIELDS, "birth_time_fold")
        widgets = WIDGETS
        help_texts = {"birth_place": PLACE_HELP}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("birth_latitude", "birth_longitude", "birth_timezone"):  # a place name fills them in clean()
            self.fields[name].required = False


class DayForm(forms.Form):
    """One date within the ephemeris' years."""

    date = forms.DateField(widget=DATE_WIDGET)

    def clean_date(self) -> dt.date:
        date = self.cleaned_data["date"]
        try:
            check_local_date(date)
        except EphemerisError as exc:
            raise forms.ValidationError(str(exc)) from exc
        return date


class DayNoteForm(DayForm):
    """A short note on a day; empty text removes the note."""

    text = forms.CharField(
        max_length=DayNote.MAX_LENGTH, required=False, widget=forms.Textarea(attrs={"rows": 2}),
        label="Note", help_text=f"Up to {DayNote.MAX_LENGTH} characters; leave empty to remove the note.",
    )  # fmt: skip
    confirm_delete = forms.BooleanField(required=False, widget=forms.HiddenInput)  # set by the confirmation page


class YearForm(forms.Form):
    """The year's charts: which solar return, which month's lunar return, progressions for which date, and where."""

    year = forms.IntegerField(min_value=FIRST_DATE.year + 1, max_value=LAST_DATE.year - 1, label="Solar return year")
    month = forms.DateField(
        input_formats=["%Y-%m"], widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
        label="Lunar return month",
    )  # fmt: skip
    on = forms.DateField(widget=DATE_WIDGET, label="Progressions for")
    place = forms.CharField(
        max_length=200, required=False, widget=PLACE_WIDGET, label="Where you will be",
        help_text="A town or city; empty for your birth place.",
    )  # fmt: skip

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        for name in ("month", "on"):
            value = cleaned.get(name)
            if value and not (FIRST_DATE <= value <= LAST_DATE):
                self.add_error(name, f"Choose a date between {FIRST_DATE:%Y-%m-%d} and {LAST_DATE:%Y-%m-%d}.")
        return cleaned

    def clean_place(self) -> Place | None:
        name = self.cleaned_data["place"].strip()
        if not name:
            return None
        try:
            return find_place(name)
        except PlaceError as exc:
            raise forms.ValidationError(str(exc)) from exc


class DateRangeForm(forms.Form):
    """A range of days for the history (empty: the last 90 days) and an optional range to compare it with."""

    start = forms.DateField(widget=DATE_WIDGET, required=False)
    end = forms.DateField(widget=DATE_WIDGET, required=False)
    compare_start = forms.DateField(widget=DATE_WIDGET, required=False, label="Compare with: start")
    compare_end = forms.DateField(widget=DATE_WIDGET, required=False, label="Compare with: end")
    MAX_DAYS = 3 * 366

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
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
