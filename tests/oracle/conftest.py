"""A local server speaking the Gemini API, one per test module."""

import pytest

from tests.support.fake_gemini import FakeGemini


@pytest.fixture(scope="module")
def gemini_server():
    server = FakeGemini().start()
    yield server
    server.shutdown()
