from broadsheet.pagecache.tests.conftest import (  # noqa: F401  (shared fixtures)
    make_layer,
    page_store,
    wsgi,
)
