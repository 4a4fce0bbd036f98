"""Invented demo content for Broadsheet.

A fictional reader-funded outlet in the imaginary country of Lauremont: its
authors, sections, partner outlets, donation appeal, a long-form reference
article with a threaded reader discussion, and a handful of shorter articles.
Every name, place, organisation and quotation here is made up, and all links
point at the reserved example.org / example.com / example.net domains.

``COMMENTS`` is listed in posting order; ``commenter`` indexes ``COMMENTERS``
and ``parent`` is ``None`` or the index of an earlier entry in ``COMMENTS``.
"""

from broadsheet.testing.demo_text.articles import OTHER_ARTICLES, REFERENCE_ARTICLE
from broadsheet.testing.demo_text.commenters import COMMENTERS
from broadsheet.testing.demo_text.comments_1 import COMMENTS_0_TO_24
from broadsheet.testing.demo_text.comments_2 import COMMENTS_25_TO_49
from broadsheet.testing.demo_text.comments_3 import COMMENTS_50_TO_74
from broadsheet.testing.demo_text.comments_4 import COMMENTS_75_TO_99
from broadsheet.testing.demo_text.site import (
    APPEAL,
    AUTHORS,
    PARTNER_OUTLETS,
    SECTIONS,
    SITE_NAME,
    SITE_TAGLINE,
)

COMMENTS = [
    *COMMENTS_0_TO_24,
    *COMMENTS_25_TO_49,
    *COMMENTS_50_TO_74,
    *COMMENTS_75_TO_99,
]

__all__ = [
    "APPEAL",
    "AUTHORS",
    "COMMENTERS",
    "COMMENTS",
    "OTHER_ARTICLES",
    "PARTNER_OUTLETS",
    "REFERENCE_ARTICLE",
    "SECTIONS",
    "SITE_NAME",
    "SITE_TAGLINE",
]
