"""Facts: declared once per model, copied from the French source to every translation."""

import json

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder

from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin

# --- the declarations --------------------------------------------------------------------


def source_language():
    return settings.LANGUAGE_CODE


def source_locale():
    return Locale.objects.filter(language_code=source_language()).first()


def is_source(obj):
    return obj.locale.language_code == source_language()


def fact_fields(model):
    return tuple(getattr(model, "fact_fields", ()))


def fact_relations(model):
    return dict(getattr(model, "fact_relations", {}))


def overridable_facts(model):
    return tuple(getattr(model, "overridable_facts", ()))


def row_facts(row_model):
    """The facts of an inline row model, as its parent declares them in `fact_relations`."""
    from django.apps import apps

    facts = set()
    for model in apps.get_models():
        for relation, names in fact_relations(model).items():
            related = model._meta.get_field(relation).related_model
            if related is row_model:
                facts.update(names)
    return tuple(sorted(facts))


def whole_facts(model):
    """The facts wagtail-localize must synchronise: every fact field but stream fields (their
    text is words, translated as segments; copy_facts keeps the French blocks around it),
    and a row model's facts."""
    names = [
        name
        for name in fact_fields(model)
        if not isinstance(model._meta.get_field(name), StreamField)
    ]
    return tuple(names) + row_facts(model)


class FromFacts:
    """wagtail-localize's `override_translatable_fields`, derived from the model's facts: a
    fact is a SynchronizedField, overridable only if it is in `overridable_facts`. `extra`
    adds what wagtail-localize must treat differently that is not a fact (a page's slug kept
    the same in every language). One declaration: nothing to keep in step by hand, and the
    system check `home.E001` (home/checks.py) holds the two together."""

    def __init__(self, *extra):
        self.extra = extra
        # Per class: a row model's facts are read from every model's fact_relations, and
        # wagtail-localize reads the declaration for each segment it extracts. A row base's
        # one FromFacts serves each row model, hence the class as the key. Filled only once
        # the models are loaded (row_facts raises before).
        self.declared = {}

    def __get__(self, instance, owner):
        if owner not in self.declared:
            self.declared[owner] = self.declaration(owner)
        return list(self.declared[owner])

    def declaration(self, owner):
        from wagtail_localize.fields import SynchronizedField

        overridable = set(overridable_facts(owner))
        fields = [
            SynchronizedField(name, overridable=name in overridable) for name in whole_facts(owner)
        ]
        named = {field.field_name for field in fields}
        return tuple(fields + [field for field in self.extra if field.field_name not in named])


def declaring_models():
    """Every model that declares facts (pages, snippets)."""
    from django.apps import apps

    return [
        model
        for model in apps.get_models()
        if issubclass(model, TranslatableMixin) and (fact_fields(model) or fact_relations(model))
    ]


def base_content_type(obj_or_model):
    model = obj_or_model if isinstance(obj_or_model, type) else type(obj_or_model)
    if issubclass(model, Page):
        model = Page
    return ContentType.objects.get_for_model(model)


# --- copying facts -----------------------------------------------------------------------


def is_live(obj):
    """Whether the public may see `obj` (a moderated snippet that is published; anything
    without a draft state is)."""
    return getattr(obj, "live", True)


def shows_translation(translation, source):
    """Whether the pages of a translation's language show it in place of the French: once it
    is published and so is its source (a translation never shows what the French has not
    published, and a draft translation never hides a live source)."""
    return is_live(translation) and is_live(source)


def translated_pk(model, pk, locale_id):
    """The pk of the translation in `locale_id` of `model` #pk that its pages show
    (shows_translation), or pk itself if none."""
    if pk is None or not issubclass(model, TranslatableMixin):
        return pk
    drafts = issubclass(model, DraftStateMixin)
    row = model.objects.filter(pk=pk).values("translation_key", *["live"] * drafts).first()
    if row is None or not row.get("live", True):
        return pk
    found = model.objects.filter(translation_key=row["translation_key"], locale_id=locale_id)
    if drafts:
        found = found.filter(live=True)
    return found.values_list("pk", flat=True).first() or pk


def copy_field(name, source, target, keep_words_of=None):
    field = type(source)._meta.get_field(name)
    if field.many_to_one:
        value = translated_pk(field.related_model, getattr(source, field.attname), target.locale_id)
        setattr(target, field.attname, value)
        # Drop a cached related object that no longer matches.
        field.delete_cached_value(target) if field.is_cached(target) else None
    elif isinstance(field, StreamField):
        theirs = raw_stream(field, getattr(source, name))
        mine = raw_stream(field, getattr(keep_words_of, name)) if keep_words_of else []
        setattr(target, name, merge_stream(field.stream_block, theirs, mine))
    else:
        setattr(target, field.attname, getattr(source, field.attname))


def raw_stream(field, value):
    """A stream field's value as its list of blocks (what the database stores)."""
    prepared = field.get_prep_value(value)
    if isinstance(prepared, str):
        prepared = json.loads(prepared or "[]")
    return json.loads(json.dumps(prepared or [], cls=DjangoJSONEncoder))


TEXT_BLOCKS = (blocks.CharBlock, blocks.TextBlock, blocks.RichTextBlock)


def merge_value(block, source, mine):
    """The source's value of `block`, keeping the text `mine` has for the same structure."""
    if isinstance(block, TEXT_BLOCKS):
        return mine if isinstance(mine, str) and mine else source
    if isinstance(block, blocks.StreamBlock):
        return merge_stream(block, source or [], mine or [])
    if isinstance(block, blocks.StructBlock):
        if not isinstance(source, dict):
            return source
        mine = mine if isinstance(mine, dict) else {}
        return {
            name: merge_value(block.child_blocks[name], value, mine.get(name))
            if name in block.child_blocks
            else value
            for name, value in source.items()
        }
    if isinstance(block, blocks.ListBlock):
        if not isinstance(source, list):
            return source
        mine_items = {
            item.get("id"): item for item in (mine or []) if isinstance(item, dict) and "id" in item
        }
        merged = []
        for item in source:
            if isinstance(item, dict) and "id" in item and "value" in item:
                other = mine_items.get(item["id"], {}).get("value")
                merged.append(
                    {**item, "value": merge_value(block.child_block, item["value"], other)}
                )
            else:
                merged.append(item)
        return merged
    return source


def merge_stream(stream_block, source, mine):
    by_id = {item.get("id"): item for item in mine if isinstance(item, dict)}
    merged = []
    for item in source:
        other = by_id.get(item.get("id"))
        child = stream_block.child_blocks.get(item.get("type"))
        if other is not None and other.get("type") == item.get("type") and child is not None:
            merged.append({**item, "value": merge_value(child, item["value"], other["value"])})
        else:
            merged.append(item)
    return merged


def overridden_fields(source, locale_id):
    """{field: value} for the overridable facts a language has overridden on purpose in
    wagtail-localize's editor (« Remplacer »)."""
    names = getattr(type(source), "overridable_facts", ())
    if not names:
        return {}
    from wagtail_localize.models import SegmentOverride

    rows = SegmentOverride.objects.filter(
        locale_id=locale_id, context__object_id=source.translation_key, context__path__in=names
    ).values_list("context__path", "data_json")
    return {path: json.loads(data) for path, data in rows}


def copy_rows(source, target, relation, facts):
    """The source's inline rows, in its order and with its facts; the words of a row the
    target already has (same translation key) stay the target's."""
    manager = getattr(target, relation)
    mine = {row.translation_key: row for row in manager.all()}
    rows = []
    for row in getattr(source, relation).all():
        own = mine.get(row.translation_key)
        if own is None:
            own = copy_row(row, target)
        for name in facts:
            copy_field(name, row, own)
        if hasattr(row, "sort_order"):
            own.sort_order = row.sort_order
        rows.append(own)
    setattr(target, relation, rows)


def copy_row(row, target):
    model = type(row)
    values = {
        field.attname: getattr(row, field.attname)
        for field in model._meta.concrete_fields
        if not field.primary_key and not getattr(field.remote_field, "parent_link", False)
    }
    new = model(**values)
    new.pk = None
    new.locale_id = target.locale_id
    return new


def copy_facts(source, target):
    """Write `source`'s facts onto `target` (in memory; the caller saves)."""
    model = type(source)
    overrides = overridden_fields(source, target.locale_id)
    for name in fact_fields(model):
        if name in overrides:
            setattr(target, name, overrides[name])
        else:
            copy_field(name, source, target, keep_words_of=target)
    for relation, facts in fact_relations(model).items():
        copy_rows(source, target, relation, facts)


def source_of(obj):
    """The source-language object of a translation, or None (a source, or no source)."""
    if not isinstance(obj, TranslatableMixin) or not obj.translation_key or not obj.locale_id:
        return None
    model = type(obj)
    source = (
        model.objects.filter(
            translation_key=obj.translation_key, locale__language_code=source_language()
        )
        .exclude(pk=obj.pk)
        .first()
    )
    return source


def take_source_facts(obj):
    """Before a translation is saved: its facts are the source's (see BasePage.full_clean)."""
    if isinstance(obj, Page) and obj.alias_of_id:
        return
    if not (fact_fields(type(obj)) or fact_relations(type(obj))):
        return
    source = source_of(obj)
    if source is not None:
        copy_facts(source, obj)


class FactsFromSource:
    """For translatable snippets: a translation takes its facts from the source on save."""

    def save(self, *args, **kwargs):
        take_source_facts(self)
        return super().save(*args, **kwargs)
