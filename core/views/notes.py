"""Spiritual Patch Notes: today's and past, per platform; copy, or download as Markdown."""

import datetime as dt
from itertools import groupby

from django.http import Http404, HttpResponse
from django.views.generic import TemplateView, View

from core.models import PatchNote
from core.oracle.patch_notes import Platform
from core.services.gcode import local_today
from core.services.reading import patch_notes_of
from core.views.birth_data_required import BirthDataRequiredMixin
from core.views.signed_in import SignedInRequest

PAGE_DAYS = 14


class PatchNotesView(BirthDataRequiredMixin, TemplateView):
    request: SignedInRequest
    template_name = "core/patch_notes.html"

    def get_context_data(self, **kwargs) -> dict:
        user, today = self.request.user, local_today(self.request.user)
        stored = PatchNote.objects.filter(user=user).exclude(date=today).order_by("-date", "platform")
        dates = list(stored.values_list("date", flat=True).distinct()[: PAGE_DAYS - 1])
        past = [(date, list(group)) for date, group in groupby(stored.filter(date__in=dates), key=lambda n: n.date)]
        return super().get_context_data(days=[(today, patch_notes_of(user, today)), *past], today=today, **kwargs)


class PatchNoteMarkdownView(BirthDataRequiredMixin, View):
    """GET /patch-notes/2026-11-24.md: that day's blog notes as a Markdown file (the person's own only)."""

    request: SignedInRequest

    def get(self, request: SignedInRequest, date: str) -> HttpResponse:
        try:
            day = dt.date.fromisoformat(date)
        except ValueError:
            raise Http404("Not a date.") from None
        user = request.user
        notes = patch_notes_of(user, day) if day == local_today(user) else PatchNote.objects.filter(user=user, date=day)
        note = next((n for n in notes if n.platform == Platform.BLOG), None)
        if note is None:
            raise Http404("No patch notes for that day.")
        response = HttpResponse(note.body, content_type="text/markdown; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="spiritual-patch-notes-{note.version}.md"'
        return response
