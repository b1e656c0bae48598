"""An edition's identity: its key visual (the poster, an image with its focal point) and its
accent colour, which every page of the edition and every card of it wears.

The accent is used as text on white and on the site's light tint, and white text is set on
it: the admin refuses a colour whose contrast on either falls under WCAG AA's 4.5:1. Pages
get the colours from one small `<style>` block in their head (the editions' colours, shared
through the cache), which the Content-Security-Policy allows by its hash, not by
`'unsafe-inline'`.
"""

import base64
import hashlib
import re

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

DEFAULT_ACCENT = "#1d3a6e"  # the site's navy
# The backgrounds the accent is read on: white (text, links, the white text on accent
# buttons) and the banner's tint (static/css/site.css --tint).
BACKGROUNDS = {"#ffffff": gettext_noop("white"), "#f2f5fa": gettext_noop("the light tint")}
AA_TEXT = 4.5
HEX = re.compile(r"^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")


def normalised(value):
    """« 1D3A6E », « #1d3a6e », « #13a » → « #1d3a6e », « #113a… »; None if not a colour."""
    found = HEX.match((value or "").strip())
    if not found:
        return None
    digits = found.group(1).lower()
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return f"#{digits}"


def luminance(colour):
    """WCAG 2.1 relative luminance of a « #rrggbb » colour."""

    def channel(hex_pair):
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first, second):
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def validate_accent(value):
    """The model field's validator: a hexadecimal colour readable on every background."""
    colour = normalised(value)
    if colour is None:
        raise ValidationError(
            _("Enter a colour as six hexadecimal digits, for example #1d3a6e."), code="colour"
        )
    for background, name in BACKGROUNDS.items():
        ratio = contrast_ratio(colour, background)
        if ratio < AA_TEXT:
            raise ValidationError(
                _(
                    "The contrast of %(colour)s on %(background)s is %(ratio)s:1; WCAG AA asks "
                    "at least 4.5:1 for text. Choose a darker colour."
                ),
                code="contrast",
                params={
                    "colour": colour,
                    "background": _(name),
                    # Rounded down: 4.48 must not read « 4,5:1 » in a refusal.
                    "ratio": number_format(int(ratio * 100) / 100, 2),
                },
            )


def accent_of(edition):
    """The colour `edition` wears: its own, or the site's navy (also for no edition, or the
    "" a template gives for a missing one)."""
    return normalised(getattr(edition, "accent_colour", "")) or DEFAULT_ACCENT


def identity_css(colours, own):
    """The colours' rules, from {year: colour}: `--accent` on the page, the colour `own` of
    its edition (`accent_of`), and on anything marked with an edition's class (`accent-2025`:
    an archive card)."""
    rules = [f":root{{--accent:{own}}}"]
    rules += [f".accent-{year}{{--accent:{colour}}}" for year, colour in sorted(colours.items())]
    return "".join(rules)


def csp_hash(css):
    """The Content-Security-Policy source that allows a `<style>` element holding `css`."""
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    return f"'sha256-{digest}'"
