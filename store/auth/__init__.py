"""Staff users and hashed API tokens."""
