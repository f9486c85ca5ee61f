"""Care journeys: definitions with ordered stages and timed actions, and per-patient instances."""
