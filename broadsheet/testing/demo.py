"""The demo content: invented text shaped like the reference article page.

Built with the same factories and services as the tests. Loading it twice adds
nothing: the reference article's slug marks the demo as present.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from broadsheet.core.services import update_site_settings
from broadsheet.discussion.models import Comment
from broadsheet.publishing.models import Article
from broadsheet.testing import demo_text
from broadsheet.testing.factories import (
    AppealFactory,
    ArticleFactory,
    AuthorFactory,
    CommentFactory,
    PartnerOutletFactory,
    SectionFactory,
    TagFactory,
)


def load_demo() -> bool:
    """Fill the database with the demo; returns False when it was already there."""
    if Article.objects.filter(slug=demo_text.REFERENCE_ARTICLE["slug"]).exists():
        return False
    with transaction.atomic():
        _load()
    return True


def _load() -> None:
    now = timezone.now().replace(second=0, microsecond=0)
    update_site_settings(
        by=None, site_name=demo_text.SITE_NAME, tagline=demo_text.SITE_TAGLINE
    )
    authors = {spec["slug"]: AuthorFactory(**spec) for spec in demo_text.AUTHORS}
    sections = {spec["slug"]: SectionFactory(**spec) for spec in demo_text.SECTIONS}
    partners = {
        spec["name"]: PartnerOutletFactory(**spec) for spec in demo_text.PARTNER_OUTLETS
    }
    AppealFactory(**demo_text.APPEAL, after_paragraph=4, is_default=True)
    others = demo_text.OTHER_ARTICLES
    for age, spec in enumerate(others, start=1):
        _article(
            spec, authors, sections, partners, now - timedelta(days=age * 2, hours=3)
        )
    reference = _article(
        demo_text.REFERENCE_ARTICLE,
        authors,
        sections,
        partners,
        now - timedelta(hours=20),
    )
    _discussion(reference, start=reference.published_at)


def _article(spec, authors, sections, partners, published_at) -> Article:
    partner = partners.get(spec.get("partner_name") or "")
    return ArticleFactory(
        headline=spec["headline"],
        standfirst=spec["standfirst"],
        slug=spec["slug"],
        kind=spec["kind"],
        body=spec["body"],
        section=sections.get(spec["section_slug"]),
        authors=[authors[slug] for slug in spec["author_slugs"]],
        tags=[TagFactory(name=name) for name in spec.get("tags") or []],
        partner=partner,
        original_url=(spec.get("original_url") or "") if partner else "",
        original_licence=(spec.get("original_licence") or "") if partner else "",
        original_published_at=published_at - timedelta(days=1) if partner else None,
        published_at=published_at,
    )


def _discussion(article: Article, *, start) -> None:
    posted: list[Comment] = []
    for index, spec in enumerate(demo_text.COMMENTS):
        commenter = demo_text.COMMENTERS[spec["commenter"]]
        parent = posted[spec["parent"]] if spec["parent"] is not None else None
        posted.append(
            CommentFactory(
                article=article,
                parent=parent,
                author_name=commenter["name"],
                author_email=commenter["email"],
                author_website=commenter["website"],
                body=spec["body"],
                ip=f"198.51.100.{spec['commenter'] + 1}",
                created_at=start + timedelta(minutes=11 * (index + 1)),
            )
        )


__all__ = ["load_demo"]
