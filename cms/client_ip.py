"""The visitor's address behind the load balancer or CDN (settings.TRUSTED_PROXY_COUNT).

Each trusted proxy appends the address it received the request from to X-Forwarded-For. With
N proxies in front, the client's address is therefore the N-th entry from the right; whatever
stands further left was written by the client itself and may be anything, so it is never
read (a client cannot pick the address it is counted under). Without proxies, or when the
header holds fewer entries than there are proxies (a request that reached the app servers
directly), the connection's own address counts.
"""

import ipaddress

from django.conf import settings


def client_ip(request):
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    entries = [entry.strip() for entry in forwarded.split(",") if entry.strip()]
    if len(entries) < count:
        return remote
    try:
        return str(ipaddress.ip_address(entries[-count]))
    except ValueError:
        return remote
