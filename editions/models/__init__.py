"""The editions app's models: the edition page and its parts (registration, clock, child
pages), its own child pages (practical information, proceedings) and the venue snippet."""

from .base import EditionChildPage
from .choices import (
    EditionStatus,
    Registration,
    RegistrationProvider,
    RegistrationState,
    hashtag_validator,
)
from .edition import EditionPage, time_zone_choices
from .parts import group_by_tier
from .practical import Contact, PracticalInfoPage, TransportItem, TransportMode, UsefulLink
from .proceedings import ProceedingsPage
from .venue import Venue

__all__ = [
    "Contact",
    "EditionChildPage",
    "EditionPage",
    "EditionStatus",
    "PracticalInfoPage",
    "ProceedingsPage",
    "Registration",
    "RegistrationProvider",
    "RegistrationState",
    "TransportItem",
    "TransportMode",
    "UsefulLink",
    "Venue",
    "group_by_tier",
    "hashtag_validator",
    "time_zone_choices",
]
