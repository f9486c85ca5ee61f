"""Offline evaluation: datasets, runner, user simulator, metrics and reports."""
