"""Traces: what the agent did in each turn of a conversation, for staff to review."""
