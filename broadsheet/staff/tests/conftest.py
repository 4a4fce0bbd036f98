from broadsheet.pagecache.tests.conftest import (  # noqa: F401  (fixtures)
    page_store,
    page_store_away,
)
