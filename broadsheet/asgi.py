"""The ASGI application `broadsheet serve` runs in each worker process: the
request edge (broadsheet/core/edge.py) in front of the WSGI application, whose
page cache hits held in memory it answers itself."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "broadsheet.settings")

from django.conf import settings  # noqa: E402

from broadsheet.core.edge import Edge, Limits  # noqa: E402
from broadsheet.wsgi import application as wsgi_application  # noqa: E402

application = Edge(
    wsgi_application,
    limits=Limits(
        body_timeout=settings.EDGE["BODY_TIMEOUT"],
        max_body=settings.EDGE["MAX_BODY_BYTES"],
        per_address=settings.EDGE["PER_ADDRESS"],
        threads=settings.EDGE["THREADS"],
        trusted=tuple(settings.TRUSTED_PROXIES),
        spool_dir=str(settings.DATA_DIR),
    ),
    fast_answer=getattr(wsgi_application, "near_answer", None),
)
