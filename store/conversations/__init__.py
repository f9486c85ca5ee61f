"""Conversations and their messages, on any channel."""
