"""What the local engine knows: meanings of planets, points, aspects, signs, phases and stations.

Sentences are built from these parts, so every combination the sky can produce has words.
"""

TRANSIT_MEANINGS: dict[str, str] = {
    "Sun": "vitality and the will to be seen",
    "Moon": "moods, needs and the pull of habit",
    "Mercury": "thinking, talking and the small logistics of the day",
    "Venus": "affection, taste and what you value",
    "Mars": "drive, heat and the urge to act",
    "Jupiter": "growth, generosity and a wider view",
    "Saturn": "structure, limits and the long game",
    "Uranus": "sudden change and the need for freedom",
    "Neptune": "imagination, longing and blurred edges",
    "Pluto": "deep change, power and what must end",
    "True Node": "the direction your life is asking you to grow in",
}
NATAL_MEANINGS: dict[str, str] = {
    "Sun": "core identity and purpose",
    "Moon": "emotional body and sense of safety",
    "Mercury": "mind and way of speaking",
    "Venus": "heart, relationships and pleasures",
    "Mars": "courage and way of fighting for things",
    "Jupiter": "faith and appetite for more",
    "Saturn": "discipline and old fears",
    "Uranus": "originality and restlessness",
    "Neptune": "dreams and ideals",
    "Pluto": "hidden power and what you hold on to",
    "True Node": "sense of direction",
    "Mean Node": "sense of direction",
    "Chiron": "old wound and the gift inside it",
    "Ascendant": "way of meeting the world",
    "Midheaven": "public path and calling",
    "South Node": "old habits and inherited gifts",
    "Mean Lilith": "untamed instinct and refused desire",
    "True Lilith": "untamed instinct and refused desire",
    "Part of Fortune": "ease, luck and bodily well-being",
}
KIND_VERBS: dict[str, str] = {
    "conjunction": "merges with",
    "opposition": "pulls against",
    "square": "presses on",
    "trine": "flows easily into",
    "sextile": "opens a door for",
    "quincunx": "asks for an adjustment in",
    "semisextile": "nudges",
    "semisquare": "irritates",
    "sesquiquadrate": "unsettles",
    "quintile": "lends a creative spark to",
    "biquintile": "adds a craftsman's touch to",
}
# Several ways to say each, so two transits of one nature in a row do not end alike.
NATURE_ADVICE: dict[str, tuple[str, ...]] = {
    "harmonious": ("use the ease while it lasts", "let it help you", "say yes to what comes easily"),
    "tense": (
        "slow down and work with the friction instead of against it",
        "take the pressure as information",
        "pace yourself and pick one battle",
    ),
    "neutral": ("notice what begins here and let it grow", "give the new thing room", "watch where it leads"),
}
SIGN_MOODS: dict[str, str] = {
    "Aries": "quick, direct and impatient",
    "Taurus": "steady, sensual and slow to move",
    "Gemini": "curious, chatty and scattered",
    "Cancer": "tender, protective and homesick",
    "Leo": "warm, proud and playful",
    "Virgo": "careful, useful and a little critical",
    "Libra": "sociable, fair-minded and indecisive",
    "Scorpio": "intense, private and all-or-nothing",
    "Sagittarius": "restless, hopeful and frank",
    "Capricorn": "sober, ambitious and reserved",
    "Aquarius": "detached, inventive and contrary",
    "Pisces": "dreamy, porous and kind",
}
# Phrases that fit after "a time of" and never hold a colon (the tones add their own punctuation).
PHASE_MEANINGS: dict[str, str] = {
    "New Moon": "blank pages and one planted intention",
    "Waxing Crescent": "first green shoots that need protecting",
    "First Quarter": "tested commitment and acting on the plan",
    "Waxing Gibbous": "refinement, polishing and keeping going",
    "Full Moon": "culmination, seeing what the month has built",
    "Waning Gibbous": "sharing and passing on what you learned",
    "Last Quarter": "release and dropping what no longer fits",
    "Waning Crescent": "rest and emptying the cup before the next cycle",
}
STATION_MEANINGS: dict[str, dict[str, str]] = {
    "retrograde": {
        "Mercury": "plans, messages and machines ask to be checked twice",
        "Venus": "old loves and old values come back for review",
        "Mars": "energy turns inward; fights picked now are fought twice",
        "Jupiter": "growth goes inward, faith over expansion",
        "Saturn": "structures are audited from the inside",
        "Uranus": "the urge for change works underground",
        "Neptune": "illusions thin out and the dream is revised",
        "Pluto": "power struggles move into the psyche",
    },
    "direct": {
        "Mercury": "communication clears and plans can move again",
        "Venus": "the heart knows what it values again",
        "Mars": "held-back energy is released into action",
        "Jupiter": "opportunities start to open outward again",
        "Saturn": "the work can be built on again",
        "Uranus": "pent-up change breaks into the open",
        "Neptune": "the revised dream is ready to be lived",
        "Pluto": "what was transformed within shows outside",
    },
}
SIGN_KEYWORDS: dict[str, str] = {
    "Aries": "initiative", "Taurus": "stability", "Gemini": "curiosity", "Cancer": "care",
    "Leo": "self-expression", "Virgo": "craft", "Libra": "balance", "Scorpio": "depth",
    "Sagittarius": "meaning", "Capricorn": "ambition", "Aquarius": "innovation", "Pisces": "compassion",
}  # fmt: skip
ECLIPSE_MEANINGS: dict[str, str] = {
    "solar": "a reset point where something begins that is bigger than one day",
    "lunar": "a release point where something comes to light and completes",
}
PLANET_GUIDANCE: dict[str, dict[str, str]] = {
    "harmonious": {
        "Sun": "Say yes to one visible task and finish it.",
        "Moon": "Cook, rest or call someone who feels like home.",
        "Mercury": "Write the message you have been drafting in your head.",
        "Venus": "Spend time or money on something beautiful and shared.",
        "Mars": "Train, build or ship; the effort pays off today.",
        "Jupiter": "Ask for the bigger thing; the answer may be yes.",
        "Saturn": "Commit to a routine you can keep for a month.",
        "Uranus": "Try the unusual approach you keep postponing.",
        "Neptune": "Give an hour to music, art or quiet imagination.",
        "Pluto": "Let go of one thing that has quietly run its course.",
        "True Node": "Take one small step in the direction that scares and excites you.",
    },
    "tense": {
        "Sun": "Pick your battles; not every slight needs an answer.",
        "Moon": "Name the feeling before you act on it.",
        "Mercury": "Double-check dates, numbers and recipients before you send.",
        "Venus": "Do not buy comfort; ask for what you actually need.",
        "Mars": "Move your body before a hard conversation, not after.",
        "Jupiter": "Promise less than you think you can deliver.",
        "Saturn": "Break the heavy task into pieces and do the first one.",
        "Uranus": "Leave room in the plan for surprises.",
        "Neptune": "Check facts before you trust a story, including your own.",
        "Pluto": "Notice where you want control, and loosen your grip.",
        "True Node": "Ask whether today's choice serves who you are becoming.",
    },
    "neutral": {
        "Sun": "Start something that carries your name.",
        "Moon": "Reset your space by cleaning one corner of your home.",
        "Mercury": "Learn one new thing and write it down.",
        "Venus": "Reach out to someone you appreciate.",
        "Mars": "Begin the task you have been circling.",
        "Jupiter": "Widen your circle by one conversation.",
        "Saturn": "Set one boundary and keep it kindly.",
        "Uranus": "Change one habit on purpose.",
        "Neptune": "Make time for a dream, a prayer or a long walk.",
        "Pluto": "Look honestly at what you are ready to transform.",
        "True Node": "Choose growth over comfort once today.",
    },
}
# The poetic tone speaks in images, the technical one in keywords, so the tones differ in words, not only in order.
PLANET_IMAGES: dict[str, str] = {
    "Sun": "the noon fire", "Moon": "the tide-keeper", "Mercury": "the quick messenger",
    "Venus": "the evening star", "Mars": "the red ember", "Jupiter": "the wide-armed king",
    "Saturn": "the old stonemason", "Uranus": "lightning at the window", "Neptune": "the sea fog",
    "Pluto": "the deep root", "True Node": "the north wind",
}  # fmt: skip
POINT_IMAGES: dict[str, str] = {
    "Sun": "the hearth of who you are", "Moon": "the well of your feelings",
    "Mercury": "the bright house of your thoughts", "Venus": "the garden of your heart",
    "Mars": "the forge of your courage", "Jupiter": "the open field of your faith",
    "Saturn": "the old walls you built", "Uranus": "the unlatched door in you",
    "Neptune": "the tide of your dreams", "Pluto": "the cellar where your power sleeps",
    "True Node": "the road ahead of you", "Mean Node": "the road ahead of you",
    "Chiron": "the scar that learned to sing", "Ascendant": "the threshold where you meet the world",
    "Midheaven": "the high ridge of your calling", "South Node": "the road behind you",
    "Mean Lilith": "the wild moon in you", "True Lilith": "the wild moon in you",
    "Part of Fortune": "the lucky stone in your pocket",
}  # fmt: skip
KIND_IMAGES: dict[str, str] = {
    "conjunction": "sits down beside", "opposition": "stands across the river from",
    "square": "leans hard against", "trine": "pours gently into", "sextile": "knocks softly at",
    "quincunx": "turns sideways toward", "semisextile": "brushes past", "semisquare": "snags on",
    "sesquiquadrate": "jostles", "quintile": "hums beside", "biquintile": "weaves a thread into",
}  # fmt: skip
NATURE_IMAGES: dict[str, tuple[str, ...]] = {
    "harmonious": ("let the current carry you", "the door swings open on its own"),
    "tense": ("bend like a reed and do not break", "the wind tests the roots"),
    "neutral": ("watch what the seed becomes", "a new thread joins the weave"),
}
PLANET_KEYWORDS: dict[str, str] = {
    "Sun": "vitality", "Moon": "mood", "Mercury": "comms", "Venus": "values", "Mars": "energy",
    "Jupiter": "growth", "Saturn": "constraints", "Uranus": "disruption", "Neptune": "ambiguity",
    "Pluto": "transformation", "True Node": "direction",
}  # fmt: skip
POINT_KEYWORDS: dict[str, str] = {
    "Sun": "identity", "Moon": "emotions", "Mercury": "cognition", "Venus": "relationships", "Mars": "drive",
    "Jupiter": "beliefs", "Saturn": "structure", "Uranus": "autonomy", "Neptune": "ideals", "Pluto": "power",
    "True Node": "trajectory", "Mean Node": "trajectory", "Chiron": "healing", "Ascendant": "persona",
    "Midheaven": "career", "South Node": "legacy", "Mean Lilith": "instinct", "True Lilith": "instinct",
    "Part of Fortune": "fortune",
}  # fmt: skip
NATURE_ACTIONS: dict[str, str] = {
    "harmonious": "deploy",
    "tense": "throttle and debug",
    "neutral": "initialise and monitor",
}
