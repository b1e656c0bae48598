import re
import unicodedata


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
