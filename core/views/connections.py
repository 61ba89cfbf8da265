"""The Connections section of settings: calendar and feed URLs, API tokens, email address and morning email."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST
from django.views.generic import FormView, View

from core.connection_forms import AccessTokenForm, EmailChangeForm, MorningEmailForm
from core.models import AccessToken
from core.services.email_address import (
    EmailChangeError,
    confirm_email_change,
    pending_email_change,
    send_email_change_link,
)
from core.services.tokens import (
    URL_TOKEN_KINDS,
    connections_of,
    create_access_token,
    regenerate_url_token,
    revoke_access_token,
)
from core.views.signed_in import SignedInRequest

SETTINGS_CONNECTIONS = "settings"


def back_to_connections() -> HttpResponse:
    return redirect(reverse(SETTINGS_CONNECTIONS) + "#connections")


def connections_context(request: SignedInRequest, **overrides) -> dict:
    """What the Connections section shows: the private URLs, the tokens and the email forms."""
    connections = connections_of(request.user)
    urls = {
        kind: request.build_absolute_uri(reverse(f"{kind}-subscription", args=[token]))
        for kind in URL_TOKEN_KINDS
        if (token := getattr(connections, f"{kind}_token"))
    }
    calendar_url = urls.get("calendar")
    return {
        "connections": connections,
        "calendar_url": calendar_url,
        "webcal_url": "webcal://" + calendar_url.split("://", 1)[1] if calendar_url else None,
        "feed_url": urls.get("feed"),
        "access_tokens": AccessToken.objects.filter(user=request.user),
        "token_form": AccessTokenForm(),
        "morning_form": MorningEmailForm(instance=connections),
        "api_docs_url": reverse("api-docs"),
        **overrides,
    }


class ConnectionsContextMixin:
    request: SignedInRequest

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(**connections_context(self.request), **kwargs)  # type: ignore[misc]


@require_POST
def regenerate_url(request: SignedInRequest, kind: str) -> HttpResponse:
    if kind not in URL_TOKEN_KINDS:
        raise Http404("No such subscription.")
    regenerate_url_token(request.user, kind)
    messages.success(request, f"A new {kind} URL is ready; the old one no longer works.")
    return back_to_connections()


@require_POST
def create_token(request: SignedInRequest) -> HttpResponse:
    """The new token is shown in this one response and never again."""
    form = AccessTokenForm(request.POST)
    if not form.is_valid():
        context = connections_context(request, token_form=form)
        return render(request, "core/settings.html", context, status=400)
    record, token = create_access_token(request.user, form.cleaned_data["name"])
    response = render(request, "core/settings.html", connections_context(request, new_token=token, new_record=record))
    response["Cache-Control"] = "no-store"  # the only copy of the token must not linger in a cache
    return response


@require_POST
def revoke_token(request: SignedInRequest, pk: int) -> HttpResponse:
    if not revoke_access_token(request.user, pk):
        raise Http404("No such token.")
    messages.success(request, "The token is revoked.")
    return back_to_connections()


@require_POST
def save_morning_email(request: SignedInRequest) -> HttpResponse:
    form = MorningEmailForm(request.POST, instance=connections_of(request.user))
    if not form.is_valid():
        return render(request, "core/settings.html", connections_context(request, morning_form=form), status=400)
    form.save()
    messages.success(request, "Your morning email preference is saved.")
    return back_to_connections()


class EmailChangeView(FormView):
    request: SignedInRequest
    """Ask for a new address; a confirmation link goes to it and nothing changes until it is followed."""

    template_name = "core/email_change.html"
    form_class = EmailChangeForm

    def get_form_kwargs(self) -> dict:
        return {"user": self.request.user, **super().get_form_kwargs()}

    def form_valid(self, form: EmailChangeForm) -> HttpResponse:
        new_email = form.cleaned_data["new_email"]
        send_email_change_link(
            self.request.user,
            new_email,
            lambda token: self.request.build_absolute_uri(reverse("email-change-confirm", args=[token])),
        )
        messages.success(self.request, f"A confirmation link is on its way to {new_email}.")
        return back_to_connections()


class EmailConfirmView(View):
    """GET: what the link would change (a GET never writes); POST: change it."""

    template_name = "core/email_confirm.html"

    def get(self, request: SignedInRequest, token: str) -> HttpResponse:
        try:
            new_email = pending_email_change(request.user, token)
        except EmailChangeError as exc:
            return render(request, self.template_name, {"error": str(exc)}, status=400)
        return render(request, self.template_name, {"new_email": new_email})

    def post(self, request: SignedInRequest, token: str) -> HttpResponse:
        try:
            new_email = confirm_email_change(request.user, token)
        except EmailChangeError as exc:
            return render(request, self.template_name, {"error": str(exc)}, status=400)
        messages.success(request, f"Your email address is now {new_email}.")
        return back_to_connections()
