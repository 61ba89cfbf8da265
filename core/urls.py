"""URLs of the core app."""

from django.contrib.auth import views as auth_views
from django.urls import path

from core.views import accounts, charts, dashboard, days, health, notes, people, settings, sky, staff, year, zone

urlpatterns = [
    path("", dashboard.DashboardView.as_view(), name="home"),
    path("gcode/recalculate", dashboard.RecalculateView.as_view(), name="recalculate"),
    path("runs/<int:pk>/", dashboard.RunStatusView.as_view(), name="run-status"),
    path("day-notes/", dashboard.DayNoteView.as_view(), name="day-note"),
    path("forecast/", days.ForecastView.as_view(), name="forecast"),
    path("history/", days.HistoryView.as_view(), name="history"),
    path("patch-notes/", notes.PatchNotesView.as_view(), name="patch-notes"),
    path("patch-notes/<str:date>.md", notes.PatchNoteMarkdownView.as_view(), name="patch-note-markdown"),
    path("solar-system/", sky.SolarSystemView.as_view(), name="solar-system"),
    path("settings/", settings.SettingsView.as_view(), name="settings"),
    path("settings/export.json", settings.ExportView.as_view(), name="export"),
    path("settings/delete/", settings.DeleteAccountView.as_view(), name="delete-account"),
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
]
