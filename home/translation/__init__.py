"""One programme in every language.

**Facts have one source.** Whatever is not words (times, status, room, speakers and their
order, partners, images, links…) comes from the page or snippet in the source language
(French). Each translatable model declares its facts once:

    fact_fields = ("start", "end", "room", …)
    fact_relations = {"speakers": ("person", "role")}   # inline rows: the source's rows, in
                                                        # its order, with its facts; the other
                                                        # fields of a row are words
    overridable_facts = ("registration_url",)           # a language may override it on purpose
                                                        # (wagtail-localize's « override »)

A foreign key to a translatable snippet (a room, a person, a partner) points to the snippet's
translation in the page's language when there is one, else to the French snippet: its words
follow the visitor's language as soon as the translation exists, with nothing to resynchronise.
A stream field fact (the resources after a session) takes the source's blocks, order and
everything but text; the text of a block the translation already has stays translated.

The mechanism is "write": the French publication writes the facts to every translation in the
same transaction (BasePage.publish is atomic), and any later save or publication of a
translation takes them from the French again (BasePage.full_clean), so a translation never
shows a fact that differs from the live source, whoever saves it and however.

**Nothing disappears.** When a French page is published, every other language gets a page for
it: an alias (Wagtail keeps aliases identical to their source) when there is no translation,
and a translation that is still only a draft is made live with the French words until its
translator publishes. Such pages show the French words marked lang="fr" with a note.

**Translators see their work.** TranslationStatus records when the French words of a page or
snippet last changed and when each language's words were last translated: « non traduite »,
« à mettre à jour », « à jour ».

**The tree follows the French.** Moving or deleting a French page moves or deletes its pages
in the other languages, and every page answers at one address per language (`tree`).

The package: `facts` (declarations and copying, and wagtail-localize's declaration derived
from them), `status` (words and their status, the TranslationStatus model), `publishing`
(what a French publication or a snippet save does, and the receivers HomeConfig.ready
connects), `aliases` (a page in every language), `tree` (moves, deletions and the tree's
repair).
"""

# What the rest of the project uses; the rest stays inside the package's modules.
from .aliases import create_missing_aliases, sync_trees  # noqa: F401
from .facts import (  # noqa: F401
    FactsFromSource,
    FromFacts,
    declaring_models,
    fact_fields,
    fact_relations,
    source_locale,
    take_source_facts,
)
from .publishing import connect as connect_publishing
from .publishing import spread_page_facts  # noqa: F401
from .status import (  # noqa: F401
    CURRENT,
    OUTDATED,
    STATUS_LABELS,
    UNTRANSLATED,
    TranslationStatus,
    forget_translation,
    record_translated,
    statuses,
    translated_keys,
    with_shows_french_words,
    words_language,
)
from .tree import connect as connect_tree
from .tree import repair_trees


def connect():
    """The receivers HomeConfig.ready connects. After every migration, the trees made before
    they followed the French are repaired first (orphans, misplaced translations,
    two-address pages); then every French page gets a page in every language."""
    from django.db.models.signals import post_migrate

    connect_publishing()
    connect_tree()
    post_migrate.connect(repair_trees, dispatch_uid="home.repair_trees")
    post_migrate.connect(sync_trees, dispatch_uid="home.sync_trees")
