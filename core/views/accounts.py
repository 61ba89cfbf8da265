"""Registration, birth data and the home page."""

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.views.generic import CreateView, UpdateView

from core import auth
from core.forms import BirthDataForm, RegistrationForm
from core.models import User
from core.services.charts import recompute_natal_chart
from core.services.reading import BACKFILL_DAYS
from core.services.recalculate import recalculate_after_change
from core.throttle import hit, used
from core.views.signed_in import SignedInRequest

REGISTRATION_WINDOW_SECONDS = 3600


@method_decorator(login_not_required, name="dispatch")
class RegisterView(CreateView[User, RegistrationForm]):
    form_class = RegistrationForm
    template_name = "registration/register.html"
    success_url = reverse_lazy("home")

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponseBase:
        if not settings.REGISTRATION_OPEN:
            return render(request, "registration/closed.html", {"reason": "closed"}, status=403)
        if request.method == "POST" and used(self.throttle_name(), REGISTRATION_WINDOW_SECONDS) >= (
            settings.REGISTRATIONS_PER_IP_PER_HOUR
        ):
            return render(request, "registration/closed.html", {"reason": "limit"}, status=429)
        return super().dispatch(request, *args, **kwargs)

    def throttle_name(self) -> str:
        """Accounts created from one address count together (one household, or one script)."""
        return f"register:{get_client_ip_address(self.request)}"

    def form_valid(self, form: RegistrationForm) -> HttpResponse:
        response = super().form_valid(form)
        assert self.object is not None  # saved by form_valid
        hit(self.throttle_name(), REGISTRATION_WINDOW_SECONDS)
        login(self.request, self.object, backend=auth.PATH)
        messages.success(self.request, f"Welcome, {self.object.username}.")
        if self.object.has_birth_data:
            recompute_natal_chart(self.object)
            # today and the past 90 days are filled in the background; the dashboard shows the run
            run = recalculate_after_change(self.object, past_days=BACKFILL_DAYS)
            return redirect(f"{reverse('home')}?run={run.pk}")
        return response


class BirthDataView(UpdateView[User, BirthDataForm]):
    request: SignedInRequest
    form_class = BirthDataForm
    template_name = "core/birth_data.html"
    success_url = reverse_lazy("home")

    def get_object(self, queryset=None) -> User:
        return self.request.user

    def form_valid(self, form: BirthDataForm) -> HttpResponse:
        response = super().form_valid(form)
        if self.object.has_birth_data:
            recompute_natal_chart(self.object)
            run = recalculate_after_change(self.object, past_days=BACKFILL_DAYS)  # today and past days follow, visibly
            messages.success(self.request, "Your birth data is saved and your chart recomputed.")
            return redirect(f"{reverse('chart')}?run={run.pk}")
        messages.success(self.request, "Your preferences are saved.")
        return response
