"""Signs of the zodiac, their elements and modalities, and degree formatting."""

SIGNS: tuple[str, ...] = (
    "Aries", "Taurus", "Gemini", "Cancer", "Leo", "Virgo",
    "Libra", "Scorpio", "Sagittarius", "Capricorn", "Aquarius", "Pisces",
)  # fmt: skip
SIGN_GLYPHS: tuple[str, ...] = ("♈", "♉", "♊", "♋", "♌", "♍", "♎", "♏", "♐", "♑", "♒", "♓")
ELEMENTS: tuple[str, ...] = ("fire", "earth", "air", "water")
MODALITIES: tuple[str, ...] = ("cardinal", "fixed", "mutable")


def normalize(longitude: float) -> float:
    """Longitude folded into [0, 360)."""
    return longitude % 360.0


def sign_index(longitude: float) -> int:
    """0 for Aries … 11 for Pisces."""
    return int(normalize(longitude) // 30.0) % 12


def sign_of(longitude: float) -> str:
    return SIGNS[sign_index(longitude)]


def degree_in_sign(longitude: float) -> float:
    return normalize(longitude) % 30.0


def format_degree_minute(longitude: float) -> str:
    """E.g. 263.2492 → "23°14′ Sagittarius" (minutes truncated, never 60)."""
    total_minutes = int(degree_in_sign(longitude) * 60.0 + 1e-9)
    degrees, minutes = divmod(total_minutes, 60)
    return f"{degrees}°{minutes:02d}′ {sign_of(longitude)}"


def signed_difference(a: float, b: float) -> float:
    """a − b folded into (−180, 180]."""
    d = (a - b) % 360.0
    return d - 360.0 if d > 180.0 else d


def angular_distance(a: float, b: float) -> float:
    """Shortest arc between two longitudes, in [0, 180]."""
    return abs(signed_difference(a, b))
