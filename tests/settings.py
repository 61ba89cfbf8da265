"""The suite's settings: the site's own, as a local checkout runs them.

`DEBUG` is off unless set; the suite runs like `make run`, with DEBUG on (Django's test runner
still turns it off for each test), unless the environment says otherwise.

Under pytest, logs (and the scheduler's lock file beside them) go to a folder of the run's own,
removed at the end: the suite never writes the developer's `logs/django.log`. (mypy reads these
settings too, writes no log, and leaves without running exit handlers: it gets no folder.)
"""

import atexit
import os
import shutil
import sys
import tempfile

os.environ.setdefault("DEBUG", "True")
if "pytest" in sys.modules:
    os.environ["LOG_DIR"] = tempfile.mkdtemp(prefix="gcode-test-logs-")
    atexit.register(shutil.rmtree, os.environ["LOG_DIR"], ignore_errors=True)

from gcode_site.settings import *  # noqa: F403
