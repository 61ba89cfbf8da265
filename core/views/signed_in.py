"""The request a signed-in page is given, as the type checker should see it.

`LoginRequiredMiddleware` sends anyone not signed in to the login page before a view runs, except
for views marked `login_not_required`; every other view's `request.user` is a person, never
`AnonymousUser`. Views annotate their request with this class to say so; a view whose bases meet
(a mixin that declares it, and Django's `View`) declares it once more, as mypy asks.
"""

from django.http import HttpRequest

from core.models import User


class SignedInRequest(HttpRequest):
    user: User
