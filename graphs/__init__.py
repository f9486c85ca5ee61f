"""LangGraph state machines, their state types, and the turn runner."""
