"""The programme app's models: the programme page, its sessions (with their speakers and
organising partners), the speakers page, and the person and room snippets."""

from sessions.choices import ChangeKind, SessionLanguage, SessionStatus, SessionType, SpeakerRole

from .changes import SessionChange
from .programme_page import ProgrammePage
from .session import SessionPage, calendar_response, sessions_tags
from .session_rows import SessionPartner, SessionSpeaker
from .snippets import Person, Room
from .speakers import SpeakerIndexPage

__all__ = [
    "ChangeKind",
    "SessionChange",
    "Person",
    "ProgrammePage",
    "Room",
    "SessionLanguage",
    "SessionPage",
    "SessionPartner",
    "SessionSpeaker",
    "SessionStatus",
    "SessionType",
    "SpeakerIndexPage",
    "SpeakerRole",
    "calendar_response",
    "sessions_tags",
]
