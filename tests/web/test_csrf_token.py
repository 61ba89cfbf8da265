"""A kept page's CSRF token: made from the request's secret as Django makes it, with a uniform one-read mask."""

from collections import Counter

from django.middleware import csrf as django_csrf
from django.test import RequestFactory

from core import csrf

SECRET = "a" * 16 + "Z9" * 8


def request_with_secret(secret: str | None):
    request = RequestFactory().get("/")
    if secret is not None:
        request.META["CSRF_COOKIE"] = secret  # as CsrfViewMiddleware leaves it when the cookie came
    return request


def test_the_token_unmasks_to_the_requests_secret_and_renews_its_cookie():
    request = request_with_secret(SECRET)
    tokens = {csrf.get_token(request) for _ in range(50)}

    assert len(tokens) == 50  # masked anew each time
    for token in tokens:
        assert len(token) == django_csrf.CSRF_TOKEN_LENGTH
        assert set(token) <= set(django_csrf.CSRF_ALLOWED_CHARS)
        assert django_csrf._unmask_cipher_token(token) == SECRET
    assert request.META["CSRF_COOKIE_NEEDS_UPDATE"] is True


def test_the_token_is_the_one_django_makes_with_that_mask(monkeypatch):
    mask = csrf.random_mask()
    monkeypatch.setattr(django_csrf, "_get_new_csrf_string", lambda: mask)
    assert csrf.masked_token(SECRET, mask) == django_csrf._mask_cipher_secret(SECRET)


def test_without_a_secret_django_makes_one_and_sets_its_cookie():
    request = request_with_secret(None)
    token = csrf.get_token(request)
    secret = request.META["CSRF_COOKIE"]
    assert len(secret) == django_csrf.CSRF_SECRET_LENGTH
    assert django_csrf._unmask_cipher_token(token) == secret
    assert request.META["CSRF_COOKIE_NEEDS_UPDATE"] is True


def test_every_character_of_the_mask_is_drawn_evenly():
    counts = Counter("".join(csrf.random_mask() for _ in range(20_000)))  # 640,000 characters
    expected = 640_000 / 62  # about 10,323 each; one standard deviation about 100
    assert set(counts) == set(django_csrf.CSRF_ALLOWED_CHARS)
    assert all(abs(n - expected) < 0.06 * expected for n in counts.values()), counts.most_common(3)
