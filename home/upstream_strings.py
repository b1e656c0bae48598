"""Strings of Wagtail's and wagtail-localize's own catalogues that this project overrides in
its `locale/` (LOCALE_PATHS come before the apps' catalogues), because their French is wrong
or misleading here. Listed so that `make messages` keeps them; never imported.

- « Locale » is translated « Région » upstream, which clashes with « Région du monde »: here a
  locale is a language.
- « Toutes les sous-pages seront crées » (créées), « convertir cette pas en un alias » (page),
  « Le personne … a été soumis » (the model's gender is not known: worded without it).
"""

from django.utils.translation import gettext_noop as _

OVERRIDDEN = [
    _("Locale"),
    _("Locale: "),
    _("Locales"),
    _("{} locales"),
    _("Available in %(translations_total)s locales"),
    _("Switch locales"),
    _("All child pages will be created."),
    _("The {model_name} '{object}' was successfully submitted for translation into {locales}"),
    _(
        "Are you sure you want to convert this page into an alias? This will overwrite the "
        "content of the page with the content of '%(source_page_title)s' "
        "(%(source_page_locale)s)"
    ),
]
