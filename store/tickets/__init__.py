"""Tickets: work for clinic staff, with a guarded status workflow."""
