from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.redirects.models import Redirect
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from broadsheet.core.models import SiteSettings
from broadsheet.pagecache.decorators import add_keys, cacheable
from broadsheet.pagecache.keys import key_for
from broadsheet.pagecache.query import page_number, query_value
from broadsheet.publishing import services
from broadsheet.publishing.extensions import article_head, article_parts
from broadsheet.publishing.keys import (
    LATEST,
    SEARCH,
    age_key,
    corrections_key,
    list_key,
    month_key,
    shown_keys,
    tags_key,
)
from broadsheet.publishing.models import (
    Appeal,
    Article,
    ArticleQuerySet,
    Author,
    Page,
    Section,
    Tag,
)
from broadsheet.publishing.search import search_articles

ARTICLES_PER_PAGE = 10


def _listing(request: HttpRequest, articles, *keys: str):
    """One page of a list of articles, newest first, its keys recorded.

    Raises Http404 for a page past the last, or one written otherwise than
    our links write it (see pagecache.query)."""
    paginator = Paginator(articles.with_bylines().latest_first(), ARTICLES_PER_PAGE)
    try:
        page = paginator.page(page_number(request))
    except InvalidPage as error:
        raise Http404(_("No such page.")) from error
    add_keys(request, *keys, *shown_keys(page.object_list))
    return page


# WordPress's own links (/?p=123, /?page_id=7), kept by an import as redirects:
# they name the home page, so the redirects' 404 fallback never sees them.
OLD_QUERY_LINKS = ("p", "page_id")


@require_safe
@cacheable(query=("page", *OLD_QUERY_LINKS))
def home(request: HttpRequest) -> HttpResponse:
    if any(name in request.GET for name in OLD_QUERY_LINKS):
        moved = Redirect.objects.filter(
            site_id=settings.SITE_ID, old_path=request.get_full_path()
        ).first()
        if moved is None:
            raise Http404(_("No page has this old address."))
        return redirect(moved.new_path, permanent=True)
    page = _listing(request, Article.objects.published(), LATEST)
    return render(request, "publishing/article_list.html", {"page_obj": page})


@require_safe
@cacheable(query=("replyto", "cpage"))
def article_detail(
    request: HttpRequest, year: int, month: int, day: int, slug: str
) -> HttpResponse:
    article = get_object_or_404(articles_to_show().published(), slug=slug)
    if article.get_absolute_url() != request.path:
        # A link with the wrong date (an old import, a hand-typed address).
        return redirect(article.get_absolute_url(), permanent=True)
    return article_page(request, article)


def articles_to_show():
    """Articles with everything their page shows fetched alongside."""
    return (
        Article.objects.with_bylines()
        .select_related("partner", "appeal", "social_image")
        .prefetch_related("corrections")
    )


def article_page(
    request: HttpRequest, article: Article, *, preview: bool = False
) -> HttpResponse:
    """The article page, for readers or (`preview`) for its editors."""
    appeal = _appeal_for(article)
    bylines = list(article.bylines.all())
    tags = list(article.tags.all())
    add_keys(
        request,
        key_for(article),
        tags_key(article),
        age_key(article.pk),
        corrections_key(article.pk),
        *(key_for(byline.author) for byline in bylines),
        *(key_for(tag) for tag in tags),
        *(
            key_for(related)
            for related in (
                article.section,
                article.partner,
                appeal,
                article.social_image,
            )
            if related
        ),
    )
    body_before, body_after = article.body_split(appeal and appeal.after_paragraph)
    context = {
        "article": article,
        "bylines": bylines,
        "tags": tags,
        "appeal": appeal,
        "body_before": body_before,
        "body_after": body_after,
        "canonical_url": article.original_url
        if article.is_republished
        else request.build_absolute_uri(article.get_absolute_url()),
        "corrections": list(article.corrections.all()),
        "old_after_days": _old_after(request, article),
        "parts": article_parts(request, article),
        "head_parts": article_head(request, article),
        "preview": preview,
    }
    return render(request, "publishing/article_detail.html", context)


def _old_after(request: HttpRequest, article: Article) -> int | None:
    """The site's age for the old-article notice, when this article is past it."""
    days = SiteSettings.objects.for_request(request).old_article_days
    return days if article.is_older_than(days) else None


def _appeal_for(article: Article) -> Appeal | None:
    if article.appeal_choice == Article.AppealChoice.NONE:
        return None
    if article.appeal_choice == Article.AppealChoice.CHOSEN and article.appeal:
        return article.appeal
    return Appeal.objects.filter(is_default=True).first()


def _archive(request: HttpRequest, model, slug: str, articles_of) -> HttpResponse:
    """The list page of an author, section or tag: `articles_of(published,
    record)` picks its articles."""
    record = get_object_or_404(model, slug=slug)
    articles = articles_of(Article.objects.published(), record)
    page = _listing(request, articles, key_for(record), list_key(record))
    name = model._meta.model_name
    return render(
        request, f"publishing/{name}_detail.html", {name: record, "page_obj": page}
    )


@require_safe
@cacheable(query=("page",))
def author_detail(request: HttpRequest, slug: str) -> HttpResponse:
    return _archive(request, Author, slug, ArticleQuerySet.by_author)


@require_safe
@cacheable(query=("page",))
def section_detail(request: HttpRequest, slug: str) -> HttpResponse:
    return _archive(request, Section, slug, ArticleQuerySet.in_section)


@require_safe
@cacheable(query=("page",))
def tag_detail(request: HttpRequest, slug: str) -> HttpResponse:
    return _archive(request, Tag, slug, ArticleQuerySet.tagged)


@require_safe
@cacheable(query=("page",))
def month_archive(request: HttpRequest, year: int, month: int) -> HttpResponse:
    try:
        start = timezone.make_aware(datetime(year, month, 1))
        start + timedelta(days=32)  # noqa: B018  (the month after must exist too)
    except (ValueError, OverflowError) as error:
        raise Http404("No such month.") from error
    articles = Article.objects.published().in_month(start)
    page = _listing(request, articles, month_key(start))
    if not page.object_list:
        # As WordPress does: a month with nothing in it is not a page. Its key
        # is recorded, so the 404 is purged when something is published.
        return render(
            request,
            "publishing/month_archive.html",
            {"month": start, "page_obj": page},
            status=404,
        )
    return render(
        request, "publishing/month_archive.html", {"month": start, "page_obj": page}
    )


@require_safe
@never_cache
def appeal_click(request: HttpRequest, appeal_id: int, article_id: int) -> HttpResponse:
    """Count the click and send the reader on to the donation page."""
    appeal = get_object_or_404(Appeal, pk=appeal_id)
    article = get_object_or_404(Article.objects.published(), pk=article_id)
    if request.method == "GET":
        services.record_appeal_click(appeal, article=article)
    return HttpResponseRedirect(appeal.donation_url)


@require_safe
@cacheable(query=("q", "page"))
def search(request: HttpRequest) -> HttpResponse:
    """Search over headlines, standfirsts, bodies and authors. Answers are
    cached like any page (the store's size cap bounds what odd queries can
    fill) and purged whenever any public article changes."""
    add_keys(request, SEARCH)
    query = query_value(request, "q") or ""
    page = page_number(request)
    found = search_articles(query, page=page)
    if page > 1 and not found.results:
        raise Http404(_("No such page."))
    return render(
        request,
        "publishing/search.html",
        {"query": query[:200], "found": found},
    )


@require_safe
@cacheable()
def page_detail(request: HttpRequest, slug: str) -> HttpResponse:
    page = get_object_or_404(Page.objects.published(), slug=slug)
    add_keys(request, key_for(page))
    return render(request, "publishing/page_detail.html", {"page": page})
