import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


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
