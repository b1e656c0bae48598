"""« Mon programme »: a visitor's starred sessions, kept in their browser only.

A session is named by a short code, the first eight hex digits of its translation key: the
same in every language, stable while the session exists, and saying nothing of the order
sessions were made in. A selection travels as codes joined by dots in the address of its
calendar (`mon-programme.ics?s=1a2b3c4d.5e6f7a8b`); the server keeps nothing.
"""

import re

CODE_LENGTH = 8
MAX_CODES = 300  # more than any edition's sessions: a longer address is refused
SELECTION = re.compile(rf"^(?:[0-9a-f]{{{CODE_LENGTH}}})(?:\.[0-9a-f]{{{CODE_LENGTH}}})*$")


class InvalidSelection(ValueError):
    pass


def session_code(translation_key):
    return str(translation_key).replace("-", "")[:CODE_LENGTH]


def read_selection(value):
    """The codes of a selection (`s=` of the calendar's address), in the order given, each
    once; InvalidSelection for anything else (so a mistyped address is said, not ignored)."""
    value = (value or "").strip().lower()
    if not value:
        return []
    if len(value) > MAX_CODES * (CODE_LENGTH + 1) or not SELECTION.match(value):
        raise InvalidSelection(value)
    return list(dict.fromkeys(value.split(".")))


def pick(sessions, codes):
    """The sessions of `sessions` named by `codes`, in the sessions' order."""
    wanted = set(codes)
    return [s for s in sessions if session_code(s.translation_key) in wanted]
