"""A local HTTP server that speaks the Gemini API's generateContent shape, for the SDK to talk to.

Each test sets `behaviour` and reads `requests`; nothing in the production code knows it exists.
"""

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from core.oracle.gemini import GeminiSettings

GOOD_ANSWER = {
    "interpretation": "Saturn squares your Uranus: the old structure creaks.\n\nVenus trines your Sun: ease.",
    "affirmation": "I build slowly and I build well.",
    "guidance": ["Break the task into pieces.", "Call a friend.", "Go to bed early."],
    "summary": "Stability patch: structural refactor under way.",
}


def answer(text: str, finish_reason: str = "STOP") -> dict[str, Any]:
    return {
        "candidates": [{"content": {"role": "model", "parts": [{"text": text}]}, "finishReason": finish_reason}],
        "usageMetadata": {"promptTokenCount": 812, "candidatesTokenCount": 143, "totalTokenCount": 955},
        "modelVersion": "gemini-2.5-flash-fake",
    }


def error(code: int, status: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "status": status, "message": message}}


@dataclass
class Behaviour:
    status: int = 200
    body: dict[str, Any] = field(default_factory=lambda: answer(json.dumps(GOOD_ANSWER)))
    delay: float = 0.0


BEHAVIOURS: dict[str, Behaviour] = {
    "success": Behaviour(),
    "server_error": Behaviour(500, error(500, "INTERNAL", "An internal error has occurred.")),
    "quota": Behaviour(429, error(429, "RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota).")),
    "unsafe_answer": Behaviour(body={"candidates": [{"finishReason": "SAFETY", "index": 0}]}),
    "blocked_prompt": Behaviour(body={"promptFeedback": {"blockReason": "SAFETY"}}),
    "not_json": Behaviour(body=answer("Here is your day: it will be fine!")),
    "missing_field": Behaviour(body=answer(json.dumps({k: v for k, v in GOOD_ANSWER.items() if k != "affirmation"}))),
    "too_long": Behaviour(body=answer(json.dumps(GOOD_ANSWER | {"affirmation": "I am " + "very " * 100 + "calm."}))),
    "too_few_guidance": Behaviour(body=answer(json.dumps(GOOD_ANSWER | {"guidance": ["Rest."]}))),
    "slow": Behaviour(delay=3.0),
}


class FakeGemini(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.behaviour = BEHAVIOURS["success"]
        self.requests: list[dict[str, Any]] = []

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def start(self) -> "FakeGemini":
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self


class Handler(BaseHTTPRequestHandler):
    server: FakeGemini

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        self.server.requests.append(
            {"path": self.path, "headers": dict(self.headers), "body": json.loads(self.rfile.read(length) or b"{}")}
        )
        behaviour = self.server.behaviour
        time.sleep(behaviour.delay)
        payload = json.dumps(behaviour.body).encode()
        try:
            self.send_response(behaviour.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the timeout test)

    def log_message(self, *args) -> None:
        pass


def settings_for(server: FakeGemini, timeout: float = 5.0) -> GeminiSettings:
    return GeminiSettings("test-key", "gemini-2.5-flash", timeout, server.base_url)
