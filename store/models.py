"""Every table, imported in one place so that Alembic and tests see the whole metadata."""

from store.audit.models import AuditEntry
from store.auth.models import ApiToken, Role, StaffUser
from store.base import Base
from store.conversations.models import Conversation, Message, MessagePart
from store.journeys.models import JourneyDefinition, JourneyEvent, JourneyInstance, JourneyStage
from store.knowledge.models import KnowledgeChunk, KnowledgeDocument
from store.outbox.models import OutboxEvent
from store.patients.models import Patient
from store.scheduling.models import Appointment, Location, Practitioner, Schedule, Slot
from store.tickets.models import Ticket, TicketComment
from store.traces.models import Trace, TraceAnnotation

__all__ = [
    "ApiToken",
    "Appointment",
    "AuditEntry",
    "Base",
    "Conversation",
    "JourneyDefinition",
    "JourneyEvent",
    "JourneyInstance",
    "JourneyStage",
    "KnowledgeChunk",
    "KnowledgeDocument",
    "Location",
    "Message",
    "MessagePart",
    "OutboxEvent",
    "Patient",
    "Practitioner",
    "Role",
    "Schedule",
    "Slot",
    "StaffUser",
    "Ticket",
    "TicketComment",
    "Trace",
    "TraceAnnotation",
]
