"""The demo clinic "Riverside Health", in one place: its data (`clinic.py`: practitioners, patients,
journeys), its knowledge documents (`documents/`), and the idempotent seeding (`seed.py`)."""
