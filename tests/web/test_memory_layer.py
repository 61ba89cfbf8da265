"""The one-process channel layer and the outbox that feeds it from other threads."""

import asyncio
import threading

import pytest
from channels.exceptions import ChannelFull

from core import events, memory_layer
from core.memory_layer import OneProcessChannelLayer


def test_a_group_send_reaches_every_member_in_the_order_sent():
    async def scenario():
        layer = OneProcessChannelLayer()
        members = [await layer.new_channel() for _ in range(3)]
        for channel in members:
            await layer.group_add("user.1", channel)
        outsider = await layer.new_channel()
        await layer.group_add("user.2", outsider)
        for n in range(3):
            await layer.group_send("user.1", {"type": "dashboard.event", "text": str(n)})
        got = [[(await layer.receive(c))["text"] for _ in range(3)] for c in members]
        layer.swept_at -= memory_layer.EXPIRY_SWEEP_SECONDS  # the next sweep is due
        await layer.group_send("user.3", {"type": "dashboard.event", "text": "to nobody"})
        return got, outsider in layer.channels, layer.channels

    got, outsider_got_any, left = asyncio.run(scenario())
    assert got == [["0", "1", "2"]] * 3
    assert not outsider_got_any  # another group's member has nothing waiting
    assert left == {}  # emptied queues are let go at the next sweep


def test_a_member_that_stopped_reading_misses_messages_and_the_others_still_get_them():
    async def scenario():
        layer = OneProcessChannelLayer(capacity=2)
        stuck, reading = await layer.new_channel(), await layer.new_channel()
        for channel in (stuck, reading):
            await layer.group_add("user.1", channel)
        received = []
        for n in range(4):
            await layer.group_send("user.1", {"type": "dashboard.event", "text": str(n)})
            received.append((await layer.receive(reading))["text"])
        with pytest.raises(ChannelFull):
            await layer.send(stuck, {"type": "dashboard.event", "text": "more"})
        return received

    assert asyncio.run(scenario()) == ["0", "1", "2", "3"]


def test_expired_messages_are_dropped_and_their_channel_leaves_its_groups():
    async def scenario():
        layer = OneProcessChannelLayer(expiry=0)
        gone = await layer.new_channel()
        await layer.group_add("user.1", gone)
        await layer.send(gone, {"type": "dashboard.event", "text": "old"})
        await asyncio.sleep(0.01)
        layer.swept_at -= memory_layer.EXPIRY_SWEEP_SECONDS  # the next sweep is due
        await layer.group_send("user.2", {"type": "dashboard.event", "text": "x"})
        return layer.groups.get("user.1", {})

    assert asyncio.run(scenario()) == {}


def test_a_thread_hands_over_events_without_waiting_and_they_arrive_in_order(settings):
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "core.memory_layer.OneProcessChannelLayer"}}

    async def scenario():
        from channels.layers import get_channel_layer

        layer = get_channel_layer()
        channel = await layer.new_channel()
        await layer.group_add("user.7", channel)
        events.remember_server_loop(asyncio.get_running_loop())
        handed = []
        sender = threading.Thread(target=lambda: handed.extend(
            events.deliver("user.7", {"type": "job.progress", "percent": p}) for p in range(0, 101, 10)
        ))  # fmt: skip
        sender.start()
        sender.join(2)  # the loop is not running while the thread sends: it must not wait on it
        assert not sender.is_alive()
        got = [await asyncio.wait_for(layer.receive(channel), 2) for _ in range(11)]
        events.forget_server_loop()
        return handed, got

    handed, got = asyncio.run(scenario())
    assert handed == [True] * 11
    assert [m["text"] for m in got] == [f'{{"type": "job.progress", "percent": {p}}}' for p in range(0, 101, 10)]


def step(run: int, percent: int, state: str = "running") -> dict:
    return {"type": "dashboard.event", "text": f"{run}:{percent}:{state}", memory_layer.SUPERSEDES: f"run.{run}"}


def event(text: str) -> dict:
    return {"type": "dashboard.event", "text": text}


def test_a_socket_behind_gets_the_newest_step_after_the_events_that_matter_in_their_order():
    async def scenario():
        layer = OneProcessChannelLayer()
        behind = await layer.new_channel()
        await layer.group_add("user.1", behind)
        for message in [step(1, 10), step(1, 20), step(2, 5), event("gcode.new"), step(1, 70), event("patch_notes.new"),
                        step(1, 100, "done")]:  # fmt: skip
            await layer.group_send("user.1", message)
        waiting = len(layer.channels[behind]._queue)
        return [(await layer.receive(behind))["text"] for _ in range(waiting)]

    # The G-Code and the patch notes first, as sent; then each run's newest step: run 2's, then run 1's end.
    assert asyncio.run(scenario()) == ["gcode.new", "patch_notes.new", "2:5:running", "1:100:done"]


def test_a_receiver_that_goes_away_lets_its_queue_go_at_once():
    async def scenario():
        layer = OneProcessChannelLayer()
        channel = await layer.new_channel()
        waiting = asyncio.ensure_future(layer.receive(channel))
        await asyncio.sleep(0)
        held = channel in layer.channels
        waiting.cancel()
        await asyncio.gather(waiting, return_exceptions=True)
        return held, layer.channels

    held, left = asyncio.run(scenario())
    assert held
    assert left == {}


def test_a_socket_that_keeps_up_gets_every_step():
    async def scenario():
        layer = OneProcessChannelLayer()
        reading = await layer.new_channel()
        await layer.group_add("user.1", reading)
        got = []
        for percent in (10, 20, 35, 70, 100):
            await layer.group_send("user.1", step(1, percent))
            got.append((await layer.receive(reading))["text"])
        return got

    assert asyncio.run(scenario()) == [f"1:{p}:running" for p in (10, 20, 35, 70, 100)]


def test_each_receiver_gets_its_own_copy_of_a_message():
    async def scenario():
        layer = OneProcessChannelLayer()
        one, two = await layer.new_channel(), await layer.new_channel()
        for channel in (one, two):
            await layer.group_add("user.1", channel)
        sent = {"type": "dashboard.event", "text": "x", "nested": {"n": 1}}
        await layer.group_send("user.1", sent)
        await layer.group_send("user.1", event("flat"))
        first, second = await layer.receive(one), await layer.receive(two)
        first["nested"]["n"] = 2
        flat = await layer.receive(one)
        flat["text"] = "changed"
        return sent, second, await layer.receive(two)

    sent, second, flat_for_two = asyncio.run(scenario())
    assert sent["nested"] == {"n": 1}
    assert second["nested"] == {"n": 1}
    assert flat_for_two["text"] == "flat"


def test_the_outbox_sends_only_the_newest_waiting_step_of_each_group_and_run():
    batch = [(None, group, message) for group, message in [
        ("user.1", step(1, 10)), ("run.1", step(1, 10)), ("user.1", step(1, 20)), ("user.2", step(9, 50)),
        ("user.1", event("gcode.new")), ("run.1", step(1, 100, "done")), ("user.1", step(1, 100, "done")),
    ]]  # fmt: skip
    kept = [(group, message["text"]) for _, group, message in events.newest_steps(batch)]
    assert kept == [("user.2", "9:50:running"), ("user.1", "gcode.new"), ("run.1", "1:100:done"),
                    ("user.1", "1:100:done")]  # fmt: skip
