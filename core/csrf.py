"""Django's CSRF token for a page, its mask drawn from one read of the system's random source.

Django's `get_token` masks the CSRF secret anew for each page (against BREACH) with a 32-character mask made
by `secrets.choice`, one `os.urandom` call per character. Each call lets go of the interpreter lock, and on a
busy server every letting go hands the lock to another thread and back: the mask alone cost a kept dashboard
some 40 thread switches. Here the mask is drawn the same way (uniformly from the same 62 characters) from one
`secrets.token_bytes` read; the secret, the cookie's renewal and the token's form are Django's, and Django's
`CsrfViewMiddleware` checks it as its own.
"""

import secrets

from django.http import HttpRequest
from django.middleware import csrf

ALPHABET = csrf.CSRF_ALLOWED_CHARS
UNBIASED_BELOW = 256 - 256 % len(ALPHABET)  # bytes from here up would favour the first characters


def random_mask(length: int = csrf.CSRF_SECRET_LENGTH) -> str:
    """`length` characters, each uniform over the alphabet: random bytes, those past the last whole round dropped."""
    chars: list[str] = []
    while len(chars) < length:
        chars += [ALPHABET[byte % len(ALPHABET)] for byte in secrets.token_bytes(length + 8) if byte < UNBIASED_BELOW]
    return "".join(chars[:length])


def masked_token(secret: str, mask: str) -> str:
    """The token Django's `_mask_cipher_secret` makes from this secret and mask: the mask, then each character
    of the secret shifted along the alphabet by the mask's."""
    pairs = zip(secret, mask, strict=True)
    return mask + "".join(ALPHABET[(ALPHABET.index(s) + ALPHABET.index(m)) % len(ALPHABET)] for s, m in pairs)


def get_token(request: HttpRequest) -> str:
    """As `django.middleware.csrf.get_token`: a new masked token for the request's secret (the cookie renewed)."""
    secret = request.META.get("CSRF_COOKIE")
    if secret is None:
        return csrf.get_token(request)  # a new secret: Django makes it and sets its cookie
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    return masked_token(secret, random_mask())
