"""URLs of the core app."""

from django.contrib.auth import views as auth_views
from django.urls import path, register_converter

from core.converters import IsoDateConverter
from core.views import accounts, charts, dashboard, day, days, health, notes, settings, sky, staff

register_converter(IsoDateConverter, "isodate")

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
    path("settings/", settings.SettingsView.as_view(), name="settings"),
    path("settings/export.json", settings.ExportView.as_view(), name="export"),
    path("settings/delete/", settings.DeleteAccountView.as_view(), name="delete-account"),
    path("staff/jobs/", staff.JobsView.as_view(), name="staff-jobs"),
    path("staff/jobs/<str:name>/run", staff.RunJobView.as_view(), name="staff-run-job"),
    path("healthz", health.healthz, name="healthz"),
    path("chart/", charts.ChartView.as_view(), name="chart"),
    path("chart.svg", charts.ChartSvgView.as_view(), name="chart-svg"),
    path("places/search", charts.place_search, name="place-search"),
    path("settings/birth-data/", accounts.BirthDataView.as_view(), name="birth-data"),
    path("accounts/register/", accounts.RegisterView.as_view(), name="register"),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
]
