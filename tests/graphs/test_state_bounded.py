"""Conversation state in Redis stays bounded however long a conversation runs: the graph keeps a
window of recent messages (the transcript lives in Postgres) and a turn leaves one checkpoint."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphs.conversation.state import MESSAGES_KEPT


async def test_a_long_conversation_keeps_one_checkpoint_and_a_window_of_messages(
    patient: Callable[[], Any],
) -> None:
    talker = patient()
    for turn in range(MESSAGES_KEPT):  # two messages a turn: twice the window
        await talker.says("what are your opening hours?" if turn % 2 else "do you take Aetna insurance?")
    saver = talker.runner.checkpointer
    config = {"configurable": {"thread_id": str(talker.last.conversation_id), "checkpoint_ns": ""}}
    checkpoints = [c async for c in saver.alist(config)]
    assert len(checkpoints) == 1  # every node wrote one; the turn's end keeps the latest
    messages = checkpoints[0].checkpoint["channel_values"]["messages"]
    assert len(messages) == MESSAGES_KEPT and "opening hours" in str(messages[-2].content)
    assert "hours" in talker.last.reply.lower() or "open" in talker.last.reply.lower()  # and it still works
