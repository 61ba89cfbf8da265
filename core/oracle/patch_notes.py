"""Spiritual Patch Notes rendered per platform, each within its platform's limit, enforced.

X takes 280 characters including hashtags, Instagram 2,200 with the hashtags at the end,
LinkedIn 3,000; the blog gets Markdown. Items are dropped from the end (weakest first) until
the text fits; a single item that still does not fit is cut at a word with an ellipsis.
"""

from collections.abc import Callable
from dataclasses import dataclass

from core.astro.vocabulary import Labelled
from core.gcode.facts import DayFacts
from core.gcode.patch_notes import SECTIONS, NoteItem, note_items, version_of
from core.oracle.local import note_line


class Platform(Labelled):
    """Where a person posts their patch notes; each has its own length limit."""

    X = "x", "X"
    INSTAGRAM = "instagram", "Instagram"
    LINKEDIN = "linkedin", "LinkedIn"
    BLOG = "blog", "Blog (Markdown)"


PLATFORM_LIMITS: dict[str, int] = {
    Platform.X: 280,
    Platform.INSTAGRAM: 2200,
    Platform.LINKEDIN: 3000,
    Platform.BLOG: 20000,
}
PLATFORMS: tuple[Platform, ...] = tuple(Platform)
ELLIPSIS = "…"


@dataclass(frozen=True)
class RenderedNote:
    platform: str
    version: str
    body: str


def title(facts: DayFacts) -> str:
    return f"Spiritual Patch Notes {version_of(facts.date)} · G-Code {facts.score} ({facts.level})"


def cut_at_word(text: str, limit: int) -> str:
    """`text` within `limit` characters, cut at a word boundary with an ellipsis when it must be cut."""
    if len(text) <= limit:
        return text
    head = text[: max(0, limit - len(ELLIPSIS))]
    if " " in head:
        head = head[: head.rfind(" ")]
    return head.rstrip(" ,.;:") + ELLIPSIS


def grouped(lines: list[tuple[str, str]]) -> list[tuple[str, list[str]]]:
    """(section, line) pairs gathered under their sections, in section order."""
    return [(section, [line for s, line in lines if s == section]) for section in SECTIONS]


def render_x(facts: DayFacts, lines: list[tuple[str, str]], summary: str) -> str:
    marks = {"New features": "+", "Improvements": "~", "Bug fixes": "✓", "Known issues": "!", "Breaking changes": "⚠"}
    parts = [f"{version_of(facts.date)} · G-Code {facts.score} ({facts.level})"]
    parts += [f"{marks[section]} {line}" for section, line in lines]
    return "\n".join(parts) + "\n" + " ".join(facts.themes)


def render_instagram(facts: DayFacts, lines: list[tuple[str, str]], summary: str) -> str:
    blocks = [title(facts), summary] if summary else [title(facts)]
    blocks += [f"{section}:\n" + "\n".join(f"• {line}" for line in items) for section, items in grouped(lines) if items]
    return "\n\n".join(blocks) + "\n\n" + " ".join(facts.themes)


def render_linkedin(facts: DayFacts, lines: list[tuple[str, str]], summary: str) -> str:
    blocks = [title(facts), summary or "Today's release, compiled from the sky."]
    blocks += [f"{section}\n" + "\n".join(f"- {line}" for line in items) for section, items in grouped(lines) if items]
    blocks.append("Program:\n" + "\n".join(facts.program))
    return "\n\n".join(blocks) + "\n\n" + " ".join(facts.themes)


def render_blog(facts: DayFacts, lines: list[tuple[str, str]], summary: str) -> str:
    blocks = [f"# {title(facts)}", summary] if summary else [f"# {title(facts)}"]
    blocks += [
        f"## {section}\n\n" + "\n".join(f"- {line}" for line in items) for section, items in grouped(lines) if items
    ]
    blocks.append("## G-Code program\n\n```gcode\n" + "\n".join(facts.program) + "\n```")
    blocks.append(f"Times are local to {facts.zone}.")
    blocks.append("Tags: " + " ".join(facts.themes))
    return "\n\n".join(blocks) + "\n"


RENDERERS: dict[str, Callable[[DayFacts, list[tuple[str, str]], str], str]] = {
    Platform.X: render_x, Platform.INSTAGRAM: render_instagram, Platform.LINKEDIN: render_linkedin,
    Platform.BLOG: render_blog,
}  # fmt: skip


def fitted(platform: str, facts: DayFacts, items: list[NoteItem], tone: str, summary: str) -> str:
    """The platform's text with as many items as fit its limit (the strongest kept)."""
    limit, render = PLATFORM_LIMITS[platform], RENDERERS[platform]
    lines = [(item.section, note_line(item, tone)) for item in items]
    for count in range(len(lines), -1, -1):
        text = render(facts, lines[:count], summary)
        if len(text) <= limit:
            return text
    return cut_at_word(render(facts, [], ""), limit)  # only an absurdly long title or theme list gets here


def render_patch_notes(facts: DayFacts, tone: str, summary: str = "") -> list[RenderedNote]:
    """The day's notes for every platform."""
    items = note_items(facts)
    version = version_of(facts.date)
    return [RenderedNote(p, version, fitted(p, facts, items, tone, summary)) for p in PLATFORMS]
