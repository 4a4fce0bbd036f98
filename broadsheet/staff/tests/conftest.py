from broadsheet.pagecache.tests.conftest import page_store  # noqa: F401  (fixture)
