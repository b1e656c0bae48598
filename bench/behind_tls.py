"""The site as it runs behind its TLS-terminating proxy, for clients that cannot add the
proxy's header themselves (Lighthouse fetches /robots.txt on its own, without the extra
headers it sends with the page): each request arrives marked as HTTPS, as the proxy marks it.
"""

from cms.wsgi import application as site


def application(environ, start_response):
    environ.setdefault("HTTP_X_FORWARDED_PROTO", "https")
    return site(environ, start_response)
