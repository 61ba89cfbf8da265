"""Saved people: list, add, edit, delete, their day, and the relationship of any two.

Every lookup goes through the owner's own queryset, so someone else's id is a 404 everywhere.
"""

from csp.decorators import csp_update
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse_lazy
from django.utils.text import slugify
from django.views.decorators.http import require_GET
from django.views.generic import CreateView, DeleteView, ListView, TemplateView, UpdateView

from core.forms import DayForm, PersonForm
from core.models import SavedPerson, User
from core.services.charts import with_wheel_style
from core.services.gcode import local_today
from core.services.people import Party, my_party, person_party, relationship, their_day
from core.views.signed_in import SignedInRequest

ME = "me"  # the account holder's own chart, in ?first= and ?second=


class OwnPeopleMixin:
    """Only the signed-in person's saved people exist for these views."""

    request: SignedInRequest

    def get_queryset(self):
        return SavedPerson.objects.owned_by(self.request.user)


class PeopleView(OwnPeopleMixin, ListView):
    request: SignedInRequest
    template_name = "core/people.html"
    context_object_name = "people"


class PersonCreateView(CreateView[SavedPerson, PersonForm]):
    request: SignedInRequest
    form_class = PersonForm
    template_name = "core/person_form.html"
    success_url = reverse_lazy("people")

    def form_valid(self, form: PersonForm) -> HttpResponse:
        form.instance.owner = self.request.user
        messages.success(self.request, f"{form.instance.name} is saved.")
        return super().form_valid(form)


class PersonUpdateView(OwnPeopleMixin, UpdateView):
    request: SignedInRequest
    form_class = PersonForm
    template_name = "core/person_form.html"
    success_url = reverse_lazy("people")


class PersonDeleteView(OwnPeopleMixin, DeleteView):
    request: SignedInRequest
    template_name = "core/person_confirm_delete.html"
    success_url = reverse_lazy("people")
    context_object_name = "person"


class PersonDayView(OwnPeopleMixin, TemplateView):
    """?date=YYYY-MM-DD: a saved person's G-Code for a date, computed now and not stored."""

    request: SignedInRequest

    template_name = "core/person_day.html"

    def get_context_data(self, **kwargs) -> dict:
        person = get_object_or_404(self.get_queryset(), pk=kwargs["pk"])
        form = DayForm(self.request.GET or None, initial={"date": local_today(self.request.user)})
        date = form.cleaned_data["date"] if form.is_bound and form.is_valid() else local_today(self.request.user)
        facts, texts = their_day(person, self.request.user, date)
        return super().get_context_data(person=person, form=form, date=date, facts=facts, texts=texts, **kwargs)


def party_for(user: User, key: str) -> Party:
    """'me' or the id of one of the user's saved people; anything else is a 404."""
    if key == ME:
        return my_party(user)
    if not key.isdigit():
        raise Http404("No such person.")
    return person_party(get_object_or_404(SavedPerson.objects.owned_by(user), pk=int(key)), user)


def chosen_keys(request) -> tuple[str, str]:
    return request.GET.get("first", ME), request.GET.get("second", "")


class RelationshipView(TemplateView):
    """?first=me&second=<id> (or two ids): synastry, overlays, composite, Davison, bi-wheel and reading."""

    template_name = "core/relationship.html"

    def get(self, request, *args, **kwargs) -> HttpResponse:
        keys = chosen_keys(request)
        if ME in keys and not request.user.has_birth_data:
            messages.info(request, "Enter your own birth data first to compare your chart with someone's.")
            return redirect("birth-data")
        if not keys[1]:
            return redirect("people")
        first, second = (party_for(request.user, key) for key in keys)
        rel = relationship(first, second, request.user.tone)
        return self.render_to_response(self.get_context_data(rel=rel, query=request.GET.urlencode()))


@require_GET
@csp_update({"style-src": ["'unsafe-inline'"]})  # a file with its own <style>, opened alone
def relationship_svg(request: HttpRequest) -> HttpResponse:
    """The relationship's bi-wheel as a downloadable SVG file."""
    assert isinstance(request.user, User)  # the login middleware lets only a person through
    keys = chosen_keys(request)
    if not keys[1] or (ME in keys and not request.user.has_birth_data):
        raise Http404("Choose two people with birth data.")
    first, second = (party_for(request.user, key) for key in keys)
    svg = with_wheel_style(relationship(first, second, request.user.tone).biwheel)
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Content-Disposition"] = f'attachment; filename="{slugify(f"{first.name} {second.name}")}.svg"'
    return response
