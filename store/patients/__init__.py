"""Patients: who they are, how to reach them, what they consented to."""
