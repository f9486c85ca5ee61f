"""Offline deterministic understanding (EN+ES), the OpenAI-compatible model path, prompts and safety."""
