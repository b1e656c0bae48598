"""System checks: what `manage.py check` (and so `make check` and every test run) refuses."""

from django.apps import apps
from django.core import checks

from wagtail.models import TranslatableMixin


@checks.register(checks.Tags.models)
def facts_are_not_words(app_configs=None, **kwargs):
    """A fact (home/translation/) is taken from the French on every save: offered to
    translators as words, their translation would be overwritten without a word. Each fact
    must be one of wagtail-localize's SynchronizedFields, overridable only when the model
    lists it in `overridable_facts`."""
    from wagtail_localize.fields import TranslatableField, get_translatable_fields

    from home.translation.facts import fact_fields, overridable_facts, whole_facts

    models = (
        [model for config in app_configs for model in config.get_models()]
        if app_configs
        else apps.get_models()
    )
    errors = []
    for model in models:
        if not issubclass(model, TranslatableMixin):
            continue
        declared = {field.field_name: field for field in get_translatable_fields(model)}
        overridable = set(overridable_facts(model))
        for name in sorted(overridable - set(fact_fields(model))):
            errors.append(
                checks.Error(
                    f"{model.__name__}.overridable_facts names {name!r}, which is not a fact.",
                    obj=model,
                    id="home.E002",
                )
            )
        for name in whole_facts(model):
            field = declared.get(name)
            if field is None or isinstance(field, TranslatableField):
                errors.append(
                    checks.Error(
                        f"{model.__name__}.{name} is a fact, but wagtail-localize offers it "
                        "to translators.",
                        hint="Declare override_translatable_fields = FromFacts() "
                        "(home/translation/facts.py).",
                        obj=model,
                        id="home.E001",
                    )
                )
            elif field.overridable != (name in overridable):
                errors.append(
                    checks.Error(
                        f"{model.__name__}.{name}: a fact is overridable in wagtail-localize "
                        "only if it is in overridable_facts.",
                        obj=model,
                        id="home.E001",
                    )
                )
    return errors
