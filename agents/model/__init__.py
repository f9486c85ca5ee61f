"""The graph's two seams to language: an `Understander` for messages and a `Phraser` for replies.

Offline (deterministic, the default) or through any OpenAI-compatible model with tool calling,
temperature 0, tenacity retries and a fall back to the offline path; `make_understander` and
`make_phraser` choose from the settings. Safety signals and identity never depend on the model.
"""

from agents.model.client import Retry
from agents.model.factory import make_phraser, make_understander
from agents.model.facts import faithful
from agents.model.phraser import ModelPhraser
from agents.model.protocols import OfflineUnderstander, Phraser, TemplatePhraser, Understander
from agents.model.understander import ModelUnderstander

__all__ = [
    "ModelPhraser",
    "ModelUnderstander",
    "OfflineUnderstander",
    "Phraser",
    "Retry",
    "TemplatePhraser",
    "Understander",
    "faithful",
    "make_phraser",
    "make_understander",
]
