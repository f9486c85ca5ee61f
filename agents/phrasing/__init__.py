"""What the agent says, in the patient's language: templates and date/time formatting.

The offline agent phrases every reply from these templates; a configured model may rephrase
them, but the facts (times, names, references) always come from here, filled from tool results.
"""

from agents.phrasing.format import describe_when, format_date, format_slot, format_time
from agents.phrasing.templates import say

__all__ = ["describe_when", "format_date", "format_slot", "format_time", "say"]
