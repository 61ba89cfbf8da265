"""Schemathesis against the live site (daphne): every API operation, no 5xx, every response as its schema says."""

import json
import urllib.request

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from tests.support.server import manage, start_daphne

pytestmark = pytest.mark.server

MAKE_PERSON_AND_TOKEN = """
import datetime as dt
from core.models import User
from core.services.gcode import compute_daily_gcode, generate_patch_notes, local_today
from core.services.tokens import create_access_token
ada = User.objects.create_user(username="ada", password="x-Orbit-77", email="ada@example.org",
    birth_date=dt.date(1990, 6, 15), birth_time=dt.time(14, 30), birth_place="London", birth_latitude=51.50853,
    birth_longitude=-0.12574, birth_timezone="Europe/London", schedule_timezone="Europe/London")
generate_patch_notes(ada, local_today(ada))
print(create_access_token(ada, "schemathesis")[1])
"""


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    server = start_daphne(tmp_path_factory.mktemp("api"), API_TOKEN_RATE="100000/m")
    token = manage(server.env, "shell", "-c", MAKE_PERSON_AND_TOKEN).stdout.strip().splitlines()[-1]
    yield server, token
    server.stop()


CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


def test_every_operation_answers_without_a_server_error_and_as_its_schema_says(live):
    # Operation by operation with hypothesis directly: schemathesis' pytest fixture loader predates pytest 9.
    server, token = live
    schema = schemathesis.openapi.from_url(f"{server.base}/api/schema/")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 6

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def answers_as_documented(case):
            case.call_and_validate(base_url=server.base, headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)

        answers_as_documented()


def test_the_live_schema_lists_every_operation_as_read_only(live):
    server, _ = live
    with urllib.request.urlopen(f"{server.base}/api/schema/", timeout=10) as response:
        paths = json.load(response)["paths"]
    assert {method for operations in paths.values() for method in operations} == {"get"}
    assert len(paths) == 6
