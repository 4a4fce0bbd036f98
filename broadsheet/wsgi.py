"""The WSGI application `broadsheet serve` runs in each worker process:
Django behind the page cache layer that answers cache hits."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "broadsheet.settings")

django_application = get_wsgi_application()

from broadsheet.pagecache.wiring import wrap  # noqa: E402  (needs Django set up)

application = wrap(django_application)
