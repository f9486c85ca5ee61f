"""The append-only audit log (a trigger refuses UPDATE and DELETE)."""
