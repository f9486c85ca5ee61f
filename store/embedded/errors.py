"""The one error both embedded servers raise."""


class EmbeddedServerError(RuntimeError):
    """An embedded server could not start; the message carries the tail of its log."""


def log_tail(text: str, lines: int = 30) -> str:
    """The last lines of a server log, indented, for an error message."""
    return "\n".join("    " + line for line in text.splitlines()[-lines:])
