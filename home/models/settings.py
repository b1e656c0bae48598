from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from home.forms import PrintableModelForm
from home.text import tel_href, validate_phone


class SocialPlatform(models.TextChoices):
    X = "x", "X (Twitter)"
    LINKEDIN = "linkedin", "LinkedIn"
    FACEBOOK = "facebook", "Facebook"
    INSTAGRAM = "instagram", "Instagram"
    YOUTUBE = "youtube", "YouTube"
    BLUESKY = "bluesky", "Bluesky"
    MASTODON = "mastodon", "Mastodon"
    WEBSITE = "website", _("Website")


class SocialLinkValue(blocks.StructValue):
    @property
    def platform_label(self):
        return SocialPlatform(self["platform"]).label


class SocialLinkBlock(blocks.StructBlock):
    platform = blocks.ChoiceBlock(label=_("Platform"), choices=SocialPlatform.choices)
    url = blocks.URLBlock(label=_("Address"))
    handle = blocks.CharBlock(
        label=_("Account name"), required=False, help_text=_("For example @CitesUniesFR.")
    )

    class Meta:
        icon = "link-external"
        label = _("Social account")
        value_class = SocialLinkValue


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    base_form_class = PrintableModelForm  # refuses control characters (home/forms.py)

    organisation_name = models.CharField(
        _("organisation name"), max_length=200, default="Cités Unies France"
    )
    address = models.TextField(_("postal address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[validate_phone])
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    legal_notice_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("legal notice page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    social_links = StreamField(
        [("account", SocialLinkBlock())], verbose_name=_("social accounts"), blank=True
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("website"),
            ],
            heading=_("Organisation"),
        ),
        FieldPanel("social_links"),
        MultiFieldPanel(
            [
                FieldPanel("legal_notice_page"),
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
            ],
            heading=_("Legal pages"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    def dropped_cache_tags(self):
        return {"site"}

    @property
    def phone_href(self):
        return tel_href(self.phone)
