"""What every written text must be: not empty, and no placeholder left in it."""

import re

PLACEHOLDER = re.compile(r"[{}$]|\bNone\b|TODO|TBD|lorem|\bnan\b", re.IGNORECASE)


def assert_real_text(text: str) -> None:
    assert text.strip(), "empty text"
    assert not PLACEHOLDER.search(text), f"placeholder in: {text}"
