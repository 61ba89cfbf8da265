"""The local engine's rotating words: affirmations, phase and everyday guidance.

Each pool is walked by the day's number, so a person meets the same line again only after the
pool has gone round: 15 affirmations per tone (none repeats within 15 days), three lines per Moon
phase (a phase lasts about four days), twelve everyday items taken two at a time (each one at
most every sixth day).
"""

AFFIRMATIONS: dict[str, tuple[str, ...]] = {
    "inspiring": (
        "I welcome the ease of this day and let it carry me forward.",
        "Every obstacle today is a teacher, and I am ready to learn.",
        "Something new begins in me today, and I give it room to grow.",
        "I am allowed to take up space and shine.",
        "My pace is enough; I arrive exactly when I need to.",
        "I trust the timing of my life.",
        "I choose courage over comfort in one small thing today.",
        "My heart is open and my boundaries are clear.",
        "I turn what I feel into something I can give.",
        "I am becoming who I was meant to be, one choice at a time.",
        "Today I notice the good that is already here.",
        "I forgive yesterday and meet today fresh.",
        "I let my curiosity lead and my kindness follow.",
        "I have everything I need to take the next step.",
        "I honour my limits and celebrate my reach.",
    ),
    "practical": (
        "I use today's momentum to finish what matters.",
        "I handle one thing at a time, calmly and well.",
        "I start small and I keep going.",
        "I plan the day, then I let the plan serve me.",
        "I say no to one thing so I can say yes to another.",
        "I ask for help before I need rescue.",
        "Done is better than perfect, and I finish today.",
        "I keep my promises small and my follow-through strong.",
        "I rest on purpose, not by collapse.",
        "I check the facts before I react.",
        "My attention is my budget, and I spend it well.",
        "I make one decision I have been putting off.",
        "I leave my space tidier than I found it.",
        "I measure progress, not perfection.",
        "I keep the next step clear and small.",
    ),
    "poetic": (
        "I am a river finding its way downhill, unhurried and sure.",
        "I am the stone the water shapes, patient and unbroken.",
        "I am a seed in dark soil, certain of the light.",
        "I am the lantern that keeps burning through the fog.",
        "I am a field after rain, ready for what will grow.",
        "I am the tide, leaving and returning without fear.",
        "I am a bird at the edge of the branch, trusting the air.",
        "I am the ember that outlasts the night.",
        "I am a bell, clear when the wind finds me.",
        "I am the root beneath the storm, holding.",
        "I am a window open to the morning.",
        "I am the path that appears as I walk it.",
        "I am a quiet harbour for my own heart.",
        "I am the moon's patience, full again in time.",
        "I am the thread that ties the day together.",
    ),
    "technical": (
        "System stable: I deploy my best work with confidence.",
        "I debug calmly: every error message is information.",
        "I initialise a new process and let it run.",
        "I refactor old habits one commit at a time.",
        "My uptime depends on scheduled rest.",
        "I ship small, tested changes and watch the logs.",
        "I handle exceptions gracefully, including my own.",
        "I free memory by closing what I no longer need.",
        "I document what I learn so tomorrow starts faster.",
        "My inputs are validated; my outputs are kind.",
        "I scale by caching what I already know.",
        "I roll back without shame and try again.",
        "I keep my dependencies few and my interfaces clean.",
        "I monitor my load and throttle before I fail.",
        "Latency is fine; correctness comes first.",
    ),
}
PHASE_GUIDANCE: dict[str, tuple[str, ...]] = {
    "New Moon": (
        "Write down one intention for the coming month.",
        "Clear a small space, on the desk or in the calendar, for something new.",
        "Say your intention out loud to one person you trust.",
    ),
    "Waxing Crescent": (
        "Protect your new start from too many opinions.",
        "Take the first practical step on this month's intention.",
        "Gather what the new plan needs: a tool, a contact, an hour.",
    ),
    "First Quarter": (
        "Make the decision you have been postponing.",
        "Push through the first obstacle instead of going round it.",
        "Choose one thing to drop so the important one can move.",
    ),
    "Waxing Gibbous": (
        "Review your work and improve one detail.",
        "Ask for feedback on something nearly finished.",
        "Fix the small thing that keeps slowing you down.",
    ),
    "Full Moon": (
        "Celebrate something you finished, however small.",
        "Look at what this month has shown you and say it plainly.",
        "Let a strong feeling pass before you answer it.",
    ),
    "Waning Gibbous": (
        "Teach or share something you have learned.",
        "Thank someone who helped you this month.",
        "Write down what worked, so you can repeat it.",
    ),
    "Last Quarter": (
        "Clear out one thing: a file, a drawer, a grudge.",
        "Cancel a commitment that no longer fits.",
        "Close an open loop with one short message.",
    ),
    "Waning Crescent": (
        "Go to bed early and let the day be enough.",
        "Keep the evening free of screens and plans.",
        "Rest before you are tired, not after.",
    ),
}
GENERAL_GUIDANCE: tuple[str, ...] = (
    "Drink water and take a walk without your phone.",
    "End the day by writing three lines about it.",
    "Leave ten minutes between meetings to breathe.",
    "Eat one meal slowly, without a screen.",
    "Stretch for five minutes before lunch.",
    "Tidy the place where you work before you stop.",
    "Send one message of thanks.",
    "Step outside and look at the sky for a minute.",
    "Put your phone in another room for an hour.",
    "Name three things that went well before sleep.",
    "Finish one small task you have been avoiding.",
    "Call someone instead of texting them.",
)
