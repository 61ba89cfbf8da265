"""URLs of the core app."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import path, register_converter

from core.converters import IsoDateConverter
from core.views import (
    accounts,
    charts,
    connections,
    dashboard,
    day,
    days,
    health,
    notes,
    people,
    preferences,
    sky,
    staff,
    subscriptions,
    year,
    zone,
)

register_converter(IsoDateConverter, "isodate")
PASSWORD_RESET_HOURS = settings.PASSWORD_RESET_TIMEOUT // 3600

urlpatterns = [
    path("", dashboard.DashboardView.as_view(), name="home"),
    path("gcode/recalculate", dashboard.RecalculateView.as_view(), name="recalculate"),
    path("runs/<int:pk>/", dashboard.RunStatusView.as_view(), name="run-status"),
    path("day-notes/", dashboard.DayNoteView.as_view(), name="day-note"),
    path("forecast/", days.ForecastView.as_view(), name="forecast"),
    path("history/", days.HistoryView.as_view(), name="history"),
    path("day/<isodate:date>/", day.DayView.as_view(), name="day"),
    path("docs/gcode/", day.gcode_doc, name="gcode-doc"),
    path("patch-notes/", notes.PatchNotesView.as_view(), name="patch-notes"),
    path("patch-notes/<str:date>.md", notes.PatchNoteMarkdownView.as_view(), name="patch-note-markdown"),
    path("solar-system/", sky.SolarSystemView.as_view(), name="solar-system"),
    path("settings/", preferences.SettingsView.as_view(), name="settings"),
    path("settings/export.json", preferences.ExportView.as_view(), name="export"),
    path("settings/delete/", preferences.DeleteAccountView.as_view(), name="delete-account"),
    path("settings/zone/", zone.ScheduleZoneView.as_view(), name="schedule-zone"),
    path("staff/jobs/", staff.JobsView.as_view(), name="staff-jobs"),
    path("staff/jobs/<str:name>/run", staff.RunJobView.as_view(), name="staff-run-job"),
    path("healthz", health.healthz, name="healthz"),
    path("chart/", charts.ChartView.as_view(), name="chart"),
    path("chart.svg", charts.ChartSvgView.as_view(), name="chart-svg"),
    path("chart.png", charts.ChartPngView.as_view(), name="chart-png"),
    path("places/search", charts.place_search, name="place-search"),
    path("settings/birth-data/", accounts.BirthDataView.as_view(), name="birth-data"),
    path("accounts/register/", accounts.RegisterView.as_view(), name="register"),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("people/", people.PeopleView.as_view(), name="people"),
    path("people/add/", people.PersonCreateView.as_view(), name="person-add"),
    path("people/<int:pk>/edit/", people.PersonUpdateView.as_view(), name="person-edit"),
    path("people/<int:pk>/delete/", people.PersonDeleteView.as_view(), name="person-delete"),
    path("people/<int:pk>/day/", people.PersonDayView.as_view(), name="person-day"),
    path("people/relationship/", people.RelationshipView.as_view(), name="relationship"),
    path("people/relationship.svg", people.relationship_svg, name="relationship-svg"),
    path("year/", year.YearView.as_view(), name="year"),
    path("accounts/password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    # Reaching people: password reset and address change by email, the Connections section of settings.
    path(
        "accounts/password/reset/",
        auth_views.PasswordResetView.as_view(email_template_name="registration/password_reset_email.txt"),
        name="password_reset",
    ),
    path(
        "accounts/password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(extra_context={"timeout_hours": PASSWORD_RESET_HOURS}),
        name="password_reset_done",
    ),
    path(
        "accounts/password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/password/reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"
    ),
    path("settings/email/", connections.EmailChangeView.as_view(), name="email-change"),
    path("settings/email/confirm/<str:token>/", connections.EmailConfirmView.as_view(), name="email-change-confirm"),
    path("settings/connections/<str:kind>/new-url", connections.regenerate_url, name="regenerate-url"),
    path("settings/connections/tokens/", connections.create_token, name="create-token"),
    path("settings/connections/tokens/<int:pk>/revoke", connections.revoke_token, name="revoke-token"),
    path("settings/connections/morning-email", connections.save_morning_email, name="morning-email"),
    path("connect/calendar/<str:token>.ics", subscriptions.calendar, name="calendar-subscription"),
    path("connect/feed/<str:token>.atom", subscriptions.feed, name="feed-subscription"),
    path("email/unsubscribe/<str:token>/", subscriptions.UnsubscribeView.as_view(), name="unsubscribe"),
]
