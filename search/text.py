import unicodedata


def unaccent(text):
    """« Décentralisée » → « Decentralisee »: searched and indexed without accents, so that
    a visitor typing on a keyboard without them finds the same things on every database."""
    decomposed = unicodedata.normalize("NFKD", str(text or ""))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
