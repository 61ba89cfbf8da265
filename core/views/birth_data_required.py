"""The one mixin of the pages that read a person's chart: without birth data, the form comes first."""

from django.contrib.auth.mixins import UserPassesTestMixin
from django.http import HttpResponseRedirect
from django.shortcuts import redirect

from core.views.signed_in import SignedInRequest


class BirthDataRequiredMixin(UserPassesTestMixin):
    """Someone without birth data is led to the form rather than shown an error."""

    request: SignedInRequest

    def test_func(self) -> bool:
        return self.request.user.has_birth_data

    def handle_no_permission(self) -> HttpResponseRedirect:
        if not self.request.user.is_authenticated:
            return super().handle_no_permission()
        return redirect("birth-data")
