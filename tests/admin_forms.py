"""Form data for the admin's page views, shared by the admin tests."""

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from bs4 import BeautifulSoup


def add_page(client, parent, model, data, publish=True):
    url = reverse(
        "wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.pk)
    )
    if publish:
        data = {**data, "action-publish": "action-publish"}
    # nested_form_data() would spread a list over numbered keys: multiple choices go as is.
    lists = {key: data.pop(key) for key in [k for k, v in data.items() if isinstance(v, list)]}
    return client.post(url, {**nested_form_data(data), **lists})


def field_errors(response):
    """{field name: [messages]} as the admin shows them next to each field."""
    soup = BeautifulSoup(response.content, "html.parser")
    errors = {}
    for wrapper in soup.select("[data-field-wrapper]"):
        messages = [e.get_text(" ", strip=True) for e in wrapper.select(".error-message")]
        field = wrapper.select_one("[name]")
        if messages and field is not None:
            errors[field["name"]] = messages
    return errors


EDITION_FORM = {
    "title": "Rencontres de l'AICT 2026",
    "slug": "rencontres-2026",
    "number": "17",
    "year": "2026",
    "theme": "Un thème",
    "start": "03/07/2026 08:00",
    "end": "03/07/2026 18:00",
    "time_zone": "Europe/Paris",
    "status": "scheduled",
    "highlights": streamfield([("highlight", {"text": "Ateliers thématiques", "page": ""})]),
    "body": streamfield([]),
    "editorial": rich_text("<p>Éditorial.</p>"),
    "footer_partners_heading": "Avec le concours de",
    "edition_partners": inline_formset([]),
    "registration_provider": "link",
    "pretix_url": "https://pretix.eu",
}


def session_form(
    person=None, room=None, partner=None, start="03/07/2026 09:30", end="03/07/2026 11:00"
):
    return {
        "title": "Atelier diplomatie des territoires",
        "slug": "atelier-diplomatie",
        "session_type": "workshop",
        "status": "scheduled",
        "start": start,
        "end": end,
        "room": room or "",
        "summary": "Un atelier.",
        "body": streamfield([]),
        "region": "",
        "language": "fr",
        "interpretation_languages": ["en", "es"],
        "registration_url": "",
        "resources": streamfield([]),
        "speakers": inline_formset(
            [{"person": person, "role": "moderator", "function": "Maire de Montpellier"}]
            if person
            else []
        ),
        "organising_partners": inline_formset([{"partner": partner}] if partner else []),
    }
