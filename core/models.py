"""Database models of Spiritual G-Code."""

import datetime as dt
from functools import cached_property

from django.contrib.auth.models import AbstractUser
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from core.astro.ephemeris import Lilith
from core.astro.houses import HouseSystem
from core.astro.sidereal import Zodiac
from core.astro.vocabulary import choices_of
from core.gcode.facts import DayFacts
from core.gcode.score import Level
from core.oracle.patch_notes import Platform
from core.oracle.texts import Engine, Tone
from core.validators import validate_not_in_future, validate_timezone_name


class User(AbstractUser):
    """A person with their birth data and preferences.

    Birth data may be entered after registration; until then the site leads the
    person to it. The birth time is optional: without it there are no houses or angles.
    """

    # The person's choices of how the site computes and speaks (the settings form and the admin show these).
    PREFERENCE_FIELDS = (
        "house_system", "zodiac", "lilith", "show_south_node", "show_part_of_fortune", "tone",
        "daily_gcode_enabled", "schedule_timezone",
    )  # fmt: skip

    birth_date = models.DateField(null=True, blank=True, validators=[validate_not_in_future])
    birth_time = models.TimeField(null=True, blank=True, help_text="Local clock time; leave empty if unknown.")
    birth_time_fold = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        choices=[(0, "First occurrence"), (1, "Second occurrence")],
        help_text="Which reading of a clock time that happened twice (end of daylight saving).",
    )
    birth_place = models.CharField(max_length=200, blank=True)
    birth_latitude = models.FloatField(
        null=True, blank=True, validators=[MinValueValidator(-90.0), MaxValueValidator(90.0)]
    )
    birth_longitude = models.FloatField(
        null=True, blank=True, validators=[MinValueValidator(-180.0), MaxValueValidator(180.0)]
    )
    birth_timezone = models.CharField(
        max_length=64, blank=True, validators=[validate_timezone_name], help_text="IANA zone, e.g. Europe/London."
    )
    house_system = models.CharField(max_length=1, choices=choices_of(HouseSystem), default=HouseSystem.PLACIDUS.value)
    tone = models.CharField(max_length=16, choices=choices_of(Tone), default=Tone.INSPIRING.value)
    zodiac = models.CharField(max_length=16, choices=choices_of(Zodiac), default=Zodiac.TROPICAL.value)
    lilith = models.CharField(max_length=4, choices=choices_of(Lilith), default=Lilith.NONE.value, blank=True)
    show_south_node = models.BooleanField(default=False, help_text="Show the South Node on my chart.")
    show_part_of_fortune = models.BooleanField(
        default=False, help_text="Show the Part of Fortune (needs a birth time; day and night formulas)."
    )
    daily_gcode_enabled = models.BooleanField(default=True, help_text="Compute my G-Code every morning.")
    schedule_timezone = models.CharField(
        max_length=64,
        default="UTC",
        validators=[validate_timezone_name],
        help_text="The zone whose 04:00 starts my day (where I live now).",
    )

    # Found or not by django-stubs depending on the order mypy reads the modules in.
    class Meta(AbstractUser.Meta):  # type: ignore[name-defined, unused-ignore]
        swappable = "AUTH_USER_MODEL"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(birth_latitude__isnull=True)
                | models.Q(birth_latitude__gte=-90.0, birth_latitude__lte=90.0),
                name="user_birth_latitude_in_range",
            ),
            models.CheckConstraint(
                condition=models.Q(birth_longitude__isnull=True)
                | models.Q(birth_longitude__gte=-180.0, birth_longitude__lte=180.0),
                name="user_birth_longitude_in_range",
            ),
            models.CheckConstraint(
                condition=models.Q(birth_time_fold__isnull=True) | models.Q(birth_time_fold__in=[0, 1]),
                name="user_birth_time_fold_0_or_1",
            ),
        ]

    @property
    def has_birth_data(self) -> bool:
        """True once date, coordinates and timezone are all known."""
        return (
            self.birth_date is not None
            and self.birth_latitude is not None
            and self.birth_longitude is not None
            and bool(self.birth_timezone)
        )

    def birth_fingerprint(self) -> str:
        """Everything a natal chart depends on, so a stored chart knows when it is stale."""
        return "|".join(
            str(v)
            for v in (
                self.birth_date, self.birth_time, self.birth_time_fold, self.birth_latitude,
                self.birth_longitude, self.birth_timezone, self.house_system, self.zodiac, self.lilith,
                self.show_south_node, self.show_part_of_fortune,
            )
        )  # fmt: skip


class NatalChart(models.Model):
    """A person's computed natal chart, recomputed when their birth data or house system change."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="natal_chart")
    fingerprint = models.CharField(max_length=300)
    computed_at = models.DateTimeField(auto_now=True)
    ut = models.DateTimeField()
    data = models.JSONField()
    svg = models.TextField()
    # Written by Gemini in a run (never in a request), with the fingerprint and tone it was written for;
    # empty, or stale, means the page reads the chart with the local engine.
    reading = models.JSONField(default=dict, blank=True)

    def __str__(self) -> str:
        return f"Natal chart of {self.user}"


class WrittenText(models.Model):
    """Who wrote a stored text: the engine and, for Gemini, the model, token counts, or why it fell back."""

    engine = models.CharField(max_length=16, choices=choices_of(Engine), default=Engine.LOCAL.value)
    model = models.CharField(max_length=100, blank=True)
    prompt_tokens = models.PositiveIntegerField(null=True, blank=True)
    output_tokens = models.PositiveIntegerField(null=True, blank=True)
    fallback_reason = models.CharField(max_length=300, blank=True)
    tone = models.CharField(max_length=16, choices=choices_of(Tone), default=Tone.INSPIRING.value)
    pinned = models.BooleanField(default=False, help_text="Pinned records are never removed by the cleanup.")
    written_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class DailyGCode(WrittenText):
    """A person's G-Code for one local date; recomputing the date replaces it."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="daily_gcodes")
    date = models.DateField()
    score = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(100)])
    level = models.CharField(max_length=8, choices=choices_of(Level))
    themes = models.JSONField(default=list)
    facts = models.JSONField()
    program = models.TextField()
    interpretation = models.TextField()
    affirmation = models.TextField()
    guidance = models.JSONField(default=list)
    summary = models.CharField(max_length=200, blank=True, help_text="Gemini's one-line release summary, if any.")

    class Meta:
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(fields=["user", "date"], name="one_gcode_per_user_and_date"),
            models.CheckConstraint(condition=models.Q(score__gte=1, score__lte=100), name="gcode_score_1_to_100"),
        ]

    def __str__(self) -> str:
        return f"G-Code {self.score} for {self.user} on {self.date}"

    @cached_property
    def day_facts(self) -> DayFacts:
        """The stored facts read through the domain's type, so a renamed key fails here and not on a page."""
        return DayFacts.from_dict(self.facts)


class PatchNote(WrittenText):
    """A person's Spiritual Patch Notes for one local date on one platform."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="patch_notes")
    date = models.DateField()
    platform = models.CharField(max_length=16, choices=choices_of(Platform))
    version = models.CharField(max_length=16)
    body = models.TextField()

    class Meta:
        ordering = ["-date", "platform"]
        constraints = [
            models.UniqueConstraint(fields=["user", "date", "platform"], name="one_patch_note_per_platform_and_date"),
        ]

    def __str__(self) -> str:
        return f"Patch notes {self.version} ({self.get_platform_display()}) for {self.user}"


class RunStatus(models.TextChoices):
    RUNNING = "running", "Running"
    SUCCEEDED = "succeeded", "Succeeded"
    PARTIAL = "partial", "Partial (some users failed)"
    FAILED = "failed", "Failed"
    INTERRUPTED = "interrupted", "Interrupted"
    MISSED = "missed", "Missed (outside the grace window)"


class JobRunQuerySet(models.QuerySet):
    def running(self) -> "JobRunQuerySet":
        return self.filter(status=RunStatus.RUNNING)


class JobRun(models.Model):
    """One run of a scheduled job for one slot (a local date in a zone, or a week), unique per job and slot."""

    job = models.CharField(max_length=32)
    slot = models.CharField(max_length=80, help_text="What the run is for, e.g. 2026-11-24/Asia/Tokyo.")
    trigger = models.CharField(max_length=16, default="schedule")  # schedule, catch-up or manual
    status = models.CharField(max_length=12, choices=RunStatus.choices, default=RunStatus.RUNNING)
    due_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    users_done = models.PositiveIntegerField(default=0)
    users_failed = models.PositiveIntegerField(default=0)
    error_text = models.TextField(blank=True)
    progress = models.JSONField(default=dict, blank=True)  # step, percent, message: the snapshot late clients get
    result = models.JSONField(default=dict, blank=True)  # e.g. the cleanup's counts
    pid = models.PositiveIntegerField(null=True, blank=True)
    host = models.CharField(max_length=255, blank=True)
    user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.CASCADE, related_name="job_runs",
        help_text="The person a run is for (a recalculation); empty for scheduled runs of many people.",
    )  # fmt: skip

    objects = JobRunQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["job", "slot"], name="one_run_per_job_and_slot")]
        indexes = [models.Index(fields=["job", "-started_at"])]

    def __str__(self) -> str:
        return f"{self.job} {self.slot} ({self.status})"


class RunAttempt(models.Model):
    """An earlier attempt at a run's slot, kept when the slot is run again: an interruption, a failure
    or a finished recalculation stays in the history after the rerun that completes the slot."""

    run = models.ForeignKey(JobRun, on_delete=models.CASCADE, related_name="attempts")
    trigger = models.CharField(max_length=16)
    status = models.CharField(max_length=12, choices=RunStatus.choices)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    users_done = models.PositiveIntegerField(default=0)
    users_failed = models.PositiveIntegerField(default=0)
    error_text = models.TextField(blank=True)
    pid = models.PositiveIntegerField(null=True, blank=True)
    host = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["started_at", "id"]

    def __str__(self) -> str:
        return f"{self.run} attempt at {self.started_at} ({self.status})"


class SchedulerHeartbeat(models.Model):
    """The live scheduler's pulse: which process holds the lock, and when it last beat."""

    name = models.CharField(max_length=32, unique=True, default="scheduler")
    pid = models.PositiveIntegerField()
    host = models.CharField(max_length=255)
    started_at = models.DateTimeField()
    beat_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"scheduler pid {self.pid} on {self.host}, last beat {self.beat_at:%Y-%m-%d %H:%M:%S}"


class DayNote(models.Model):
    """A person's short journal note on a day; shown on the history chart and in the export."""

    MAX_LENGTH = 500

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="day_notes")
    date = models.DateField()
    text = models.CharField(max_length=MAX_LENGTH)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date"]
        constraints = [models.UniqueConstraint(fields=["user", "date"], name="one_note_per_user_and_day")]

    def __str__(self) -> str:
        return f"{self.user} on {self.date}: {self.text[:40]}"


class Relation(models.TextChoices):
    PARTNER = "partner", "Partner"
    FRIEND = "friend", "Friend"
    CHILD = "child", "Child"
    PARENT = "parent", "Parent"
    SIBLING = "sibling", "Sibling"
    COLLEAGUE = "colleague", "Colleague"
    OTHER = "other", "Other"


class SavedPersonQuerySet(models.QuerySet):
    def owned_by(self, user: User) -> "SavedPersonQuerySet":
        return self.filter(owner=user)


class SavedPerson(models.Model):
    """Someone's birth data kept by a person (a partner, a friend, a child): no account, private to the owner.

    The birth fields mean what they mean on User; here the date and place are required.
    """

    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="people")
    name = models.CharField(max_length=100)
    relation = models.CharField(max_length=16, choices=Relation.choices, default=Relation.FRIEND)
    birth_date = models.DateField(validators=[validate_not_in_future])
    birth_time = models.TimeField(null=True, blank=True, help_text="Local clock time; leave empty if unknown.")
    birth_time_fold = models.PositiveSmallIntegerField(
        null=True, blank=True, choices=[(0, "First occurrence"), (1, "Second occurrence")],
        help_text="Which reading of a clock time that happened twice (end of daylight saving).",
    )  # fmt: skip
    birth_place = models.CharField(max_length=200, blank=True)
    birth_latitude = models.FloatField(validators=[MinValueValidator(-90.0), MaxValueValidator(90.0)])
    birth_longitude = models.FloatField(validators=[MinValueValidator(-180.0), MaxValueValidator(180.0)])
    birth_timezone = models.CharField(max_length=64, validators=[validate_timezone_name])
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SavedPersonQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(birth_latitude__gte=-90.0, birth_latitude__lte=90.0),
                name="person_birth_latitude_in_range",
            ),
            models.CheckConstraint(
                condition=models.Q(birth_longitude__gte=-180.0, birth_longitude__lte=180.0),
                name="person_birth_longitude_in_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_relation_display()}), kept by {self.owner}"

    @property
    def has_birth_data(self) -> bool:
        return True  # date, coordinates and zone are required fields


class Connections(models.Model):
    """How a person's G-Code reaches them away from the site: calendar and feed URLs, the morning email.

    The calendar and feed tokens are secrets in URLs that calendar apps and feed readers poll without
    a session, so they are stored as they are (shown again in settings); regenerating one revokes the old URL.
    """

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="connections")
    calendar_token = models.CharField(max_length=64, unique=True, null=True, blank=True)
    feed_token = models.CharField(max_length=64, unique=True, null=True, blank=True)
    morning_email = models.BooleanField(default=False, help_text="Send me my day by email each morning.")
    morning_email_time = models.TimeField(
        default=dt.time(7, 0), help_text="Local time of the morning email (in my schedule timezone)."
    )

    def __str__(self) -> str:
        return f"Connections of {self.user}"


class AccessToken(models.Model):
    """A personal access token for the read-only API: only its SHA-256 digest is kept; the token is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="access_tokens")
    name = models.CharField(max_length=80)
    digest = models.CharField(max_length=64, unique=True)
    hint = models.CharField(max_length=12, help_text="The token's first characters, to tell tokens apart.")
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Token {self.name!r} of {self.user} ({self.hint}…)"


class MailStatus(models.TextChoices):
    SENDING = "sending", "Sending"  # claimed; a crash here leaves it so, and it is never sent again
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed (to be retried)"


class MorningEmail(models.Model):
    """One person's morning email for one local date: claimed before sending, so it goes out at most once."""

    MAX_ATTEMPTS = 5

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="morning_emails")
    date = models.DateField()
    status = models.CharField(max_length=8, choices=MailStatus.choices, default=MailStatus.SENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date"]
        constraints = [models.UniqueConstraint(fields=["user", "date"], name="one_morning_email_per_user_and_date")]

    def __str__(self) -> str:
        return f"Morning email of {self.user} on {self.date} ({self.status})"
