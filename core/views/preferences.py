"""Settings: the hub, export of all one's data, and deleting the account."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.generic import TemplateView, View

from core.forms import DeleteAccountForm
from core.services.account import delete_account, export_data
from core.services.zone import next_personal_runs
from core.views.connections import ConnectionsContextMixin
from core.views.signed_in import SignedInRequest


class SettingsView(ConnectionsContextMixin, TemplateView):
    request: SignedInRequest
    template_name = "core/settings.html"

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(next_runs=next_personal_runs(self.request.user, timezone.now()), **kwargs)


class ExportView(View):
    """GET: everything of mine as a JSON file."""

    http_method_names = ["get"]

    def get(self, request: SignedInRequest) -> HttpResponse:
        body = json.dumps(export_data(request.user), ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        # Any username (non-ASCII, quotes) gives a valid header: RFC 6266 with an encoded filename*.
        filename = f"spiritual-g-code-{request.user.username}.json"
        disposition = content_disposition_header(as_attachment=True, filename=filename)
        assert disposition is not None  # None only for an inline file without a name
        response["Content-Disposition"] = disposition
        return response


class DeleteAccountView(View):
    """GET: the confirmation form; POST with the password: delete everything, log out."""

    template_name = "core/delete_account.html"

    def get(self, request: SignedInRequest) -> HttpResponse:
        return render(request, self.template_name, {"form": DeleteAccountForm(request.user)})

    def post(self, request: SignedInRequest) -> HttpResponse:
        form = DeleteAccountForm(request.user, request.POST)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form}, status=400)
        user = request.user
        logout(request)
        delete_account(user)
        messages.success(request, "Your account and everything in it are deleted.")
        return redirect("login")
