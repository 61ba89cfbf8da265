"""The Atom feed of a person's Spiritual Patch Notes (the blog rendering), through Django's syndication framework."""

import datetime as dt
import html
from urllib.parse import urlsplit

import markdown
from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from core.models import PatchNote, User
from core.oracle.patch_notes import Platform
from core.services.tokens import person_by_url_token

FEED_ITEMS = 30


def blog_html(body: str) -> str:
    # The notes are Markdown written by the local engine or Gemini: any HTML in them is shown, not obeyed.
    return markdown.markdown(html.escape(body, quote=False), extensions=["fenced_code"])


def tag_uri(path: str) -> str:
    """A stable RFC 4151 id under the site's host, so that readers keep entries apart from other sites'."""
    return f"tag:{urlsplit(settings.SITE_URL).hostname},2026:{path}"


def blog_notes(user: User):
    return PatchNote.objects.filter(user=user, platform=Platform.BLOG).order_by("-date")


class PatchNotesFeed(Feed):
    feed_type = Atom1Feed
    description_template = None

    def get_object(self, request: HttpRequest, token: str) -> User:
        person = person_by_url_token("feed", token)
        if person is None:
            raise Http404("No such feed.")
        return person

    def title(self, person: User) -> str:
        return f"Spiritual Patch Notes of {person.username}"

    def subtitle(self, person: User) -> str:
        return "Release notes for a life, one version a day."

    def link(self, person: User) -> str:
        return reverse("patch-notes")

    def feed_guid(self, person: User) -> str:
        return tag_uri(f"patch-notes/{person.pk}")

    def author_name(self, person: User) -> str:
        return person.username

    def items(self, person: User):
        return blog_notes(person)[:FEED_ITEMS]

    def item_title(self, note: PatchNote) -> str:
        return f"Spiritual Patch Notes {note.version}"

    def item_description(self, note: PatchNote) -> str:
        return blog_html(note.body)

    def item_link(self, note: PatchNote) -> str:
        return reverse("patch-note-markdown", args=[note.date.isoformat()])

    def item_guid(self, note: PatchNote) -> str:
        return tag_uri(f"patch-notes/{note.user_id}/{note.date.isoformat()}")

    item_guid_is_permalink = False

    def item_pubdate(self, note: PatchNote) -> dt.datetime:
        return note.written_at

    def item_updateddate(self, note: PatchNote) -> dt.datetime:
        return note.written_at
