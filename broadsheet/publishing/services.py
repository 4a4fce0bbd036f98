"""Every write to articles, authors, bylines, partners and appeals."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import Any

from django.conf import settings
from django.contrib.redirects.models import Redirect
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.html import strip_tags

from broadsheet.core.renderer import render_markdown
from broadsheet.images.services import image_for_src
from broadsheet.pagecache.keys import key_for
from broadsheet.pagecache.purge import purge
from broadsheet.publishing.extensions import visibility_keys
from broadsheet.publishing.keys import (
    SEARCH,
    SITEMAP_ARTICLES,
    SITEMAP_INDEX,
    SITEMAP_PAGE,
    corrections_key,
    link_key,
    link_of,
    list_key,
    listing_keys,
    sitemap_keys,
    tags_key,
)
from broadsheet.publishing.models import (
    Appeal,
    AppealClick,
    Article,
    Author,
    Byline,
    Correction,
    Page,
    Revision,
    Tag,
)
from broadsheet.publishing.revisions import record_revision
from broadsheet.publishing.search import index_article
from broadsheet.publishing.tasks import publish_when_due


def _require(by: Any, permission: str) -> None:
    # `by=None` is the system itself: the demo loader, importers, tasks.
    if by is not None and not by.has_perm(permission):
        raise PermissionDenied(f"Missing permission {permission}.")


def _require_article(article: Article, by: Any) -> None:
    """Contributors keep to their own drafts and pieces in review; only
    publishers may put an article in the published or scheduled state."""
    _require(
        by, "publishing.change_article" if article.pk else "publishing.add_article"
    )
    if by is None:
        return
    stored = (
        Article.objects.filter(pk=article.pk).values("status", "created_by").first()
        if article.pk
        else None
    )
    if stored and not by.has_perm("publishing.change_any_article"):
        if stored["created_by"] != by.pk or (
            stored["status"] not in Article.CONTRIBUTOR_STATUSES
        ):
            raise PermissionDenied("Contributors edit only their own drafts.")
    going_out = article.status not in Article.CONTRIBUTOR_STATUSES
    if going_out and not by.has_perm("publishing.publish_article"):
        if not stored or stored["status"] != article.status:
            raise PermissionDenied("Only editors publish or schedule articles.")


def save_article(article: Article, *, by: Any) -> Article:
    """Render the body once and save; a published article without a date gets now,
    a scheduled one is queued to go live at its time.

    Purges the article's page, and the lists it leaves or joins. Raises
    PermissionDenied when `by` may not change this article or give it this
    status.
    """
    _require_article(article, by)
    if article.pk is None and by is not None:
        article.created_by = by
    rendered = render_markdown(article.body, images=image_for_src)
    article.body_html = rendered.html
    article.body_text = html.unescape(strip_tags(rendered.html))
    article.body_paragraph_ends = rendered.paragraph_ends
    if article.status == Article.Status.PUBLISHED and article.published_at is None:
        article.published_at = timezone.now()
    if article.status == Article.Status.SCHEDULED and (
        article.published_at <= timezone.now()
    ):
        article.status = Article.Status.PUBLISHED  # its time has already come
    elif article.status == Article.Status.PUBLISHED and (
        article.published_at > timezone.now()
    ):
        article.status = Article.Status.SCHEDULED  # "published" tomorrow
    with transaction.atomic():
        before = Article.objects.filter(pk=article.pk).first() if article.pk else None
        listed_before = listing_keys(before) if before else set()
        article.save()
        index_article(article)
        record_revision(article, by=by)
        if before is not None and before.is_published:
            _redirect_old_address(before.get_absolute_url(), article)
        listed_after = listing_keys(article)
        keys = {key_for(article)}
        if listed_before or listed_after:
            keys |= {SITEMAP_ARTICLES, SEARCH}
        if before is None or link_of(before) != link_of(article):
            keys.add(link_key(article))
        if _order(before) != _order(article):
            keys |= listed_before | listed_after  # in or out, or moved in each
        else:
            keys |= listed_before ^ listed_after  # lists it left or joined
        keys |= sitemap_keys(keys)
        if _order(before)[0] != _order(article)[0]:
            keys.update(visibility_keys(article))  # its comments come or go
            if _sitemap_pages_change():
                keys.add(SITEMAP_INDEX)
        purge(*keys)
        if article.status == Article.Status.SCHEDULED:
            # Queued in this transaction; the task checks again when it runs.
            publish_when_due.using(run_after=article.published_at).enqueue(article.pk)
    return article


def delete_article(article: Article, *, by: Any) -> None:
    """Delete an article; every page, list, feed and sitemap that showed it is
    purged. Raises PermissionDenied for those who may not delete articles."""
    _require(by, "publishing.delete_article")
    with transaction.atomic():
        listed = listing_keys(article)
        keys = {key_for(article), link_key(article), *listed, *sitemap_keys(listed)}
        if listed:
            keys |= {SEARCH, SITEMAP_ARTICLES}
            keys.update(visibility_keys(article))
            if _sitemap_pages_change():
                keys.add(SITEMAP_INDEX)
        article.delete()
        purge(*keys)


def delete_record(record: Any, *, by: Any) -> None:
    """Delete an author, section, tag, partner outlet or appeal, purging the
    pages that named it and its own list. Raises PermissionDenied."""
    meta = record._meta
    _require(by, f"{meta.app_label}.delete_{meta.model_name}")
    with transaction.atomic():
        keys = [key_for(record), list_key(record), f"sitemap:{meta.model_name}s"]
        record.delete()
        purge(*keys)


def _redirect_old_address(old: str, article: Article) -> None:
    """A published article's old address answers 301 to its new one (through
    django.contrib.redirects), and older redirects follow it there."""
    new = article.get_absolute_url()
    if old == new:
        return
    site_id = settings.SITE_ID
    Redirect.objects.filter(site_id=site_id, old_path=new).delete()
    Redirect.objects.filter(site_id=site_id, new_path=old).update(new_path=new)
    Redirect.objects.update_or_create(
        site_id=site_id, old_path=old, defaults={"new_path": new}
    )


def restore_revision(revision: Revision, *, by: Any) -> Article:
    """Bring an article back to a revision (itself kept as a new revision).

    Raises PermissionDenied when `by` may not change this article."""
    article = Article.objects.get(pk=revision.article_id)
    for name, value in revision.fields.items():
        if name in Revision.KEPT:
            setattr(article, name, value)
    # What was deleted since, or taken by another article, stays as it is now.
    current = Article.objects.get(pk=article.pk)
    for name in ("section_id", "partner_id", "appeal_id"):
        model = Article._meta.get_field(name.removesuffix("_id")).related_model
        value = getattr(article, name)
        if value is not None and not model.objects.filter(pk=value).exists():
            setattr(article, name, getattr(current, name))
    if Article.objects.filter(slug=article.slug).exclude(pk=article.pk).exists():
        article.slug = current.slug
    return save_article(article, by=by)


def save_correction(correction: Correction, *, by: Any) -> Correction:
    """Add or change a dated correction note; raises PermissionDenied unless
    `by` may change the article."""
    _require_article(correction.article, by)
    with transaction.atomic():
        correction.save()
        purge(corrections_key(correction.article_id))
    return correction


def delete_correction(correction: Correction, *, by: Any) -> None:
    _require_article(correction.article, by)
    with transaction.atomic():
        article_id = correction.article_id
        correction.delete()
        purge(corrections_key(article_id))


def _sitemap_pages_change() -> bool:
    """Whether one article more or fewer changes the articles' sitemap pages."""
    count = Article.objects.published().count()
    return count % SITEMAP_PAGE in {0, 1}


def _order(article: Article | None) -> tuple:
    """Whether an article is listed at all, and where in each list."""
    if article is None:
        return (False, None)
    return (article.is_published, article.published_at)


def create_article(
    *,
    by: Any,
    authors: Sequence[Author] = (),
    tags: Iterable[Tag] = (),
    **fields: Any,
) -> Article:
    """Create an article with its ordered bylines and tags, in one transaction."""
    with transaction.atomic():
        article = save_article(Article(**fields), by=by)
        set_bylines(article, authors, by=by)
        set_tags(article, tags, by=by)
    return article


def set_tags(article: Article, tags: Iterable[Tag], *, by: Any) -> None:
    """Replace the article's tags; a public article leaves and joins tag pages.

    Raises PermissionDenied when `by` may not change this article."""
    _require_article(article, by)
    with transaction.atomic():
        old = set(article.tags.values_list("pk", flat=True))
        article.tags.set(tags)
        new = set(article.tags.values_list("pk", flat=True))
        if old != new:
            keys = [tags_key(article)]
            if article.is_published:
                keys += ["sitemap:tags", *(f"list:tag:{pk}" for pk in old ^ new)]
            purge(*keys)


def set_bylines(article: Article, authors: Sequence[Author], *, by: Any) -> None:
    """Replace the article's bylines with these authors, in this order.

    Raises PermissionDenied when `by` may not change this article."""
    _require_article(article, by)
    with transaction.atomic():
        old = list(article.bylines.values_list("author_id", flat=True))
        article.bylines.all().delete()
        Byline.objects.bulk_create(
            Byline(article=article, author=author, position=position)
            for position, author in enumerate(authors)
        )
        new = [author.pk for author in authors]
        _store_byline_names(article, " ".join(author.name for author in authors))
        if old != new:
            keys = [key_for(article)]
            if article.is_published:
                keys += [f"list:author:{pk}" for pk in set(old) | set(new)]
                keys.append("sitemap:authors")
            purge(*keys)


def submit_for_review(article: Article, *, by: Any) -> Article:
    """A draft goes to the editors; raises PermissionDenied for others' drafts."""
    article.status = Article.Status.IN_REVIEW
    return save_article(article, by=by)


def publish_article(article: Article, *, by: Any, at=None) -> Article:
    """Publish now, or at `at`; raises PermissionDenied for non-publishers."""
    _require(by, "publishing.publish_article")
    article.published_at = at or article.published_at or timezone.now()
    article.status = (
        Article.Status.SCHEDULED
        if article.published_at > timezone.now()
        else Article.Status.PUBLISHED
    )
    return save_article(article, by=by)


def save_appeal(appeal: Appeal, *, by: Any) -> Appeal:
    """Save an appeal; making it the default takes that role from any other."""
    _require(by, "publishing.change_appeal" if appeal.pk else "publishing.add_appeal")
    with transaction.atomic():
        keys = {key_for(appeal)}
        if appeal.is_default:
            former = Appeal.objects.filter(is_default=True).exclude(pk=appeal.pk)
            keys |= {key_for(old) for old in former}  # pages showing it by default
            former.update(is_default=False)
        appeal.save()
        purge(*keys)
    return appeal


def save_record(record: Any, *, by: Any) -> Any:
    """Save an author, section, tag or partner outlet after a permission check."""
    meta = record._meta
    action = "change" if record.pk else "add"
    _require(by, f"{meta.app_label}.{action}_{meta.model_name}")
    with transaction.atomic():
        old_slug = (
            type(record)
            .objects.filter(pk=record.pk)
            .values_list("slug", flat=True)
            .first()
            if record.pk and hasattr(record, "slug")
            else None
        )
        record.save()
        if isinstance(record, Author):
            _rename_in_bylines(record)
        keys = [key_for(record)]
        if old_slug is not None and old_slug != record.slug:
            keys.append(f"sitemap:{meta.model_name}s")  # its address is listed
        purge(*keys)
    return record


def _rename_in_bylines(author: Author) -> None:
    """Keep the searchable byline names of the author's articles current."""
    for article in Article.objects.by_author(author).prefetch_related(
        "bylines__author"
    ):
        names = " ".join(byline.author.name for byline in article.bylines.all())
        _store_byline_names(article, names)


def _store_byline_names(article: Article, names: str) -> None:
    """The authors' names as search finds them."""
    if names == article.byline_names:
        return
    article.byline_names = names
    Article.objects.filter(pk=article.pk).update(byline_names=names)
    index_article(article)
    if article.is_published:
        purge(SEARCH)


FOOTER = "list:pages"  # the footer's links to pages, on every HTML page


def save_page(page: Page, *, by: Any) -> Page:
    """Render a page's body once and save it; a new title, address or place
    in the footer purges every page (the footer shows it).

    Raises PermissionDenied when `by` may not change pages."""
    _require(by, "publishing.change_page" if page.pk else "publishing.add_page")
    page.body_html = render_markdown(page.body, images=image_for_src).html
    with transaction.atomic():
        before = Page.objects.filter(pk=page.pk).first() if page.pk else None
        page.save()
        keys = {key_for(page)}
        if _in_footer(before) != _in_footer(page):
            keys.add(FOOTER)
        if page.is_published or (before and before.is_published):
            keys.add("sitemap:pages")  # its lastmod
        purge(*keys)
    return page


def delete_page(page: Page, *, by: Any) -> None:
    """Delete a page, and its link from every footer. Raises PermissionDenied."""
    _require(by, "publishing.delete_page")
    with transaction.atomic():
        keys = [key_for(page), "sitemap:pages"]
        if _in_footer(page):
            keys.append(FOOTER)
        page.delete()
        purge(*keys)


def _in_footer(page: Page | None) -> tuple | None:
    if page is None or not (page.is_published and page.is_in_footer):
        return None
    return (page.title, page.slug, page.position)


def record_appeal_click(appeal: Appeal, *, article: Article) -> None:
    """Count one click on an appeal shown on an article; nothing about the reader."""
    with transaction.atomic():
        AppealClick.objects.get_or_create(appeal=appeal, article=article)
        AppealClick.objects.filter(appeal=appeal, article=article).update(
            count=F("count") + 1
        )
