"""Where an edition's registration stands: the service, the window and the call to action
(the providers' adapters are in editions/registration.py)."""

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from editions.registration import pretix_availability, shop_url

from .choices import EditionStatus, Registration, RegistrationProvider, RegistrationState


class EditionRegistration(models.Model):
    """The registration fields and state of an edition (EditionPage)."""

    registration_provider = models.CharField(
        _("registration service"),
        max_length=20,
        choices=RegistrationProvider.choices,
        default=RegistrationProvider.LINK,
    )
    registration_url = models.URLField(
        _("registration address"),
        blank=True,
        max_length=500,
        help_text=_(
            "Write {lang} where the service takes the visitor's language (fr, en, es). "
            "With pretix, leave empty to use the event's shop."
        ),
    )
    pretix_url = models.URLField(
        _("pretix server"),
        blank=True,
        default="https://pretix.eu",
        help_text=_("The API token is read from the PRETIX_API_TOKEN environment variable."),
    )
    pretix_organizer = models.SlugField(_("pretix organiser"), blank=True, max_length=100)
    pretix_event = models.SlugField(_("pretix event"), blank=True, max_length=100)
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Leave empty to close registration when the edition ends."),
    )
    registration_notes = models.TextField(
        _("registration notes"),
        blank=True,
        max_length=500,
        help_text=_(
            "Shown with the call to action while registration matters, for example « Paiement "
            "sur place en espèces uniquement »."
        ),
    )
    registration_panels = [
        FieldPanel("registration_provider", widget=forms.RadioSelect),
        FieldPanel("registration_url"),
        MultiFieldPanel(
            [
                FieldPanel("pretix_url"),
                FieldRowPanel([FieldPanel("pretix_organizer"), FieldPanel("pretix_event")]),
            ],
            heading=_("pretix"),
        ),
        FieldRowPanel([FieldPanel("registration_opens"), FieldPanel("registration_closes")]),
        FieldPanel("registration_notes"),
    ]

    class Meta:
        abstract = True

    def registration_errors(self):
        """{field: message} for a registration window or service that cannot work."""
        errors = {}
        opens, closes = self.registration_opens, self.registration_closes
        if opens and closes and closes <= opens:
            errors["registration_closes"] = _("Registration must close after it opens.")
        if self.registration_opens and self.end and self.registration_opens >= self.end:
            errors["registration_opens"] = _("Registration must open before the edition ends.")
        if self.registration_provider == RegistrationProvider.PRETIX:
            for name in ("pretix_url", "pretix_organizer", "pretix_event"):
                if not getattr(self, name):
                    errors[name] = _("pretix needs its server, organiser and event.")
        return errors

    @property
    def registration_closes_at(self):
        return self.registration_closes or self.end

    @property
    def uses_pretix(self):
        return self.registration_provider == RegistrationProvider.PRETIX and bool(
            self.pretix_url and self.pretix_organizer and self.pretix_event
        )

    def registration_link(self, language=None):
        """The registration address, opening the service in `language` where it can."""
        language = (language or self.locale.language_code)[:2]
        if self.registration_url:
            return self.registration_url.replace("{lang}", language)
        if self.uses_pretix:
            return shop_url(self.pretix_url, self.pretix_organizer, self.pretix_event, language)
        return ""

    def registration(self, language=None, now=None):
        """The call to action at `now`: None when the edition has no registration.

        The provider is asked (through the cache) only while registration is open.
        """
        state = self.registration_state(now)
        if state is None or self.has_ended(now):
            # A past edition shows what happened, not what was once open.
            return None
        if (
            state == RegistrationState.OPEN
            and self.uses_pretix
            and pretix_availability(self.pretix_url, self.pretix_organizer, self.pretix_event)
        ):
            state = RegistrationState.SOLD_OUT
        return Registration(
            state=state, url=self.registration_link(language), opens=self.registration_opens
        )

    def registration_state(self, now=None):
        """Where the registration window stands at `now`, or None without registration."""
        if not (self.registration_url or self.registration_opens or self.uses_pretix):
            return None
        now = now or timezone.now()
        if self.status == EditionStatus.CANCELLED or now >= self.registration_closes_at:
            return RegistrationState.CLOSED
        if self.registration_opens and now < self.registration_opens:
            return RegistrationState.UPCOMING
        return RegistrationState.OPEN
