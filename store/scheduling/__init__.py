"""Scheduling: practitioners, locations, schedules, slots and appointments (FHIR R4 aligned)."""
