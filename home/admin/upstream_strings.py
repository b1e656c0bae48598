"""Strings of Wagtail's and wagtail-localize's own catalogues that this project overrides in
its `locale/` (LOCALE_PATHS come before the apps' catalogues), because their French is wrong
or misleading here. Listed so that `make messages` keeps them; never imported.

- « Locale » is translated « Région » upstream, which clashes with « Région du monde »: here a
  locale is a language.
- Wagtail's settings for languages (« Ajouter la région », « Supprimer région ») follow: a
  locale is « une langue » there too.
- « Toutes les sous-pages seront crées » (créées), « convertir cette pas en un alias » (page),
  « Le personne … a été soumis » (the model's gender is not known: worded without it).
- « … a été publié(e) en English » after a translator publishes: the language's own name
  (the endonym, as the language switcher shows it) goes in brackets, without « en ».
"""

from django.utils.translation import gettext_noop as _

OVERRIDDEN = [
    _("Locale"),
    _("Locale: "),
    _("Locales"),
    _("{} locales"),
    _("Available in %(translations_total)s locales"),
    _("Switch locales"),
    # The languages' settings (wagtail.locales' views, which wagtail_localize.locales uses).
    _("Add a locale"),
    _("Add locale"),
    _("Delete locale"),
    _("Locale '%(object)s' created."),
    _("Locale '%(object)s' updated."),
    _("Locale '%(object)s' deleted."),
    _("The locale could not be saved due to errors."),
    _("Are you sure you want to delete this locale?"),
    _("This locale cannot be deleted because there are no other locales."),
    _("This locale cannot be deleted because there are pages and/or other objects using it."),
    _("This locale's language code is not supported"),
    _(
        "This locale's current language code is not supported. Please choose a new language "
        "or delete this locale."
    ),
    _("Wagtail locales"),
    _("This locale cannot be synced into itself."),
    _("Synchronise content from another locale"),
    _(
        "Choose a locale to synchronise content from. Any existing and future content "
        "authored in the selected locale will be automatically copied to this one."
    ),
    _("All child pages will be created."),
    _("The {model_name} '{object}' was successfully submitted for translation into {locales}"),
    _(
        "Are you sure you want to convert this page into an alias? This will overwrite the "
        "content of the page with the content of '%(source_page_title)s' "
        "(%(source_page_locale)s)"
    ),
    _("Published '{object}' in {locale}."),
    _("Published '{object}' in {locale} with missing translations - see below."),
]
