from broadsheet.publishing.models.articles import (
    Article,
    ArticleQuerySet,
    Byline,
    Correction,
    Revision,
)
from broadsheet.publishing.models.pages import Page, PageQuerySet, validate_page_slug
from broadsheet.publishing.models.records import (
    Appeal,
    AppealClick,
    Author,
    PartnerOutlet,
    Section,
    Tag,
)

__all__ = [
    "Appeal",
    "AppealClick",
    "Article",
    "ArticleQuerySet",
    "Author",
    "Byline",
    "Correction",
    "Page",
    "PageQuerySet",
    "PartnerOutlet",
    "Revision",
    "Section",
    "Tag",
    "validate_page_slug",
]
