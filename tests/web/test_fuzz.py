"""Fuzzing every form and every socket message type: never a 500, never a write from a refused
form, never an ERROR in the log."""

import asyncio
import json
import logging

import pytest
from channels.testing import WebsocketCommunicator
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.forms import BIRTH_FIELDS
from core.models import DailyGCode, DayNote, JobRun, NatalChart, User
from gcode_site.asgi import application
from tests.support.sockets import ORIGIN, session_cookie_for

FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))

TRICKY = [
    "", " ", "0", "-1", "-91", "181", "1e309", "nan", "inf", "1990-06-15", "2026-11-24", "0001-01-01", "9999-12-31",
    "14:30", "25:61", "02:30", "Europe/London", "Nowhere/Zone", "../../etc/passwd", "London", "P", "W", "x" * 5000,
    "\x00", "<script>alert(1)</script>", "'; DROP TABLE core_user; --", "ünïcødé", "/", "//evil.example", "on",
]  # fmt: skip
VALUES = st.one_of(st.sampled_from(TRICKY), st.text(max_size=60))

FORMS = {
    "register": ("/accounts/register/", ["username", "email", "password1", "password2", *BIRTH_FIELDS,
                                         "birth_time_fold", "schedule_timezone"], False),
    "login": ("/accounts/login/", ["username", "password", "next"], False),
    "admin-login": ("/admin/login/", ["username", "password", "next"], False),
    "birth-data": ("/settings/birth-data/", [*BIRTH_FIELDS, "birth_time_fold", "house_system", "tone",
                                             "daily_gcode_enabled", "schedule_timezone"], True),
    "day-note": ("/day-notes/", ["date", "text", "next"], True),
    "delete-account": ("/settings/delete/", ["password"], True),
    "password-change": ("/accounts/password/", ["old_password", "new_password1", "new_password2"], True),
    "recalculate": ("/gcode/recalculate", [], True),
}  # fmt: skip


def snapshot(owner: User) -> tuple:
    """What a refused form must leave as it was."""
    counts = tuple(model.objects.count() for model in (User, DayNote, DailyGCode, NatalChart, JobRun))
    return counts, tuple(User.objects.filter(pk=owner.pk).values().first().items())


def no_errors_logged(caplog) -> None:
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [], [r.getMessage() for r in errors]


@pytest.mark.django_db
@pytest.mark.parametrize("form", sorted(FORMS))
def test_no_form_answers_500_or_writes_when_it_refuses(form, owner, caplog):
    url, fields, signed_in = FORMS[form]
    client = Client()
    if signed_in:
        client.force_login(owner)

    @FUZZ
    @given(data=st.fixed_dictionaries({name: VALUES for name in fields}), as_json=st.booleans())
    def post(data, as_json):
        cache.clear()  # each example starts below the pace and sign-up limits
        before = snapshot(owner)
        response = client.post(url, data, HTTP_ACCEPT="application/json" if as_json else "text/html")
        assert response.status_code < 500
        if response.status_code == 200 or response.status_code >= 400:
            assert snapshot(owner) == before, (form, data, response.status_code)

    with caplog.at_level(logging.INFO):
        post()
    no_errors_logged(caplog)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)
MESSAGE_TYPES = st.sampled_from(["ping", "pong", "error", "job.progress", "gcode.new", "subscribe", ""]) | st.text(
    max_size=12
)
FRAMES = st.one_of(
    st.builds(
        lambda kind, extra: json.dumps({**extra, "type": kind}),
        MESSAGE_TYPES,
        st.dictionaries(st.text(max_size=8), JSON_VALUES, max_size=3),
    ),
    JSON_VALUES.map(json.dumps),
    st.text(max_size=200),
    st.integers(min_value=1, max_value=3000).map(lambda n: "[" * n + "]" * n),
    st.binary(max_size=64),
).filter(len)  # fmt: skip  (the communicator cannot send an empty frame)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("path", ["/ws/dashboard/", "/ws/progress/{run}/"])
def test_no_socket_message_breaks_a_socket(path, owner, caplog, settings):
    settings.SOCKET_MESSAGE_BURST = 10_000  # the budget has its own test; here every frame is read
    run = JobRun.objects.create(job="recalculate", slot="fuzz", user=owner, status="succeeded")
    cookie = session_cookie_for(owner)

    @FUZZ
    @given(frames=st.lists(FRAMES, min_size=1, max_size=5))
    def talk(frames):
        async def scenario():
            ws = WebsocketCommunicator(application, path.format(run=run.pk), headers=[ORIGIN, cookie])
            assert (await ws.connect())[0]
            if "progress" in path:
                await ws.receive_json_from(timeout=2)  # the snapshot
            replies = []
            for frame in frames:
                await ws.send_to(**({"bytes_data": frame} if isinstance(frame, bytes) else {"text_data": frame}))
                replies.append(await ws.receive_output(timeout=2))
            await ws.disconnect()
            return replies

        for reply in asyncio.run(scenario()):
            assert reply["type"] == "websocket.send", reply
            assert json.loads(reply["text"])["type"] in ("pong", "error")

    with caplog.at_level(logging.INFO):
        talk()
    no_errors_logged(caplog)
