"""The suite's settings: the site's own, as a local checkout runs them.

`DEBUG` is off unless set; the suite runs like `make run`, with DEBUG on (Django's test runner
still turns it off for each test), unless the environment says otherwise.
"""

import os

os.environ.setdefault("DEBUG", "True")

from gcode_site.settings import *  # noqa: F403
