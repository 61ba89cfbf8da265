"""What an engine hands back: the day's words and who wrote them."""

from dataclasses import dataclass


@dataclass(frozen=True)
class DailyTexts:
    """Interpretation, affirmation and guidance, with the engine that wrote them.

    When Gemini was asked but the local engine's words are used, `fallback_reason` says why.
    """

    interpretation: str
    affirmation: str
    guidance: list[str]
    engine: str  # "local" or "gemini"
    model: str = ""
    prompt_tokens: int | None = None
    output_tokens: int | None = None
    fallback_reason: str = ""
    summary: str = ""  # one line for the patch notes' release summary (Gemini writes one)
