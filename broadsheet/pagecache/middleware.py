from django.middleware.gzip import GZipMiddleware as DjangoGZipMiddleware

from broadsheet.pagecache.decorators import CACHEABLE


class GZipMiddleware(DjangoGZipMiddleware):
    """Django's gzip, except for cacheable pages: the page cache layer stores
    them plain and serves a gzip variant it made once."""

    def process_response(self, request, response):
        if CACHEABLE in request.environ:
            return response
        return super().process_response(request, response)
