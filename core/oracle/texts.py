"""What an engine hands back: the day's words and who wrote them."""

from dataclasses import dataclass

from core.astro.vocabulary import Labelled


class Tone(Labelled):
    """The voice a person chose for their texts."""

    INSPIRING = "inspiring", "Inspiring"
    PRACTICAL = "practical", "Practical"
    POETIC = "poetic", "Poetic"
    TECHNICAL = "technical", "Technical"


class Engine(Labelled):
    """Who wrote a text: the local engine, always there, or Gemini when a key is set."""

    LOCAL = "local", "Local engine"
    GEMINI = "gemini", "Gemini"


@dataclass(frozen=True)
class DailyTexts:
    """Interpretation, affirmation and guidance, with the engine that wrote them.

    When Gemini was asked but the local engine's words are used, `fallback_reason` says why.
    """

    interpretation: str
    affirmation: str
    guidance: list[str]
    engine: Engine
    model: str = ""
    prompt_tokens: int | None = None
    output_tokens: int | None = None
    fallback_reason: str = ""
    summary: str = ""  # one line for the patch notes' release summary (Gemini writes one)
