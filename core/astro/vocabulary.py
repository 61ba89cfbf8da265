"""The domain's words for a person's choices: string enums whose members carry the label a person reads.

The models build their field choices from these (`choices_of(Tone)`), so a stored value and its
label are declared once, here in the domain, and the framework only repeats them.
"""

from enum import StrEnum
from typing import Self


class Labelled(StrEnum):
    """A StrEnum whose members are declared as `NAME = "stored value", "Label"`."""

    label: str

    def __new__(cls, value: str, label: str) -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member


def choices_of(vocabulary: type[Labelled]) -> list[tuple[str, str]]:
    """(stored value, label) pairs, in declaration order: a model field's `choices`."""
    return [(member.value, member.label) for member in vocabulary]
