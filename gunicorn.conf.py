"""gunicorn as production runs it: `gunicorn -c gunicorn.conf.py cms.wsgi` (see docs/deploy.md)."""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
# The application is loaded once, before the workers fork: a recycled worker is serving
# again in milliseconds instead of the second an import of Django and Wagtail takes.
preload_app = True
max_requests = 20000  # recycle workers now and then
max_requests_jitter = 2000
accesslog = "-"  # access log on stdout
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
