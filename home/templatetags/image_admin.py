"""Admin helper: on an image's page, why its file cannot be replaced nor the image deleted by
this user (home/images.py), and the files it had before."""

from django import template

from home.images import refusal

register = template.Library()


@register.simple_tag(takes_context=True)
def image_rule(context, image):
    """{refusal, replaced: [{name, url, replaced_at, replaced_by}]} for the image's page."""
    request = context.get("request")
    user = getattr(request, "user", None)
    message = refusal(user, image, "notice") if user is not None and image.pk else None
    replaced = []
    for row in image.replaced_files.select_related("replaced_by") if image.pk else []:
        storage = image.file.storage
        replaced.append(
            {
                "name": row.file_name.rsplit("/", 1)[-1],
                "url": storage.url(row.file_name) if storage.exists(row.file_name) else "",
                "replaced_at": row.replaced_at,
                "replaced_by": row.replaced_by,
            }
        )
    return {"refusal": message, "replaced": replaced}
