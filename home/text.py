import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

# What no format can carry, or carries safely: the C0 controls but tab, line feed and carriage
# return (XML 1.0 refuses them, ICS forbids them in text, openpyxl will not write them), DEL
# and the C1 controls (invisible, and read as line breaks or escapes by some programs), lone
# surrogates (no UTF-8 for them) and U+FFFE, U+FFFF (not XML characters). Bidi controls
# (U+202A–U+202E, U+2066–U+2069) are kept: Arabic or Hebrew names need them, and every
# format carries them.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def printable(value):
    """`value` without control characters, for every output (XML, ICS, JSON, xlsx): a text, or
    the texts inside a list or a dict (a JSON document before it is written); anything else as
    it is. Editors cannot type them any more (`has_control_characters`), but older rows,
    revisions and translations may hold them."""
    if isinstance(value, str):
        return CONTROL_CHARACTERS.sub("", value)
    if isinstance(value, dict):
        return {printable(key): printable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(printable(item) for item in value)
    return value


def has_control_characters(value):
    """Whether a text, or a text inside a list or a dict (a StreamField's stored form), holds
    a character `printable` would drop."""
    if isinstance(value, str):
        return CONTROL_CHARACTERS.search(value) is not None
    if isinstance(value, dict):
        return any(has_control_characters(item) for item in value.values())
    if isinstance(value, (list, tuple)):
        return any(has_control_characters(item) for item in value)
    return False


def unaccent(text):
    """« Décentralisée » → « Decentralisee »: searched and indexed without accents, so that
    a visitor typing on a keyboard without them finds the same things on every database."""
    decomposed = unicodedata.normalize("NFKD", str(text or ""))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


WORD = re.compile(r"\w+")


def search_terms(query):
    """The words of a visitor's query, as the search backends take them: letters and digits
    only, lower case, without accents. Punctuation, quotes, control characters (NUL) and the
    full-text engines' operators (« " », « * », « NOT ») are dropped, so that no query can be
    read as a syntax the database refuses."""
    return " ".join(WORD.findall(unaccent(query).lower()))


def tel_href(number):
    """'+33(0)1 53 41 81 81' -> 'tel:+33153418181' (drops the national trunk prefix)."""
    number = (number or "").replace("(0)", "")
    digits = "".join(ch for ch in number if ch.isdigit() or ch == "+")
    return f"tel:{digits}" if digits else ""


def validate_phone(value):
    allowed = set("+0123456789 ().-/")
    digits = [ch for ch in value if ch.isdigit()]
    if any(ch not in allowed for ch in value) or not 6 <= len(digits) <= 17:
        raise ValidationError(
            _("Enter a phone number with digits only, for example +33 (0)1 53 41 81 81."),
            code="invalid_phone",
        )


def short_slug(text, length, default):
    """The slug of `text` cut to `length` characters, never ending with a hyphen (a long
    title cut after a word's hyphen would), or `default` when nothing is left."""
    return slugify(text)[:length].strip("-") or default
