"""Who may replace the file of, or delete, an image that the public sees.

Images have no drafts in Wagtail: a new file or a deletion is live at once, on every page and
in every language that shows the image. So changing the file of an image that a live page or
a live snippet uses is publishing that page or snippet: it is left to whoever may publish each
of them (a Modérateur). A Rédacteur still uploads, chooses and describes images (title, alt
text, tags, focal point), and replaces or deletes the images nothing live shows.

The rule is here and only here. Every admin door asks it through Wagtail's own permission
policy for images (edit, delete, bulk delete, the multiple upload's delete) or through the
image form (the file field), and the refusal names the pages in French.

A replaced original is kept in storage, listed on the image's page, until no revision made
before the replacement remains (``manage.py purge_replaced_images``).
"""

from django.conf import settings
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext

from wagtail.models import DraftStateMixin, Page, ReferenceIndex
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

NAMED = 5  # pages named in a refusal before "and N others"


def live_uses(image):
    """The live pages and snippets that show `image`, French first, as model instances."""
    found = []
    for obj, _references in ReferenceIndex.get_grouped_references_to(image):
        if isinstance(obj, (Page, DraftStateMixin)) and not obj.live:
            continue
        found.append(obj)
    return sorted(found, key=lambda obj: (language_of(obj) != settings.LANGUAGE_CODE, str(obj)))


def language_of(obj):
    locale = getattr(obj, "locale", None)
    return locale.language_code if locale is not None else ""


def may_publish(user, obj):
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_publish()
    meta = obj._meta
    if isinstance(obj, DraftStateMixin):
        return user.has_perm(f"{meta.app_label}.publish_{meta.model_name}")
    return user.has_perm(f"{meta.app_label}.change_{meta.model_name}")


def unpublishable_uses(user, image):
    """The live uses of `image` that `user` may not publish: empty when they may change it."""
    if not user.is_active:  # nobody (an anonymous or deactivated user) changes them
        return live_uses(image)
    if user.is_superuser:
        return []
    return [obj for obj in live_uses(image) if not may_publish(user, obj)]


def describe(uses):
    """« Programme 2025 » (fr), « Programme 2025 » (en), … and 3 others: each use once."""
    labels = []
    for obj in uses:
        language = language_of(obj)
        label = f"« {obj} »" + (f" ({language})" if language else "")
        if label not in labels:
            labels.append(label)
    shown = ", ".join(labels[:NAMED])
    rest = len(labels) - NAMED
    if rest > 0:
        shown += " " + ngettext("and %(n)d other", "and %(n)d others", rest) % {"n": rest}
    return shown


def refusal(user, image, action):
    """The French message that refuses `user` to `action` ("replace" or "delete") `image`, or
    None when they may ("notice": the warning shown on the image's page beforehand)."""
    uses = unpublishable_uses(user, image)
    if not uses:
        return None
    if action == "notice":
        text = _(
            "Only a moderator may replace the file of this image or delete it: it is shown by "
            "%(uses)s, which are published."
        )
    elif action == "delete":
        text = _(
            "You may not delete this image: it is shown by %(uses)s, which are published. "
            "Ask a moderator, or first take it out of them."
        )
    else:
        text = _(
            "You may not replace the file of this image: it is shown by %(uses)s, which are "
            "published. Upload a new image and choose it there, or ask a moderator."
        )
    return text % {"uses": describe(uses)}


class ImagePermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's policy for images, which every image view asks, with the rule above for
    deletion (the file field is refused by the image form, home/uploads.py)."""

    def user_has_permission_for_instance(self, user, action, instance):
        allowed = super().user_has_permission_for_instance(user, action, instance)
        if allowed and action == "delete":
            return refusal(user, instance, "delete") is None
        return allowed


def image_permission_policy():
    from wagtail.images import get_image_model

    return ImagePermissionPolicy(
        get_image_model(), auth_model="wagtailimages.Image", owner_field_name="uploaded_by_user"
    )


class ReplacedImageFile(models.Model):
    """A file an image had before it was replaced, kept for the revisions made before."""

    image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.CASCADE, related_name="replaced_files"
    )
    file_name = models.CharField(max_length=255)
    replaced_at = models.DateTimeField()
    replaced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        app_label = "home"
        ordering = ["-replaced_at"]
        verbose_name = _lazy("replaced file")
        verbose_name_plural = _lazy("replaced files")

    def __str__(self):
        return self.file_name

    def still_needed(self):
        """A revision made before the replacement, of something that shows the image, may
        still be restored: keep the file for it."""
        for obj, _references in ReferenceIndex.get_grouped_references_to(self.image):
            revisions = getattr(obj, "revisions", None)
            if revisions is not None and revisions.filter(created_at__lt=self.replaced_at).exists():
                return True
        return False


def delete_replaced_file(sender, instance, **kwargs):
    """An image deleted takes the files it had before with it."""
    name = instance.file_name
    storage = instance.image.file.storage if instance.image_id else None

    def delete():
        if storage is not None and storage.exists(name):
            storage.delete(name)

    transaction.on_commit(delete)


def connect():
    """The receivers (HomeConfig.ready)."""
    post_delete.connect(
        delete_replaced_file, sender=ReplacedImageFile, dispatch_uid="images.replaced_file_deleted"
    )
