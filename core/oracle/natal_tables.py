"""What the local engine knows for a birth chart: houses, aspect natures, and the Sun, Moon and Rising roles.

Point and sign words come from `tables` (NATAL_MEANINGS, SIGN_MOODS, SIGN_KEYWORDS, POINT_IMAGES,
POINT_KEYWORDS), so a point the daily texts know is a point the natal reading knows.
"""

HOUSE_MEANINGS: dict[int, str] = {
    1: "your body, your first impression and how you begin things",
    2: "money, possessions and what you know you are worth",
    3: "talk, siblings, neighbours and everyday learning",
    4: "home, family and the roots you stand on",
    5: "play, romance, children and what you create for joy",
    6: "daily work, health and the habits that keep you running",
    7: "partners, contracts and the people who mirror you",
    8: "shared resources, intimacy and what you must let go of",
    9: "travel, study, belief and the search for meaning",
    10: "career, reputation and your place in the world",
    11: "friends, groups and the future you hope for",
    12: "solitude, the unconscious and what works behind the scenes",
}
HOUSE_KEYWORDS: dict[int, str] = {
    1: "self", 2: "resources", 3: "communication", 4: "home", 5: "creativity", 6: "routine",
    7: "partnership", 8: "shared-power", 9: "meaning", 10: "career", 11: "community", 12: "retreat",
}  # fmt: skip
HOUSE_IMAGES: dict[int, str] = {
    1: "at the door of the house", 2: "in the treasury", 3: "along the village lanes", 4: "by the hearth",
    5: "in the playground of the heart", 6: "in the workshop", 7: "across the table from another",
    8: "in the deep vault", 9: "on the long road", 10: "on the summit", 11: "among the gathered friends",
    12: "in the quiet chapel",
}  # fmt: skip
NATAL_NATURE: dict[str, str] = {
    "harmonious": "a gift that works without effort; use it on purpose and it grows",
    "tense": "a friction you will meet again and again; worked with, it becomes your strength",
    "neutral": "two forces fused into one: they act together, for better and for worse",
}
NATAL_NATURE_IMAGES: dict[str, str] = {
    "harmonious": "two streams running into one river",
    "tense": "flint striking steel",
    "neutral": "two flames sharing one wick",
}
NATAL_NATURE_ACTIONS: dict[str, str] = {
    "harmonious": "leverage",
    "tense": "refactor under load",
    "neutral": "treat as one coupled module",
}
BIG_THREE_ROLES: dict[str, str] = {
    "Sun": "who you are becoming",
    "Moon": "what you need to feel safe",
    "Ascendant": "how you meet the world",
}
