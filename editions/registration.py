"""The external registration service of an edition: where the « S'inscrire » link goes, and
whether the provider says the event is sold out.

Two providers: a plain link to any service, and pretix through its REST API (quotas with
their availability). A visitor's page never waits on the provider for more than
`REGISTRATION_PROVIDER_TIMEOUT` seconds (2 at most), and at most one request per
`REGISTRATION_RETRY_AFTER` seconds does: the others read the last known availability from
the cache. When the provider is slow, down or unconfigured, the link is shown as usual.
"""

import hashlib
import http.client
import json
import logging
import time
from dataclasses import dataclass
from urllib.error import URLError
from urllib.parse import urlencode, urljoin, urlsplit
from urllib.request import Request, urlopen

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

MAX_TIMEOUT = 2.0


class ProviderError(Exception):
    """The provider could not say: too slow, unreachable, or an unexpected answer."""


@dataclass(frozen=True)
class Availability:
    sold_out: bool
    checked_at: float


class PretixClient:
    """The few calls of pretix's REST API we need, with a deadline for all of them."""

    def __init__(self, base_url, organizer, event, token, timeout=MAX_TIMEOUT):
        self.base_url = base_url.rstrip("/") + "/"
        self.organizer = organizer
        self.event = event
        self.token = token
        self.timeout = min(float(timeout), MAX_TIMEOUT)

    def quotas_url(self):
        path = f"api/v1/organizers/{self.organizer}/events/{self.event}/quotas/"
        return urljoin(self.base_url, path) + "?" + urlencode({"with_availability": "true"})

    def get(self, url, deadline):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise ProviderError("no time left")
        # pretix gives absolute `next` links; follow them only on the configured server.
        if urlsplit(url).netloc != urlsplit(self.base_url).netloc:
            raise ProviderError(f"unexpected link to another server: {url}")
        request = Request(
            url,
            headers={"Authorization": f"Token {self.token}", "Accept": "application/json"},
        )
        try:
            with urlopen(request, timeout=remaining) as response:
                return json.load(response)
        except (URLError, http.client.HTTPException, OSError, ValueError) as error:
            raise ProviderError(str(error)) from error

    def quotas(self):
        """Every quota of the event, following the pagination to its last page."""
        deadline = time.monotonic() + self.timeout
        url = self.quotas_url()
        while url:
            page = self.get(url, deadline)
            if not isinstance(page, dict) or not isinstance(page.get("results"), list):
                raise ProviderError("not a list of quotas")
            yield from page["results"]
            url = page.get("next")

    def is_sold_out(self):
        """Sold out when no quota that counts for the event's availability is available.

        `available_number: null` is an unlimited quota; a closed quota sells nothing; an
        event without any such quota is not said to be sold out.
        """
        counted = [q for q in self.quotas() if not q.get("ignore_for_event_availability")]
        if not counted:
            return False
        return not any(quota_available(q) for q in counted)


def quota_available(quota):
    if quota.get("closed"):
        return False
    if "available" in quota:
        return bool(quota["available"])
    number = quota.get("available_number")
    return number is None or number > 0


def shop_url(base_url, organizer, event, language=None):
    """The event's shop; in the visitor's language through pretix's language switch."""
    base = base_url.rstrip("/")
    shop_path = f"/{organizer}/{event}/"
    if not language:
        return base + shop_path
    return f"{base}/locale/set?" + urlencode({"locale": language, "next": shop_path})


def cache_key(*parts):
    digest = hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]
    return f"registration:availability:{digest}"


def pretix_availability(base_url, organizer, event):
    """Whether the pretix event is sold out: True, False, or None when never known."""
    token = getattr(settings, "PRETIX_API_TOKEN", "")
    if not token:
        return None
    key = cache_key(base_url, organizer, event)
    last = cache.get(f"{key}:last")
    # One request refreshes; the others (and everyone while the provider is failing)
    # read the last known value.
    if not cache.add(f"{key}:checking", True, settings.REGISTRATION_RETRY_AFTER):
        return last.sold_out if last else None
    client = PretixClient(
        base_url, organizer, event, token, timeout=settings.REGISTRATION_PROVIDER_TIMEOUT
    )
    try:
        sold_out = client.is_sold_out()
    except ProviderError as error:
        logger.warning("pretix %s/%s: availability unknown (%s)", organizer, event, error)
        return last.sold_out if last else None
    cache.set(
        f"{key}:last",
        Availability(sold_out=sold_out, checked_at=time.time()),
        settings.REGISTRATION_LAST_KNOWN_TTL,
    )
    cache.set(f"{key}:checking", True, settings.REGISTRATION_AVAILABILITY_TTL)
    return sold_out
