"""The core app's configuration."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Spiritual G-Code"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.conf import settings

        from core import checks, signals  # noqa: F401  (registered on import)
        from core.astro import ephemeris
        from core.scheduler.live import start_in_background

        ephemeris.configure(settings.SE_EPHE_PATH)
        start_in_background()  # only in a serving process; no database access here
