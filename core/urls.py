"""URLs of the core app."""

from django.contrib.auth import views as auth_views
from django.urls import path

from core.views import accounts, charts, health

urlpatterns = [
    path("", accounts.HomeView.as_view(), name="home"),
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
